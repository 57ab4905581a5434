package dev.jwtsecured.processor;

import dev.jwtsecured.processor.validation.Message;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.jwtsecured.processor.Sources.plainConfig;
import static dev.jwtsecured.processor.Sources.source;
import static dev.jwtsecured.processor.Sources.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The compile-time rules of route-bound security: exclusions a template would swallow, locators that run before
 * authentication, scopes that are roles, the application path, and the retriever and configuration rules that came
 * with them.
 */
class RouteBoundDiagnosticsTest {

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new JwtSecuredProcessor()).compile(sources);
  }

  static String tagged(Message m) {
    return "[" + m.tag() + "]";
  }

  static String routes(Compilation c, String config) throws IOException {
    return c.generatedFile(StandardLocation.CLASS_OUTPUT, "", "META-INF/jwtsecured/" + config + ".routes.json")
        .orElseThrow().getCharContent(true).toString();
  }

  /** An {@code Application} subclass {@code qualifiedName} annotated {@code @ApplicationPath(path)}. */
  static JavaFileObject application(String qualifiedName, String path) {
    int dot = qualifiedName.lastIndexOf('.');
    return JavaFileObjects.forSourceString(qualifiedName, "package " + qualifiedName.substring(0, dot) + ";\n"
        + "@jakarta.ws.rs.ApplicationPath(\"" + path + "\")\n"
        + "public class " + qualifiedName.substring(dot + 1) + " extends jakarta.ws.rs.core.Application {}");
  }

  static final JavaFileObject USERS = source("Users",
      "@Path(\"/users\")",
      "public final class Users {",
      "  @GET @Path(\"{id}\") public String get(@PathParam(\"id\") String id) { return id; }",
      "  @POST @Path(\"register\") public String register() { return \"\"; }",
      "}");

  @Test
  void aLiteralExcludeThatATemplateSwallowsIsAnError() {
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\",",
        "    exclude = {\"/users/register\",",
        "               \"/users/me\"})",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return null; }",
        "}");
    Compilation c = compile(user(), USERS, config);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(tagged(Message.EXCLUDE_SHADOWED_BY_TEMPLATE)).inFile(config)
        .onLineContaining("\"/users/me\"");
    assertThat(c).hadErrorContaining("GET /users/{id} (test.Users.get)").inFile(config)
        .onLineContaining("\"/users/me\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aLiteralExcludeThatMatchesItsOwnOperationCompiles() {
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\", exclude = \"/users/register\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return null; }",
        "}");
    assertThat(compile(user(), USERS, config)).succeededWithoutWarnings();
  }

  @Test
  void aLocatorLeadingToPublicAndProtectedOperationsIsAWarning() throws IOException {
    JavaFileObject files = source("Files",
        "@Path(\"/files\")",
        "public final class Files {",
        "  @Path(\"{name}\") public File file(@PathParam(\"name\") String name) { return new File(); }",
        "  public static final class File {",
        "    @GET @PermitAll public String read() { return \"\"; }",
        "    @DELETE @RolesAllowed(\"admin\") public String delete() { return \"\"; }",
        "  }",
        "}");
    JavaFileObject config = plainConfig();
    Compilation c = compile(user(), files, config);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(tagged(Message.LOCATOR_BEFORE_AUTHENTICATION)).inFile(files)
        .onLineContaining("public File file(");
    assertThat(c).hadWarningCount(1);
    String report = routes(c, "test.Config");
    assertTrue(report.contains("\"path\": \"/files/{name}\""), report);
    assertTrue(report.contains("\"roles\": [\n        \"admin\"\n      ]"), report);
    assertTrue(c.generatedSourceFile("test.ConfigJwtLocatorGuard").isEmpty(), "a mixed locator is not guarded");
  }

  /**
   * JAX-RS binds a filter to a resource method, not to a path: a sub-resource class behind a plain locator and two
   * with roles gets one rule, all of theirs (a role of each list), at every path (the first path's rule was bound to
   * all), and says so.
   */
  @Test
  void aSubResourceMethodReachedWithDifferentRulesGetsAllOfThemAtEveryPath() throws IOException {
    String[] lines = {
        "@Path(\"/\")",
        "public final class Root {",
        "  @Path(\"a/{x}\") public Sub open() { return new Sub(); }",
        "  @Path(\"z/{x}\") @RolesAllowed({\"admin\", \"ops\"}) public Sub admin() { return new Sub(); }",
        "  @Path(\"y/{x}\") @RolesAllowed({\"ops\", \"auditor\"}) public Sub ops() { return new Sub(); }",
        "  public static final class Sub {",
        "    @GET public String get() { return \"\"; }",
        "  }",
        "}"};
    JavaFileObject root = source("Root", lines);
    Compilation c = compile(user(), root, plainConfig());
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(1);
    assertThat(c).hadWarningContaining(tagged(Message.SHARED_RESOURCE_METHOD) + " Resource method test.Root.Sub.get is"
        + " reached at GET /a/{x} (protected), GET /z/{x} (roles admin, ops), GET /y/{x} (roles auditor, ops);")
        .inFile(root).onLineContaining("@GET public String get()");
    assertThat(c).hadWarningContaining("every one of these paths requires all their rules: roles {admin, ops} and"
        + " {auditor, ops}.");
    String policies = c.generatedSourceFile("test.ConfigJwtPolicies").orElseThrow().getCharContent(true).toString();
    assertEquals(3, policies.split("return AccessRule.rolesAllowed\\(\"admin\", \"ops\"\\)"
        + "\\.andRolesAllowed\\(\"auditor\", \"ops\"\\);", -1).length - 1, policies);
    String report = routes(c, "test.Config");
    assertEquals(3, report.split("\"roles\": \\[\\s*\"admin\",\\s*\"ops\"\\s*],\\s*\"andRoles\": \\[\\s*\\[\\s*"
        + "\"auditor\",\\s*\"ops\"\\s*]\\s*]", -1).length - 1, report);

    // The same, its warning turned off where the sub-resource is declared.
    lines[5] = "  @SuppressWarnings(\"JwtSecured.SharedResourceMethod\") public static final class Sub {";
    assertThat(compile(user(), source("Root", lines), plainConfig())).succeededWithoutWarnings();
  }

  /**
   * A root resource the processor saw keeps its own rules; when it implements a type an admin-only locator declares,
   * the locator's path would be as open as the class if the locator returned it: a warning on its method.
   */
  @Test
  void aRootResourceImplementingATypeALocatorDeclaresWithAMoreOpenRuleIsAWarning() {
    JavaFileObject docs = source("Docs",
        "@Path(\"/folders\")",
        "public final class Docs {",
        "  @Path(\"{id}\") @RolesAllowed(\"admin\") @SuppressWarnings(\"JwtSecured.LocatorReturnsAbstractType\")",
        "  public Doc doc() { return new Notice(); }",
        "  public interface Doc { @GET String text(); @GET @Path(\"size\") int size(); }",
        "}",
        "@Path(\"/notice\")",
        "final class Notice implements Docs.Doc {",
        "  @PermitAll @Override public String text() { return \"\"; }",
        "  @RolesAllowed(\"admin\") @Override public int size() { return 0; }",
        "}");
    Compilation c = compile(user(), docs, plainConfig());
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(1);
    assertThat(c).hadWarningContaining(tagged(Message.RESOURCE_ALSO_BEHIND_LOCATOR)
        + " Resource method test.Notice.text (public) implements a method of test.Docs.Doc, declared by the locator"
        + " at GET /folders/{id} (roles admin)")
        .inFile(docs).onLineContaining("@PermitAll @Override public String text()");
  }

  /**
   * Two locators of one class at one template, its own and one it inherits from an interface, each leading to methods
   * of their own rules: RESTEasy took one or the other from one run to the next (an application of random shape, seed
   * 6550, allowed a request on some runs and refused it on others), Jersey answers 500. A warning names both.
   */
  @Test
  void twinLocatorsOfOneClassAreWarnedOf() throws IOException {
    JavaFileObject legacy = source("Legacy",
        "public interface Legacy {",
        "  @Path(\"bins/{number}\") default Depots.Crate crate() { return new Depots.Crate(); }",
        "}");
    JavaFileObject depots = source("Depots",
        "@Path(\"/depots\")",
        "public class Depots implements Legacy {",
        "  @Path(\"bins/{id}\") @RolesAllowed(\"admin\") public Bin bin() { return new Bin(); }",
        "  public static final class Bin {",
        "    @GET public String look() { return \"\"; }",
        "  }",
        "  public static final class Crate {",
        "    @GET public String look() { return \"\"; }",
        "  }",
        "}");
    Compilation c = compile(user(), legacy, depots, plainConfig());
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(1);
    assertThat(c).hadWarningContaining(tagged(Message.TWIN_LOCATORS) + " The sub-resource locators");
    assertThat(c).hadWarningContaining("Depots.bin()");
    assertThat(c).hadWarningContaining("Legacy.crate()");
    assertThat(c).hadWarningContaining(" of test.Depots share the template \"/depots/bins/{");
  }

  /**
   * A locator method reached along several paths warns once, at its first path: each path repeated the warning (90 for
   * a few methods of an application of random shape, seed 6036), and javac shows 100 warnings at most, so another
   * warning of the build, the one saying a guard refuses another configuration's callers, went unseen.
   */
  @Test
  void aLocatorReachedAlongSeveralPathsWarnsOnce() throws IOException {
    JavaFileObject racks = source("Racks",
        "@Path(\"/racks\")",
        "public final class Racks {",
        "  @Path(\"east\") public Rack east() { return new Rack(); }",
        "  @Path(\"west\") public Rack west() { return new Rack(); }",
        "  @Path(\"north\") public Rack north() { return new Rack(); }",
        "  public static final class Rack {",
        "    @Path(\"{id}\") public Shelf shelf() { return new Oak(); }",
        "    @GET @PermitAll public String list() { return \"\"; }",
        "  }",
        "  public interface Shelf {",
        "    @DELETE @RolesAllowed(\"admin\") String empty();",
        "    @GET @PermitAll String look();",
        "  }",
        "  public static final class Oak implements Shelf {",
        "    @Override public String empty() { return \"\"; }",
        "    @Override public String look() { return \"\"; }",
        "  }",
        "}");
    Compilation c = compile(user(), racks, plainConfig());
    assertThat(c).succeeded();
    // The shelf's two, and east's, west's and north's own: each of those leads to public and protected operations.
    assertThat(c).hadWarningCount(5);
    assertThat(c).hadWarningContaining(tagged(Message.LOCATOR_RETURNS_ABSTRACT_TYPE) + " The sub-resource locator at"
        + " \"/racks/east/{id}\" declares test.Racks.Shelf").inFile(racks).onLineContaining("public Shelf shelf()");
    assertThat(c).hadWarningContaining(tagged(Message.LOCATOR_BEFORE_AUTHENTICATION) + " The sub-resource locator at"
        + " \"/racks/east/{id}\" leads to public and protected operations").inFile(racks)
        .onLineContaining("public Shelf shelf()");
  }

  /**
   * A locator declaring an interface or abstract class: JAX-RS reports the class of the returned object, which a table
   * keyed by the declared type never matched (its operations ran with a valid token, their roles documented but not
   * applied). The declared type's rules bind to every class implementing it; the locator is a warning, since the
   * implementation's own JSR-250 annotations are not read.
   */
  @Test
  void aLocatorDeclaringAnInterfaceOrAbstractClassBindsItsRulesToEveryImplementation() throws IOException {
    for (String declared : new String[] {"public interface Shelf", "public abstract static class Shelf"}) {
      JavaFileObject shelves = source("Shelves",
          "@Path(\"/shelves\")",
          "public final class Shelves {",
          "  @Path(\"{id}\") public Shelf shelf() { return new Oak(); }",
          "  " + declared + " {",
          "    @DELETE @RolesAllowed(\"admin\") " + (declared.contains("interface") ? "" : "public abstract ")
              + "String empty();",
          "  }",
          "  public static final class Oak " + (declared.contains("interface") ? "implements" : "extends")
              + " Shelf {",
          "    @Override public String empty() { return \"\"; }",
          "  }",
          "}");
      Compilation c = compile(user(), shelves, plainConfig());
      assertThat(c).succeeded();
      assertThat(c).hadWarningCount(1);
      assertThat(c).hadWarningContaining(tagged(Message.LOCATOR_RETURNS_ABSTRACT_TYPE) + " The sub-resource locator at"
          + " \"/shelves/{id}\" declares test.Shelves.Shelf; JAX-RS reports the returned object's class, so its rules"
          + " bind to every implementation").inFile(shelves).onLineContaining("public Shelf shelf()");
      String policies = c.generatedSourceFile("test.ConfigJwtPolicies").orElseThrow().getCharContent(true).toString();
      assertTrue(policies.contains("    AccessRule declared = null;\n"
          + "    if (Shelves.Shelf.class.isAssignableFrom(resourceClass)) {\n"
          + "      // DELETE /shelves/{id}\n      if (ResourceMethods.is(method, \"empty\")) {\n"
          + "        declared = AccessRule.both(declared, AccessRule.rolesAllowed(\"admin\"));"), policies);
      assertTrue(policies.contains("    return declared;\n  }"), policies);
      assertTrue(policies.contains("return Shelves.Shelf.class.isAssignableFrom(resourceClass);"), policies);
      String report = routes(c, "test.Config");
      assertTrue(report.contains("\"path\": \"/shelves/{id}\""), report);
      assertTrue(report.contains("\"roles\": [\n        \"admin\"\n      ]"), report);
      assertTrue(c.generatedSourceFile("test.ConfigJwtLocatorGuard").isPresent(), "every operation needs a token");
    }
  }

  /**
   * A locator declaring a sealed type: the processor knows every class it may return, scans each with its own
   * JSR-250 annotations (an admin-only class stays admin-only, an open one open to any token), and has nothing to
   * warn about.
   */
  @Test
  void aLocatorDeclaringASealedTypeBindsEachPermittedClassWithItsOwnRules() throws IOException {
    JavaFileObject trays = source("Trays",
        "@Path(\"/trays\")",
        "public final class Trays {",
        "  @Path(\"{kind}\") public Tray tray(@PathParam(\"kind\") String kind) {",
        "    return kind.equals(\"locked\") ? new Locked() : new Open();",
        "  }",
        "  public sealed interface Tray permits Open, Locked {",
        "    @GET String look();",
        "  }",
        "  public static final class Open implements Tray {",
        "    @Override public String look() { return \"open\"; }",
        "  }",
        "  @RolesAllowed(\"admin\")",
        "  public static final class Locked implements Tray {",
        "    @Override public String look() { return \"locked\"; }",
        "  }",
        "}");
    Compilation c = compile(user(), trays, plainConfig());
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(0);
    String policies = c.generatedSourceFile("test.ConfigJwtPolicies").orElseThrow().getCharContent(true).toString();
    assertTrue(policies.contains("if (resourceClass == Trays.Locked.class) {"), policies);
    assertTrue(policies.contains("if (resourceClass == Trays.Open.class) {"), policies);
    assertTrue(policies.contains("AccessRule.rolesAllowed(\"admin\")"), policies);
    assertTrue(!policies.contains("isAssignableFrom"), policies);
  }

  @Test
  void aLocatorLeadingOnlyToProtectedOperationsIsGuarded() throws IOException {
    JavaFileObject files = source("Files",
        "@Path(\"/files\")",
        "public final class Files {",
        "  @Path(\"{name: [a-z]+}\") public File file(@PathParam(\"name\") String name) { return new File(); }",
        "  public static final class File {",
        "    @GET public String read() { return \"\"; }",
        "  }",
        "}");
    JavaFileObject config = plainConfig();
    Compilation c = compile(user(), files, config);
    assertThat(c).succeededWithoutWarnings();
    String guard = c.generatedSourceFile("test.ConfigJwtLocatorGuard").orElseThrow().getCharContent(true).toString();
    assertTrue(guard.contains("Pattern.compile(\"\\\\Q/files/\\\\E(?:[a-z]+)(?:/.*)?\")"), guard);
  }

  /**
   * Two rules that apply to one operation both apply: a locator's class admitting {@code agent} and the method behind
   * it {@code admin}; an interface method admitting {@code auditor} and its implementation {@code clerk}. A caller
   * needs a role of each (each list was cut to the roles both name, none here: 403 to everyone, a caller holding both
   * included), and the route report, OpenAPI document and generated rule say so.
   */
  @Test
  void rulesThatApplyTogetherTakeARoleOfEach() throws IOException {
    JavaFileObject tickets = source("Tickets",
        "@Path(\"/tickets\")",
        "@RolesAllowed(\"agent\")",
        "public final class Tickets {",
        "  @Path(\"{id}\") public Ticket ticket(@PathParam(\"id\") String id) { return new Ticket(); }",
        "  public static final class Ticket {",
        "    @GET public String read() { return \"\"; }",
        "    @POST @Path(\"close\") @RolesAllowed(\"admin\") public String close() { return \"\"; }",
        "  }",
        "}");
    JavaFileObject api = source("Api",
        "public interface Api {",
        "  @GET @Path(\"{year}\") @RolesAllowed(\"auditor\") String report(@PathParam(\"year\") String y);",
        "}");
    JavaFileObject reports = source("Reports",
        "@Path(\"/reports\")",
        "public final class Reports implements Api {",
        "  @RolesAllowed(\"clerk\") public String report(String y) { return y; }",
        "}");
    Compilation c = compile(user(), tickets, api, reports, plainConfig());
    assertThat(c).succeededWithoutWarnings();
    String report = routes(c, "test.Config");
    assertTrue(report.matches("(?s).*\"javaMethod\": \"close\",\\s*\"access\": \"protected\",\\s*\"roles\": \\[\\s*"
        + "\"admin\"\\s*],\\s*\"andRoles\": \\[\\s*\\[\\s*\"agent\"\\s*]\\s*].*"), report);
    assertTrue(report.matches("(?s).*\"javaMethod\": \"read\",\\s*\"access\": \"protected\",\\s*\"roles\": \\[\\s*"
        + "\"agent\"\\s*],\\s*\"locator\".*"), report);
    String policies = c.generatedSourceFile("test.ConfigJwtPolicies").orElseThrow().getCharContent(true).toString();
    assertTrue(policies.contains("return AccessRule.rolesAllowed(\"admin\").andRolesAllowed(\"agent\");"), policies);
    assertTrue(policies.contains("return AccessRule.rolesAllowed(\"auditor\").andRolesAllowed(\"clerk\");"), policies);
    String openApi = c.generatedFile(StandardLocation.CLASS_OUTPUT, "",
        "META-INF/jwtsecured/test.Config.openapi.json").orElseThrow().getCharContent(true).toString();
    assertTrue(openApi.contains("\"description\": \"Requires a token with a role of each list: {admin} and {agent}.\""),
        openApi);
  }

  /**
   * {@code @RolesAllowed("**")} is Jakarta's any authenticated user: a valid token, no role, needing no declaration in
   * {@code roles} (it was an undeclared role, and without {@code roles} one no token held: 403 to everyone). A
   * method's own rule wins over it, a locator's adds nothing to the method's behind it, and where an exclusion makes
   * it public the rule is said to be unchecked, as any {@code @RolesAllowed}.
   */
  @Test
  void rolesAllowedAnyAuthenticatedUserNeedsAValidTokenAndNoRole() throws IOException {
    JavaFileObject lobby = source("Lobby",
        "@Path(\"/lobby\")",
        "@RolesAllowed(\"**\")",
        "public final class Lobby {",
        "  @GET public String enter() { return \"\"; }",
        "  @DELETE @RolesAllowed(\"admin\") public String close() { return \"\"; }",
        "  @GET @Path(\"open\") public String open() { return \"\"; }",
        "  @Path(\"{room}\") public Room room() { return new Room(); }",
        "  public static final class Room {",
        "    @POST @RolesAllowed(\"admin\") public String book() { return \"\"; }",
        "  }",
        "}");
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\", roles = \"admin\", exclude = \"/lobby/open\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return null; }",
        "}");
    Compilation c = compile(user(), lobby, config);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(tagged(Message.ROLES_ON_EXCLUDED_PATH) + " @RolesAllowed(**) on GET /lobby/open"
        + " is never checked").inFile(lobby).onLineContaining("public String open()");
    assertThat(c).hadWarningCount(1);
    String report = routes(c, "test.Config").replaceAll("\\s+", "");
    assertTrue(report.contains("\"javaMethod\":\"enter\",\"access\":\"protected\",\"roles\":[]"), report);
    assertTrue(report.contains("\"javaMethod\":\"close\",\"access\":\"protected\",\"roles\":[\"admin\"]"), report);
    assertTrue(report.contains("\"javaMethod\":\"book\",\"access\":\"protected\",\"roles\":[\"admin\"],"
        + "\"locator\""), report);
    assertTrue(report.contains("\"javaMethod\":\"open\",\"access\":\"excluded\""), report);
    String policies = c.generatedSourceFile("test.ConfigJwtPolicies").orElseThrow().getCharContent(true).toString();
    assertTrue(!policies.contains("\"**\""), policies);
  }

  /**
   * Java EE's JSR-250 annotations ({@code javax.annotation.security}, an IDE's import from an old jar on the class
   * path) are read by no Jakarta REST runtime: {@code @javax...RolesAllowed("admin")} left its method open to any valid
   * token, {@code @javax...DenyAll} its class. Each is an error where it stands, on resource methods, locators and
   * their classes; a method JAX-RS does not serve is left alone, and so is one stating its rule in Jakarta's too (code
   * built for both namespaces).
   */
  @Test
  void javaxSecurityAnnotationsAreAnErrorWhereTheyStand() {
    JavaFileObject rolesAllowed = JavaFileObjects.forSourceLines("javax.annotation.security.RolesAllowed",
        "package javax.annotation.security;",
        "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)",
        "public @interface RolesAllowed { String[] value(); }");
    JavaFileObject denyAll = JavaFileObjects.forSourceLines("javax.annotation.security.DenyAll",
        "package javax.annotation.security;",
        "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)",
        "public @interface DenyAll {}");
    JavaFileObject admin = source("Admin",
        "@Path(\"/admin\")",
        "@javax.annotation.security.DenyAll",
        "public final class Admin {",
        "  @GET @javax.annotation.security.RolesAllowed(\"admin\") public String list() { return \"\"; }",
        "  @GET @Path(\"ok\") @RolesAllowed(\"admin\") public String ok() { return \"\"; }",
        "  @Path(\"{id}\") @javax.annotation.security.RolesAllowed(\"admin\")",
        "  public Item item() { return new Item(); }",
        "  @javax.annotation.security.RolesAllowed(\"admin\") public String helper() { return \"\"; }",
        "  @GET @Path(\"both\") @javax.annotation.security.RolesAllowed(\"admin\") @RolesAllowed(\"admin\")",
        "  public String both() { return \"\"; }",
        "  public static final class Item {",
        "    @GET public String get() { return \"\"; }",
        "  }",
        "}");
    Compilation c = compile(user(), rolesAllowed, denyAll, admin, plainConfig());
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(tagged(Message.JAVAX_SECURITY_ANNOTATION)
        + " @javax.annotation.security.RolesAllowed on list() is Java EE's annotation, which no Jakarta REST runtime"
        + " reads, nor jwtsecured: the rule it states would not apply. Import jakarta.annotation.security.RolesAllowed"
        + " instead").inFile(admin).onLineContaining("public String list()");
    assertThat(c).hadErrorContaining("@javax.annotation.security.RolesAllowed on item()").inFile(admin)
        .onLineContaining("@Path(\"{id}\")");
    assertThat(c).hadErrorContaining("@javax.annotation.security.DenyAll on test.Admin is Java EE's").inFile(admin)
        .onLineContaining("@javax.annotation.security.DenyAll");
    assertThat(c).hadErrorCount(3);
  }

  /**
   * An annotation of the application's own carrying {@code @RolesAllowed} on its declaration ({@code @AdminOnly}, as
   * Spring users write) is read through by no JAX-RS runtime, nor by this processor: the method it marked was open to
   * any valid token. It is an error where it stands; a method stating its rule itself too is left alone.
   */
  @Test
  void securityAnnotationsCarriedByAnotherAnnotationAreAnError() {
    JavaFileObject adminOnly = source("AdminOnly",
        "@RolesAllowed(\"admin\")",
        "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)",
        "public @interface AdminOnly {}");
    JavaFileObject admin = source("Admin",
        "@Path(\"/admin\")",
        "public final class Admin {",
        "  @GET @AdminOnly public String list() { return \"\"; }",
        "  @GET @Path(\"both\") @AdminOnly @RolesAllowed(\"admin\") public String both() { return \"\"; }",
        "  @AdminOnly public String helper() { return \"\"; }",
        "}");
    Compilation c = compile(user(), adminOnly, admin, plainConfig());
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(tagged(Message.SECURITY_META_ANNOTATION) + " @AdminOnly on list() carries"
        + " @RolesAllowed on its declaration, which no Jakarta REST runtime reads through another annotation, nor"
        + " jwtsecured: the rule it states would not apply. Write it on list() itself").inFile(admin)
        .onLineContaining("public String list()");
    assertThat(c).hadErrorCount(1);
  }

  /**
   * A class-level JSR-250 annotation governs the methods its class declares, and no subclass inherits it (JSR-250,
   * as every runtime applies it): {@code @RolesAllowed("admin")} on an {@code AdminBase} left its subclass's own
   * resource methods open to any valid token, without a word. A warning on each such method that no rule governs; one
   * with a rule of its own, or of its class, is left alone, as is a method the superclass declares.
   */
  @Test
  void aSuperclassRuleThatDoesNotReachAMethodIsAWarning() throws IOException {
    JavaFileObject base = source("AdminBase",
        "@RolesAllowed(\"admin\")",
        "public abstract class AdminBase {",
        "  @GET @Path(\"base\") public String base() { return \"\"; }",
        "}");
    JavaFileObject users = source("AdminUsers",
        "@Path(\"/admin/users\")",
        "public final class AdminUsers extends AdminBase {",
        "  @GET public String list() { return \"\"; }",
        "  @DELETE @RolesAllowed(\"admin\") public String clear() { return \"\"; }",
        "  @Path(\"{id}\") public Item item() { return new Item(); }",
        "  public static final class Item {",
        "    @GET public String get() { return \"\"; }",
        "  }",
        "}");
    JavaFileObject ruled = source("AdminRuled",
        "@Path(\"/admin/ruled\")",
        "@RolesAllowed(\"admin\")",
        "public final class AdminRuled extends AdminBase {",
        "  @GET public String list() { return \"\"; }",
        "}");
    Compilation c = compile(user(), base, users, ruled, plainConfig());
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(tagged(Message.SUPERCLASS_RULE_NOT_INHERITED) + " @RolesAllowed on"
        + " test.AdminBase does not reach list() of test.AdminUsers: a class-level JSR-250 annotation governs the"
        + " methods its class declares, and no subclass inherits it, so this one needs only a valid token.")
        .inFile(users).onLineContaining("@GET public String list()");
    assertThat(c).hadWarningContaining(" does not reach item() of test.AdminUsers").inFile(users)
        .onLineContaining("public Item item()");
    assertThat(c).hadWarningCount(2);
    String report = routes(c, "test.Config").replaceAll("\\s+", "");
    assertTrue(report.contains("\"javaMethod\":\"base\",\"access\":\"protected\",\"roles\":[\"admin\"]"), report);
  }

  /**
   * An override that annotates a parameter ({@code @QueryParam}) or itself ({@code @Produces}) but repeats no HTTP
   * method: by JAX-RS 3.6 it inherits none of the overridden method's JAX-RS annotations, so Jersey and Apache CXF
   * serve it not at all (a request went to another method, past the override's {@code @DenyAll}: seed 7750 of the
   * random applications on CXF, {@code HEAD} answered 200 through a locator at {@code ""}), where RESTEasy serves it
   * as the overridden method, as the route report says. A warning on each; an override annotated with nothing, or
   * with its HTTP method again, is left alone.
   */
  @Test
  void anOverrideWithJaxRsAnnotationsOfItsOwnButNoHttpMethodIsAWarning() throws IOException {
    JavaFileObject base = source("ShelfBase",
        "public abstract class ShelfBase {",
        "  @GET public String read(@QueryParam(\"q\") String q) { return \"\"; }",
        "  @PUT public String write(String body) { return \"\"; }",
        "  @DELETE public String clear() { return \"\"; }",
        "  @POST public String add(String body) { return \"\"; }",
        "}");
    JavaFileObject shelves = source("Shelves",
        "@Path(\"/shelves\")",
        "public final class Shelves extends ShelfBase {",
        "  @Override @DenyAll public String read(@QueryParam(\"q\") String q) { return \"\"; }",
        "  @Override @Produces(\"text/plain\") public String write(String body) { return \"\"; }",
        "  @Override @RolesAllowed(\"admin\") public String clear() { return \"\"; }",
        "  @Override @POST @RolesAllowed(\"admin\") public String add(String body) { return \"\"; }",
        "}");
    Compilation c = compile(user(), base, shelves, plainConfig());
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(tagged(Message.OVERRIDE_INHERITS_NO_JAXRS)
        + " test.Shelves.read(java.lang.String) overrides test.ShelfBase.read(java.lang.String) and has JAX-RS"
        + " annotations of its own (on itself or a parameter) but no HTTP method or @Path: by JAX-RS 3.6 it then"
        + " inherits none of the overridden method's, so Jersey and Apache CXF do not serve it")
        .inFile(shelves).onLineContaining("public String read(");
    assertThat(c).hadWarningContaining(" test.Shelves.write(java.lang.String) overrides").inFile(shelves)
        .onLineContaining("public String write(");
    assertThat(c).hadWarningCount(2);
    String report = routes(c, "test.Config").replaceAll("\\s+", "");
    assertTrue(report.contains("\"javaMethod\":\"read\",\"access\":\"denied\""), report);
  }

  /** The same for an implementation of an interface that carries the JAX-RS annotations, repeating a path parameter. */
  @Test
  void anImplementationRepeatingAParameterAnnotationIsAWarning() throws IOException {
    JavaFileObject api = source("UsersApi",
        "@Path(\"/users\")",
        "public interface UsersApi {",
        "  @GET @Path(\"{id}\") String get(@PathParam(\"id\") String id);",
        "  @DELETE @Path(\"{id}\") String delete(@PathParam(\"id\") String id);",
        "}");
    JavaFileObject users = source("Users",
        "public final class Users implements UsersApi {",
        "  @Override public String get(@PathParam(\"id\") String id) { return id; }",
        "  @Override public String delete(String id) { return id; }",
        "}");
    Compilation c = compile(user(), api, users, plainConfig());
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(tagged(Message.OVERRIDE_INHERITS_NO_JAXRS)
        + " test.Users.get(java.lang.String) overrides test.UsersApi.get(java.lang.String)").inFile(users)
        .onLineContaining("public String get(");
    assertThat(c).hadWarningCount(1);
  }

  /**
   * What JAX-RS matches before a guarded locator in its class (more literal characters than {@code {name}}) is written
   * beside it, with the request methods served there: a method's path ({@code count}, GET and HEAD; {@code {a}-{b}},
   * POST), a locator's for every method ({@code archive}), and a root resource's whose class template and whole
   * template have more literal characters than the locator's. A method at a template JAX-RS sorts alike
   * ({@code {id}}) is too, for its request method only: JAX-RS takes a resource method before a locator there. A root
   * resource's whose class template has fewer literal characters is not: JAX-RS may take the locator.
   */
  @Test
  void whatJaxRsMatchesBeforeAGuardedLocatorIsWrittenBesideIt() throws IOException {
    JavaFileObject files = source("Files",
        "@Path(\"/files\")",
        "public final class Files {",
        "  @Path(\"{name}\") public File file(@PathParam(\"name\") String name) { return new File(); }",
        "  @GET @Path(\"count\") @PermitAll public String count() { return \"\"; }",
        "  @POST @Path(\"{a}-{b}\") @PermitAll public String pair() { return \"\"; }",
        "  @PUT @Path(\"{id}\") @PermitAll public String put() { return \"\"; }",
        "  @Path(\"archive\") public File archive() { return new File(); }",
        "  public static final class File {",
        "    @GET public String read() { return \"\"; }",
        "  }",
        "}");
    // Root resources: one whose class template has more literal characters than /files is matched first; one at /
    // is not, whatever its method's template (JAX-RS picks the class first, by its template).
    JavaFileObject notices = source("Notices",
        "@Path(\"/files/notices\")",
        "public final class Notices {",
        "  @GET @PermitAll public String list() { return \"\"; }",
        "}");
    JavaFileObject root = source("Root",
        "@Path(\"/\")",
        "public final class Root {",
        "  @GET @Path(\"files/other\") @PermitAll public String other() { return \"\"; }",
        "}");
    Compilation c = compile(user(), files, notices, root, plainConfig());
    assertThat(c).succeeded();
    String guard = c.generatedSourceFile("test.ConfigJwtLocatorGuard").orElseThrow().getCharContent(true).toString();
    assertTrue(guard.contains("new SharedRoots.Guard(TEMPLATES, BESIDE)"), guard);
    // The guard before the application's pre-matching filters, Late after them (a filter may change the method).
    assertTrue(guard.contains("if (!LocatorPaths.matchesEarly(request, LOCATORS, roots.beside())) {"), guard);
    assertTrue(guard.contains("if (!LocatorPaths.matches(request, LOCATORS, roots.beside())) {"), guard);
    assertTrue(guard.contains("LocatorPaths.beside(\"\\\\Q/files/notices\\\\E/?\", \"GET\", \"HEAD\")"), guard);
    assertTrue(!guard.contains("/files/other"), guard);
    assertTrue(guard.contains("return new LocatorPaths.Beside[][] {\n"
        + "      {},\n"
        + "      {LocatorPaths.beside(\"\\\\Q/files/archive\\\\E(?:/.*)?\"),\n"
        + "      LocatorPaths.beside(\"\\\\Q/files/count\\\\E/?\", \"GET\", \"HEAD\"),\n"
        + "      LocatorPaths.beside(\"\\\\Q/files/\\\\E[^/]+\\\\Q-\\\\E[^/]+/?\", \"POST\"),\n"
        + "      LocatorPaths.beside(\"\\\\Q/files/\\\\E[^/]+/?\", \"PUT\"),\n"), guard);
  }

  @Test
  void rolesOnAnInterfaceMethodAndItsClassReachTheRouteReport() throws IOException {
    JavaFileObject api = source("Api",
        "@RolesAllowed(\"staff\")",
        "public interface Api {",
        "  @GET @Path(\"{year}\") @RolesAllowed({\"admin\", \"auditor\"})",
        "  String report(@PathParam(\"year\") String y);",
        "  @GET @Path(\"all\") String all();",
        "}");
    JavaFileObject impl = source("Reports",
        "@Path(\"/reports\")",
        "public final class Reports implements Api {",
        "  @RolesAllowed({\"auditor\", \"clerk\"}) public String report(String y) { return y; }",
        "  public String all() { return \"\"; }",
        "}");
    JavaFileObject config = plainConfig();
    Compilation c = compile(user(), api, impl, config);
    assertThat(c).succeededWithoutWarnings();
    String report = routes(c, "test.Config");
    // Two method-level rules: a role of each. The class-level rule of the interface applies to all().
    assertTrue(report.matches("(?s).*\"/reports/\\{year}\",.*?\"roles\": \\[\\s*\"admin\",\\s*\"auditor\"\\s*],"
        + "\\s*\"andRoles\": \\[\\s*\\[\\s*\"auditor\",\\s*\"clerk\"\\s*]\\s*].*"), report);
    assertTrue(report.matches("(?s).*\"/reports/all\",.*?\"roles\": \\[\\s*\"staff\"\\s*].*"), report);
    // In OpenAPI a requirement's roles are required together: one requirement per way to pass, the fewest roles.
    String openApi = c.generatedFile(StandardLocation.CLASS_OUTPUT, "",
        "META-INF/jwtsecured/test.Config.openapi.json").orElseThrow().getCharContent(true).toString();
    assertTrue(openApi.replaceAll("\\s+", "").contains("\"security\":[{\"BearerToken\":[\"auditor\"]},"
        + "{\"BearerToken\":[\"admin\",\"clerk\"]}]"), openApi);
    assertTrue(openApi.replaceAll("\\s+", "").contains("\"security\":[{\"BearerToken\":[\"staff\"]}]"), openApi);
  }

  @Test
  void aScopeThatIsARoleIsAnError() {
    JavaFileObject admin = source("Admin",
        "@Path(\"/admin\")",
        "public final class Admin {",
        "  @GET @RolesAllowed(\"admin\") public String get() { return \"\"; }",
        "}");
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\",",
        "    scopes = {\"read\",",
        "              \"admin\"})",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return null; }",
        "}");
    Compilation c = compile(user(), admin, config);
    assertThat(c).hadErrorContaining(tagged(Message.SCOPE_IS_ROLE)).inFile(config).onLineContaining("\"admin\"})");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void anApplicationInAParentPackageGivesThePath() throws IOException {
    JavaFileObject app = application("app.ApiApplication", "/api");
    JavaFileObject other = application("other.OtherApplication", "/other");
    JavaFileObject config = loginConfig("app.users.Config", "tokenUrl = \"/users/login\"");
    Compilation c = compile(app, other, config);
    assertThat(c).succeededWithoutWarnings();
    String report = routes(c, "app.users.Config");
    assertTrue(report.contains("\"path\": \"/api/users/login\""), report);
  }

  /**
   * Servlet containers map {@code @ApplicationPath("/api/*")} (and {@code "api/"}, {@code "api"}) to {@code /api}, as a
   * servlet mapping: the {@code /*} is no part of any resource's path.
   */
  @Test
  void anApplicationPathWrittenAsAServletMappingMeansItsPrefix() throws IOException {
    for (String written : new String[] {"/api/*", "api/*", "/api/", "api"}) {
      JavaFileObject app = application("app.ApiApplication", written);
      Compilation c = compile(app, loginConfig("app.Config", "tokenUrl = \"/login\""));
      assertThat(c).succeededWithoutWarnings();
      String report = routes(c, "app.Config");
      assertTrue(report.contains("\"path\": \"/api/login\""), written + ": " + report);
    }
    Compilation c = compile(loginConfig("app.Config", "tokenUrl = \"/login\", applicationPath = \"/api/*\""));
    assertThat(c).succeededWithoutWarnings();
    assertTrue(routes(c, "app.Config").contains("\"path\": \"/api/login\""), routes(c, "app.Config"));
  }

  /** A configuration {@code qualifiedName} with a static retriever and authenticator and {@code members}. */
  static JavaFileObject loginConfig(String qualifiedName, String members) {
    int dot = qualifiedName.lastIndexOf('.');
    return JavaFileObjects.forSourceString(qualifiedName, String.join("\n",
        "package " + qualifiedName.substring(0, dot) + ";",
        "import dev.jwtsecured.*;",
        "import dev.jwtsecured.runtime.Token;",
        "@JwtSecured(secret = \"${JWT_SECRET}\", " + members + ")",
        "final class " + qualifiedName.substring(dot + 1) + " {",
        "  @UserRetriever static String user(Token token) { return null; }",
        "  @Authenticator static String login(String u, String p) { return null; }",
        "}"));
  }

  @Test
  void applicationsWithDifferentPathsAndNoneNearAreAmbiguous() {
    JavaFileObject one = application("one.OneApplication", "/one");
    JavaFileObject two = application("two.TwoApplication", "/two");
    JavaFileObject config = plainConfig();
    Compilation c = compile(user(), one, two, config);
    assertThat(c).hadErrorContaining(tagged(Message.APPLICATION_PATH_AMBIGUOUS)).inFile(config)
        .onLineContaining("@JwtSecured");
    assertThat(c).hadErrorContaining("(/one, /two)");

    JavaFileObject chosen = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\", applicationPath = \"/two\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return null; }",
        "}");
    assertThat(compile(user(), one, two, chosen)).succeededWithoutWarnings();
  }

  @Test
  void aResourceTheGeneratedCodeCannotNameIsAnError() {
    JavaFileObject hidden = JavaFileObjects.forSourceString("test.sub.Hidden", String.join("\n",
        "package test.sub;",
        "@jakarta.ws.rs.Path(\"/hidden\")",
        "final class Hidden {",
        "  @jakarta.ws.rs.GET public String get() { return \"\"; }",
        "}"));
    JavaFileObject config = plainConfig();
    Compilation c = compile(user(), hidden, config);
    assertThat(c).hadErrorContaining(tagged(Message.RESOURCE_NOT_ACCESSIBLE)).inFile(config)
        .onLineContaining("@JwtSecured");
    assertThat(c).hadErrorContaining("test.sub.Hidden");
  }

  @Test
  void aCompletionStageOfOptionalRetrieverHasTheInnerUserType() throws IOException {
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\")",
        "final class Config {",
        "  @UserRetriever static CompletionStage<Optional<User>> user(Token token) { return null; }",
        "}");
    Compilation c = compile(user(), config);
    assertThat(c).succeededWithoutWarnings();
    String access = c.generatedSourceFile("test.ConfigJwt").orElseThrow().getCharContent(true).toString();
    assertTrue(access.contains("public static User user(SecurityContext security)"), access);
    String filter = c.generatedSourceFile("test.ConfigJwtFilter").orElseThrow().getCharContent(true).toString();
    assertTrue(filter.contains("RequestAuth.afterOptionalUser(request, Config.user(token), user -> decide(request,"
        + " token, user));"), filter);
    assertTrue(filter.contains("Response decide(ContainerRequestContext request, Token token, User user)"), filter);
  }

  /** The secret of the configuration in {@code pkg}: a variable of its own (one shared is a warning). */
  static String secretOf(String pkg) {
    return "${S_" + pkg.replace('.', '_').toUpperCase(java.util.Locale.ROOT) + "}";
  }

  /** {@code <pkg>.Config} with a token endpoint, an OpenAPI document and the given extra members. */
  static JavaFileObject endpointsConfig(String pkg, String members) {
    return JavaFileObjects.forSourceString(pkg + ".Config", "package " + pkg + ";\n" + Sources.IMPORTS
        + "@JwtSecured(secret = \"" + secretOf(pkg) + "\", " + members + ")\n"
        + "public final class Config {\n"
        + "  @UserRetriever static String user(Token token) { return token.subject(); }\n"
        + "  @Authenticator static String login(String u, String p) { return null; }\n"
        + "}\n");
  }

  @Test
  void twoConfigurationsOfOneApplicationCannotServeOneGeneratedEndpoint() {
    JavaFileObject second = endpointsConfig("app.b", "tokenUrl = \"/login\",\n    openApiPath = \"/openapi.json\"");
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(application("app.App", "/api"),
        endpointsConfig("app.a", "tokenUrl = \"/login\", openApiPath = \"/openapi.json\""), second);
    // On the configuration checked second (javac gives them in source order), naming the first.
    assertThat(c).hadErrorContaining(tagged(Message.GENERATED_PATH_COLLIDES) + " The generated token endpoint is"
        + " served at \"/api/login\", which the token endpoint of app.a.Config also answers with POST")
        .inFile(second).onLineContaining("tokenUrl = ");
    assertThat(c).hadErrorContaining(tagged(Message.GENERATED_PATH_COLLIDES) + " The generated OpenAPI document is"
        + " served at \"/api/openapi.json\", which the OpenAPI document of app.a.Config also answers with GET")
        .inFile(second).onLineContaining("openApiPath = ");
    assertThat(c).hadErrorCount(2);

    // Their own paths: fine. Paths given only by applicationPath, or by the only Application class of the compilation
    // in an unrelated package: nothing says they share an application.
    assertThat(javac().withProcessors(new JwtSecuredProcessor()).compile(application("app.App", "/api"),
        endpointsConfig("app.a", "tokenUrl = \"/a/login\""), endpointsConfig("app.b", "tokenUrl = \"/b/login\"")))
        .succeededWithoutWarnings();
    assertThat(javac().withProcessors(new JwtSecuredProcessor()).compile(
        endpointsConfig("app.a", "tokenUrl = \"/login\", applicationPath = \"/api\""),
        endpointsConfig("app.b", "tokenUrl = \"/login\", applicationPath = \"/api\"")))
        .succeededWithoutWarnings();
    assertThat(javac().withProcessors(new JwtSecuredProcessor()).compile(application("other.App", "/api"),
        endpointsConfig("app.a", "tokenUrl = \"/login\""), endpointsConfig("app.b", "tokenUrl = \"/login\"")))
        .succeededWithoutWarnings();
  }

  /** {@code <pkg>.Config} with cookie transport and the given extra members. */
  static JavaFileObject cookieConfig(String pkg, String members) {
    return JavaFileObjects.forSourceString(pkg + ".Config", "package " + pkg + ";\n" + Sources.IMPORTS
        + "@JwtSecured(secret = \"" + secretOf(pkg) + "\", transport = Transport.COOKIE" + members + ")\n"
        + "public final class Config {\n"
        + "  @UserRetriever static String user(Token token) { return token.subject(); }\n"
        + "}\n");
  }

  /** {@code <pkg>.<name>} with {@code lines} below the package and imports. */
  static JavaFileObject inPackage(String pkg, String name, String... lines) {
    return JavaFileObjects.forSourceString(pkg + "." + name, "package " + pkg + ";\n" + Sources.IMPORTS
        + String.join("\n", lines) + "\n");
  }

  /**
   * JAX-RS runs the filter of every configuration with a rule for a resource method: a class two configurations reach
   * (one's root resource behind the other's locator, a class the locators of both return, an implementation of the
   * interface a locator declares) needed a valid token of each, which no caller has, while each route report said one.
   */
  @Test
  void aResourceTwoConfigurationsReachIsAnError() {
    JavaFileObject items = inPackage("app.a", "Items",
        "@Path(\"/items\") public class Items implements app.b.Listing {",
        "  @GET @RolesAllowed(\"admin\") public String list() { return \"\"; }",
        "}");
    JavaFileObject shop = inPackage("app.b", "Shop",
        "@Path(\"/shop\") public class Shop {",
        "  @Path(\"items\")",
        "  public app.a.Items items() { return new app.a.Items(); }",
        "  @Path(\"listing\")",
        "  public Listing listing() { return new app.a.Items(); }",
        "  @Path(\"part\") public Part part() { return new Part(); }",
        "}");
    JavaFileObject listing = inPackage("app.b", "Listing",
        "public interface Listing {",
        "  @GET String list();",
        "}");
    JavaFileObject part = inPackage("app.b", "Part",
        "public class Part {",
        "  @GET public String get() { return \"\"; }",
        "}");
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(application("app.App", "/"),
        cookieConfig("app.a", ""), cookieConfig("app.b", ", cookieName = \"shop\""), items, shop, listing, part);
    assertThat(c).hadErrorContaining(tagged(Message.RESOURCE_IN_TWO_CONFIGURATIONS) + " Resource class app.a.Items"
        + " is secured by both @JwtSecured classes app.a.Config (as a root resource) and app.b.Config (behind the"
        + " locator at /shop/items)").inFile(shop).onLineContaining("public app.a.Items items()");
    assertThat(c).hadErrorContaining(tagged(Message.RESOURCE_IN_TWO_CONFIGURATIONS) + " Resource class app.a.Items"
        + " is secured by both @JwtSecured classes app.a.Config (as a root resource) and app.b.Config (behind the"
        + " locator at /shop/listing, which declares app.b.Listing)").inFile(shop)
        .onLineContaining("public Listing listing()");
    assertThat(c).hadErrorCount(2);

    // One class two configurations' locators return.
    JavaFileObject desk = inPackage("app.a", "Desk",
        "@Path(\"/desk\") public class Desk {",
        "  @Path(\"part\")",
        "  public app.b.Part part() { return new app.b.Part(); }",
        "}");
    JavaFileObject shelf = inPackage("app.b", "Shop", "@Path(\"/shop\") public class Shop {",
        "  @Path(\"part\") public Part part() { return new Part(); }", "}");
    // On the locator of the configuration checked second, naming the first's.
    c = javac().withProcessors(new JwtSecuredProcessor()).compile(application("app.App", "/"),
        cookieConfig("app.a", ""), cookieConfig("app.b", ", cookieName = \"shop\""), desk, part, shelf);
    assertThat(c).hadErrorContaining(tagged(Message.RESOURCE_IN_TWO_CONFIGURATIONS) + " Resource class app.b.Part"
        + " is secured by both @JwtSecured classes app.a.Config (behind the locator at /desk/part) and app.b.Config"
        + " (behind the locator at /shop/part)").inFile(shelf).onLineContaining("public Part part()");
    assertThat(c).hadErrorCount(1);

    // Each configuration's locators returning its own classes: fine.
    assertThat(javac().withProcessors(new JwtSecuredProcessor()).compile(application("app.App", "/"),
        cookieConfig("app.a", ""), cookieConfig("app.b", ", cookieName = \"shop\""), part,
        inPackage("app.a", "Desk", "@Path(\"/desk\") public class Desk {", "  @GET public String get() {"
            + " return \"\"; }", "}"),
        inPackage("app.b", "Shop", "@Path(\"/shop\") public class Shop {",
            "  @Path(\"part\") public Part part() { return new Part(); }", "}"))).succeededWithoutWarnings();
  }

  /**
   * A protected locator at one configuration's root ({@code /{bucket}}) and the token endpoint of another: when one
   * {@code Application} class serves both, the first's guard leaves {@code POST /login} to the other (JAX-RS matches it
   * first); when nothing says so, the features share their root operations when the application starts
   * ({@code SharedRootsTest}), and the processor says nothing (before, it warned, and on the runtime the guard asked
   * its token at the other's login).
   */
  @Test
  void aLocatorGuardLeavesTheRootsOfAnotherConfigurationOfItsApplicationToThem() throws IOException {
    JavaFileObject buckets = inPackage("app.a", "Buckets",
        "@Path(\"/\") public class Buckets {",
        "  @Path(\"{bucket}\") public Bucket bucket() { return new Bucket(); }",
        "  public static class Bucket { @GET public String list() { return \"\"; } }",
        "}");
    JavaFileObject store = cookieConfig("app.a", "");
    JavaFileObject staff = endpointsConfig("app.b", "tokenUrl = \"/login\"");
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(application("app.App", "/"), store,
        staff, buckets);
    assertThat(c).succeededWithoutWarnings();
    String guard = c.generatedSourceFile("app.a.ConfigJwtLocatorGuard").orElseThrow().getCharContent(true)
        .toString();
    assertTrue(guard.contains("LocatorPaths.beside(\"\\\\Q/login\\\\E/?\", \"POST\")"), guard);

    c = javac().withProcessors(new JwtSecuredProcessor()).compile(store, staff, buckets);
    assertThat(c).succeededWithoutWarnings();
    guard = c.generatedSourceFile("app.a.ConfigJwtLocatorGuard").orElseThrow().getCharContent(true).toString();
    assertTrue(!guard.contains("/login"), guard);
    String feature = c.generatedSourceFile("app.b.ConfigJwtFeature").orElseThrow().getCharContent(true).toString();
    assertTrue(feature.contains("SharedRoots.operation(\"/login\", \"/login\", \"POST\")"), feature);

    // Each with applicationPath = "/" and no Application class: alike.
    JavaFileObject placedStore = cookieConfig("app.a", ", applicationPath = \"/\"");
    c = javac().withProcessors(new JwtSecuredProcessor()).compile(placedStore,
        endpointsConfig("app.b", "tokenUrl = \"/login\", applicationPath = \"/\""), buckets);
    assertThat(c).succeededWithoutWarnings();

    // The other's root resource takes any path ({path: .*}), sorted before /{bucket}'s class: which requests it takes
    // is not known here, so the guard cannot leave them to it, and says so.
    JavaFileObject files = inPackage("app.b", "Files",
        "@Path(\"{path: .*}\") public class Files {",
        "  @GET public String get() { return \"\"; }",
        "}");
    c = javac().withProcessors(new JwtSecuredProcessor()).compile(application("app.App", "/"), store, staff, buckets,
        files);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(tagged(Message.GUARD_BEFORE_UNKNOWN_ROOT) + " The guard of the locator at"
        + " \"/{bucket}\" asks this configuration's token of every request that may reach it, GET/HEAD /{path: .*} of"
        + " app.b.Config among them, which JAX-RS may match first; its class's template \"/{path: .*}\"")
        .inFile(store).onLineContaining("@JwtSecured");
    assertThat(c).hadWarningCount(1);

    // Alike where nothing places them: the features cannot leave such a class's requests to it either.
    c = javac().withProcessors(new JwtSecuredProcessor()).compile(store, staff, buckets, files);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(tagged(Message.GUARD_BEFORE_UNKNOWN_ROOT) + " The guard of the locator at"
        + " \"/{bucket}\" asks this configuration's token of every request that may reach it, GET/HEAD /{path: .*} of"
        + " app.b.Config among them").inFile(store).onLineContaining("@JwtSecured");
    assertThat(c).hadWarningCount(1);
    guard = c.generatedSourceFile("app.a.ConfigJwtLocatorGuard").orElseThrow().getCharContent(true).toString();
    assertTrue(guard.contains("new SharedRoots.Guard(TEMPLATES, null);"), guard);

    // Suppressed: meant, and the guard logs nothing of it at run time either.
    JavaFileObject meant = inPackage("app.a", "Config", "@SuppressWarnings(\"JwtSecured.GuardBeforeUnknownRoot\")",
        "@JwtSecured(secret = \"" + secretOf("app.a") + "\", transport = Transport.COOKIE)",
        "public final class Config {",
        "  @UserRetriever static String user(Token token) { return token.subject(); }",
        "}");
    c = javac().withProcessors(new JwtSecuredProcessor()).compile(meant, staff, buckets, files);
    assertThat(c).succeededWithoutWarnings();
    guard = c.generatedSourceFile("app.a.ConfigJwtLocatorGuard").orElseThrow().getCharContent(true).toString();
    assertTrue(guard.contains("new SharedRoots.Guard(TEMPLATES, null).quiet();"), guard);
  }

  /**
   * A locator whose last parameter may be empty ({@code /{bucket}/{rest: .*}}) is guarded at {@code /{bucket}} too (CXF
   * takes a request there to it): another configuration's root operation at such a path ({@code GET /status}, which
   * JAX-RS matches first) is left to its own rule within one application, and published for the guard to leave to
   * it when the runtime starts both without one. Before, the guard asked its token there without a word (random
   * application 9562 on RESTEasy and CXF).
   */
  @Test
  void aGuardReachingAPathThroughAnEmptyLastParameterLeavesAnotherConfigurationsRootThere() throws IOException {
    JavaFileObject buckets = inPackage("app.a", "Buckets",
        "@Path(\"/{bucket}\") public class Buckets {",
        "  @Path(\"{rest: .*}\") public Bucket bucket() { return new Bucket(); }",
        "  public static class Bucket { @GET public String list() { return \"\"; } }",
        "}");
    JavaFileObject status = inPackage("app.b", "Status",
        "@Path(\"/status\") public class Status {",
        "  @GET @jakarta.annotation.security.PermitAll public String get() { return \"\"; }",
        "}");
    JavaFileObject store = cookieConfig("app.a", "");
    JavaFileObject staff = endpointsConfig("app.b", "tokenUrl = \"/login\"");
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(application("app.App", "/"), store,
        staff, buckets, status);
    assertThat(c).succeededWithoutWarnings();
    String guard = c.generatedSourceFile("app.a.ConfigJwtLocatorGuard").orElseThrow().getCharContent(true)
        .toString();
    assertTrue(guard.contains("LocatorPaths.beside(\"\\\\Q/status\\\\E/?\", \"GET\", \"HEAD\")"), guard);
    assertTrue(guard.contains("LocatorPaths.beside(\"\\\\Q/login\\\\E/?\", \"POST\")"), guard);

    c = javac().withProcessors(new JwtSecuredProcessor()).compile(store, staff, buckets, status);
    assertThat(c).succeededWithoutWarnings();
    guard = c.generatedSourceFile("app.a.ConfigJwtLocatorGuard").orElseThrow().getCharContent(true).toString();
    assertTrue(guard.contains("SharedRoots.locator(\"/{bucket}/{rest: .*}\", \"/{bucket}\", \"/{bucket}/{rest: .*}\")"),
        guard);
  }

  /**
   * A browser keeps one cookie of a name per domain and path: two configurations of one application whose token
   * cookies share a name at overlapping paths end each other's logins, or send both cookies (400, two tokens).
   */
  @Test
  void twoConfigurationsOfOneApplicationCannotShareATokenCookie() throws IOException {
    JavaFileObject second = cookieConfig("app.b", "");
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(application("app.App", "/"),
        cookieConfig("app.a", ""), second);
    assertThat(c).hadErrorContaining(tagged(Message.COOKIE_SHARED) + " cookieName \"token\" at path \"/\" is also the"
        + " token cookie of app.a.Config at \"/\"").inFile(second).onLineContaining("@JwtSecured");
    assertThat(c).hadErrorCount(1);

    JavaFileObject deeper = cookieConfig("app.b", ",\n    cookiePath = \"/shop\"");
    c = javac().withProcessors(new JwtSecuredProcessor()).compile(application("app.App", "/"),
        cookieConfig("app.a", ", cookieDomain = \"shop.example\""), deeper);
    assertThat(c).hadErrorContaining(tagged(Message.COOKIE_SHARED) + " cookieName \"token\" at path \"/shop\" is also"
        + " the token cookie of app.a.Config at \"/\"").inFile(deeper).onLineContaining("cookiePath = ");
    assertThat(c).hadErrorCount(1);

    // Their own names, paths no request matches both of, other domains, or one configuration reading a header: fine.
    for (String[] members : new String[][] {{"", ", cookieName = \"admin\""},
        {", cookiePath = \"/shop\"", ", cookiePath = \"/shopping\""},
        {", cookieDomain = \"a.example\"", ", cookieDomain = \"b.example\""}}) {
      assertThat(javac().withProcessors(new JwtSecuredProcessor()).compile(application("app.App", "/"),
          cookieConfig("app.a", members[0]), cookieConfig("app.b", members[1]))).succeededWithoutWarnings();
    }
    JavaFileObject header = JavaFileObjects.forSourceString("app.b.Config", cookieConfig("app.b", "")
        .getCharContent(true).toString().replace(", transport = Transport.COOKIE", ""));
    assertThat(javac().withProcessors(new JwtSecuredProcessor()).compile(application("app.App", "/"),
        cookieConfig("app.a", ""), header)).succeededWithoutWarnings();
  }

  /** A configuration in {@code pkg} with {@code members}, its secret among them. */
  static JavaFileObject signerConfig(String pkg, String members) {
    return JavaFileObjects.forSourceString(pkg + ".Config", "package " + pkg + ";\n" + Sources.IMPORTS
        + "@JwtSecured(" + members + ")\n"
        + "public final class Config {\n"
        + "  @UserRetriever static String user(Token token) { return token.subject(); }\n"
        + "}\n");
  }

  /**
   * Two configurations of one application signing with one secret, nothing in their tokens telling them apart: a
   * token one issues (a shop customer's) passed the other's checks (the staff's pages), whose user retriever took its
   * subject for one of its own users, without a word (RFC 8725 section 2.8, cross-JWT confusion).
   */
  @Test
  void twoConfigurationsOfOneApplicationSharingASecretAreWarned() throws IOException {
    String either = " a token either issues passes the other's checks, and the other's user retriever takes its"
        + " subject for one of its own users";
    JavaFileObject second = signerConfig("app.b", "secret = \"${S}\"");
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(application("app.App", "/"),
        signerConfig("app.a", "secret = \"${S}\""), second);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(tagged(Message.SECRET_SHARED) + " secret \"${S}\" is also a secret of"
        + " app.a.Config, which the same application serves, and nothing in their tokens tells them apart:" + either)
        .inFile(second).onLineContaining("@JwtSecured");
    assertThat(c).hadWarningCount(1);

    // One variable whatever its fallback; a literal; a previous secret; an audience one side checks and the other's
    // tokens carry; an issuer the other accepts.
    String[][] shared = {
        {"secret = \"${S:a-fallback-secret-0123456789-abcdef}\"", "secret = \"${S}\"", either},
        {"secret = \"a-literal-secret-0123456789-abcdefghij\"",
            "secret = \"a-literal-secret-0123456789-abcdefghij\"", either},
        {"secret = \"${S}\"", "secret = \"${T}\",\n    previousSecrets = \"${S}\"",
            " a token app.a.Config issues passes app.b.Config's checks, and app.b.Config's user retriever"},
        {"secret = \"${S}\", audience = \"shop\"", "secret = \"${S}\"",
            " a token app.a.Config issues passes app.b.Config's checks"},
        {"secret = \"${S}\", audience = \"shop\"", "secret = \"${S}\", audience = {\"staff\", \"shop\"}", either},
        {"secret = \"${S}\"", "secret = \"${S}\", issuer = \"https://staff.example\"",
            " a token app.b.Config issues passes app.a.Config's checks"},
        {"secret = \"${S}\", issuer = \"https://shop.example\"",
            "secret = \"${S}\", issuer = \"https://staff.example\", acceptedIssuers = \"https://shop.example\"",
            " a token app.a.Config issues passes app.b.Config's checks"}};
    for (String[] members : shared) {
      second = signerConfig("app.b", members[1]);
      c = javac().withProcessors(new JwtSecuredProcessor()).compile(application("app.App", "/"),
          signerConfig("app.a", members[0]), second);
      assertThat(c).hadWarningContaining(tagged(Message.SECRET_SHARED) + " secret \"").inFile(second)
          .onLineContaining("@JwtSecured");
      assertThat(c).hadWarningContaining(members[2]);
      assertEquals(1, c.warnings().stream()
          .filter(d -> d.getMessage(null).startsWith(tagged(Message.SECRET_SHARED))).count(), c.warnings().toString());
    }

    // Secrets of their own; audiences of their own; issuers each refuses of the other; algorithms of their own; a key
    // set; either suppressing the warning; no application class placing both in one application.
    String suppress = "@SuppressWarnings(\"JwtSecured.SecretShared\")\n";
    String[][] apart = {
        {"secret = \"${S}\"", "secret = \"${T}\""},
        {"secret = \"${S}\", audience = \"shop\"", "secret = \"${S}\", audience = \"staff\""},
        {"secret = \"${S}\", issuer = \"https://shop.example\"",
            "secret = \"${S}\", issuer = \"https://staff.example\""},
        {"secret = \"${S}\"", "secret = \"${S}\", algorithm = \"HS512\""},
        {"secret = \"${S}\"", "jwksUri = \"https://id.example/jwks\", issuer = \"https://id.example\","
            + " audience = \"staff\""}};
    for (String[] members : apart) {
      assertThat(javac().withProcessors(new JwtSecuredProcessor()).compile(application("app.App", "/"),
          signerConfig("app.a", members[0]), signerConfig("app.b", members[1]))).succeededWithoutWarnings();
    }
    for (String pkg : new String[] {"app.a", "app.b"}) {
      JavaFileObject first = signerConfig("app.a", "secret = \"${S}\"");
      second = signerConfig("app.b", "secret = \"${S}\"");
      JavaFileObject quiet = pkg.equals("app.a") ? first : second;
      quiet = JavaFileObjects.forSourceString(pkg + ".Config", quiet.getCharContent(true).toString()
          .replace("@JwtSecured(", suppress + "@JwtSecured("));
      c = javac().withProcessors(new JwtSecuredProcessor()).compile(application("app.App", "/"),
          pkg.equals("app.a") ? quiet : first, pkg.equals("app.b") ? quiet : second);
      assertThat(c).succeededWithoutWarnings();
      // The runtime, which compares the secrets as resolved, is told so too.
      for (String each : new String[] {"app.a", "app.b"}) {
        String feature = c.generatedSourceFile(each + ".ConfigJwtFeature").orElseThrow().getCharContent(true)
            .toString();
        assertTrue(feature.contains("SharedSecrets.check(context, auth, " + each.equals(pkg) + ");"), feature);
      }
    }
    assertThat(javac().withProcessors(new JwtSecuredProcessor()).compile(signerConfig("app.a", "secret = \"${S}\""),
        signerConfig("app.b", "secret = \"${S}\""))).succeededWithoutWarnings();
  }

  @Test
  void theProcessorClaimsItsOwnAnnotations() {
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\", tokenUrl = \"/login\", refreshExpiration = \"P7D\",",
        "    refreshStorage = RefreshStorage.PROVIDED)",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return null; }",
        "  @Authenticator static String login(String u, String p) { return null; }",
        "  @RevocationCheck static boolean revoked(Token token) { return false; }",
        "  @RefreshStore static RefreshTokenStore store() { return InMemoryRefreshTokenStore.withDefaults(); }",
        "}");
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).withOptions("-Xlint:processing")
        .compile(user(), config);
    assertThat(c).succeeded();
    List<String> ours = c.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
        .map(d -> d.getMessage(null))
        .filter(m -> m.contains("dev.jwtsecured"))
        .collect(Collectors.toList());
    assertEquals(List.of(), ours);
  }

  /**
   * A locator bringing a rule that declares an interface code outside its package cannot name: the generated policies
   * named it to give its rule to the methods an implementation adds, and did not compile. Such a locator is now taken
   * as one declaring no class: the guard checks its rule before it runs, and the policies do not name the interface.
   */
  @Test
  void aRuledLocatorDeclaringAHiddenInterfaceHasItsRuleCheckedByTheGuard() throws IOException {
    JavaFileObject config = JavaFileObjects.forSourceString("app.a.Config", "package app.a;\n" + Sources.IMPORTS
        + "@JwtSecured(secret = \"${S}\", basePackages = {\"app\"})\n"
        + "public final class Config {\n"
        + "  @UserRetriever static String user(Token token) { return token.subject(); }\n"
        + "}\n");
    JavaFileObject shelves = inPackage("app.b", "Shelves",
        "@Path(\"/shelves\") public class Shelves {",
        "  @Path(\"{id}\") @RolesAllowed(\"admin\")",
        "  @SuppressWarnings(\"JwtSecured.LocatorReturnsAbstractType\")",
        "  public Shelf shelf() { return new Oak(); }",
        "  static final class Oak implements Shelf { @GET public String look() { return \"\"; } }",
        "}");
    JavaFileObject shelf = inPackage("app.b", "Shelf", "interface Shelf {}");
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(config, shelves, shelf);
    assertThat(c).succeededWithoutWarnings();
    String guard = c.generatedSourceFile("app.a.ConfigJwtLocatorGuard").orElseThrow().getCharContent(true)
        .toString();
    assertTrue(guard.contains("AccessRule.rolesAllowed(\"admin\")"), guard);
    String policies = c.generatedSourceFile("app.a.ConfigJwtPolicies").orElseThrow().getCharContent(true)
        .toString();
    assertFalse(policies.contains("Shelf"), policies);
  }
}
