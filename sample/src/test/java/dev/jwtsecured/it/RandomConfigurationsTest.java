package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import dev.jwtsecured.processor.validation.Message;
import dev.jwtsecured.runtime.JwtAuth;
import dev.jwtsecured.runtime.JwtFeature;
import dev.jwtsecured.runtime.JwtSettings;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.core.Feature;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Configurations at random, as a user might write them, typos and all: each {@code @JwtSecured} member drawn from
 * values that are right, wrong or odd (durations out of range, header names with spaces, cookie attributes browsers
 * drop, secrets one byte short, exclusions that are no regular expression, text that breaks Java or JSON), with handler
 * methods of each documented shape (static or not; users found now or later, or none for {@code ghost}; a grant or a
 * bare subject) and refresh tokens kept where the configuration says, its own store or a database included. Each
 * configuration, beside one fixed set of resources (in its packages, listed, or neither: then they must be named at
 * compile time and answer as unseen), is compiled with the processor and must get either the processor's own
 * diagnostics or generated code that compiles; what compiles must then start (what the compiler accepted, the
 * runtime's settings accept too), and serve every operation of its route report as the report says, to callers without
 * a token and with tokens of no roles, of {@code user} and of {@code admin} and {@code user}, issued by the
 * configuration itself and, for a secret, forged independently of it; its token endpoint, refresh grant (a spent
 * refresh token revoking its login) and OpenAPI document answer where configured; nothing answers 5xx.
 * {@code -Djwtsecured.randomConfigurations=N} tries N configurations instead of the suite's few, from seed
 * {@code -Djwtsecured.randomConfigurationsFirstSeed} (1 by default), or only
 * {@code -Djwtsecured.randomConfigurationSeed}; {@code -Djwtsecured.randomDir} keeps what each wrote;
 * {@code -Djwtsecured.randomLogins=true} gives every configuration that issues tokens a token endpoint.
 */
class RandomConfigurationsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PACKAGE = "configured";
  /** Tokens by the roles they carry. */
  private static final List<List<String>> CALLERS = List.of(List.of(), List.of("user"), List.of("admin", "user"));

  /** An identity provider's key set, for the configurations with {@code jwksUri}: the set of the seed being run. */
  private static final AtomicReference<String> KEY_SET = new AtomicReference<>("{\"keys\":[]}");
  private static HttpServer keySets;

  @BeforeAll
  static void publishKeySets() throws IOException {
    keySets = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    keySets.createContext("/jwks.json", exchange -> {
      byte[] body = KEY_SET.get().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    keySets.start();
  }

  @AfterAll
  static void stopKeySets() {
    keySets.stop(0);
  }

  static List<Long> seeds() {
    return RandomRuns.seeds("jwtsecured.randomConfigurationSeed", "jwtsecured.randomConfigurations", 12,
        "jwtsecured.randomConfigurationsFirstSeed");
  }

  /** What the test knows of the configuration it wrote, to call what it generated. */
  private static final class Drawn {
    final Map<String, String> members = new LinkedHashMap<>();
    /** System properties its placeholders read, set while it starts. */
    final Map<String, String> properties = new LinkedHashMap<>();
    /** For a configuration with a private key: its key pair, and the pair of its rotation public key, if any. */
    KeyPair issuerKeys;
    KeyPair rotationKeys;
    /** For a verifier of an identity provider's tokens ({@code publicKey}, {@code jwksUri}): its key pair. */
    KeyPair provider;
    /** The key's {@code kid}, written in the tokens' headers where not {@code null}. */
    String kid;
    /** The algorithm the provider signs with, one the configuration accepts for its key; {@code null}: none fits. */
    JWSAlgorithm providerAlgorithm;
    List<String> acceptedIssuers = List.of();
    /** Whether the processor warned that the tokens it issues are refused ({@code acceptedIssuers}, no issuer). */
    boolean ownTokensRefused;
    /** Whether the key comes from a placeholder or a file, which the processor cannot read and start-up checks. */
    boolean keyAtStartUp;
    /** The HMAC secret as the runtime resolves it, or null for a private key. */
    String secret;
    String algorithm = "HS256";
    boolean cookie;
    String authHeader = "Authorization";
    String cookieName = "token";
    String tokenUrl = "";
    boolean authenticator;
    /** Whether the configuration has a revocation check, which refuses the tokens of {@code eve}. */
    boolean revocation;
    /** An earlier secret whose tokens are still accepted ({@code previousSecrets}), or {@code null}. */
    String previousSecret;
    boolean refresh;
    String openApiPath = "";
    String rolesClaim = "roles";
    String issuer = "";
    List<String> audience = List.of();
    Duration lifetime = Duration.ofHours(24);
    Duration leeway = Duration.ZERO;
    String applicationPath;
    /** The user retriever's return type (users are {@code String}s); whether it also takes the request. */
    String retrieverReturns = "Optional<String>";
    boolean retrieverRequest;
    /** Whether the revocation check also takes the request. */
    boolean revocationRequest;
    /** Whether the handlers are instance methods, called on a {@code Config} the test creates. */
    boolean instance;
    /**
     * How a {@code Config} is made: {@code "implicit"} (no constructor written), {@code "noArgs"}, {@code "withArgs"}
     * (one taking a name), {@code "singleton"} (a private constructor and an {@code INSTANCE}) or {@code "private"}
     * (a private constructor alone, which instance handlers cannot be called through).
     */
    String constructor = "implicit";
    /** The authenticator's return type; whether it takes the requested scopes, the request's headers. */
    String authenticatorReturns = "Optional<Grant>";
    boolean authenticatorScopes;
    boolean authenticatorHeaders;
    /**
     * With {@code refreshStorage = PROVIDED}, what its {@code @RefreshStore} method returns: {@code "memory"}, a
     * {@code "database"} at {@link #database}, {@code "null"}, or {@code "missing"} for no method; {@code null} for the
     * default storage, and {@code "unused"} for a method beside it.
     */
    String providedStore;
    String database;
    /** The package of {@code Things} ({@code Open} stays in {@link #PACKAGE}). */
    String thingsPackage = PACKAGE;
    /** The packages the configuration secures, as {@code basePackages} says or by default. */
    List<String> packages = List.of(PACKAGE);
    /** The classes {@code resources} lists, by qualified name. */
    List<String> listed = List.of();
    /** The processor's errors a mistake drawn must get: the configuration must not compile. */
    final Set<String> mustRefuse = new java.util.LinkedHashSet<>();

    /** The text of a member written as a string literal, or {@code otherwise} where it is not written. */
    String memberText(String member, String otherwise) {
      return members.containsKey(member) ? unquoted(members.get(member)) : otherwise;
    }

    String things() {
      return thingsPackage + ".Things";
    }

    /** Whether the configuration secures {@code resource} (a qualified name): in its packages, or listed. */
    boolean secures(String resource) {
      String pkg = resource.substring(0, resource.lastIndexOf('.'));
      return listed.contains(resource)
          || packages.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."));
    }

    void putText(String member, String text) {
      members.put(member, literal(text));
    }

    String listing(String source) {
      return "// " + members + (properties.isEmpty() ? "" : "\n// properties " + properties)
          + (applicationPath == null ? "" : "\n// served at " + applicationPath)
          + (thingsPackage.equals(PACKAGE) ? "" : "\n// Things in " + thingsPackage) + "\n" + source;
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyConfigurationGetsDiagnosticsOrAServiceThatKeepsItsReport(long seed, @TempDir Path dir) throws Exception {
    Random random = new Random(seed);
    dir = RandomRuns.directory(dir, "configuration" + seed);
    Drawn drawn = draw(random, dir);
    String config = configuration(drawn);
    Path src = Files.createDirectories(dir.resolve("src").resolve(PACKAGE));
    Files.writeString(src.resolve("Config.java"), config);
    Path things = Files.createDirectories(dir.resolve("src").resolve(drawn.thingsPackage.replace('.', '/')))
        .resolve("Things.java");
    Files.writeString(things, THINGS.replace("package " + PACKAGE + ";", "package " + drawn.thingsPackage + ";"));
    Files.writeString(src.resolve("Open.java"), "package " + PACKAGE + ";\n@jakarta.ws.rs.Path(\"open\")\n"
        + "public class Open { @jakarta.ws.rs.GET public String get() { return \"o\"; } }\n");
    List<File> files = new ArrayList<>(List.of(things.toFile()));
    for (String name : List.of("Config", "Open")) {
      files.add(src.resolve(name + ".java").toFile());
    }
    if (drawn.applicationPath != null) {
      Files.writeString(src.resolve("App.java"), "package " + PACKAGE + ";\n@jakarta.ws.rs.ApplicationPath(\""
          + javaText(drawn.applicationPath) + "\")\npublic class App extends jakarta.ws.rs.core.Application {}\n");
      files.add(src.resolve("App.java").toFile());
    }
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<Diagnostic<? extends JavaFileObject>> diagnostics;
    try {
      diagnostics = RandomRuns.compile(files, classes, Files.createDirectories(dir.resolve("generated")));
    } catch (RuntimeException e) {
      fail("seed " + seed + ": javac or the processor threw\n" + drawn.listing(config), e);
      return;
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      String text = d.getMessage(null);
      boolean ours = false;
      for (Message m : Message.values()) {
        ours |= text.startsWith("[" + m.tag() + "]") && m != Message.INTERNAL_ERROR;
      }
      if (!ours) {
        fail("seed " + seed + ": not the processor's diagnostic: " + d + "\n" + drawn.listing(config));
      }
      errors.add(text.substring(0, text.indexOf(']') + 1));
    }
    // Warned that the tokens its logins issue carry no iss, which acceptedIssuers refuses.
    drawn.ownTokensRefused = diagnostics.stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.WARNING
        && d.getMessage(null).startsWith("[" + Message.LOGIN_TOKENS_REFUSED.tag() + "]"));
    for (String tag : drawn.mustRefuse) {
      if (!errors.contains("[" + tag + "]")) {
        fail("seed " + seed + ": not refused with [" + tag + "] but " + errors + "\n" + drawn.listing(config));
      }
    }
    if (!errors.isEmpty()) {
      System.out.println("seed " + seed + ": refused at compile time " + errors);
      return;
    }
    // A resource the configuration does not secure is named, and only such a one.
    for (String resource : List.of(drawn.things(), PACKAGE + ".Open")) {
      boolean warned = diagnostics.stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.WARNING
          && d.getMessage(null).startsWith("[" + Message.RESOURCE_OUTSIDE_CONFIGURATIONS.tag() + "] Resource "
              + resource + " "));
      if (warned == drawn.secures(resource)) {
        fail("seed " + seed + ": " + resource + (warned ? " named as outside the configuration, which secures it"
            : " outside the configuration, and not named") + "\n" + diagnostics + "\n" + drawn.listing(config));
      }
    }
    documents(seed, drawn, config, classes);
    Map<String, String> saved = new LinkedHashMap<>();
    drawn.properties.forEach((k, v) -> saved.put(k, System.setProperty(k, v)));
    try {
      serve(seed, drawn, config, classes);
    } finally {
      saved.forEach((k, v) -> {
        if (v == null) {
          System.clearProperty(k);
        } else {
          System.setProperty(k, v);
        }
      });
    }
  }

  /**
   * The OpenAPI documents the processor wrote, JSON and YAML: each valid to a third-party parser, both the same
   * document, with the title, version, scheme name and description as written, whatever characters they hold, and
   * token URLs that are URLs.
   */
  private static void documents(long seed, Drawn drawn, String config, Path classes) throws IOException {
    List<OpenAPI> read = new ArrayList<>();
    for (String suffix : List.of(".openapi.json", ".openapi.yaml")) {
      String text = Files.readString(classes.resolve("META-INF/jwtsecured/" + PACKAGE + ".Config" + suffix));
      SwaggerParseResult result = new OpenAPIParser().readContents(text, null, new ParseOptions());
      OpenAPI api = result.getOpenAPI();
      String what = "seed " + seed + ": the " + suffix + " document";
      if (api == null || !result.getMessages().isEmpty()) {
        fail(what + " is not valid: " + result.getMessages() + "\n" + text + "\n" + drawn.listing(config));
      }
      SecurityScheme scheme = api.getComponents().getSecuritySchemes()
          .get(drawn.memberText("schemeName", "BearerToken"));
      String description = drawn.memberText("description", "");
      if (!api.getInfo().getTitle().equals(drawn.memberText("openApiTitle", "API"))
          || !api.getInfo().getVersion().equals(drawn.memberText("openApiVersion", "1.0.0")) || scheme == null
          || !description.isEmpty() && !description.equals(scheme.getDescription())) {
        fail(what + " does not say what was written: " + api.getInfo() + " "
            + api.getComponents().getSecuritySchemes() + "\n" + drawn.listing(config));
      }
      // The flows' URLs are URLs (OpenAPI's schema: uri-reference): before, /café/token below an application path.
      OAuthFlows flows = scheme.getFlows();
      OAuthFlow password = flows == null ? null : flows.getPassword();
      for (String url : password == null ? List.<String>of()
          : java.util.Arrays.asList(password.getTokenUrl(), password.getRefreshUrl())) {
        if (url != null && !url.matches("(?:[A-Za-z0-9._~!$&'()*+,;=:@/-]|%[0-9A-Fa-f]{2})*")) {
          fail(what + " has a token URL that is no URL: " + url + "\n" + drawn.listing(config));
        }
      }
      read.add(api);
    }
    if (!read.get(0).equals(read.get(1))) {
      fail("seed " + seed + ": the JSON and YAML documents differ\n" + read + "\n" + drawn.listing(config));
    }
  }

  private static void serve(long seed, Drawn drawn, String config, Path classes) throws Exception {
    String what = "seed " + seed;
    if (drawn.members.containsKey("jwksUri")) {
      KEY_SET.set(keySet(drawn));
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        RandomConfigurationsTest.class.getClassLoader())) {
      Class<?> featureType = loader.loadClass(PACKAGE + ".ConfigJwtFeature");
      JwtSettings settings;
      Feature feature;
      try {
        JwtSettings.Builder builder = (JwtSettings.Builder) featureType.getMethod("settings").invoke(null);
        settings = builder.build();
        if (drawn.instance) {
          // Instance handlers: called on the configuration the application gives the feature.
          Class<?> configType = loader.loadClass(PACKAGE + ".Config");
          Object configuration = switch (drawn.constructor) {
            case "withArgs" -> configType.getConstructor(String.class).newInstance("shop");
            case "singleton" -> configType.getField("INSTANCE").get(null);
            default -> configType.getConstructor().newInstance();
          };
          feature = (Feature) featureType.getConstructor(configType, JwtSettings.class)
              .newInstance(configuration, settings);
        } else {
          feature = (Feature) featureType.getConstructor(JwtSettings.class).newInstance(settings);
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage());
        if ("null".equals(drawn.providedStore) && cause instanceof IllegalStateException && message.equals(
            "jwtsecured: the @RefreshStore method " + PACKAGE + ".Config.refreshTokens() returned null;"
                + " refreshStorage = PROVIDED keeps refresh tokens only where it says")) {
          System.out.println(what + ": refused at start-up: " + message);
          return;
        }
        if (drawn.keyAtStartUp && cause instanceof IllegalStateException && message.startsWith("jwtsecured: ")
            && (message.contains("secret") || message.contains("private key") || message.contains("public key"))) {
          // A key from the environment or a file, which start-up checks, as documented: refused with its reason.
          System.out.println(what + ": refused at start-up: " + message);
          return;
        }
        fail(what + ": compiled, but its settings do not start: " + cause + "\n" + drawn.listing(config), cause);
        return;
      }
      if ("null".equals(drawn.providedStore)) {
        fail(what + ": started with a @RefreshStore method that returns null\n" + drawn.listing(config));
      }
      JwtAuth auth = ((JwtFeature) feature).auth();
      @SuppressWarnings("unchecked")
      Set<Class<?>> generated = new HashSet<>((Set<Class<?>>) featureType.getMethod("classes").invoke(null));
      generated.add(loader.loadClass(drawn.things()));
      generated.add(loader.loadClass(PACKAGE + ".Open"));
      JsonNode report;
      try (InputStream in = Files.newInputStream(classes.resolve("META-INF/jwtsecured/" + PACKAGE
          + ".Config.routes.json"))) {
        report = JSON.readTree(in);
      }
      // The application path as the report writes it, and where the suite's servers serve it: there, unless it has
      // characters they take no context path with (EncodedApplicationPathTest), then at the root, as a runtime that
      // leaves the application path out.
      String prefix = drawn.applicationPath == null ? ""
          : drawn.applicationPath.replaceAll("/\\*$", "").replaceAll("^/+|/+$", "").replaceAll("/+", "/");
      prefix = prefix.isEmpty() ? "" : "/" + prefix;
      String context = prefix.matches("[A-Za-z0-9/._-]*") ? prefix : "";
      try (TestServer server = TestServer.start(context, TestServer.application(Set.of(feature), generated))) {
        int called = 0;
        // With the operations of the resources it does not secure, as the report would list them.
        report = report.deepCopy();
        ((ArrayNode) report.get("routes")).addAll(unseen(drawn, prefix));
        for (JsonNode route : report.get("routes")) {
          called += check(what, drawn, config, server.http, auth, route, prefix, context);
        }
        String extra = "";
        // Not where an unseen resource has the token endpoint's path: which of the two a runtime takes is its own
        // (RESTEasy takes the resource, random configuration 350493); the processor tells that collision only with the
        // resources a configuration secures, and named the other as outside it.
        String login = "/" + drawn.tokenUrl.replaceAll("^/+", "");
        boolean shadowed = !drawn.secures(drawn.things()) && login.equals("/things")
            || !drawn.secures(PACKAGE + ".Open") && login.equals("/open");
        if (!drawn.tokenUrl.isEmpty() && drawn.authenticator && !shadowed) {
          extra += passwordGrant(what, drawn, config, server.http, report, context);
        }
        if (drawn.issuerKeys != null) {
          extra += publishedKeys(what, drawn, config, server.http, auth, report, prefix, context);
        }
        if (!drawn.openApiPath.isEmpty()) {
          String target = RandomRuns.target(context + "/" + drawn.openApiPath.replaceAll("^/+", ""));
          RawHttp.Response answer = server.http.send("GET", target);
          expect(answer.status == 200 && JSON.readTree(answer.body).has("openapi"), what + ": GET " + target
              + " (the OpenAPI document)", answer, drawn, config);
          extra += ", OpenAPI";
        }
        String keys = drawn.provider == null ? drawn.secret != null ? "a secret" : "a private key"
            : drawn.members.containsKey("jwksUri") ? "a key set" : "a public key";
        System.out.println(what + ": " + called + " calls as the report says, with " + keys + extra);
      }
    }
  }

  /**
   * The operations of the resources the configuration does not secure, as a report would list them: unseen, so each
   * needs a valid token of any roles ({@code unseenMethods = REQUIRE_TOKEN}, the default) or is refused to all, but
   * where {@code excludeMethods} names its HTTP method, which every request of that method passes. Those at or below
   * the path of a generated resource (the token endpoint, the OpenAPI document) are left out: the processor cannot
   * tell such a collision, as it tells it with the resources it secures, and warned that this resource is outside.
   */
  private static List<JsonNode> unseen(Drawn drawn, String prefix) {
    String unseen = drawn.members.getOrDefault("unseenMethods", "").endsWith("DENY") ? "denied" : "protected";
    String excludeMethods = drawn.members.getOrDefault("excludeMethods", "");
    List<JsonNode> routes = new ArrayList<>();
    String[][] operations = {{drawn.things(), "GET", "/things"}, {drawn.things(), "GET", "/things/{id}"},
        {drawn.things(), "GET", "/things/admin"}, {drawn.things(), "GET", "/things/user"},
        {drawn.things(), "GET", "/things/open"}, {drawn.things(), "POST", "/things"},
        {drawn.things(), "DELETE", "/things/{id}"}, {PACKAGE + ".Open", "GET", "/open"}};
    List<String> generatedPaths = new ArrayList<>();
    for (String path : List.of(drawn.tokenUrl, drawn.openApiPath)) {
      if (!path.isEmpty()) {
        generatedPaths.add("/" + path.replaceAll("^/+", ""));
      }
    }
    for (String[] operation : operations) {
      String path = operation[2];
      if (!drawn.secures(operation[0])
          && generatedPaths.stream().noneMatch(g -> path.equals(g) || path.startsWith(g + "/"))) {
        routes.add(JSON.createObjectNode().put("resource", operation[0]).put("method", operation[1])
            .put("path", prefix + operation[2])
            .put("access", excludeMethods.contains("\"" + operation[1] + "\"") ? "excluded-method" : unseen)
            .set("roles", JSON.createArrayNode()));
      }
    }
    return routes;
  }

  /** Calls {@code route} as each caller; returns how many calls were made. */
  private static int check(String what, Drawn drawn, String config, RawHttp http, JwtAuth auth, JsonNode route,
      String prefix, String context) {
    String method = route.get("method").asText();
    String access = route.get("access").asText();
    if (!route.get("resource").asText().equals(drawn.things())
        && !route.get("resource").asText().equals(PACKAGE + ".Open")) {
      return 0; // generated: the token endpoint, the OpenAPI document
    }
    String path = route.get("path").asText();
    if (!path.startsWith(prefix + "/")) {
      fail(what + ": the report's " + path + " is not under " + prefix + "\n" + drawn.listing(config));
    }
    String target = RandomRuns.target(context + path.substring(prefix.length()).replace("{id}", "7"));
    String call = what + ": " + method + " " + target + " (" + access + " " + route.get("roles") + ")";
    int calls = 0;
    RawHttp.Response anonymous = send(http, method, target);
    expect(anonymous.status == RandomRuns.expected(access, route, null), call + " without a token", anonymous, drawn,
        config);
    calls++;
    if (drawn.ownTokensRefused) {
      if (access.equals("protected")) {
        RawHttp.Response answer = send(http, method, target, credential(drawn, auth.login("ada").jwt()));
        expect(answer.status == 401 && answer.toString().contains("The token issuer is not accepted"),
            call + " with its own token, which carries no iss (as warned)", answer, drawn, config);
        calls++;
      }
      return calls;
    }
    for (List<String> roles : CALLERS) {
      int expected = RandomRuns.expected(access, route, roles);
      if (drawn.provider != null) {
        if (!roles.isEmpty() && drawn.rolesClaim.matches("sub|iss|jti|sid")) {
          continue; // a claim no provider writes roles into: a string with a meaning of its own
        }
        RawHttp.Response answer = send(http, method, target, credential(drawn, signed(drawn, roles)));
        if (drawn.providerAlgorithm == null) {
          // A key set whose key no accepted algorithm verifies with (a public key is refused before it starts): its
          // tokens are refused, where a token is needed.
          if (!drawn.members.containsKey("jwksUri")) {
            fail(call + ": started with a public key no accepted algorithm verifies with\n" + drawn.listing(config));
          }
          expect(!access.equals("protected") || answer.status == 401, call + " with a token of a key no accepted"
              + " algorithm verifies with", answer, drawn, config);
        } else {
          expect(answer.status == expected, call + " with the identity provider's token of roles " + roles, answer,
              drawn, config);
        }
        calls++;
        continue;
      }
      String jwt = auth.login("ada").roles(roles).jwt();
      RawHttp.Response answer = send(http, method, target, credential(drawn, jwt));
      expect(answer.status == expected || expired(drawn, answer), call + " with its own token of roles " + roles,
          answer, drawn, config);
      // Again: from its second use on, a token may come from the cache, with its expiry and revocation still checked.
      RawHttp.Response again = send(http, method, target, credential(drawn, jwt));
      expect(again.status == answer.status || expired(drawn, again), call + " with its own token of roles " + roles
          + " again", again, drawn, config);
      calls += 2;
      if (drawn.secret != null) {
        answer = send(http, method, target, credential(drawn, forged(drawn, drawn.secret, roles)));
        expect(answer.status == expected || expired(drawn, answer), call + " with a forged token of roles " + roles,
            answer, drawn, config);
        calls++;
      }
      if (drawn.previousSecret != null) {
        answer = send(http, method, target, credential(drawn, forged(drawn, drawn.previousSecret, roles)));
        expect(answer.status == expected || expired(drawn, answer), call + " with a token of roles " + roles
            + " signed with the previous secret", answer, drawn, config);
        calls++;
      }
      if (drawn.revocation && access.equals("protected")) {
        answer = send(http, method, target, credential(drawn, auth.login("eve").roles(roles).jwt()));
        expect(answer.status == 401, call + " with a revoked token of roles " + roles, answer, drawn, config);
        calls++;
      }
      if (access.equals("protected")) {
        answer = send(http, method, target, credential(drawn, auth.login("ghost").roles(roles).jwt()));
        expect(answer.status == 401, call + " with a token of roles " + roles + " naming no user", answer, drawn,
            config);
        calls++;
      }
    }
    return calls;
  }

  /**
   * The key set a configuration with a private key publishes: its key, and the rotation key, each under its RFC 7638
   * thumbprint; a token it issues verified with the published key by another library, its roles where
   * {@code rolesClaim} says; and a token signed with the rotation key accepted as the configuration's own.
   */
  private static String publishedKeys(String what, Drawn drawn, String config, RawHttp http, JwtAuth auth,
      JsonNode report, String prefix, String context) throws Exception {
    String target = RandomRuns.target(context + "/.well-known/jwks.json");
    RawHttp.Response answer = http.send("GET", target);
    expect(answer.status == 200, what + ": GET " + target, answer, drawn, config);
    JWKSet published = JWKSet.parse(answer.body);
    List<KeyPair> pairs = drawn.rotationKeys == null ? List.of(drawn.issuerKeys)
        : List.of(drawn.issuerKeys, drawn.rotationKeys);
    expect(published.getKeys().size() == pairs.size(), what + ": the published keys are " + pairs.size(), answer,
        drawn, config);
    List<String> thumbprints = new ArrayList<>();
    for (KeyPair pair : pairs) {
      thumbprints.add((pair.getPublic() instanceof RSAPublicKey rsa ? new RSAKey.Builder(rsa).build()
          : new ECKey.Builder(com.nimbusds.jose.jwk.Curve.P_256, (ECPublicKey) pair.getPublic()).build())
          .computeThumbprint().toString());
    }
    expect(published.getKeys().stream().map(k -> k.getKeyID()).toList().equals(thumbprints),
        what + ": the published kids are the keys' thumbprints " + thumbprints, answer, drawn, config);
    com.nimbusds.jwt.SignedJWT issued = com.nimbusds.jwt.SignedJWT.parse(auth.login("ada").roles(List.of("admin"))
        .jwt());
    com.nimbusds.jose.jwk.JWK key = published.getKeyByKeyId(issued.getHeader().getKeyID());
    boolean verified = key instanceof RSAKey rsa ? issued.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(rsa))
        : issued.verify(new com.nimbusds.jose.crypto.ECDSAVerifier((ECKey) key));
    Object roles = issued.getJWTClaimsSet().toJSONObject();
    String[] path = drawn.rolesClaim.contains("://") ? new String[] {drawn.rolesClaim} : drawn.rolesClaim.split("\\.");
    for (String name : path) {
      roles = roles instanceof Map<?, ?> object ? object.get(name) : null;
    }
    expect(verified && List.of("admin").equals(roles), what + ": an issued token verified with the published key,"
        + " its roles at " + drawn.rolesClaim + ": " + issued.getJWTClaimsSet(), answer, drawn, config);
    if (drawn.rotationKeys == null) {
      return ", its key set";
    }
    JsonNode admin = null;
    for (JsonNode route : report.get("routes")) {
      if (route.get("method").asText().equals("GET") && route.get("path").asText().equals(prefix + "/things/admin")) {
        admin = route;
      }
    }
    if (admin == null && !drawn.secures(drawn.things())) {
      // Unseen at a generated resource's path: left out of the report (see unseen). Random configuration 460342 (a
      // token endpoint at /things, the resources outside basePackages) ended here in a NullPointerException.
      return ", its key set (the rotation key's token has no route to call)";
    }
    if (admin == null) {
      throw new AssertionError("no route GET /things/admin in " + report);
    }
    String rotated = signed(drawn, drawn.rotationKeys, JWSAlgorithm.parse(drawn.algorithm), thumbprints.get(1),
        List.of("admin"));
    RawHttp.Response answered = http.send("GET", RandomRuns.target(context + "/things/admin"),
        credential(drawn, rotated));
    expect(answered.status == RandomRuns.expected(admin.get("access").asText(), admin, List.of("admin"))
        || expired(drawn, answered), what + ": a token signed with the rotation key", answered, drawn, config);
    return ", its key set with a rotation key";
  }

  /** The password grant, and the refresh grant where refresh tokens are on; a description of what was called. */
  private static String passwordGrant(String what, Drawn drawn, String config, RawHttp http, JsonNode report,
      String context) throws IOException {
    String target = RandomRuns.target(context + "/" + drawn.tokenUrl.replaceAll("^/+", ""));
    String form = "Content-Type: application/x-www-form-urlencoded";
    RawHttp.Response wrong = http.sendBody("POST", target, "grant_type=password&username=ada&password=nope", form);
    expect(wrong.status == 400 && wrong.body.contains("invalid_grant"), what + ": POST " + target
        + " with a wrong password", wrong, drawn, config);
    RawHttp.Response answer = http.sendBody("POST", target, "grant_type=password&username=ada&password=pw", form);
    expect(answer.status == 200, what + ": POST " + target + " with ada's password", answer, drawn, config);
    JsonNode body = JSON.readTree(answer.body);
    String jwt = body.get("access_token").asText();
    if (drawn.cookie) {
      // The token cookie as configured: what a browser needs to keep it and send it back.
      String cookie = answer.setCookie(drawn.cookieName);
      List<String> attributes = new ArrayList<>(List.of(drawn.cookieName + "=" + jwt, "HttpOnly",
          "Max-Age=" + drawn.lifetime.getSeconds(),
          "Path=" + drawn.memberText("cookiePath", "/"),
          "SameSite=" + drawn.members.getOrDefault("cookieSameSite", "SameSite.LAX").substring(9).charAt(0)
              + drawn.members.getOrDefault("cookieSameSite", "SameSite.LAX").substring(10).toLowerCase()));
      if (!drawn.memberText("cookieDomain", "").isEmpty()) {
        attributes.add("Domain=" + drawn.memberText("cookieDomain", ""));
      }
      if (drawn.members.getOrDefault("cookieSecure", "false").equals("true")) {
        attributes.add("Secure");
      }
      List<String> sent = cookie == null ? List.of() : List.of(cookie.split("; "));
      expect(sent.containsAll(attributes), what + ": the token cookie has " + attributes, answer, drawn, config);
    }
    // The roles of the grant: an authenticator returning a subject grants none.
    List<String> granted = drawn.authenticatorReturns.contains("Grant") ? List.of("admin", "user") : List.of();
    grantedAccess(what + ": the granted token", drawn, config, http, report, context, jwt, granted);
    if (!drawn.refresh) {
      return ", token endpoint" + (drawn.cookie ? " with its cookie" : "");
    }
    String refresh = refreshToken(drawn, body, answer);
    expect(refresh != null, what + ": a refresh token from the password grant", answer, drawn, config);
    RawHttp.Response renewed = refreshGrant(http, target, refresh);
    if (renewed.status == 400 && renewed.body.contains("The refresh token is unknown or expired")
        && Duration.parse(drawn.memberText("refreshExpiration", "")).getSeconds() < 30) {
      // A refresh token of a few seconds, which may expire between two requests of a busy machine.
      return ", token endpoint" + (drawn.cookie ? " with its cookie" : "") + " and an expired refresh token";
    }
    expect(renewed.status == 200 && renewed.body.contains("access_token"), what + ": the refresh grant", renewed,
        drawn, config);
    JsonNode renewedBody = JSON.readTree(renewed.body);
    grantedAccess(what + ": the refreshed token", drawn, config, http, report, context,
        renewedBody.get("access_token").asText(), granted);
    String successor = refreshToken(drawn, renewedBody, renewed);
    expect(successor != null && !successor.equals(refresh), what + ": a new refresh token from the refresh grant",
        renewed, drawn, config);
    // Reuse detection (RFC 9700 4.14): the spent token is refused, and its login with it.
    RawHttp.Response reused = refreshGrant(http, target, refresh);
    expect(reused.status == 400 && reused.body.contains("invalid_grant"), what + ": the spent refresh token again",
        reused, drawn, config);
    RawHttp.Response after = refreshGrant(http, target, successor);
    expect(after.status == 400 && after.body.contains("invalid_grant"), what + ": the successor of a reused refresh"
        + " token", after, drawn, config);
    return ", token endpoint" + (drawn.cookie ? " with its cookie" : "") + " and refresh"
        + (drawn.providedStore == null ? "" : " in a store of its own (" + drawn.providedStore + ")");
  }

  /** Calls {@code GET /things/admin} with a token of the token endpoint, of {@code roles}. */
  private static void grantedAccess(String what, Drawn drawn, String config, RawHttp http, JsonNode report,
      String context, String jwt, List<String> roles) {
    String target = RandomRuns.target(context + "/things/admin");
    RawHttp.Response admin = http.send("GET", target, credential(drawn, jwt));
    JsonNode route = route(report, "GET", "/things/admin");
    if (route == null && !drawn.secures(drawn.things())) {
      return; // unseen at a generated resource's path: left out of the report (see unseen)
    }
    if (route == null) {
      throw new AssertionError("no route GET /things/admin in " + report);
    }
    int expected = RandomRuns.expected(route.get("access").asText(), route, roles);
    boolean excluded = route.get("access").asText().startsWith("excluded");
    expect(admin.status == expected && (expected != 200 || excluded || admin.body.equals("admin of ada"))
        || expired(drawn, admin), what + ": GET " + target, admin, drawn, config);
  }

  /** The refresh token of a token endpoint's answer: in its body, or under cookie transport in its own cookie. */
  private static String refreshToken(Drawn drawn, JsonNode body, RawHttp.Response answer) {
    return body.has("refresh_token") ? body.get("refresh_token").asText()
        : answer.cookieValue((drawn.cookieName.regionMatches(true, 0, "__Host-", 0, 7)
            ? "__Secure-" + drawn.cookieName.substring("__Host-".length()) : drawn.cookieName) + "_refresh");
  }

  private static RawHttp.Response refreshGrant(RawHttp http, String target, String refresh) {
    return http.sendBody("POST", target, "grant_type=refresh_token&refresh_token="
        + URLEncoder.encode(refresh, StandardCharsets.UTF_8), "Content-Type: application/x-www-form-urlencoded");
  }

  /** The route of the report for {@code method} at a path ending in {@code relative}, or {@code null}. */
  private static JsonNode route(JsonNode report, String method, String relative) {
    for (JsonNode route : report.get("routes")) {
      if (route.get("method").asText().equals(method) && route.get("path").asText().endsWith(relative)) {
        return route;
      }
    }
    return null;
  }

  private static RawHttp.Response send(RawHttp http, String method, String target, String... headers) {
    return method.equals("POST") ? http.sendBody(method, target, "x", headers) : http.send(method, target, headers);
  }

  private static String credential(Drawn drawn, String jwt) {
    return drawn.cookie ? "Cookie: " + drawn.cookieName + "=" + jwt : drawn.authHeader + ": Bearer " + jwt;
  }

  /** A token signed with the configuration's secret by {@link Jwts}, independent of jjwt and the runtime. */
  private static String forged(Drawn drawn, String secret, List<String> roles) {
    long now = System.currentTimeMillis() / 1000;
    StringBuilder claims = new StringBuilder("{\"sub\":\"ada\",\"iat\":" + now + ",\"exp\":" + (now + 300));
    if (!drawn.issuer.isEmpty()) {
      claims.append(",\"iss\":").append(jsonText(drawn.issuer));
    }
    if (!drawn.audience.isEmpty()) {
      claims.append(",\"aud\":").append(jsonText(drawn.audience.get(drawn.audience.size() - 1)));
    }
    if (!roles.isEmpty()) {
      claims.append(",\"roles\":[");
      for (int i = 0; i < roles.size(); i++) {
        claims.append(i == 0 ? "" : ",").append(jsonText(roles.get(i)));
      }
      claims.append(']');
    }
    claims.append('}');
    String jca = "Hmac" + drawn.algorithm.replace("HS", "SHA");
    return Jwts.sign("{\"alg\":\"" + drawn.algorithm + "\",\"typ\":\"JWT\"}", claims.toString(), jca,
        secret.getBytes(StandardCharsets.UTF_8));
  }

  /** A 401 for an expired token, where the configuration's lifetime is a few seconds. */
  private static boolean expired(Drawn drawn, RawHttp.Response answer) {
    return drawn.lifetime.plus(drawn.leeway).getSeconds() < 30 && answer.status == 401
        && answer.toString().contains("expired");
  }

  private static void expect(boolean ok, String what, RawHttp.Response answer, Drawn drawn, String config) {
    if (!ok || answer.status >= 500) {
      fail(what + ": " + answer + "\n" + drawn.listing(config));
    }
  }

  // The resources, fixed: what varies is the configuration.
  private static final String THINGS = String.join("\n",
      "package " + PACKAGE + ";",
      "import jakarta.ws.rs.*;",
      "import jakarta.ws.rs.core.*;",
      "import jakarta.annotation.security.*;",
      "@Path(\"things\")",
      "public class Things {",
      "  @Context SecurityContext security;",
      "  private String who() {",
      "    return security.getUserPrincipal() == null ? \"nobody\" : security.getUserPrincipal().getName();",
      "  }",
      "  @GET public String list() { return \"list of \" + who(); }",
      "  @GET @Path(\"{id}\") public String one(@PathParam(\"id\") String id) { return \"thing \" + id; }",
      "  @GET @Path(\"admin\") @RolesAllowed(\"admin\") public String admin() { return \"admin of \" + who(); }",
      "  @GET @Path(\"user\") @RolesAllowed({\"user\", \"admin\"}) public String user() { return \"user\"; }",
      "  @GET @Path(\"open\") @PermitAll public String open() { return \"open\"; }",
      "  @POST public String create(String body) { return \"created\"; }",
      "  @DELETE @Path(\"{id}\") @DenyAll public String delete(@PathParam(\"id\") String id) { return \"no\"; }",
      "}",
      "");

  private static String configuration(Drawn drawn) {
    StringBuilder out = new StringBuilder();
    out.append("package " + PACKAGE + ";\n");
    out.append("import dev.jwtsecured.*;\nimport dev.jwtsecured.runtime.*;\nimport java.util.*;\n");
    out.append("import java.util.concurrent.*;\nimport jakarta.ws.rs.container.ContainerRequestContext;\n");
    out.append("import jakarta.ws.rs.core.HttpHeaders;\n");
    out.append("@JwtSecured(");
    String separator = "";
    for (Map.Entry<String, String> member : drawn.members.entrySet()) {
      out.append(separator).append("\n    ").append(member.getKey()).append(" = ").append(member.getValue());
      separator = ",";
    }
    out.append(")\n");
    out.append("public final class Config {\n");
    out.append(switch (drawn.constructor) {
      case "noArgs" -> "  public Config() {}\n";
      case "withArgs" -> "  private final String name;\n  public Config(String name) { this.name = name; }\n";
      case "singleton" -> "  public static final Config INSTANCE = new Config();\n  private Config() {}\n";
      case "private" -> "  private Config() {}\n";
      default -> "";
    });
    String modifier = drawn.instance ? "" : "static ";
    // ghost names no user: the retriever finds none.
    out.append("  @UserRetriever " + modifier + drawn.retrieverReturns + " user(Token token"
        + (drawn.retrieverRequest ? ", ContainerRequestContext request" : "") + ") {\n");
    out.append("    String user = token.subject().equals(\"ghost\") ? null : token.subject();\n");
    out.append("    return " + switch (drawn.retrieverReturns) {
      case "String" -> "user";
      case "Optional<String>" -> "Optional.ofNullable(user)";
      case "CompletionStage<String>" -> "CompletableFuture.completedFuture(user)";
      default -> "CompletableFuture.supplyAsync(() -> Optional.ofNullable(user))";
    } + ";\n  }\n");
    if (drawn.revocation) {
      out.append("  @RevocationCheck " + modifier + "boolean revoked(Token token"
          + (drawn.revocationRequest ? ", ContainerRequestContext request" : "") + ") {\n");
      out.append("    return token.subject().equals(\"eve\");\n  }\n");
    }
    if (drawn.authenticator) {
      out.append("  @Authenticator " + modifier + drawn.authenticatorReturns + " login(String user, String password"
          + (drawn.authenticatorScopes ? ", Set<String> scopes" : "")
          + (drawn.authenticatorHeaders ? ", HttpHeaders headers" : "") + ") {\n");
      out.append("    boolean known = user.equals(\"ada\") && password.equals(\"pw\");\n");
      out.append("    Grant grant = Grant.of(user).withRoles(Set.of(\"admin\", \"user\"));\n");
      out.append("    return " + switch (drawn.authenticatorReturns) {
        case "Grant" -> "known ? grant : null";
        case "String" -> "known ? user : null";
        case "Optional<String>" -> "known ? Optional.of(user) : Optional.empty()";
        default -> "known ? Optional.of(grant) : Optional.empty()";
      } + ";\n  }\n");
    }
    if (drawn.providedStore != null && !drawn.providedStore.equals("missing")) {
      out.append("  @RefreshStore " + modifier + "RefreshTokenStore refreshTokens() {\n");
      if (drawn.providedStore.equals("database")) {
        out.append("    org.h2.jdbcx.JdbcDataSource database = new org.h2.jdbcx.JdbcDataSource();\n");
        out.append("    database.setURL(" + literal(drawn.database) + ");\n");
        out.append("    JdbcRefreshTokenStore store = new JdbcRefreshTokenStore(database);\n");
        out.append("    store.createTable();\n    return store;\n");
      } else {
        out.append("    return " + (drawn.providedStore.equals("null") ? "null" : "new InMemoryRefreshTokenStore(100)")
            + ";\n");
      }
      out.append("  }\n");
    }
    out.append("}\n");
    return out.toString();
  }

  // ---- the draw ----

  /** Text of no particular shape, for members that take free text or must refuse it. */
  private static final String[] ODD_TEXT = {"", " ", "a b", "caf\u00e9", "a\"b", "a\\b", "*/", "line\nend", "a,b",
      "a;b", "${JWT_RC_UNSET}", "\u0000", "\uD83D\uDE00", "<script>", "%41", "\u2028", "\t"};
  /** The chance that a member drawn gets one of its odd values rather than one of its usual ones. */
  private static final double ODD = 0.12;

  /** A value of {@code usual}, or by chance {@link #ODD} one of {@code odd}; each already a Java expression. */
  private static String value(Random random, List<String> odd, String... usual) {
    return !odd.isEmpty() && random.nextDouble() < ODD ? odd.get(random.nextInt(odd.size()))
        : usual[random.nextInt(usual.length)];
  }

  /** As {@link #value}, of texts: the text drawn. */
  private static String text(Random random, String[] odd, String... usual) {
    return unquoted(value(random, literals(odd), List.of(usual).stream().map(t -> literal(t)).toArray(String[]::new)));
  }

  /** An array of one to three values drawn as by {@link #value}. */
  private static String array(Random random, List<String> odd, String... usual) {
    List<String> chosen = new ArrayList<>();
    for (int i = random.nextInt(3); i >= 0; i--) {
      String v = value(random, odd, usual);
      if (!chosen.contains(v)) {
        chosen.add(v);
      }
    }
    return "{" + String.join(", ", chosen) + "}";
  }

  private static List<String> literals(String... texts) {
    return List.of(texts).stream().map(t -> literal(t)).toList();
  }

  private static Drawn draw(Random random, Path dir) throws Exception {
    Drawn d = new Drawn();
    int keys = random.nextInt(20);
    if (keys >= 16) {
      drawProvider(random, d, dir, keys >= 18);
    } else if (keys < 12) {
      drawSecret(random, d);
      if (random.nextInt(4) == 0) {
        d.members.put("previousSecrets", array(random, literals("previous-secret-0123456789-0123456789",
            "${JWT_RC_PREVIOUS:fallback}", "${JWT_RC_SECRET}"), "\"${JWT_RC_PREVIOUS:}\"", "\"${JWT_RC_PREVIOUS}\"",
            "\"${JWT_RC_OTHER:}\""));
        d.properties.put("JWT_RC_PREVIOUS", "an-earlier-secret-of-enough-bytes-0123456789abcdef-0123456789abcdef");
        if (d.members.get("previousSecrets").contains("${JWT_RC_PREVIOUS")) {
          d.previousSecret = d.properties.get("JWT_RC_PREVIOUS");
        }
      }
    } else {
      drawPrivateKey(random, d, dir);
    }
    if (d.secret == null && d.provider == null && random.nextInt(3) == 0) {
      d.members.put("rolesClaim", value(random, literals("sub", "", "a..b", "exp", "aud", "iss", "jti", "sid",
          "scope", " roles", "roles.", "http://", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f"),
          "\"roles\"", "\"realm_access.roles\"", "\"https://x.example/roles\"", "\"groups\"",
          "\"permissions\""));
      d.rolesClaim = unquoted(d.members.get("rolesClaim"));
    }
    // A verifier issues nothing: a token endpoint or a lifetime there is a mistake, drawn as one.
    boolean issues = d.provider == null || random.nextDouble() < ODD;
    // -Djwtsecured.randomLogins=true: a token endpoint wherever one is drawn at all, and refresh tokens with half.
    boolean logins = Boolean.getBoolean("jwtsecured.randomLogins");
    if (issues && (logins || random.nextInt(3) == 0)) {
      d.tokenUrl = text(random, new String[] {"login", "/log in", "/{x}", "/", "//login", "/things", "/token?x",
          "/caf\u00e9", "", "/open", "/things/open", "/login/"}, "/login", "/a/login", "/oauth/token", "/token");
      d.members.put("tokenUrl", literal(d.tokenUrl));
      d.authenticator = random.nextInt(12) != 0;
      if (random.nextBoolean()) {
        String refresh = text(random, new String[] {"P0D", "PT-1S", "P100000D", "x", "", "PT0.5S", "p1d"}, "P14D",
            "PT1H", "PT1S", "P1D");
        d.members.put("refreshExpiration", literal(refresh));
        d.refresh = !refresh.isEmpty();
      }
      if (random.nextInt(4) == 0) {
        d.members.put("maxTokenRequestBytes", value(random, List.of("255", "1048577", "0", "-1"), "256", "65536",
            "1048576", "4096"));
      }
      if (random.nextInt(4) == 0) {
        d.putText("clientAddressHeader", text(random, new String[] {"X Forwarded", "Authorization", "a:b",
            "X-\u00e9"}, "X-Forwarded-For", "X-Client-Address", "Forwarded", "X-Real-IP", ""));
      }
      if (random.nextInt(4) == 0) {
        d.members.put("scopes", array(random, literals("admin", "a b", "\"", "", "user", "caf\u00e9", "**"),
            "\"read\"", "\"write\"", "\"orders:read\"", "\"openid\""));
      }
    } else {
      d.authenticator = random.nextInt(8) == 0;
    }
    if (random.nextInt(3) == 0) {
      d.members.put("exclude", array(random, literals("(", "/things/me", "/nothing", "things/open", "/THINGS",
          "[", "/things/{id}", "*"), "\"/open\"", "\"/things\"", "\".*\"", "\"/things/.*\"",
          "\"/things/\\\\{id}\"", "\"/things(/.*)?\"", "\"/things/admin\"", "\"/things/open\""));
    }
    if (random.nextInt(4) == 0) {
      d.members.put("excludeMethods", array(random, literals("get", "X-Y", "", "G ET", "CONNECT"), "\"OPTIONS\"",
          "\"GET\"", "\"HEAD\"", "\"POST\"", "\"PATCH\"", "\"DELETE\""));
    }
    if (random.nextInt(3) == 0) {
      d.cookie = true;
      d.members.put("transport", "Transport.COOKIE");
    }
    if (random.nextInt(4) == 0) {
      d.authHeader = text(random, new String[] {"X Token", "", "Cookie", "Content-Type", "Host", "X-Token:",
          "Content-Length", "Connection", "X-\u00e9", "Transfer-Encoding", "Expect"}, "X-Token", "X-Api-Key",
          "authorization", "Proxy-Authorization", "X-Auth-Token");
      d.members.put("authHeader", literal(d.authHeader));
    }
    if (issues && random.nextInt(3) == 0) {
      String expiration = text(random, new String[] {"PT0S", "P1Y", "pt1h", "PT-5M", "P2932896D", "PT0.5S", "",
          "P3650000D", "P10000D", "P3651D"}, "PT24H", "PT1S", "P1D", "P3650D", "PT1H30M", "PT5M", "PT15M");
      d.members.put("expiration", literal(expiration));
      d.lifetime = durationOr(expiration, d.lifetime);
    }
    if (random.nextInt(3) == 0) {
      d.issuer = text(random, new String[] {"a b", "line\nend", "\"", " https://issuer.example", "\u0000"},
          "https://issuer.example", "caf\u00e9", "x", "urn:example:issuer", "https://issuer.example/realms/a/");
      d.members.put("issuer", literal(d.issuer));
    }
    if (!d.issuer.isEmpty() && random.nextInt(2) == 0 || random.nextDouble() < ODD / 2) {
      d.members.put("acceptedIssuers", array(random, literals("", " ", "line\nend"), "\"https://other.example\"",
          "\"https://issuer.example\"", "\"x\""));
      String list = d.members.get("acceptedIssuers");
      d.acceptedIssuers = List.of(list.substring(1, list.length() - 1).split(", ")).stream()
          .map(RandomConfigurationsTest::unquoted).toList();
    }
    if (random.nextInt(3) == 0) {
      List<String> audience = new ArrayList<>();
      for (int i = random.nextInt(3); i >= 0; i--) {
        String a = text(random, new String[] {"", "a\nb", " api"}, "api", "other", "a,b", "a b",
            "https://api.example/", "caf\u00e9");
        if (!audience.contains(a)) {
          audience.add(a);
        }
      }
      d.audience = List.copyOf(audience);
      d.members.put("audience", "{" + String.join(", ", audience.stream().map(a -> literal(a)).toList()) + "}");
    }
    if (random.nextInt(4) == 0) {
      String leeway = text(random, new String[] {"P400D", "PT-1S", "30", "", "P1Y", "PT1H", "P1D", "PT5M1S"},
          "PT0S", "PT30S", "PT1M", "PT5M");
      d.members.put("leeway", literal(leeway));
      d.leeway = durationOr(leeway, d.leeway);
    }
    if (random.nextInt(4) == 0) {
      d.putText("realm", text(random, ODD_TEXT, "api", "shop", "Example Realm", "shop-api"));
    }
    if (d.cookie || random.nextInt(4) == 0) {
      if (random.nextBoolean()) {
        d.cookieName = text(random, new String[] {"a;b", "a b", "", "tok\u00e9n", "a=b", "__host-token"},
            "__Host-token", "__Secure-token", "session", "id", "token", "jwt");
        d.members.put("cookieName", literal(d.cookieName));
        if (d.cookieName.startsWith("__") && random.nextDouble() > ODD) {
          // As browsers require of these prefixes (the processor checks them).
          d.members.put("cookieSecure", "true");
          if (d.cookieName.startsWith("__Host-")) {
            d.members.put("cookiePath", "\"/\"");
            d.members.put("cookieDomain", "\"\"");
          }
        }
      }
      if (random.nextBoolean() && !d.members.containsKey("cookiePath")) {
        d.putText("cookiePath", text(random, new String[] {"", "relative", "/a;b", "/caf\u00e9", "/ x"}, "/",
            "/things", "/things/", "/api"));
      }
      if (random.nextBoolean() && !d.members.containsKey("cookieDomain")) {
        d.putText("cookieDomain", text(random, new String[] {"exa mple", "example.com.", "example.com:8080",
            "[::1]", "http://example.com"}, "example.com", ".example.com", "localhost", "127.0.0.1", "a_b.example",
            ""));
      }
      if (random.nextBoolean() && !d.members.containsKey("cookieSecure")) {
        d.members.put("cookieSecure", String.valueOf(random.nextBoolean()));
      }
      if (random.nextBoolean()) {
        String sameSite = pick(random, "LAX", "STRICT", "NONE");
        if (sameSite.equals("NONE") && !"true".equals(d.members.get("cookieSecure")) && random.nextDouble() > ODD) {
          sameSite = "LAX"; // NONE needs Secure (the processor checks it)
        }
        d.members.put("cookieSameSite", "SameSite." + sameSite);
      }
    }
    if (random.nextInt(4) == 0) {
      d.putText("schemeName", text(random, ODD_TEXT, "BearerToken", "jwt", "Shop_Auth", "a.b-c"));
    }
    if (random.nextInt(4) == 0) {
      d.putText("description", text(random, ODD_TEXT, "Tokens of the shop", "caf\u00e9", "a \"quoted\" word",
          "*/ and /*"));
    }
    if (random.nextInt(3) == 0) {
      d.openApiPath = text(random, new String[] {"openapi.json", "/things", "/", "/a b", "/things/open",
          "/docs/{x}", "/open"}, "/openapi.json", "/schema/openapi.json", "/docs/api.json", "");
      d.members.put("openApiPath", literal(d.openApiPath));
    }
    if (random.nextInt(4) == 0) {
      d.putText("openApiTitle", text(random, ODD_TEXT, "Shop API", "caf\u00e9", "API"));
    }
    if (random.nextInt(4) == 0) {
      d.putText("openApiVersion", text(random, ODD_TEXT, "2.0", "1.0.0-beta+1", "2026-12-05"));
    }
    if (random.nextInt(4) == 0) {
      d.members.put("cacheSize", value(random, List.of("-1", "1000001", "Integer.MAX_VALUE", "Integer.MIN_VALUE"),
          "0", "1", "10000", "1000000", "2"));
    }
    if (random.nextInt(4) == 0) {
      d.members.put("maxTokenLength", value(random, List.of("1023", "Integer.MAX_VALUE", "0", "-1"), "1024", "8192",
          "65536", "16384"));
    }
    if (random.nextInt(4) == 0) {
      d.members.put("roles", random.nextDouble() < ODD ? array(random, literals("**", "", "other"), "\"admin\"")
          : "{\"admin\", \"user\"}");
    }
    if (random.nextInt(4) == 0) {
      String path = text(random, new String[] {"/a b", "/api/*", "api", "/caf\u00e9", "/{x}", "//", "/api/"}, "",
          "/", "/api", "/v1/api");
      d.members.put("applicationPath", literal(path));
      d.applicationPath = path.isEmpty() ? null : path;
    } else if (random.nextInt(4) == 0) {
      d.applicationPath = pick(random, "/", "api", "/api/", "/api/*", "v1/api", "/caf\u00e9", "/a b");
    }
    if (random.nextInt(5) == 0) {
      d.members.put("unseenMethods", "UnseenMethods." + pick(random, "REQUIRE_TOKEN", "DENY"));
    }
    if (random.nextInt(8) == 0) {
      d.putText("jwksMinRefresh", text(random, new String[] {"PT0S", "P2D"}, "PT30S", "PT1S", "PT5M"));
    }
    d.revocation = random.nextInt(4) == 0;
    if (d.provider == null && random.nextInt(10) == 0) {
      d.members.put("keyAlgorithms", array(random, literals("HS256", "none", ""), "\"RS256\"", "\"ES256\""));
    }
    drawHandlers(random, d, dir);
    drawScope(random, d);
    return d;
  }

  /**
   * Where {@code Things} lives, and what {@code basePackages} and {@code resources} say (a quarter of the
   * configurations): its own package, a subpackage or another; packages that hold it or not, misspelt or no package
   * name at all; the class listed, or a class that is no resource.
   */
  private static void drawScope(Random random, Drawn d) {
    if (random.nextInt(4) != 0) {
      return;
    }
    d.thingsPackage = pick(random, PACKAGE, PACKAGE + ".api", "elsewhere");
    if (random.nextInt(3) != 0) {
      List<String> packages = new ArrayList<>();
      for (int i = random.nextInt(2); i >= 0; i--) {
        String p = text(random, new String[] {"", PACKAGE + ".", "a b", "Configured", "1x"}, PACKAGE,
            PACKAGE + ".api", "elsewhere");
        if (!packages.contains(p)) {
          packages.add(p);
        }
      }
      d.members.put("basePackages", "{" + String.join(", ", packages.stream().map(p -> literal(p)).toList()) + "}");
      d.packages = List.copyOf(packages);
      if (packages.stream().anyMatch(p -> !javax.lang.model.SourceVersion.isName(p))) {
        d.mustRefuse.add(Message.BASE_PACKAGE_INVALID.tag());
      }
    }
    if (random.nextInt(3) == 0) {
      if (random.nextDouble() < ODD) {
        d.members.put("resources", "{String.class}");
        d.mustRefuse.add(Message.NOT_A_ROOT_RESOURCE.tag());
      } else {
        d.members.put("resources", "{" + d.things() + ".class}");
        d.listed = List.of(d.things());
      }
    }
  }

  /**
   * The handler methods' shapes, each one the annotations document, where refresh tokens live, and how the class is
   * made; a handler taking the request beside refresh tokens, a store method without its storage or the other way
   * round, and instance handlers in a class only its own private constructor makes are mistakes the processor must
   * refuse.
   */
  private static void drawHandlers(Random random, Drawn d, Path dir) {
    d.instance = random.nextInt(3) == 0;
    d.retrieverReturns = pick(random, "Optional<String>", "String", "CompletionStage<String>",
        "CompletionStage<Optional<String>>");
    d.retrieverRequest = random.nextInt(4) == 0;
    d.revocationRequest = d.revocation && random.nextInt(3) == 0;
    d.authenticatorReturns = pick(random, "Optional<Grant>", "Grant", "String", "Optional<String>");
    d.authenticatorScopes = random.nextInt(3) == 0;
    d.authenticatorHeaders = random.nextInt(3) == 0;
    // Refresh tokens as configured: drawn with one of the usual lifetimes, beside a token endpoint.
    String refreshExpiration = d.memberText("refreshExpiration", "");
    boolean refreshes = List.of("P14D", "PT1H", "PT1S", "P1D").contains(refreshExpiration) && !d.tokenUrl.isEmpty();
    if (refreshes && (d.retrieverRequest || d.revocationRequest)) {
      d.mustRefuse.add(Message.REFRESH_HANDLER_TAKES_REQUEST.tag());
    }
    if (d.refresh && random.nextInt(3) == 0) {
      d.members.put("refreshStorage", "RefreshStorage.PROVIDED");
      d.providedStore = random.nextDouble() < ODD ? pick(random, "null", "missing") : pick(random, "memory",
          "database");
      d.database = "jdbc:h2:" + dir.resolve("refresh").toAbsolutePath();
      if (refreshes && d.providedStore.equals("missing")) {
        d.mustRefuse.add(Message.REFRESH_STORE_MISSING.tag());
      }
    } else if (random.nextDouble() < ODD / 2) {
      if (!d.refresh && random.nextBoolean()) {
        d.members.put("refreshStorage", "RefreshStorage.PROVIDED");
        d.providedStore = "memory";
        d.mustRefuse.add(Message.REFRESH_STORAGE_WITHOUT_REFRESH.tag());
      } else {
        d.providedStore = "unused";
        d.mustRefuse.add(Message.REFRESH_STORE_UNUSED.tag());
      }
    }
    d.constructor = pick(random, "implicit", "implicit", "noArgs", "withArgs", "singleton", "private");
    if (d.instance && d.constructor.equals("private")) {
      d.mustRefuse.add(Message.NO_CALLABLE_CONSTRUCTOR.tag());
    }
  }

  /** A verifier of an identity provider's tokens: its public key in the source, a file or the environment, or a set. */
  private static void drawProvider(Random random, Drawn d, Path dir, boolean keySet) throws Exception {
    boolean rsa = random.nextBoolean();
    KeyPairGenerator generator = KeyPairGenerator.getInstance(rsa ? "RSA" : "EC");
    if (rsa) {
      generator.initialize(random.nextDouble() < ODD ? 1024 : 2048);
    } else {
      generator.initialize(new ECGenParameterSpec("secp256r1"));
    }
    d.provider = generator.generateKeyPair();
    d.keyAtStartUp = true;
    String algorithms = rsa
        ? value(random, literals("HS256", "none", "", "ES256"), "{\"RS256\"}", "{\"RS256\", \"PS256\"}",
            "{\"PS256\", \"RS512\"}", "{\"RS256\", \"ES256\"}", "")
        : value(random, literals("HS256", "none", "", "RS256"), "{\"ES256\"}", "{\"ES256\", \"RS256\"}",
            "{\"ES256\", \"EdDSA\"}");
    if (!algorithms.isEmpty() && !algorithms.equals("\"\"")) {
      d.members.put("keyAlgorithms", algorithms);
    }
    List<String> accepted = algorithms.isEmpty() || algorithms.equals("\"\"") ? List.of("RS256")
        : List.of(algorithms.replaceAll("[{}\"]", "").split(", "));
    boolean large = !rsa || ((RSAPublicKey) d.provider.getPublic()).getModulus().bitLength() >= 2048;
    for (String a : accepted) {
      if (large && (rsa ? a.startsWith("RS") || a.startsWith("PS") : a.equals("ES256"))) {
        d.providerAlgorithm = JWSAlgorithm.parse(a);
        break;
      }
    }
    if (keySet) {
      d.kid = "key-" + random.nextInt(1000);
      String uri = "http://127.0.0.1:" + keySets.getAddress().getPort() + "/jwks.json";
      if (random.nextBoolean()) {
        d.putText("jwksUri", uri);
      } else {
        d.members.put("jwksUri", "\"${JWT_RC_JWKS}\"");
        d.properties.put("JWT_RC_JWKS", uri);
      }
    } else {
      d.kid = random.nextBoolean() ? "key-" + random.nextInt(1000) : null;
      String pem = "-----BEGIN PUBLIC KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(d.provider.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
      switch (random.nextInt(3)) {
        case 0 -> {
          d.putText("publicKey", pem);
          d.keyAtStartUp = false;
        }
        case 1 -> {
          Path file = dir.resolve("public.pem");
          Files.writeString(file, pem);
          d.putText("publicKey", "file:" + file);
        }
        default -> {
          d.members.put("publicKey", "\"${JWT_RC_PUBLIC}\"");
          d.properties.put("JWT_RC_PUBLIC", pem);
        }
      }
    }
    d.putText("rolesClaim", d.rolesClaim = text(random, new String[] {"sub", "", "a..b", "exp", "aud", "iss", "jti",
        " roles", "roles.", "http://"}, "roles", "realm_access.roles", "https://x.example/roles", "groups",
        "permissions"));
  }

  /**
   * The identity provider's token for {@code ada} with {@code roles} at the configuration's roles claim (nested for a
   * dotted name), its issuer and one of its audiences.
   */
  private static String signed(Drawn drawn, List<String> roles) {
    // Without an algorithm the configuration accepts for the key, the key's usual one.
    JWSAlgorithm alg = drawn.providerAlgorithm != null ? drawn.providerAlgorithm
        : drawn.provider.getPrivate() instanceof RSAPrivateKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
    return signed(drawn, drawn.provider, alg, drawn.kid, roles);
  }

  /** A token of {@code ada} as {@link #signed(Drawn, List)}, signed with {@code keys}, {@code alg} and {@code kid}. */
  private static String signed(Drawn drawn, KeyPair keys, JWSAlgorithm alg, String kid, List<String> roles) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("ada").issueTime(Date.from(now.minusSeconds(5)))
        .expirationTime(Date.from(now.plusSeconds(300)));
    String issuer = !drawn.issuer.isEmpty() ? drawn.issuer
        : drawn.acceptedIssuers.isEmpty() ? null : drawn.acceptedIssuers.get(0);
    if (issuer != null) {
      claims.issuer(issuer);
    }
    List<String> audience = drawn.audience.isEmpty() ? List.of()
        : List.of(drawn.audience.get(drawn.audience.size() - 1));
    if (drawn.rolesClaim.equals("aud")) {
      // Roles read from aud: the audiences are the roles, the configuration's among them.
      List<String> both = new ArrayList<>(audience);
      both.addAll(roles);
      claims.audience(both);
    } else if (!audience.isEmpty()) {
      claims.audience(audience);
    }
    if (!roles.isEmpty() && !drawn.rolesClaim.equals("aud")) {
      String[] path = drawn.rolesClaim.contains("://") ? new String[] {drawn.rolesClaim}
          : drawn.rolesClaim.split("\\.");
      Object value = roles;
      for (int i = path.length - 1; i > 0; i--) {
        value = Map.of(path[i], value);
      }
      claims.claim(path[0], value);
    }
    // Signed here rather than by a JOSE library, which refuses an RSA key under 2048 bits: what a provider with such
    // a key sends.
    String input = Jwts.b64(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build()
        .toString()) + "." + Jwts.b64(claims.build().toString());
    try {
      Signature signature;
      String name = alg.getName();
      int bits = Integer.parseInt(name.substring(2));
      if (name.startsWith("PS")) {
        signature = Signature.getInstance("RSASSA-PSS");
        signature.setParameter(new PSSParameterSpec("SHA-" + bits, "MGF1", new MGF1ParameterSpec("SHA-" + bits),
            bits / 8, 1));
      } else {
        signature =
            Signature.getInstance("SHA" + bits + (name.startsWith("RS") ? "withRSA" : "withECDSAinP1363Format"));
      }
      signature.initSign(keys.getPrivate());
      signature.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + Jwts.b64(signature.sign());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The provider's key set: its one key, with the {@code kid} its tokens name. */
  private static String keySet(Drawn drawn) {
    return new JWKSet(drawn.provider.getPublic() instanceof RSAPublicKey key
        ? new RSAKey.Builder(key).keyID(drawn.kid).build()
        : new ECKey.Builder(com.nimbusds.jose.jwk.Curve.P_256, (ECPublicKey) drawn.provider.getPublic())
            .keyID(drawn.kid).build()).toString();
  }

  private static void drawSecret(Random random, Drawn d) {
    d.algorithm = text(random, new String[] {"RS256", "hs256", "none", "", "ES256", "HS256 "}, "HS256",
        "HS256", "HS384", "HS512");
    if (!d.algorithm.equals("HS256") || random.nextBoolean()) {
      d.members.put("algorithm", literal(d.algorithm));
    }
    int needed = switch (d.algorithm) {
      case "HS384" -> 48;
      case "HS512" -> 64;
      default -> 32;
    };
    int bytes = random.nextDouble() < ODD ? needed - 1 : needed + random.nextInt(3) * random.nextInt(40);
    StringBuilder secret = new StringBuilder();
    boolean wide = random.nextInt(5) == 0;
    for (int i = 0; secret.toString().getBytes(StandardCharsets.UTF_8).length < bytes; i++) {
      secret.append(wide && secret.toString().getBytes(StandardCharsets.UTF_8).length + 2 <= bytes ? '\u00e9'
          : (char) ('a' + (i * 7 + bytes) % 26));
    }
    d.secret = secret.toString();
    switch (random.nextInt(4)) {
      case 0 -> d.members.put("secret", "\"${JWT_RC_SECRET}\"");
      case 1 -> d.members.put("secret", "\"${JWT_RC_UNSET:" + javaText(d.secret) + "}\"");
      default -> d.members.put("secret", literal(d.secret));
    }
    d.keyAtStartUp = d.members.get("secret").startsWith("\"${");
    d.properties.put("JWT_RC_SECRET", d.secret);
  }

  private static void drawPrivateKey(Random random, Drawn d, Path dir) throws Exception {
    KeyPairGenerator generator;
    if (random.nextBoolean()) {
      generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
    } else {
      generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(random.nextDouble() < ODD ? 1024 : 2048);
    }
    KeyPair pair = generator.generateKeyPair();
    d.keyAtStartUp = true;
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    Path file = dir.resolve("private.pem");
    Files.writeString(file, pem);
    if (random.nextBoolean()) {
      d.members.put("privateKey", literal("file:" + file));
    } else {
      d.members.put("privateKey", "\"${JWT_RC_KEY}\"");
      d.properties.put("JWT_RC_KEY", pem);
    }
    d.algorithm = pair.getPrivate().getAlgorithm().equals("EC") ? "ES256" : "RS256";
    d.issuerKeys = pair;
    if (random.nextInt(3) == 0) {
      // The next key of a rotation, published beside the key and accepted like it.
      KeyPairGenerator next = KeyPairGenerator.getInstance(pair.getPrivate().getAlgorithm());
      if (d.algorithm.equals("ES256")) {
        next.initialize(new ECGenParameterSpec("secp256r1"));
      } else {
        next.initialize(2048);
      }
      d.rotationKeys = next.generateKeyPair();
      String publicPem = "-----BEGIN PUBLIC KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(d.rotationKeys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
      if (random.nextBoolean()) {
        Path rotation = dir.resolve("rotation.pem");
        Files.writeString(rotation, publicPem);
        d.members.put("rotationPublicKeys", "{" + literal("file:" + rotation) + "}");
      } else {
        d.members.put("rotationPublicKeys", pick(random, "{\"${JWT_RC_ROTATION}\"}", "{\"${JWT_RC_ROTATION:}\"}"));
        d.properties.put("JWT_RC_ROTATION", publicPem);
      }
    }
  }

  private static Duration durationOr(String text, Duration otherwise) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      return otherwise;
    }
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... values) {
    return values[random.nextInt(values.length)];
  }

  /** The text of a Java string literal written by {@link #literal}. */
  private static String unquoted(String literal) {
    StringBuilder out = new StringBuilder();
    String body = literal.substring(1, literal.length() - 1);
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        out.append(c);
      } else if (body.charAt(i + 1) == 'u') {
        out.append((char) Integer.parseInt(body.substring(i + 2, i + 6), 16));
        i += 5;
      } else if (Character.isDigit(body.charAt(i + 1))) {
        out.append((char) Integer.parseInt(body.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(body.charAt(++i));
      }
    }
    return out.toString();
  }

  private static String literal(String text) {
    return "\"" + javaText(text) + "\"";
  }

  /** {@code text} inside a Java string literal. */
  private static String javaText(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\%03o", (int) c)); // a Unicode escape of a line end would end the literal
      } else if (c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String jsonText(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
