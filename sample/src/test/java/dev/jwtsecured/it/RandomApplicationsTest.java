package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jwtsecured.processor.validation.Message;
import dev.jwtsecured.runtime.JwtSettings;
import dev.jwtsecured.runtime.internal.Templates;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import jakarta.ws.rs.core.Feature;
import java.io.File;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Applications of random shape, as no one would write them but anyone might: resource types that extend and implement
 * one another, JAX-RS and JSR-250 annotations on any of them, generic types, singleton enums, locators that lead back
 * to where they started or return an interface, odd templates and exclusions, an application path. Each is compiled
 * with the processor, as a build would, and must get either the processor's own diagnostics or generated code that
 * compiles: never an uncaught exception, an internal error or a javac error in what it wrote. What compiles is then
 * served on this run's runtime, and every operation of the route report is called without a token, with a token of no
 * roles, of the role {@code user} and of the roles {@code admin} and {@code user}: each answer must be what the report
 * says of the operation (a path that two operations of different policies could take is left out, as is one the runtime
 * does not route to). {@code -Djwtsecured.randomApplications=N} tries N shapes instead of the suite's few, from seed
 * {@code -Djwtsecured.randomFirstSeed} (1 by default). {@code -Djwtsecured.randomOverride=true} sends each GET, PUT,
 * DELETE and PATCH as a POST naming its method in {@code X-HTTP-Method-Override}, which the application serves as that
 * method in a pre-matching filter of its own, after the locator guard (it found seed 70345: the guard judged the POST).
 */
class RandomApplicationsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The configurations' secrets, by their index in {@link Application#packages()}. */
  private static final String[] SECRETS = {"random-applications-secret-0123456789-abcdef",
      "random-applications-other-secret-0123456789"};
  private static final String PACKAGE = "shapes";
  private static final String[] TEMPLATES = {"", "/", "a", "/a/", "b/{id}", "{id: [0-9]+}", "{rest: .*}",
      "a/{x}/c", "{x}{y}", "//", "caf\u00e9", "a b", "{id}", "x/{id: .+}/y", "a/b", "{w: \\\\p{L}+}"};
  private static final String[] APPLICATION_PATHS = {"api", "/v1/", "/"};
  private static final String[] EXCLUDES = {"/a", "/a/.*", ".*", "/b/\\\\{id\\\\}", "/a/[^/]+/c", "(", "/x/.*"};
  private static final String[] HTTP = {"GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"};
  private static final String[] RULES = {"", "", "", "@PermitAll ", "@DenyAll ", "@RolesAllowed(\"admin\") ",
      "@RolesAllowed({\"admin\", \"user\"}) ", "@RolesAllowed(\"**\") ", "@RolesAllowed({}) ",
      "@RolesAllowed(\"user\") "};
  /** Tokens by the roles they carry. */
  private static final List<List<String>> CALLERS = List.of(List.of(), List.of("user"), List.of("admin", "user"));

  /**
   * The suite's seeds, and those past them that found a defect of the library: 88465, whose locator at {@code //}
   * RESTEasy ran without a token beside a public one at {@code {id}} (it sorts no template by its parameters); 65366,
   * whose guard asked its token at another configuration's public {@code PATCH /a/7}, which JAX-RS matches before the
   * outermost locator on the way to a guarded one, though not before that one's own template.
   */
  static List<Long> seeds() {
    return RandomRuns.seeds("jwtsecured.randomSeed", "jwtsecured.randomApplications", 40,
        "jwtsecured.randomFirstSeed", 88465, 65366);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyShapeGetsDiagnosticsOrCodeThatEnforcesItsReport(long seed, @TempDir Path dir) throws Exception {
    Random random = new Random(seed);
    dir = RandomRuns.directory(dir, "seed" + seed);
    Application app = application(random);
    List<File> files = new ArrayList<>();
    for (String[] source : app.sources()) {
      Path file = dir.resolve("src").resolve(source[0].replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      StringBuilder imports = new StringBuilder(IMPORTS);
      for (String p : new java.util.TreeSet<>(app.sources().stream().map(s -> packageOf(s[0])).toList())) {
        imports.append("import ").append(p).append(".*;\n");
      }
      Files.writeString(file, "package " + packageOf(source[0]) + ";\n" + imports + source[1]);
      files.add(file.toFile());
    }
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<Diagnostic<? extends JavaFileObject>> diagnostics;
    try {
      diagnostics = RandomRuns.compile(files, classes, Files.createDirectories(dir.resolve("generated")));
    } catch (RuntimeException e) {
      fail("seed " + seed + ": javac or the processor threw\n" + listing(app), e);
      return;
    }
    List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    boolean unknownRoot = diagnostics.stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.WARNING
        && d.getMessage(null).startsWith("[" + Message.GUARD_BEFORE_UNKNOWN_ROOT.tag() + "]"));
    // Overrides with JAX-RS annotations of their own but no HTTP method, as "shapes.T3.t0m2": the runtimes disagree
    // whether they are resource methods at all, and the processor said so.
    Set<String> disputed = new HashSet<>();
    String disputedTag = "[" + Message.OVERRIDE_INHERITS_NO_JAXRS.tag() + "] ";
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      String text = d.getMessage(null);
      if (d.getKind() == Diagnostic.Kind.WARNING && text.startsWith(disputedTag)) {
        disputed.add(text.substring(disputedTag.length(), text.indexOf('(')));
      }
    }
    // Named as outside every configuration only where none has its package.
    String outsideTag = "[" + Message.RESOURCE_OUTSIDE_CONFIGURATIONS.tag() + "] Resource ";
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      String text = d.getMessage(null);
      if (d.getKind() == Diagnostic.Kind.WARNING && text.startsWith(outsideTag)) {
        String resource = text.substring(outsideTag.length(), text.indexOf(' ', outsideTag.length()));
        if (app.packages().stream().anyMatch(p -> resource.startsWith(p + "."))) {
          fail("seed " + seed + ": " + d + "\n" + listing(app));
        }
      }
    }
    for (Diagnostic<? extends JavaFileObject> d : errors) {
      String text = d.getMessage(null);
      boolean ours = Arrays.stream(Message.values()).anyMatch(m -> text.startsWith("[" + m.tag() + "]"));
      if (!ours || text.contains(Message.INTERNAL_ERROR.tag())) {
        fail("seed " + seed + ": " + d + "\n" + listing(app));
      }
    }
    if (errors.isEmpty()) {
      // Warned that a configuration's guard may refuse the other's callers: where a root resource of the other has a
      // template whose parameter takes several segments. On Apache CXF, which shows a feature nothing of the others,
      // where nothing places both configurations in one application, the guard cannot learn the other's resources.
      serve(seed, app, classes, unknownRoot || TestServer.runtime().equals("cxf") && app.applicationPath() == null,
          disputed);
    }
  }

  /**
   * The configuration's OpenAPI document against its route report: one path per hierarchy (OpenAPI 3.1: "templated
   * paths with the same hierarchy but different templated names MUST NOT exist"; before, {@code /a/{id}} and a
   * locator's {@code /a/{rest}} were two), no name twice in a path ("each template expression MUST NOT appear more than
   * once"; {@code /{id}/b/{id}} was), each operation's path parameters the names of its path, and each route an
   * operation there, open to anonymous callers ({@code []}, or {@code {}} among its requirements) where it is public
   * and asking a token where it is not.
   */
  private static void checkDocument(long seed, Application app, Path classes, String configuration, JsonNode report)
      throws Exception {
    JsonNode document;
    try (InputStream in = Files.newInputStream(classes.resolve("META-INF/jwtsecured/" + configuration
        + ".openapi.json"))) {
      document = JSON.readTree(in);
    }
    JsonNode paths = document.get("paths");
    String scheme = document.get("components").get("securitySchemes").properties().iterator().next().getKey();
    Map<String, String> hierarchies = new HashMap<>();
    for (Map.Entry<String, JsonNode> item : paths.properties()) {
      String path = item.getKey();
      String other = hierarchies.put(hierarchy(path), path);
      if (other != null) {
        fail("seed " + seed + ": the OpenAPI paths " + other + " and " + path + " are one\n" + listing(app));
      }
      List<String> names = new ArrayList<>();
      Matcher m = Templates.PARAM.matcher(path);
      while (m.find()) {
        if (names.contains(m.group(1))) {
          fail("seed " + seed + ": the OpenAPI path " + path + " names " + m.group(1) + " twice\n" + listing(app));
        }
        names.add(m.group(1));
      }
      for (Map.Entry<String, JsonNode> op : item.getValue().properties()) {
        List<String> documented = new ArrayList<>();
        op.getValue().path("parameters").forEach(parameter -> documented.add(parameter.get("name").asText()));
        if (!documented.equals(names)) {
          fail("seed " + seed + ": " + op.getKey() + " " + path + " documents the parameters " + documented + "\n"
              + listing(app));
        }
      }
    }
    for (JsonNode route : report.get("routes")) {
      String method = route.get("method").asText().toLowerCase(Locale.ROOT);
      String path = hierarchies.get(hierarchy(Templates.openApi(route.get("path").asText())));
      JsonNode op = path == null ? null : paths.get(path).get(method);
      if (op == null) {
        fail("seed " + seed + ": no operation documents " + route + "\n" + listing(app));
        return;
      }
      boolean open = op.get("security").isEmpty();
      boolean token = false;
      for (JsonNode requirement : op.get("security")) {
        open |= requirement.isEmpty();
        token |= requirement.has(scheme);
      }
      String access = route.get("access").asText();
      boolean isPublic = !access.equals("protected") && !access.equals("denied");
      if (isPublic && !open || !isPublic && !token) {
        fail("seed " + seed + ": " + method + " " + path + " documents " + op.get("security") + " for " + route + "\n"
            + listing(app));
      }
    }
  }

  /** An OpenAPI path with its parameters' names left out. */
  private static String hierarchy(String openApiPath) {
    return Templates.PARAM.matcher(openApiPath).replaceAll("{}");
  }

  /**
   * Serves the application compiled to {@code classes} and calls its routes; {@code unaware}: a configuration's
   * locator guard may not know another's resources (the processor warned, or the runtime cannot tell it); {@code
   * disputed}: the methods (as
   * {@code shapes.T3.t0m2}) it warned that the runtimes disagree on.
   */
  private static void serve(long seed, Application app, Path classes, boolean unaware, Set<String> disputed)
      throws Exception {
    REGEXES.clear();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        RandomApplicationsTest.class.getClassLoader())) {
      List<Feature> features = new ArrayList<>();
      Set<Class<?>> generated = new HashSet<>();
      List<JsonNode> routes = new ArrayList<>();
      for (int c = 0; c < app.packages().size(); c++) {
        String configuration = app.packages().get(c) + ".Config";
        Class<?> featureType = loader.loadClass(configuration + "JwtFeature");
        JwtSettings.Builder settings = (JwtSettings.Builder) featureType.getMethod("settings").invoke(null);
        features.add((Feature) featureType.getConstructor(JwtSettings.class)
            .newInstance(settings.secret(SECRETS[c]).build()));
        @SuppressWarnings("unchecked")
        Set<Class<?>> classes0 = (Set<Class<?>>) featureType.getMethod("classes").invoke(null);
        generated.addAll(classes0);
        JsonNode report;
        try (InputStream in = Files.newInputStream(classes.resolve("META-INF/jwtsecured/" + configuration
            + ".routes.json"))) {
          report = JSON.readTree(in);
        }
        checkDocument(seed, app, classes, configuration, report);
        for (JsonNode route : report.get("routes")) {
          String name = route.get("javaMethod").asText();
          String declared = Arrays.stream(loader.loadClass(route.get("resource").asText()).getMethods())
              .filter(m -> m.getName().equals(name) && !m.isBridge()).findFirst()
              .map(m -> m.getDeclaringClass().getName() + "." + name).orElse("");
          ObjectNode entry = ((ObjectNode) route).put("configuration", c).put("disputed", disputed.contains(declared));
          jakarta.ws.rs.Path root = route.has("locator") ? null
              : pathOf(loader.loadClass(route.get("resource").asText()));
          if (root != null) {
            entry.put("root", root.value());
          }
          routes.add(entry);
        }
      }
      generated.add(loader.loadClass(PACKAGE + ".Runs$Reset"));
      if (OVERRIDE) {
        generated.add(dev.jwtsecured.it.routes.MethodOverride.class);
      }
      generated.add(loader.loadClass(PACKAGE + ".Runs$Answered"));
      List<Class<?>> roots = new ArrayList<>();
      Set<Object> singletons = new HashSet<>(features);
      List<String[]> rootTemplates = new ArrayList<>();
      // The locators of root classes, then those the guards guard: {whole template, root class template,
      // configuration}.
      List<String[]> rootLocators = new ArrayList<>();
      for (String name : app.types()) {
        Class<?> type = loader.loadClass(name);
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
          continue;
        }
        if (type.isAnnotationPresent(jakarta.ws.rs.Path.class) && type.isEnum()) {
          singletons.add(type.getEnumConstants()[0]);
        } else if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
          roots.add(type);
        }
        // The roots as the processor sees them (and a runtime would serve them, registered): @Path on the class, a
        // superclass or an interface.
        jakarta.ws.rs.Path template = pathOf(type);
        if (template != null) {
          String configuration = String.valueOf(Math.max(0, app.packages().indexOf(packageOf(name))));
          rootTemplates.add(new String[] {template.value(), configuration});
          for (Method m : type.getMethods()) {
            Method declaration = jaxrsDeclaration(type, m);
            if (declaration != null && declaration.isAnnotationPresent(jakarta.ws.rs.Path.class)
                && Arrays.stream(declaration.getAnnotations())
                    .noneMatch(a -> a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class))) {
              String whole = template.value() + "/" + declaration.getAnnotation(jakarta.ws.rs.Path.class).value();
              rootLocators.add(new String[] {whole.replaceAll("/+", "/"), template.value(), configuration});
            }
          }
        }
      }
      // And the locators each configuration's guard guards, those behind other locators among them, as the generated
      // guard lists them ({@code TEMPLATES}: whole template, root class template).
      for (int c = 0; c < app.packages().size(); c++) {
        Path guard = classes.resolveSibling("generated").resolve(app.packages().get(c).replace('.', '/'))
            .resolve("ConfigJwtLocatorGuard.java");
        if (Files.exists(guard)) {
          Matcher operation = GUARDED.matcher(Files.readString(guard));
          while (operation.find()) {
            rootLocators.add(new String[] {javaString(operation.group(1)), javaString(operation.group(2)),
                String.valueOf(c)});
          }
        }
      }
      String context = app.applicationPath() == null ? "" : "/" + prefix(app);
      AtomicInteger runs = (AtomicInteger) loader.loadClass(PACKAGE + ".Runs").getField("COUNT").get(null);
      Tally tally = new Tally();
      // How each route's parameters are filled and its path is escaped: drawn apart from the shape, which each seed
      // keeps.
      Random sending = new Random(seed * 31 + 17);
      TestServer server;
      try {
        generated.addAll(roots);
        server = TestServer.start(context.equals("/") ? "" : context, TestServer.application(singletons, generated));
      } catch (RuntimeException refused) {
        // The runtime refuses the application itself (Jersey: two methods for one path and media type).
        System.out.println("seed " + seed + ": the runtime refused the application: " + refused);
        return;
      }
      try (server) {
        for (JsonNode route : routes) {
          check(seed, app, server.http, route, routes, runs, tally, unaware, rootTemplates, rootLocators,
              sending);
        }
      }
      System.out.println("seed " + seed + ": " + tally.called + " of " + routes.size() + " operations called, "
          + tally.guarded + " of them behind a guarded locator, " + tally.askedMore
          + " asked a token that their rule does not need, " + tally.otherGuard
          + " refused by the guard of another configuration, " + tally.refused + " not served for their target");
    }
  }

  /** What one application's calls found. */
  private static final class Tally {
    int called;
    int guarded;
    int askedMore;
    int otherGuard;
    int refused;
  }

  /** Calls {@code route} as each caller, unless it is ambiguous or the runtime does not route to it. */
  private static void check(long seed, Application app, RawHttp http, JsonNode route, List<JsonNode> routes,
      AtomicInteger runs, Tally tally, boolean unaware, List<String[]> rootTemplates, List<String[]> rootLocators,
      Random sending) {
    String method = route.get("method").asText();
    String template = route.get("path").asText();
    // Half the routes as before: each parameter 7, escapes in upper case (Jetty refuses some targets of the others).
    boolean plain = sending.nextBoolean();
    String path = plain ? PARAMETER.matcher(template).replaceAll(m -> plainValue(m.group(1))) : fill(template, sending);
    String target = plain ? RandomRuns.target(path) : send(path, sending);
    String policy = policy(route);
    for (JsonNode other : routes) {
      boolean sameMethod = answersMethod(other, method);
      Pattern otherPath = regex(other.get("path").asText());
      // A parameter matching nothing ({rest: .*}) takes the path without it too, on some runtimes.
      boolean samePath = otherPath.matcher(path).matches() || otherPath.matcher(path + "/").matches();
      if (sameMethod && samePath && !policy(other).equals(policy)) {
        return;
      }
    }
    String access = route.get("access").asText();
    int configuration = route.get("configuration").asInt();
    List<RawHttp.Response> answers = new ArrayList<>();
    int before = runs.get();
    boolean locatorRan;
    try {
      answers.add(call(http, method, target));
      locatorRan = runs.get() != before;
      for (List<String> roles : CALLERS) {
        answers.add(call(http, method, target,
            Jwts.bearer(SECRETS[configuration], "ada", roles.toArray(new String[0]))));
      }
      if (app.packages().size() > 1) {
        // The other configuration's token, with every role: valid there, not here.
        answers.add(call(http, method, target, Jwts.bearer(SECRETS[1 - configuration], "ada", "admin", "user")));
      }
    } catch (IllegalStateException unanswered) {
      if (app.selfLocator()) {
        // A locator returning its class again at a template that may match nothing: RESTEasy 6.2 recurses for more
        // than the client waits (10 s) before its stack overflows.
        return;
      }
      throw unanswered;
    }
    if (route.get("disputed").asBoolean()) {
      // An override with JAX-RS annotations of its own but no HTTP method: RESTEasy serves it as the report says,
      // Jersey and CXF not at all, and a request may reach another method there (seed 7750 on CXF: HEAD through a
      // locator at "", whose answer has no body to name it), whose own rule applies. The processor warned. Only the
      // server's own failures count.
      for (RawHttp.Response answer : answers) {
        if (answer.status >= 500 && !(ambiguous(routes) || app.selfLocator() || app.twinLocators()
            || splitEscape(routes, target, answer))) {
          fail("seed " + seed + ": " + method + " " + target + ": " + answer + "\n" + listing(app));
        }
      }
      return;
    }
    if (answers.stream().allMatch(answer -> answer.status == 400) && target.matches("(?s).*(%25|[^\\x21-\\x7e]).*")) {
      // The server refuses the target whoever calls: an escaped percent, which Jetty 12 calls an ambiguous path
      // encoding, or a byte beyond ASCII sent as it is, which no request line may hold.
      tally.refused++;
      return;
    }
    for (RawHttp.Response answer : answers) {
      if (answer.status == 404 || answer.status == 405 || answer.status / 100 == 3) {
        return; // the runtime takes the path elsewhere, or nowhere
      }
      if (answer.status == 500 && (ambiguous(routes) || app.selfLocator() || app.twinLocators())) {
        // The runtime's own: a class with two methods for one request, or two locators at one template, which Jersey
        // refuses when a locator returns it ("contains sub resource locators on the same path"), or a locator whose
        // template may match nothing (no path, {rest: .*}) returning its class again, whose routing recurses until the
        // stack overflows (Jersey, RESTEasy)
        return;
      }
      if (splitEscape(routes, target, answer)) {
        return;
      }
    }
    for (RawHttp.Response answer : answers) {
      // Each method answers with its resource class (the type a locator declared) and its name: where the runtime chose
      // another method or class for the path than the route report, that one's own rule applied (its route is called
      // in turn). A HEAD answer has no body: Runs.Answered names the method in a header. So it does where the method
      // matched could not read the body, or write what Accept asks, after its rule passed (seed 74629 on Apache CXF:
      // PATCH /77/77 taken through a locator at {rest: .*} returning its own class, whose paths the report leaves out,
      // to T3.t3m2, which any token passes, and a 415).
      boolean matched = answer.status == 200 || answer.status == 415 || answer.status == 406;
      String answered = answer.body.isEmpty() || answer.status != 200 ? answer.header("X-Answered") : answer.body;
      if (matched && answered != null && answered.matches("T[0-9]+\\.t[0-9]+m[0-9]+")
          && !answered.equals(simpleName(route.get("resource").asText()) + "."
              + route.get("javaMethod").asText())) {
        return;
      }
    }
    if (app.twinLocators() && method.equals("HEAD") && route.has("locator")) {
      // Two locators of one class at one template: which the runtime takes is its own choice (RESTEasy and CXF take
      // another than Jersey), and a HEAD answer has no body to tell which method answered.
      return;
    }
    tally.called++;
    String what = "seed " + seed + ": " + method + " " + target + " (" + policy + ")";
    // A class the processor cannot know (an anonymous one a locator returns) may have the rules of several declared
    // types: the route report gives each path its declared type's rule, the runtime applies them all.
    boolean stricterAllowed = app.layered().contains(route.get("resource").asText());
    // The guard checks the rule of a locator declaring Object wherever its template may match and it cannot tell that
    // JAX-RS takes the request elsewhere first (a {rest: .*} beside a method at "/", roots of one template), and JAX-RS
    // takes such a locator first for paths the report gives another of its class (nothing behind Object is in the
    // report): the safe direction, which the README states (seeds 1062 of 1,500, and 1906, 2059, 2538 and 2683 of
    // 3,000).
    stricterAllowed |= app.untyped();
    // Two locators of one class at one template, each leading to a method of its own rule: RESTEasy takes either, by
    // run (seed 6550: T4.t1m3, denied, or T1.t1m3 for user, behind twin locators at a/{x}/c), and a refusal names no
    // method. Each method's own rule applies; a refusal where the report's method passes is the other's.
    stricterAllowed |= app.twinLocators() && route.has("locator");
    // A segment sent with an escape beside two parameters in one segment ({x}{y}): the runtimes match templates against
    // the path as sent, where an escape is three characters, and such a segment fills both (Apache CXF: %25, which "%"
    // decoded cannot), or ties there (RESTEasy counts no parameters: %2541 at {id} and at {x}{y}), and the request may
    // reach a method of its own rule that the report leaves out (behind a class again on the path); a refusal names no
    // method (seed 65157, POST .../7/7/%25/caf%C3%A9 on CXF and .../7/%2541/caf%C3%A9 on RESTEasy 7, for T0.t0m0 at
    // {id}/café: T0 at "" through {x}{y} and {id}, where t0m2 denies all and t0m3 at "/" ties, either taken by run).
    stricterAllowed |= escapeBesideTwo(routes, target);
    if (guarded(route, path, routes)) {
      tally.guarded++;
      if (locatorRan && !method.equals("OPTIONS")) {
        fail(what + ": a locator leading only to operations that need a token ran without one\n" + listing(app));
      }
    }
    if (escapesApplicationPath(app, target) && !TestServer.runtime().equals("jersey")) {
      // A letter of the application path sent escaped (/v%31 for /v1/): the servlet containers take the request to the
      // application, and the runtimes then match a path of their own making: RESTEasy on Undertow and Apache CXF the
      // whole path (/v%31/7 as v1/7), Jersey on Grizzly what follows the raw path's first characters (1/7); only Jersey
      // on Jetty matches 7. The rule of whatever method is there applies (seed 60722: HEAD /v%31 on RESTEasy and CXF
      // reached T1.t1m1 at {x}{y}, denied, and a refusal names no method). Only the checks above hold, and no 5xx.
      for (RawHttp.Response answer : answers) {
        if (answer.status >= 500) {
          fail(what + ", the application path escaped: " + answer + "\n" + listing(app));
        }
      }
      return;
    }
    if (answers.stream().anyMatch(answer -> answer.status == 415 || answer.status == 406)
        && matchedOnlyAsSent(route, routes, path, target)) {
      // Another route of this request method, of another rule, matches the target as sent and not its decoded path:
      // RESTEasy matches templates against the path as sent, so an escaped letter (/x/%61) passes a locator at "a" by
      // and reaches a method at {x}{y}, whose own rule applied; it could not read the empty body, and a 415 names no
      // method (seed 60958 on RESTEasy 7 and 6.2). Only the checks above hold.
      return;
    }
    if (!target.equals(RandomRuns.target(path)) && literalsNeedEscapes(template)) {
      // A template whose literal characters need escapes ("café", "a b"), sent otherwise than in upper-case escapes
      // (lower case, raw): the runtimes disagree where it goes (RESTEasy and Apache CXF take caf%c3%a9 past "café", to
      // a {rest: .*} beside it, seed 183 on RESTEasy), and the rule there applies, of this configuration or another; a
      // refusal names no method. Only the checks above hold.
      return;
    }
    int anonymous = RandomRuns.expected(access, route, null);
    if (anonymous == 200 && answers.get(0).status == 401) {
      // Only the locator guard answers 401 to a public operation: it asks a token wherever a request may reach a
      // locator that leads only to operations needing one, unless it knows JAX-RS takes the request elsewhere first
      // (a path sent plainly, to a method the locator's class or a root resource sorts first). A token asked more
      // often is the safe direction: counted, not failed.
      anonymous = 401;
      tally.askedMore++;
    }
    expect(answers.get(0), anonymous, stricterAllowed, what + " without a token", app);
    for (int i = 0; i < CALLERS.size(); i++) {
      // A token of the route's own configuration that a signature check refused: the other configuration's locator
      // guard checked it. Only where the guard cannot know the other's resources (unaware), or where another root
      // resource JAX-RS matches first takes the request.
      RawHttp.Response answer = answers.get(i + 1);
      if (answer.status == 401 && answer.toString().contains("The token signature is invalid")) {
        String prefix = prefix(app);
        String relative = prefix.isEmpty() ? path : path.substring(prefix.length() + 1);
        // Nor where the target holds what the guard leaves to nothing JAX-RS matches first, as a server may read it
        // otherwise (an escaped percent sign, slash, dot, semicolon, "?", "#" or backslash, a byte sent raw): it asks
        // its own token there, the safe direction (seed 583 on Grizzly: %25).
        boolean unread = target.matches("(?s).*(%(25|2[EeFf]|3[BbFf]|23|5[Cc])|[^\\x21-\\x7e]).*");
        // Nor where the route's template has literal characters that need escapes ("café", "a b") and the target
        // holds them escaped: Quarkus REST matches templates unescaped against the path as sent (caf%C3%A9 passes a
        // method at "café"), so the other's guard, whose locator at {rest: .*}/a such a path may reach, leaves nothing
        // there to this configuration (seed 5150).
        unread |= !target.equals(path) && literalsNeedEscapes(template);
        // Nor where the route's template does not match the target as sent: a parameter's regular expression that takes
        // its value only decoded ({w: \p{L}+} and caf%C3%A9, seed 60424: POST /a/caf%C3%A9), a literal letter sent
        // escaped (b/{id} and /%62/x, seed 78215). A runtime that matches the path as sent (RESTEasy) passes this route
        // by, and the other's guard, whose locator at a root of "/" such a path may then reach, leaves it nothing.
        unread |= !target.equals(path) && !regex(template).matcher(target).matches();
        // Nor behind twin locators (two of one class at one template, of which RESTEasy takes either, seed 6550): the
        // request may reach the other twin's class, of the other configuration, whose own filter refuses this one's
        // token (seed 89678 on RESTEasy 7 and 6.2: POST /x/7/y/7/a/a, for T5.t1m0 of a through T3's locator t2m0 at
        // "a", whose twin t2m1 there leads to T1, of b). The processor warns of twin locators.
        unread |= app.twinLocators() && route.has("locator");
        if (!unaware && !unread && !otherRootFirst(relative, configuration, rootTemplates)
            && !rootsTie(relative, configuration, rootTemplates)
            && !otherLocatorFirst(route, prefix, relative, configuration, rootLocators)) {
          fail(what + " with roles " + CALLERS.get(i) + ": refused by another configuration's locator guard"
              + (unaware ? "" : " without a warning") + "\n" + answer + "\n" + listing(app));
        }
        tally.otherGuard++;
        continue;
      }
      expect(answers.get(i + 1), RandomRuns.expected(access, route, CALLERS.get(i)), stricterAllowed,
          what + " with roles " + CALLERS.get(i), app);
    }
    if (answers.size() > CALLERS.size() + 1) {
      // As good as no token here, except where a guard refused an anonymous caller a route its rule passes: asking
      // a token (401; the other configuration's guard may be the one, and its token passes there), or by the rule of
      // another's locator declaring Object (403, stricter), where this configuration's guard, asked first, may ask
      // its own token of the other's (seed 85589 on RESTEasy 7: PUT /caf%C3%A9/a/b, public, beside this one's locator
      // at café/{id} and the other's at / of a root at {id}, each a path taken first only where it is sent plainly).
      RawHttp.Response foreign = answers.get(CALLERS.size() + 1);
      int rule = RandomRuns.expected(access, route, null);
      int first = answers.get(0).status;
      boolean refusedAnonymous = rule == 200 && (first == 401 || first == 403);
      if (!(refusedAnonymous && foreign.status == 401)) {
        expect(foreign, rule, stricterAllowed, what + " with the other configuration's token, as without a token",
            app);
      }
    }
  }

  /**
   * Whether another route than {@code route}, for its request method and of another rule, matches {@code target} as
   * sent but not the decoded {@code path}.
   */
  private static boolean matchedOnlyAsSent(JsonNode route, List<JsonNode> routes, String path, String target) {
    String method = route.get("method").asText();
    for (JsonNode other : routes) {
      Pattern otherPath = regex(other.get("path").asText());
      if (answersMethod(other, method) && !policy(other).equals(policy(route)) && otherPath.matcher(target).matches()
          && !otherPath.matcher(path).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code routes} have two parameters in one segment ({x}{y}) and {@code target} a segment with an escape,
   * which as sent may fill both.
   */
  private static boolean escapeBesideTwo(List<JsonNode> routes, String target) {
    return Arrays.stream(target.split("/")).anyMatch(segment -> segment.matches(".*%[0-9A-Fa-f]{2}.*"))
        && routes.stream().anyMatch(r -> r.get("path").asText().contains("}{"));
  }

  /** Whether {@code route} answers request method {@code method}: its own, or GET's for HEAD. */
  private static boolean answersMethod(JsonNode route, String method) {
    String own = route.get("method").asText();
    return own.equals(method) || method.equals("HEAD") && own.equals("GET");
  }

  /** The application's path without its slashes at either end ({@code ""}: none, or "/"). */
  private static String prefix(Application app) {
    return app.applicationPath() == null ? "" : app.applicationPath().replaceAll("^/+|/+$", "");
  }

  /** Whether {@code target} sends a character of the application's path escaped. */
  private static boolean escapesApplicationPath(Application app, String target) {
    String prefix = prefix(app);
    String sent = target.replaceFirst("^/+", "");
    return !prefix.isEmpty() && !(sent.equals(prefix) || sent.startsWith(prefix + "/"));
  }

  /** Whether {@code template}'s literal characters, its parameters left out, hold one a path holds only escaped. */
  private static boolean literalsNeedEscapes(String template) {
    return PARAMETER.matcher(template).replaceAll("").chars().anyMatch(c -> c <= 0x20 || c >= 0x7f);
  }

  /**
   * Whether {@code answer} is the runtime's own failure at two parameters in one segment ({x}{y}) of one of {@code
   * routes}: each runtime matches them against {@code target} as sent, may split an escape of a character beyond ASCII
   * between them (7caf%C3%A9 as 7caf%C3%A and 9 on Jersey and RESTEasy, which then answer 500, RESTEasy with the
   * exception's message: seeds 273 and 190; Apache CXF at an escape that starts the segment), and fails decoding a
   * half, before the method runs (README, "Tested runtimes").
   */
  private static boolean splitEscape(List<JsonNode> routes, String target, RawHttp.Response answer) {
    return answer.status == 500 && target.matches("(?s).*%[89A-Fa-f][0-9A-Fa-f].*")
        && routes.stream().anyMatch(r -> r.get("path").asText().contains("}{"));
  }

  /**
   * Whether every operation the report lists behind {@code route}'s locator needs a token (the guard authenticates
   * before such a locator), and no other way leads to {@code path}.
   */
  private static boolean guarded(JsonNode route, String path, List<JsonNode> routes) {
    if (!route.has("locator")) {
      return false;
    }
    String locator = route.get("locator").asText();
    for (JsonNode r : routes) {
      boolean open = policy(r).equals("open");
      if (r.has("locator") && r.get("locator").asText().equals(locator) && open) {
        return false;
      }
      if (regex(r.get("path").asText()).matcher(path).matches()
          && !(r.has("locator") && r.get("locator").asText().equals(locator))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether JAX-RS may match {@code path} to a root resource of another configuration than {@code configuration}
   * first ({@code roots}: each root class's template and configuration), whose locator guard then rightly asks its
   * token: the root templates matching the path sorted as JAX-RS sorts them (literal characters, parameters,
   * parameters with a regular expression), or as RESTEasy sorts them (literal characters, parameters with a regular
   * expression: it counts no others), one of the other configuration's among the first.
   */
  private static boolean otherRootFirst(String path, int configuration, List<String[]> roots) {
    return otherRootFirst(path, configuration, roots, false) || otherRootFirst(path, configuration, roots, true);
  }

  /** {@link #otherRootFirst}, by the keys of JAX-RS or of RESTEasy ({@code restEasy}). */
  private static boolean otherRootFirst(String path, int configuration, List<String[]> roots, boolean restEasy) {
    int[] best = null;
    boolean other = false;
    for (String[] root : roots) {
      int[] key = rootKey(root[0], path);
      if (key == null) {
        continue;
      }
      key = restEasy ? new int[] {key[0], key[2]} : key;
      int order = best == null ? 1 : Arrays.compare(key, best);
      if (order > 0) {
        best = key;
        other = false;
      }
      if (order >= 0) {
        other |= Integer.parseInt(root[1]) != configuration;
      }
    }
    return other;
  }

  /**
   * Whether a key of {@link #rootKey} sorts first in both orders: JAX-RS's (literal characters, parameters, parameters
   * with a regular expression) and RESTEasy's (literal characters, parameters with a regular expression).
   */
  private static boolean firstInBoth(int[] first, int[] second) {
    return Arrays.compare(first, second) > 0
        && (first[0] > second[0] || first[0] == second[0] && first[2] > second[2]);
  }

  /**
   * Whether a root class of {@code configuration} and one of another configuration match {@code path} and neither sorts
   * first in both orders ({@link #firstInBoth}): alike (as {@code ""} and {@code "/"}), which of the two a runtime
   * takes is not defined (Jersey refuses such an application, RESTEasy merges the two and compares whole templates); in
   * one order first and not in the other, the runtimes disagree. So the other configuration's locator guard leaves
   * nothing there to this one's and asks its own token, the safe direction (random application 9433 on RESTEasy).
   */
  private static boolean rootsTie(String path, int configuration, List<String[]> roots) {
    for (String[] own : roots) {
      int[] key = Integer.parseInt(own[1]) == configuration ? rootKey(own[0], path) : null;
      for (String[] other : roots) {
        int[] otherKey = key == null || Integer.parseInt(other[1]) == configuration ? null : rootKey(other[0], path);
        if (otherKey != null && !firstInBoth(key, otherKey) && !firstInBoth(otherKey, key)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a locator of another configuration's root class may take {@code path} (relative to the application path
   * {@code prefix}) and {@code route}'s root class does not sort before it by both its class template and its whole
   * template in both orders ({@link #firstInBoth}; {@code locators}: whole template, root class template,
   * configuration): JAX-RS picks the root class by its template, as RESTEasy does by its own keys, and RESTEasy with
   * wider matching compares whole templates, so that configuration's locator guard asks its own token there, the
   * safe direction the README states (seed 61659: DELETE /a, of a root at "/a/", beside a locator at "a" of a root at
   * ""). A route behind a locator is compared as that locator of its root class, which is what the guard is told of.
   */
  private static boolean otherLocatorFirst(JsonNode route, String prefix, String path, int configuration,
      List<String[]> locators) {
    String ownRoot = route.has("root") ? route.get("root").asText() : null;
    String own = route.get("path").asText();
    if (ownRoot == null && route.has("locator")) {
      // Behind a locator of a root class: what is shared with the other configuration's guard is that locator, at its
      // whole template (seed 73113: DELETE /a/b/a/a behind a locator at "/a/" of a root at "a/b", beside another's
      // guarded locator at "/a/b/{id}/{id}" of a root at "/", which ties by literal characters).
      own = route.get("locator").asText();
      String relative = normalized(withoutPrefix(own, prefix));
      for (String[] locator : locators) {
        if (Integer.parseInt(locator[2]) == configuration && normalized(locator[0]).equals(relative)) {
          ownRoot = locator[1];
        }
      }
    }
    if (ownRoot == null) {
      return false;
    }
    int[] ownClass = rootKey(ownRoot, path);
    int[] ownWhole = rootKey(withoutPrefix(own, prefix), path);
    if (ownClass == null || ownWhole == null) {
      return false;
    }
    for (String[] locator : locators) {
      int[] otherWhole = rootKey(locator[0], path);
      int[] otherClass = rootKey(locator[1], path);
      if (Integer.parseInt(locator[2]) != configuration && otherClass != null && otherWhole != null
          && !(firstInBoth(ownClass, otherClass) && firstInBoth(ownWhole, otherWhole))) {
        return true;
      }
    }
    return false;
  }

  /** {@code path} (a route report's) without the application path {@code prefix}. */
  private static String withoutPrefix(String path, String prefix) {
    return prefix.isEmpty() || !path.startsWith("/" + prefix) ? path : path.substring(prefix.length() + 1);
  }

  /** {@code template} with its slashes folded and none at either end. */
  private static String normalized(String template) {
    return template.replaceAll("/+", "/").replaceAll("^/|/$", "");
  }

  /** A guarded locator in a generated guard's {@code TEMPLATES}: its whole template and its root class template. */
  private static final Pattern GUARDED =
      Pattern.compile("SharedRoots\\.operation\\(\"((?:[^\"\\\\]|\\\\.)*)\", \"((?:[^\"\\\\]|\\\\.)*)\"\\)");

  /** The value of a Java string literal's text {@code literal}, as JavaPoet writes it. */
  private static String javaString(String literal) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c != '\\') {
        out.append(c);
      } else if (literal.charAt(++i) == 'u') {
        out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
        i += 4;
      } else {
        char escaped = literal.charAt(i);
        out.append(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped == 'r' ? '\r' : escaped);
      }
    }
    return out.toString();
  }

  /**
   * The method whose JAX-RS annotations {@code method} of {@code type} has: its own declaration's, else the nearest
   * superclass's or interface's carrying one (JAX-RS annotation inheritance), else {@code null}.
   */
  private static Method jaxrsDeclaration(Class<?> type, Method method) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      Method found = jaxrsAnnotated(c, method);
      if (found != null) {
        return found;
      }
    }
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        Method found = jaxrsDeclaration(i, method);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** {@code method}'s declaration in {@code type} where it carries a JAX-RS annotation, else {@code null}. */
  private static Method jaxrsAnnotated(Class<?> type, Method method) {
    try {
      Method declared = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
      boolean jaxrs = Arrays.stream(declared.getAnnotations()).anyMatch(a -> a.annotationType()
          == jakarta.ws.rs.Path.class || a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class));
      return jaxrs ? declared : null;
    } catch (NoSuchMethodException absent) {
      return null;
    }
  }

  /**
   * The keys by which JAX-RS sorts a root class's {@code template} (literal characters, parameters, parameters with a
   * regular expression), or {@code null} where it does not match {@code path}.
   */
  private static int[] rootKey(String rootTemplate, String path) {
    String template = rootTemplate.replaceAll("^/+|/+$", "");
    String regex = regex("/" + template).pattern();
    regex = regex.substring(0, regex.length() - 2);
    if (!template.isEmpty() && !Pattern.compile(regex + "(/.*)?").matcher(path).matches()) {
      return null;
    }
    Matcher parameters = PARAMETER.matcher(template);
    int count = 0;
    int withRegex = 0;
    while (parameters.find()) {
      count++;
      withRegex += parameters.group(1) == null ? 0 : 1;
    }
    return new int[] {PARAMETER.matcher(template).replaceAll("").length(), count, withRegex};
  }

  /** The {@code @Path} of {@code type}, else of its nearest superclass carrying one, else of an interface. */
  private static jakarta.ws.rs.Path pathOf(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
        return c.getAnnotation(jakarta.ws.rs.Path.class);
      }
    }
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        jakarta.ws.rs.Path found = pathOf(i);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** Whether a class of the report serves one request method at one path twice. */
  private static boolean ambiguous(List<JsonNode> routes) {
    Set<String> seen = new HashSet<>();
    for (JsonNode r : routes) {
      if (!seen.add(r.get("resource").asText() + " " + r.get("method").asText() + " "
          + regex(r.get("path").asText()).pattern())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Fails unless {@code answer} is as {@code expected} says: for 200, any answer that passed the security (the
   * runtime's 406 or 415 for a call that fits no media type included); else that status, or a 401 for a 403 without a
   * token; a 403 too where {@code stricterAllowed}.
   */
  private static void expect(RawHttp.Response answer, int expected, boolean stricterAllowed, String what,
      Application app) {
    boolean ok = expected == 200
        ? answer.status < 400 || answer.status == 415 || answer.status == 406
        : answer.status == expected || expected == 403 && answer.status == 401 && what.endsWith("without a token");
    ok |= stricterAllowed && answer.status == 403;
    if (!ok) {
      fail(what + ": expected " + (expected == 200 ? "to pass" : expected) + ", got " + answer + "\n" + listing(app));
    }
  }

  /** Whether each GET, PUT, DELETE and PATCH is sent as a POST that the application serves as it (the class's doc). */
  static final boolean OVERRIDE = Boolean.getBoolean("jwtsecured.randomOverride");

  private static RawHttp.Response call(RawHttp http, String method, String target, String... headers) {
    if (OVERRIDE && List.of("GET", "PUT", "DELETE", "PATCH").contains(method)) {
      String[] more = Arrays.copyOf(headers, headers.length + 1);
      more[headers.length] = "X-HTTP-Method-Override: " + method;
      return http.sendBody("POST", target, "", more);
    }
    return List.of("POST", "PUT", "PATCH").contains(method)
        ? http.sendBody(method, target, "", headers) : http.send(method, target, headers);
  }

  /** "open", or who may call the route: its configuration, access and roles. */
  private static String policy(JsonNode route) {
    String access = route.get("access").asText();
    boolean open = List.of("public", "excluded", "excluded-method", "token-endpoint").contains(access);
    return open ? "open" : route.get("configuration") + " " + access + " " + route.get("roles") + " "
        + route.get("andRoles");
  }

  private static String packageOf(String qualifiedName) {
    return qualifiedName.substring(0, qualifiedName.lastIndexOf('.'));
  }

  private static String simpleName(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }

  private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w+\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

  /** What a parameter may be filled with, as the resource reads it, where its regular expression takes it. */
  private static final String[] VALUES = {"7", "7", "caf\u00e9", "a b", "%", "x", "%41"};

  /**
   * What a parameter of regular expression {@code regex} ({@code null} for none) is filled with plainly: {@code 7}, or
   * {@code x} where the expression does not take {@code 7} ({@code \p{L}+}: before, such a request went elsewhere, and
   * where a HEAD answer there named no method, the route's rule was expected of it: seed 61035 on Apache CXF).
   */
  private static String plainValue(String regex) {
    return regex == null || Pattern.compile(regex).matcher("7").matches() ? "7" : "x";
  }

  /** The path {@code template} names with each parameter filled from {@link #VALUES} (else {@link #plainValue}). */
  private static String fill(String template, Random random) {
    Matcher m = PARAMETER.matcher(template);
    StringBuilder path = new StringBuilder();
    int last = 0;
    while (m.find()) {
      String value = pick(random, VALUES);
      String regex = m.group(1) == null ? "[^/]+" : m.group(1);
      path.append(template, last, m.start())
          .append(Pattern.compile(regex).matcher(value).matches() ? value : plainValue(m.group(1)));
      last = m.end();
    }
    return path.append(template.substring(last)).toString();
  }

  /**
   * The request target for {@code path}, percent-encoded as a client might: escapes in upper case, or in lower case,
   * or some unreserved character escaped too, or characters beyond ASCII sent as their UTF-8 bytes, unescaped.
   */
  private static String send(String path, Random random) {
    String target = RandomRuns.target(path);
    switch (random.nextInt(6)) {
      case 0 -> {
        Matcher escape = Pattern.compile("%[0-9A-F]{2}").matcher(target);
        return escape.replaceAll(e -> e.group().toLowerCase(Locale.ROOT));
      }
      case 1 -> {
        Matcher letter = Pattern.compile("%[0-9A-F]{2}|[A-Za-z0-9~._-]").matcher(target);
        List<Integer> at = new ArrayList<>();
        while (letter.find()) {
          if (letter.group().length() == 1) {
            at.add(letter.start());
          }
        }
        if (at.isEmpty()) {
          return target;
        }
        int i = at.get(random.nextInt(at.size()));
        return target.substring(0, i) + String.format("%%%02X", (int) target.charAt(i)) + target.substring(i + 1);
      }
      case 2 -> {
        // Each escape of a byte beyond ASCII as that byte, which RawHttp sends as it is.
        Matcher escape = Pattern.compile("%([89A-F][0-9A-F])").matcher(target);
        return escape.replaceAll(e -> Matcher.quoteReplacement(
            String.valueOf((char) Integer.parseInt(e.group(1), 16))));
      }
      default -> {
        return target;
      }
    }
  }

  /** What a path template matches, as JAX-RS reads it. */
  private static Pattern regex(String template) {
    // Asked for every pair of routes: an application whose locators lead to one another has thousands.
    return REGEXES.computeIfAbsent(template, RandomApplicationsTest::compileRegex);
  }

  /** The templates {@link #regex} compiled, for the application being served. */
  private static final Map<String, Pattern> REGEXES = new HashMap<>();

  private static Pattern compileRegex(String template) {
    StringBuilder out = new StringBuilder();
    Matcher m = PARAMETER.matcher(template);
    int last = 0;
    while (m.find()) {
      out.append(Pattern.quote(template.substring(last, m.start())));
      out.append('(').append(m.group(1) == null ? "[^/]+?" : m.group(1)).append(')');
      last = m.end();
    }
    out.append(Pattern.quote(template.substring(last)));
    return Pattern.compile(out + "/?");
  }

  private static final String IMPORTS = String.join("\n",
      "import dev.jwtsecured.*;",
      "import dev.jwtsecured.runtime.*;",
      "import jakarta.ws.rs.*;",
      "import jakarta.annotation.security.*;",
      "import java.util.*;",
      "");

  /**
   * The sources ({qualified name, text}), the packages of its configurations (each has a {@code Config}), the resource
   * types' qualified names and the application path ({@code null}: none).
   */
  private record Application(List<String[]> sources, List<String> packages, List<String> types,
      String applicationPath, Set<String> layered, boolean selfLocator, boolean twinLocators,
      boolean untyped) {}

  private static String listing(Application app) {
    StringBuilder out = new StringBuilder();
    for (String[] source : app.sources()) {
      out.append("// ").append(source[0]).append(".java\n").append(source[1]).append('\n');
    }
    return out.toString();
  }

  /**
   * A type of the application: its package, kind, name, supertypes, whether it takes a type parameter, and its
   * methods.
   */
  private record Type(String pkg, String name, boolean isInterface, boolean isAbstract, boolean generic,
      Type superclass, Type superinterface, List<String[]> methods) {}

  static Application application(Random random) {
    List<String[]> sources = new ArrayList<>();
    sources.add(new String[] {PACKAGE + ".User", "public record User(String name) {}\n"});
    sources.add(new String[] {PACKAGE + ".Runs", String.join("\n",
        "/** How often the application's locators ran. */",
        "public final class Runs {",
        "  public static final java.util.concurrent.atomic.AtomicInteger COUNT =",
        "      new java.util.concurrent.atomic.AtomicInteger();",
        "  /** Locators run for the thread's request; the runtimes recurse through one returning its class at a",
        "   * template that may match nothing (RESTEasy for many seconds): after 100, a 404 ends it. */",
        "  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);",
        "  public static <T> T ran(T resource) {",
        "    COUNT.incrementAndGet();",
        "    if (++DEPTH.get()[0] > 100) { throw new NotFoundException(); }",
        "    return resource;",
        "  }",
        "  /** Starts each request's count. */",
        "  @jakarta.ws.rs.container.PreMatching",
        "  public static final class Reset implements jakarta.ws.rs.container.ContainerRequestFilter {",
        "    @Override public void filter(jakarta.ws.rs.container.ContainerRequestContext request) {",
        "      DEPTH.get()[0] = 0;",
        "    }",
        "  }",
        "  /** Names the method that answered in a header, for HEAD answers, which have no body to say it. Apache CXF",
        "   * drops a HEAD answer's entity before this filter: a method that answered without one is named as it names",
        "   * itself, from the resource JAX-RS matched (which CXF lists as its class); so is one matched whose body",
        "   * could not be read (415), or whose answer no type the request accepts could carry (406). */",
        "  public static final class Answered implements jakarta.ws.rs.container.ContainerResponseFilter {",
        "    @jakarta.ws.rs.core.Context jakarta.ws.rs.container.ResourceInfo matched;",
        "    @Override public void filter(jakarta.ws.rs.container.ContainerRequestContext request,",
        "        jakarta.ws.rs.container.ContainerResponseContext response) {",
        "      java.util.List<Object> resources = request.getUriInfo().getMatchedResources();",
        "      if (response.getEntity() instanceof String s) {",
        "        response.getHeaders().putSingle(\"X-Answered\", s);",
        "      } else if (response.getEntity() == null",
        "          && matched.getResourceMethod() != null && !resources.isEmpty()) {",
        "        Class<?> type = resources.get(0) instanceof Class<?> c ? c : resources.get(0).getClass();",
        "        String name = who(type) + \".\" + matched.getResourceMethod().getName();",
        "        response.getHeaders().putSingle(\"X-Answered\", name);",
        "      }",
        "    }",
        "  }",
        "  /** The class of {@code resource} a locator declared: an anonymous one's supertype. */",
        "  public static String who(Object resource) {",
        "    return who(resource.getClass());",
        "  }",
        "  /** {@code type}, or an anonymous one's supertype. */",
        "  public static String who(Class<?> type) {",
        "    Class<?> c = type;",
        "    while (c.isAnonymousClass()) {",
        "      c = c.getSuperclass() != Object.class ? c.getSuperclass() : c.getInterfaces()[0];",
        "    }",
        "    return c.getSimpleName();",
        "  }",
        "}", "")});
    // One configuration for the package, or two for two packages below it, whose types refer to one another.
    List<String> packages = random.nextInt(3) == 0 ? List.of(PACKAGE + ".a", PACKAGE + ".b") : List.of(PACKAGE);
    for (int c = 0; c < packages.size(); c++) {
      StringBuilder exclude = new StringBuilder();
      for (int i = random.nextInt(3); i > 0; i--) {
        exclude.append(exclude.length() == 0 ? "" : ", ").append('"').append(pick(random, EXCLUDES)).append('"');
      }
      String methods = random.nextInt(4) == 0 ? ", excludeMethods = {\"OPTIONS\", \"HEAD\"}" : "";
      String tokenUrl = random.nextBoolean() ? ", tokenUrl = \"/login" + (c == 0 ? "" : c) + "\"" : "";
      String unseen = random.nextInt(4) == 0 ? ", unseenMethods = UnseenMethods.DENY" : "";
      sources.add(new String[] {packages.get(c) + ".Config", String.join("\n",
          "@JwtSecured(secret = \"${JWT_SECRET}\", exclude = {" + exclude + "}" + methods + tokenUrl + unseen + ")",
          "final class Config {",
          "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
          tokenUrl.isEmpty() ? "" : "  @Authenticator static Optional<String> login(String name, String password) {"
              + " return Optional.empty(); }",
          "}", "")});
    }
    String applicationPath = null;
    if (random.nextInt(3) == 0) {
      applicationPath = pick(random, APPLICATION_PATHS);
      sources.add(new String[] {PACKAGE + ".App", "@ApplicationPath(\"" + applicationPath + "\")\n"
          + "public class App extends jakarta.ws.rs.core.Application {}\n"});
    }
    int count = 2 + random.nextInt(6);
    List<Type> types = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      String pkg = packages.get(random.nextInt(packages.size()));
      boolean isInterface = random.nextInt(3) == 0;
      Type superclass = null;
      Type superinterface = null;
      for (Type earlier : types) {
        if (earlier.isInterface() && superinterface == null && random.nextInt(3) == 0) {
          superinterface = earlier;
        } else if (!isInterface && !earlier.isInterface() && superclass == null && random.nextInt(3) == 0) {
          superclass = earlier;
        }
      }
      types.add(new Type(pkg, "T" + t, isInterface, !isInterface && random.nextInt(4) == 0, random.nextInt(4) == 0,
          superclass, superinterface, new ArrayList<>()));
    }
    int typeSources = sources.size();
    for (Type type : types) {
      sources.add(new String[] {type.pkg() + "." + type.name(),
          String.join("\n", declaration(random, type, types)) + "\n"});
    }
    Set<String> layered = new HashSet<>();
    for (Type type : types) {
      if (type.isInterface() || type.isAbstract() || type.superclass() != null || type.superinterface() != null) {
        layered.add(type.pkg() + "." + type.name());
      }
    }
    boolean selfLocator = sources.stream().anyMatch(source -> source[1].contains("@Path(\"/\") ")
        || source[1].contains("@Path(\"\") ") || source[1].contains("@Path(\"//\") ")
        || source[1].contains("@Path(\"{rest: .*}\") "));
    boolean twinLocators = false;
    for (Type type : types) {
      List<String> templates = new ArrayList<>();
      locatorTemplates(type, new HashSet<>(), templates);
      twinLocators |= new HashSet<>(templates).size() < templates.size();
    }
    // Last, so that each seed's shape is what it was before enums: a concrete class that nothing extends becomes a
    // singleton enum now and then, registered as its instance, and its locators return that instance.
    for (int t = 0; t < types.size(); t++) {
      Type type = types.get(t);
      boolean extended = types.stream().anyMatch(other -> other.superclass() == type);
      if (type.isInterface() || type.isAbstract() || type.generic() || type.superclass() != null || extended
          || random.nextInt(3) != 0) {
        continue;
      }
      String[] source = sources.get(typeSources + t);
      source[1] = source[1].replaceFirst("public class " + type.name() + "( implements [^{]*)? \\{",
          "public enum " + type.name() + "$1 { INSTANCE;");
      for (String[] other : sources) {
        other[1] = other[1].replace("new " + type.name() + "()", type.name() + ".INSTANCE");
      }
    }
    return new Application(sources, packages, types.stream().map(t -> t.pkg() + "." + t.name()).toList(),
        applicationPath, layered, selfLocator, twinLocators,
        sources.stream().anyMatch(source -> source[1].contains(" Object t")));
  }

  /**
   * The templates of the locators {@code type} declares or inherits (by method name, the first found), without the
   * slashes JAX-RS ignores at their ends.
   */
  private static void locatorTemplates(Type type, Set<String> names, List<String> templates) {
    for (String[] m : type.methods()) {
      String name = m[0].substring(m[0].indexOf(' ') + 1, m[0].indexOf('('));
      Matcher path = Pattern.compile("@Path\\(\"([^\"]*)\"\\)").matcher(m[1]);
      if (names.add(name) && m[3].startsWith("Runs.ran") && path.find()) {
        templates.add(path.group(1).replaceAll("^/+|/+$", ""));
      }
    }
    for (Type supertype : new Type[] {type.superclass(), type.superinterface()}) {
      if (supertype != null) {
        locatorTemplates(supertype, names, templates);
      }
    }
  }

  private static List<String> declaration(Random random, Type type, List<Type> types) {
    List<String> lines = new ArrayList<>();
    String head = random.nextInt(2) == 0 ? "@Path(\"" + pick(random, TEMPLATES) + "\") " : "";
    head += random.nextInt(5) == 0 ? pick(random, RULES) : "";
    String kind = type.isInterface() ? "interface" : type.isAbstract() ? "abstract class" : "class";
    String extendsClause = "";
    if (type.superclass() != null) {
      extendsClause += " extends " + type.superclass().name() + (type.superclass().generic() ? "<String>" : "");
    }
    if (type.superinterface() != null) {
      extendsClause += (type.isInterface() ? " extends " : " implements ") + type.superinterface().name()
          + (type.superinterface().generic() ? "<String>" : "");
    }
    lines.add(head + "public " + kind + " " + type.name() + (type.generic() ? "<T>" : "") + extendsClause + " {");
    String modifier = type.isInterface() ? "default " : "public ";
    // Overrides of what a supertype declares, with or without annotations of their own.
    Set<String> declared = new HashSet<>();
    for (Type supertype : new Type[] {type.superclass(), type.superinterface()}) {
      if (supertype == null) {
        continue;
      }
      for (String[] inherited : supertype.methods()) {
        String name = inherited[0].substring(inherited[0].indexOf(' ') + 1, inherited[0].indexOf('('));
        if (random.nextBoolean() && declared.add(name)) {
          String annotations = random.nextBoolean() ? "" : inherited[1];
          annotations += random.nextInt(3) == 0 ? pick(random, RULES) : "";
          String parameter = inherited[2].equals("T") && supertype.generic() ? "String" : inherited[2];
          String signature = inherited[0].replace("(T body)", "(" + parameter + " body)");
          String result = inherited[3].startsWith("Runs.who") ? "Runs.who(this) + \"." + name + "\"" : inherited[3];
          lines.add("  " + annotations + modifier + signature + " { return " + result + "; }");
          type.methods().add(new String[] {signature, inherited[1], parameter, result});
        }
      }
    }
    for (int m = random.nextInt(4); m >= 0; m--) {
      String name = type.name().toLowerCase() + "m" + m;
      String rule = pick(random, RULES);
      String annotations;
      String signature;
      String parameter = "";
      String result = "Runs.who(this) + \"." + name + "\"";
      if (random.nextInt(4) == 0) {
        Type target = types.get(random.nextInt(types.size()));
        String typeName = target.generic() ? target.name() + "<String>" : target.name();
        annotations = "@Path(\"" + pick(random, TEMPLATES) + "\") ";
        // Sometimes declaring Object: the processor cannot see what is behind, but the guard checks its rule.
        signature = (random.nextInt(5) == 0 ? "Object" : typeName) + " " + name + "()";
        boolean concrete = !target.isInterface() && !target.isAbstract();
        result = "Runs.ran(new " + typeName + "()" + (concrete ? "" : " {}") + ")";
      } else {
        annotations = "@" + pick(random, HTTP) + " " + (random.nextBoolean() ? "" : "@Path(\""
            + pick(random, TEMPLATES) + "\") ");
        if (type.generic() && random.nextBoolean()) {
          parameter = "T";
          signature = "String " + name + "(T body)";
        } else if (random.nextBoolean()) {
          signature = "String " + name + "(@QueryParam(\"q\") String q)";
        } else {
          signature = "String " + name + "()";
        }
      }
      lines.add("  " + annotations + rule + modifier + signature + " { return " + result + "; }");
      type.methods().add(new String[] {signature, annotations, parameter, result});
    }
    lines.add("}");
    return lines;
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
