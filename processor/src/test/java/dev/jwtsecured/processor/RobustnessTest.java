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
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Rounds, unusual user and configuration types, and failures inside the processor. */
class RobustnessTest {

  /** Generates {@code test.GeneratedUser} (or a source of its own) in its second round, as another processor might. */
  static final class LateGenerator extends EveryRoundProcessor {
    private final String name;
    private final String source;
    private int round;

    LateGenerator() {
      this("test.GeneratedUser", "package test; public record GeneratedUser(String name) {}");
    }

    LateGenerator(String name, String source) {
      this.name = name;
      this.source = source;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment env) {
      round++;
      if (round == 2) {
        try (Writer w = processingEnv.getFiler().createSourceFile(name).openWriter()) {
          w.write(source);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (round == 1) {
        // Something to make a second round happen.
        try (Writer w = processingEnv.getFiler().createSourceFile("test.Trigger").openWriter()) {
          w.write("package test; final class Trigger {}");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void userTypeGeneratedInALaterRoundIsWaitedFor() {
    // The generator runs first: jwtsecured claims its own annotations, so a "*" processor after it would not be
    // called for them (a real generator runs on annotations of its own).
    Compilation c = javac().withProcessors(new LateGenerator(), new JwtSecuredProcessor()).compile(source("Config",
        "@JwtSecured(secret = \"${S}\")",
        "final class Config {",
        "  @UserRetriever static Optional<GeneratedUser> user(Token token) { return Optional.empty(); }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.ConfigJwt").contentsAsUtf8String()
        .contains("public static GeneratedUser user(SecurityContext security)");
  }

  /**
   * A resource method's parameter type that another processor generates later (an entity class, say) is not known
   * yet when the first round runs: named then, it would be written as the bare name the source spells, never match
   * the method at run time, and leave the method unseen (a valid token, no role check). The configuration waits.
   */
  @Test
  void resourceParameterTypeGeneratedInALaterRoundIsWaitedFor() {
    Compilation c = javac().withProcessors(new LateGenerator(), new JwtSecuredProcessor()).compile(user(),
        plainConfig(),
        source("Orders",
            "@Path(\"/orders\")",
            "public final class Orders {",
            "  @POST @RolesAllowed(\"admin\") public String create(GeneratedUser order) { return \"\"; }",
            "  @GET public String list(List<GeneratedUser>[] filters) { return \"\"; }",
            "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.ConfigJwtPolicies").contentsAsUtf8String()
        .contains("ResourceMethods.is(method, \"create\", \"test.GeneratedUser\")");
    assertThat(c).generatedSourceFile("test.ConfigJwtPolicies").contentsAsUtf8String()
        .contains("ResourceMethods.is(method, \"list\", \"java.util.List[]\")");
  }

  /**
   * A locator declaring a class that is not final may return a subclass, which JAX-RS reports: that class's rules bind
   * to its subclasses, after the classes seen themselves; a final class is matched exactly.
   */
  @Test
  void theRulesOfANonFinalClassALocatorDeclaresBindToItsSubclasses() {
    for (String modifier : new String[] {"", "final "}) {
      Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(user(), plainConfig(),
          source("Lockers",
              "@Path(\"/lockers\")",
              "public final class Lockers {",
              "  @Path(\"{id}\") public Locker locker() { return new Locker(); }",
              "  public static " + modifier + "class Locker {",
              "    @DELETE @RolesAllowed(\"admin\") public String clear() { return \"\"; }",
              "  }",
              "}"));
      assertThat(c).succeededWithoutWarnings();
      assertThat(c).generatedSourceFile("test.ConfigJwtPolicies").contentsAsUtf8String()
          .contains(modifier.isEmpty() ? "if (Lockers.Locker.class.isAssignableFrom(resourceClass)) {"
              : "if (resourceClass == Lockers.Locker.class) {");
    }
  }

  /**
   * A resource's interface, and a locator's sub-resource class, that another processor generates later carry JAX-RS
   * and JSR-250 annotations the first round cannot see; the configuration waits and binds their roles.
   */
  @Test
  void resourceSupertypesAndSubResourcesGeneratedInALaterRoundAreWaitedFor() throws Exception {
    JavaFileObject config = plainConfig();
    Compilation implementing = javac().withProcessors(new LateGenerator("test.OrdersApi",
            "package test; public interface OrdersApi {"
                + " @jakarta.ws.rs.DELETE @jakarta.annotation.security.RolesAllowed(\"admin\") String delete(); }"),
        new JwtSecuredProcessor()).compile(user(), config, source("Orders",
            "@Path(\"/orders\")",
            "public final class Orders implements OrdersApi {",
            "  @Override public String delete() { return \"\"; }",
            "}"));
    assertThat(implementing).succeededWithoutWarnings();
    assertThat(implementing).generatedSourceFile("test.ConfigJwtPolicies").contentsAsUtf8String()
        .contains("// DELETE /orders\n      if (ResourceMethods.is(method, \"delete\")) {\n"
            + "        return AccessRule.rolesAllowed(\"admin\");");

    Compilation locating = javac().withProcessors(new LateGenerator("test.File",
            "package test; public class File {"
                + " @jakarta.ws.rs.DELETE @jakarta.annotation.security.RolesAllowed(\"admin\")"
                + " public String delete() { return \"\"; } }"),
        new JwtSecuredProcessor()).compile(user(), config, source("Files",
            "@Path(\"/files\")",
            "public final class Files {",
            "  @Path(\"{name}\") public File file() { return new File(); }",
            "}"));
    assertThat(locating).succeededWithoutWarnings();
    assertThat(locating).generatedSourceFile("test.ConfigJwtPolicies").contentsAsUtf8String()
        .contains("// DELETE /files/{name}\n      if (ResourceMethods.is(method, \"delete\")) {\n"
            + "        declared = AccessRule.both(declared, AccessRule.rolesAllowed(\"admin\"));");
  }

  /**
   * A resource another processor generates after the configuration was written cannot be classified any more: at run
   * time it is unseen (a valid token, its roles not applied), which the processor says at compile time.
   */
  @Test
  void aResourceGeneratedAfterItsConfigurationWasWrittenIsAWarning() {
    Compilation c = javac().withProcessors(new LateGenerator("test.Late",
            "package test; @jakarta.ws.rs.Path(\"/late\") public class Late {"
                + " @jakarta.ws.rs.GET @jakarta.annotation.security.RolesAllowed(\"admin\")"
                + " public String get() { return \"\"; } }"),
        new JwtSecuredProcessor()).compile(user(), plainConfig());
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(1);
    assertThat(c).hadWarningContaining("[" + Message.RESOURCE_AFTER_CONFIGURATION.tag() + "] Resource test.Late was"
        + " generated by another annotation processor after configuration test.Config was written");
  }

  @Test
  void aResourceParameterTypeThatNeverExistsIsAnErrorOnTheMethod() {
    JavaFileObject orders = source("Orders",
        "@Path(\"/orders\")",
        "public final class Orders {",
        "  @POST @RolesAllowed(\"admin\") public String create(Missing order) { return \"\"; }",
        "}");
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(user(), orders, plainConfig());
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[" + Message.RESOURCE_TYPE_NEVER_GENERATED.tag() + "] Resource method 'create'"
        + " names Missing").inFile(orders).onLineContaining("public String create(Missing order)");
  }

  /**
   * A record is a class JAX-RS can instantiate (a record without components has a public no-argument constructor), as a
   * root resource or as what a locator returns; its rules are bound like any class's.
   */
  @Test
  void recordResourcesAreClassified() {
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(user(), plainConfig(),
        source("Health",
            "@Path(\"/health\")",
            "public record Health() {",
            "  @GET @RolesAllowed(\"ops\") public String get() { return \"\"; }",
            "  @Path(\"{name}\") public Check check(@PathParam(\"name\") String name) { return new Check(name); }",
            "  public record Check(String name) {",
            "    @DELETE @RolesAllowed(\"admin\") public String reset() { return name; }",
            "  }",
            "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.ConfigJwtPolicies").contentsAsUtf8String()
        .contains("// GET /health\n      if (ResourceMethods.is(method, \"get\")) {\n"
            + "        return AccessRule.rolesAllowed(\"ops\");");
    assertThat(c).generatedSourceFile("test.ConfigJwtPolicies").contentsAsUtf8String()
        .contains("// DELETE /health/{name}\n      if (ResourceMethods.is(method, \"reset\")) {\n"
            + "        return AccessRule.rolesAllowed(\"admin\");");
  }

  /**
   * An enum is a class an application registers as its instance, a singleton, which every runtime serves as a root
   * resource or behind a locator; its rules are bound like any class's. Before, a root enum was not looked at: its
   * methods were unseen, any valid token passing its {@code @RolesAllowed} and {@code @DenyAll}.
   */
  @Test
  void enumResourcesAreClassified() throws IOException {
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(user(), plainConfig(),
        source("Switches",
            "@Path(\"/switches\")",
            "@RolesAllowed(\"admin\")",
            "public enum Switches {",
            "  INSTANCE;",
            "  @GET @PermitAll public String list() { return \"\"; }",
            "  @POST @Path(\"off\") @DenyAll public String off() { return \"\"; }",
            "  @Path(\"{name}\") public Light light() { return Light.ON; }",
            "  public enum Light {",
            "    ON;",
            "    @DELETE @RolesAllowed(\"ops\") public String reset() { return name(); }",
            "  }",
            "}"));
    assertThat(c).succeededWithoutWarnings();
    String policies = c.generatedSourceFile("test.ConfigJwtPolicies").orElseThrow().getCharContent(true).toString();
    assertTrue(policies.contains("// GET /switches\n      if (ResourceMethods.is(method, \"list\")) {\n"
        + "        return AccessRule.PUBLIC;"), policies);
    assertTrue(policies.contains("// POST /switches/off\n      if (ResourceMethods.is(method, \"off\")) {\n"
        + "        return AccessRule.DENY_ALL;"), policies);
    assertTrue(policies.contains("// DELETE /switches/{name}\n      if (ResourceMethods.is(method, \"reset\")) {\n"
        + "        return AccessRule.rolesAllowed(\"admin\").andRolesAllowed(\"ops\");"), policies);
  }

  @Test
  void nestedGenericAndRecordUserTypes() {
    for (String type : new String[] {"Outer.Inner", "Map<String, List<Integer>>", "User", "String[]"}) {
      Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(user(),
          source("Outer", "final class Outer { static final class Inner {} }"),
          source("Config",
              "@JwtSecured(secret = \"${S}\")",
              "final class Config {",
              "  @UserRetriever static " + type + " user(Token token) { return null; }",
              "}"));
      assertThat(c).succeededWithoutWarnings();
      assertThat(c).generatedSourceFile("test.ConfigJwt").contentsAsUtf8String()
          .contains("public static " + type + " user(SecurityContext security)");
    }
  }

  /**
   * {@code *} is a path character (RFC 3986 sub-delims) that the processor accepts in these paths; the generated
   * Javadoc names them, where {@code /log*}{@code /in} written as it is would end the comment and break the build.
   */
  @Test
  void pathsThatWouldEndAJavadocCommentCompile() {
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(user(), source("Config",
        "@JwtSecured(secret = \"${S}\", tokenUrl = \"/log*/in\", openApiPath = \"/api*/*/openapi.json\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return null; }",
        "  @Authenticator static Optional<Grant> login(String user, String password) { return Optional.empty(); }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.ConfigJwtLoginResource").contentsAsUtf8String()
        .contains("@Path(\"/log*/in\")");
    assertThat(c).generatedSourceFile("test.ConfigJwtOpenApi").contentsAsUtf8String()
        .contains("@Path(\"/api*/*/openapi.json\")");
    assertThat(c).generatedSourceFile("test.ConfigJwtFeature").contentsAsUtf8String()
        .contains("the token endpoint at {@code /log*}{@code /in}, the OpenAPI document at"
            + " {@code /api*}{@code /*}{@code /openapi.json}");
  }

  /**
   * A resource path is the user's text, and the generated policies name each operation in a line comment: a line
   * break there, or a backslash and {@code u000a}, which javac reads as one before it reads comments, would end the
   * comment and leave the rest of the path as code.
   */
  @Test
  void resourcePathsThatWouldEndALineCommentCompile() {
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(user(), plainConfig(), source("Odd",
        "@Path(\"/odd\")",
        "public final class Odd {",
        "  @GET @Path(\"/a\\\\u000a/b\") public String escaped() { return \"\"; }",
        "  @GET @Path(\"/c\\n/d\") public String broken() { return \"\"; }",
        "  @Path(\"/e\\\\u000a/f\") public Sub locator() { return new Sub(); }",
        "}"), source("Sub",
        "public final class Sub {",
        "  @GET public String get() { return \"\"; }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.ConfigJwtPolicies").contentsAsUtf8String()
        .contains("is(method, \"escaped\")");
    // Both written with the backslash doubled: a comment again, which reads as the path.
    assertThat(c).generatedSourceFile("test.ConfigJwtPolicies").contentsAsUtf8String()
        .contains("// GET /odd/a\\\\u000a/b\n");
    assertThat(c).generatedSourceFile("test.ConfigJwtPolicies").contentsAsUtf8String()
        .contains("// GET /odd/c\\\\u000a/d\n");
    assertThat(c).generatedSourceFile("test.ConfigJwtFeature").contentsAsUtf8String()
        .contains("// Authenticates before the protected sub-resource locators /odd/e\\\\u000a/f run.\n");
  }

  /**
   * Generated code names the application's types and methods; what the application deprecated, or a user type of
   * {@code Object}, must not put a warning into a file the user cannot change (a -Werror build would fail).
   */
  @Test
  void deprecatedApplicationTypesAndAnObjectUserLeaveGeneratedCodeWarningFree() {
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).withOptions("-Xlint:all", "-Xlint:-processing")
        .compile(source("Config",
            "@Deprecated",
            "@JwtSecured(secret = \"${S}\")",
            "final class Config {",
            "  @Deprecated static final class Old {}",
            "  @Deprecated @UserRetriever static Old user(Token token) { return null; }",
            "}"), source("Legacy",
            "@Deprecated(forRemoval = true) @Path(\"/legacy\")",
            "public class Legacy { @GET public String get() { return \"\"; } }"));
    assertThat(c).succeededWithoutWarnings();
    Compilation object = javac().withProcessors(new JwtSecuredProcessor())
        .withOptions("-Xlint:all", "-Xlint:-processing").compile(source("Config",
            "@JwtSecured(secret = \"${S}\")",
            "final class Config {",
            "  @UserRetriever static Object user(Token token) { return token.subject(); }",
            "}"));
    assertThat(object).succeededWithoutWarnings();
    assertThat(object).generatedSourceFile("test.ConfigJwt").contentsAsUtf8String()
        .contains("return JwtSecurityContext.requirePrincipal(security, Config.class).user();");
  }

  /**
   * Resources in a subpackage often take package-private beans and entities; the generated policies, in the
   * configuration's package, name parameter types as text (as {@code Class.getTypeName()} gives them), never as class
   * literals it may not see.
   */
  @Test
  void packagePrivateParameterTypesInASubpackageCompile() {
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).withOptions("-Xlint:all", "-Xlint:-processing")
        .compile(
            JavaFileObjects.forSourceString("app.Config", "package app;\n" + Sources.IMPORTS
                + "@JwtSecured(secret = \"${S}\") final class Config {\n"
                + "  @UserRetriever static String user(Token t) { return t.subject(); }\n}\n"),
            JavaFileObjects.forSourceString("app.orders.Orders", "package app.orders;\n" + Sources.IMPORTS
                + "@Path(\"/orders\") public class Orders {\n"
                + "  @GET public String list(@BeanParam Filter f, @QueryParam(\"n\") int n) { return \"\"; }\n"
                + "  @POST public void create(Item[][] items, Map.Entry<String, String> tag, long... ids) {}\n"
                + "  static class Filter { @QueryParam(\"q\") public String q; }\n"
                + "}\n"
                + "class Item {}\n"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("app.ConfigJwtPolicies").contentsAsUtf8String()
        .contains("ResourceMethods.is(method, \"list\", \"app.orders.Orders$Filter\", \"int\")");
    assertThat(c).generatedSourceFile("app.ConfigJwtPolicies").contentsAsUtf8String()
        .contains("ResourceMethods.is(method, \"create\", \"app.orders.Item[][]\", \"java.util.Map$Entry\","
            + " \"long[]\")");
  }

  /**
   * A class of the configuration's package named like a {@code java.lang} type that generated code uses (a school's
   * {@code Class}, say) would shadow it in generated files that do not otherwise mention it.
   */
  @Test
  void packageClassesNamedLikeJavaLangTypesDoNotShadowThem() {
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).withOptions("-Xlint:all", "-Xlint:-processing")
        .compile(shadowingJavaLang());
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.ConfigJwtFeature").contentsAsUtf8String()
        .contains("public static Set<java.lang.Class<?>> classes()");
  }

  /**
   * A CDI container that manages resource classes serves them through a proxy subclass (RESTEasy on WildFly gives them
   * request scope): Weld refused the final generated token endpoint, and every token request got a 500 there. The
   * generated resources are not final, declare one public constructor, without parameters, and no final method.
   */
  @Test
  void generatedResourcesCanBeProxiedByACdiContainer() throws IOException {
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(user(), source("Config",
        "@JwtSecured(privateKey = \"${K}\", tokenUrl = \"/login\", openApiPath = \"/openapi.json\")",
        "final class Config {",
        "  @UserRetriever static Optional<User> user(Token token) { return Optional.empty(); }",
        "  @Authenticator static Grant login(String u, String p) { return null; }",
        "}"));
    assertThat(c).succeeded();
    for (String resource : List.of("ConfigJwtLoginResource", "ConfigJwtOpenApi", "ConfigJwtJwks")) {
      String source = c.generatedSourceFile("test." + resource).orElseThrow().getCharContent(true).toString();
      assertTrue(source.contains("\npublic class " + resource + " implements GeneratedResource {"), source);
      assertTrue(source.contains("\n  public " + resource + "() {\n  }\n"), source);
      assertFalse(source.matches("(?s).* " + resource + "\\([^)].*"), source);
      assertFalse(source.matches("(?s).*\n  (public |protected )?final \\S+ \\w+\\(.*"), source);
    }
  }

  /** A configuration beside classes named like {@code java.lang} types that generated code uses. */
  static List<JavaFileObject> shadowingJavaLang() {
    return List.of(user(), source("Config",
            "@JwtSecured(secret = \"${S}\", tokenUrl = \"/login\", openApiPath = \"/openapi.json\")",
            "final class Config {",
            "  @UserRetriever static Optional<User> user(Token token) { return Optional.empty(); }",
            "  @Authenticator static Grant login(java.lang.String u, java.lang.String p) { return null; }",
            "}"),
        source("Class", "final class Class {}"),
        source("String", "final class String {}"),
        source("Override", "final class Override {}"),
        source("SuppressWarnings", "final class SuppressWarnings {}"));
  }

  @Test
  void configurationAsANestedClass() {
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(user(), source("Outer",
        "final class Outer {",
        "  @JwtSecured(secret = \"${S}\")",
        "  static final class Config {",
        "    @UserRetriever User user(Token token) { return null; }",
        "  }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.Outer_ConfigJwtFeature").contentsAsUtf8String()
        .contains("this(new Outer.Config())");
  }

  /**
   * A class that hands out its only instance, as a Kotlin {@code object} does through {@code INSTANCE} and a Java
   * singleton through a field or {@code getInstance()}: the application gives that instance to the feature. (Before,
   * only private constructors were an error whatever else the class offered, so no Kotlin {@code object} could be a
   * configuration with instance methods.)
   */
  @Test
  void aSingletonConfigurationWithOnlyPrivateConstructorsCompiles() throws IOException {
    JavaFileObject field = source("Config",
        "@JwtSecured(secret = \"${S}\")",
        "public final class Config {",
        "  public static final Config INSTANCE = new Config();",
        "  private Config() {}",
        "  @UserRetriever User user(Token token) { return null; }",
        "}");
    JavaFileObject method = source("Other",
        "@JwtSecured(secret = \"${S}\")",
        "final class Other {",
        "  private static final Other INSTANCE = new Other();",
        "  private Other() {}",
        "  static Other getInstance() { return INSTANCE; }",
        "  @UserRetriever User user(Token token) { return null; }",
        "}");
    for (String name : List.of("Config", "Other")) {
      Compilation c = javac().withProcessors(new JwtSecuredProcessor())
          .compile(user(), name.equals("Config") ? field : method);
      assertThat(c).succeededWithoutWarnings();
      // The feature takes the instance the application gives it, and never creates one.
      String feature = c.generatedSourceFile("test." + name + "JwtFeature").orElseThrow().getCharContent(true)
          .toString();
      assertTrue(feature.contains("public " + name + "JwtFeature(" + name + " config) {"), feature);
      assertFalse(feature.contains("new " + name + "()"), feature);
    }
  }

  /**
   * A record (a Spring bean given its services through the canonical constructor) and a singleton enum are
   * configurations like classes. Before, both were {@code [JwtSecured.NotAClass]}.
   */
  @Test
  void recordsAndEnumsAreConfigurations() throws IOException {
    JavaFileObject record = source("Config",
        "@JwtSecured(secret = \"${S}\")",
        "public record Config(Map<String, User> users) {",
        "  @UserRetriever User user(Token token) { return users.get(token.subject()); }",
        "}");
    JavaFileObject empty = source("Empty",
        "@JwtSecured(secret = \"${S}\")",
        "record Empty() {",
        "  @UserRetriever User user(Token token) { return new User(token.subject()); }",
        "}");
    JavaFileObject singleton = source("Single",
        "@JwtSecured(secret = \"${S}\")",
        "public enum Single {",
        "  INSTANCE;",
        "  @UserRetriever User user(Token token) { return new User(token.subject()); }",
        "}");
    for (JavaFileObject config : List.of(record, empty, singleton)) {
      Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(user(), config);
      assertThat(c).succeededWithoutWarnings();
      String name = config.getName().replaceAll(".*/|\\.java$", "");
      String feature = c.generatedSourceFile("test." + name + "JwtFeature").orElseThrow().getCharContent(true)
          .toString();
      assertTrue(feature.contains("public " + name + "JwtFeature(" + name + " config) {"), feature);
      // Only the record without components can be created without arguments.
      assertEquals(name.equals("Empty"), feature.contains("this(new Empty())"), feature);
    }
  }

  /**
   * A generic configuration class: generated code names it {@code Config<?>}. Before, it named the raw type, and javac
   * warned nine times ({@code [rawtypes]}) in the generated files, which fails a build with {@code -Werror}.
   */
  @Test
  void aGenericConfigurationIsNamedWithWildcardsInGeneratedCode() throws IOException {
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${S}\", tokenUrl = \"/token\", refreshExpiration = \"P14D\")",
        "public class Config<T> {",
        "  @UserRetriever User user(Token token) { return new User(token.subject()); }",
        "  @Authenticator Grant login(String username, String password) { return null; }",
        "  @RevocationCheck boolean revoked(Token token) { return false; }",
        "}");
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).withOptions("-Xlint:all", "-Xlint:-processing")
        .compile(user(), config);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.ConfigJwtFeature").contentsAsUtf8String()
        .contains("public ConfigJwtFeature() {\n    this(new Config<>());");
    assertThat(c).generatedSourceFile("test.ConfigJwtFilter").contentsAsUtf8String()
        .contains("private final Config<?> config;");
  }

  /** A private field of the class's type, or a static method taking arguments, is no way for the application in. */
  @Test
  void privateOrParameterisedWaysToAnInstanceStillNeedAConstructor() {
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${S}\")",
        "final class Config {",
        "  private static final Config INSTANCE = new Config();",
        "  final Config self = this;",
        "  private Config() {}",
        "  static Config of(String name) { return INSTANCE; }",
        "  @UserRetriever User user(Token token) { return null; }",
        "}");
    assertThat(javac().withProcessors(new JwtSecuredProcessor()).compile(user(), config))
        .hadErrorContaining("[" + Message.NO_CALLABLE_CONSTRUCTOR.tag() + "]").inFile(config)
        .onLineContaining("final class Config");
  }

  /**
   * Quarkus REST asks dynamic features about sub-resource locators too: the policies name the locators of the classes
   * the processor saw, by the very class, so that they bind nothing to them (before, a locator was an unseen method
   * there: a token required, and a warning).
   */
  @Test
  void thePoliciesNameTheLocatorsTheProcessorSaw() throws IOException {
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(user(), plainConfig(), source("Shop",
        "@jakarta.ws.rs.Path(\"/shop\")",
        "public class Shop {",
        "  @jakarta.ws.rs.Path(\"{name}\")",
        "  public Item item(@jakarta.ws.rs.PathParam(\"name\") String name) { return new Item(); }",
        "  public static class Item {",
        "    @jakarta.ws.rs.GET public String get() { return \"item\"; }",
        "  }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    String policies = c.generatedSourceFile("test.ConfigJwtPolicies").orElseThrow().getCharContent(true).toString();
    assertTrue(policies.contains("if (resourceClass == Shop.class && ResourceMethods.is(method, \"item\","
        + " \"java.lang.String\")) {\n      return true;"), policies);
    assertTrue(policies.contains("if (locator(resourceClass, method)) {\n        return;"), policies);
  }

  @Test
  void innerClassConfigurationIsRefused() {
    JavaFileObject outer = source("Outer",
        "final class Outer {",
        "  @JwtSecured(secret = \"${S}\")",
        "  final class Config {",
        "    @UserRetriever User user(Token token) { return null; }",
        "  }",
        "}");
    assertThat(javac().withProcessors(new JwtSecuredProcessor()).compile(user(), outer))
        .hadErrorContaining("[" + Message.CLASS_NOT_ACCESSIBLE.tag() + "]").inFile(outer)
        .onLineContaining("final class Config");
  }

  @Test
  void anInternalFailureIsAnErrorOnTheConfigurationNotACrash() {
    JavaFileObject config = plainConfig();
    Compilation c = javac()
        .withProcessors(new JwtSecuredProcessor(model -> {
          throw new IllegalStateException("simulated failure");
        }))
        .compile(user(), config);
    assertThat(c).hadErrorContaining("[" + Message.INTERNAL_ERROR.tag() + "]").inFile(config)
        .onLineContaining("final class Config");
    assertThat(c).hadErrorContaining("simulated failure");
    assertThat(c).hadErrorCount(1);
  }
}
