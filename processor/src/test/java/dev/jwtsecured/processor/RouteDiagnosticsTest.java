package dev.jwtsecured.processor;

import dev.jwtsecured.processor.validation.Message;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.jwtsecured.processor.Sources.source;
import static dev.jwtsecured.processor.Sources.user;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The diagnostics that check a configuration against the route table, and the processor options. */
class RouteDiagnosticsTest {
  static final JavaFileObject RESOURCES = DiagnosticTableTest.RESOURCES;

  static Compilation compile(JavaFileObject config, String... options) {
    return javac().withProcessors(new JwtSecuredProcessor()).withOptions((Object[]) options)
        .compile(user(), RESOURCES, config);
  }

  static JavaFileObject config(String... annotationLines) {
    String[] lines = new String[annotationLines.length + 3];
    System.arraycopy(annotationLines, 0, lines, 0, annotationLines.length);
    lines[annotationLines.length] = "final class Config {";
    lines[annotationLines.length + 1] = "  @UserRetriever static User user(Token token) { return null; }";
    lines[annotationLines.length + 2] = "}";
    return source("Config", lines);
  }

  static String tagged(Message m) {
    return "[" + m.tag() + "]";
  }

  @Test
  void excludeThatMatchesNoRouteNamesTheClosestOne() {
    JavaFileObject config = config(
        "@JwtSecured(secret = \"${S}\", exclude = {\"/login\",",
        "    \"/logn\"})");
    Compilation c = compile(config);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(tagged(Message.EXCLUDE_MATCHES_NO_ROUTE)).inFile(config)
        .onLineContaining("\"/logn\"");
    assertThat(c).hadWarningContaining("the closest route is \"/login\"").inFile(config)
        .onLineContaining("\"/logn\"");
    assertThat(c).hadWarningCount(1);
  }


  @Test
  void aResourceAtTheKeySetPathCollidesWithThePublishedKeys() {
    JavaFileObject config = source("Config",
        "@JwtSecured(privateKey = \"${JWT_PRIVATE_KEY}\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return null; }",
        "}");
    JavaFileObject keys = source("Keys",
        "@Path(\"/.well-known\")",
        "public final class Keys {",
        "  @GET @Path(\"jwks.json\") public String keys() { return \"{}\"; }",
        "  @POST @Path(\"jwks.json\") public void rotate() {}",
        "}");
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(user(), config, keys);
    assertThat(c).hadErrorContaining(tagged(Message.GENERATED_PATH_COLLIDES) + " The generated public key set is"
        + " served at \"/.well-known/jwks.json\", which test.Keys.keys also answers with GET").inFile(config)
        .onLineContaining("privateKey = ");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aGeneratedDocumentBesideAnotherMethodOfItsPathIsFine() {
    JavaFileObject config = config("@JwtSecured(secret = \"${S}\", openApiPath = \"/login\")");
    assertThat(compile(config)).succeededWithoutWarnings();
  }

  @Test
  void templatesAreMatchedWithTheirParameters() {
    JavaFileObject config = config(
        "@JwtSecured(secret = \"${S}\", exclude = {\"/users/[^/]+\", \"/users/\\\\{id\\\\}\"})");
    assertThat(compile(config)).succeededWithoutWarnings();
  }







  @Test
  void twoConfigurationsForTheSamePackage() {
    JavaFileObject first = config("@JwtSecured(secret = \"${S}\")");
    JavaFileObject second = source("Other",
        "@JwtSecured(secret = \"${S}\", basePackages = \"test\")",
        "final class Other {",
        "  @UserRetriever static User user(Token token) { return null; }",
        "}");
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(user(), RESOURCES, first, second);
    assertThat(c).hadErrorContaining(tagged(Message.OVERLAPPING_CONFIGURATIONS)).inFile(first)
        .onLineContaining("@JwtSecured");
    assertThat(c).hadErrorContaining(tagged(Message.OVERLAPPING_CONFIGURATIONS)).inFile(second)
        .onLineContaining("@JwtSecured");
  }

  /** A configuration in the unnamed package secures every package, so it shares a package with any other. */
  @Test
  void aConfigurationInTheUnnamedPackageOverlapsEveryOther() {
    JavaFileObject unnamed = JavaFileObjects.forSourceString("Everything", Sources.IMPORTS
        + "@JwtSecured(secret = \"${S}\")\nfinal class Everything {\n"
        + "  @UserRetriever static String user(Token token) { return null; }\n}\n");
    JavaFileObject config = configIn("test.a.Config",
        "@JwtSecured(secret = \"${S}\")");
    JavaFileObject orders = inPackage("test.a.Orders",
        "@Path(\"orders\")",
        "public class Orders { @GET @RolesAllowed(\"admin\") public String all() { return \"\"; } }");
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(unnamed, config, orders);
    assertThat(c).hadErrorContaining(tagged(Message.OVERLAPPING_CONFIGURATIONS)
        + " @JwtSecured classes Everything and test.a.Config both secure the resources of package \"test.a\"")
        .inFile(unnamed).onLineContaining("@JwtSecured");
    assertThat(c).hadErrorContaining(tagged(Message.OVERLAPPING_CONFIGURATIONS)).inFile(config)
        .onLineContaining("@JwtSecured");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void configurationsForSeparatePackagesCoexist() {
    JavaFileObject first = source("Config",
        "@JwtSecured(secret = \"${S}\", basePackages = \"test.a\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return null; }",
        "}");
    JavaFileObject second = source("Other",
        "@JwtSecured(secret = \"${S}\", basePackages = \"test.b\")",
        "final class Other {",
        "  @UserRetriever static User user(Token token) { return null; }",
        "}");
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(user(), first, second);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.ConfigJwtFilter");
    assertThat(c).generatedSourceFile("test.OtherJwtFilter");
  }

  /** {@code name} in its package, with the common imports and {@code lines} after them. */
  private static JavaFileObject inPackage(String name, String... lines) {
    return JavaFileObjects.forSourceString(name, "package " + name.substring(0, name.lastIndexOf('.')) + ";\n"
        + Sources.IMPORTS + String.join("\n", lines) + "\n");
  }

  /** The configuration {@code name}, annotated with {@code annotation}, with a static retriever. */
  private static JavaFileObject configIn(String name, String annotation) {
    return inPackage(name, annotation, "final class " + name.substring(name.lastIndexOf('.') + 1) + " {",
        "  @UserRetriever static String user(Token token) { return null; }", "}");
  }

  /** The root resource {@code name} at its simple name in lower case, with one GET method, after {@code annotation}. */
  private static JavaFileObject getter(String name, String annotation) {
    String simple = name.substring(name.lastIndexOf('.') + 1);
    return inPackage(name, "@Path(\"" + simple.toLowerCase(java.util.Locale.ROOT) + "\")", annotation,
        "public class " + simple + " { @GET public String get() { return \"\"; } }");
  }

  /**
   * A configuration in a package beside its resources' (as {@code com.example.security} beside
   * {@code com.example.api}) secures none of them: they compiled without a word, and their {@code @RolesAllowed} let
   * any valid token in.
   */
  @Test
  void aResourceOutsideEveryConfigurationIsNamed() {
    JavaFileObject config = configIn("test.security.Config",
        "@JwtSecured(secret = \"${S}\")");
    JavaFileObject orders = inPackage("test.api.Orders",
        "@Path(\"orders\")",
        "public class Orders {",
        "  @GET @RolesAllowed(\"admin\") public String all() { return \"\"; }",
        "}");
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(config, orders);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(tagged(Message.RESOURCE_OUTSIDE_CONFIGURATIONS)
        + " Resource test.api.Orders is in none of the packages of the @JwtSecured configurations compiled with it"
        + " (test.security.Config: \"test.security\")").inFile(orders).onLineContaining("public class Orders");
    assertThat(c).hadWarningCount(1);
  }

  /**
   * Resources a configuration lists, holds in its packages or reaches through a locator are its own; a warning
   * suppressed on the class is gone; and a configuration with an invalid package says that alone.
   */
  @Test
  void aResourceSomeConfigurationSecuresIsNotNamed() {
    JavaFileObject first = configIn("test.a.First",
        "@JwtSecured(secret = \"${S}\", resources = test.api.Listed.class)");
    JavaFileObject second = configIn("test.b.Second",
        "@JwtSecured(secret = \"${S}\", basePackages = {\"test.b\", \"test.more\"})");
    JavaFileObject listed = getter("test.api.Listed", "");
    JavaFileObject more = inPackage("test.more.sub.More",
        "@Path(\"more\")",
        "public class More {",
        "  @Path(\"item\") public test.other.Reached item() { return new test.other.Reached(); }",
        "}");
    JavaFileObject reached = getter("test.other.Reached", "");
    JavaFileObject quiet = getter("test.other.Quiet",
        "@SuppressWarnings(\"JwtSecured.ResourceOutsideConfigurations\")");
    Compilation c = javac().withProcessors(new JwtSecuredProcessor())
        .compile(first, second, listed, more, reached, quiet);
    assertThat(c).succeededWithoutWarnings();
    JavaFileObject invalid = configIn("test.b.Second",
        "@JwtSecured(secret = \"${S}\", basePackages = {\"test.b\", \"test.more.\"})");
    c = javac().withProcessors(new JwtSecuredProcessor()).compile(first, invalid, listed, more, reached);
    assertThat(c).hadErrorContaining(tagged(Message.BASE_PACKAGE_INVALID));
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadWarningCount(0);
  }

  @Test
  void warningsAsErrorsPromotesTheNamedTags() {
    JavaFileObject config = config(
        "@JwtSecured(secret = \"0123456789abcdef0123456789abcdef\",",
        "    exclude = \"/logn\")");
    Compilation c = compile(config, "-Ajwtsecured.warningsAsErrors=JwtSecured.ExcludeMatchesNoRoute");
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(tagged(Message.EXCLUDE_MATCHES_NO_ROUTE)).inFile(config)
        .onLineContaining("\"/logn\"");
    assertThat(c).hadWarningContaining(tagged(Message.SECRET_LITERAL));
    Compilation all = compile(config, "-Ajwtsecured.warningsAsErrors=all");
    assertThat(all).hadErrorContaining(tagged(Message.SECRET_LITERAL));
    assertThat(all).hadErrorCount(2);
  }

  @Test
  void verboseNotesTellWhatWasGenerated() {
    Compilation c = compile(config("@JwtSecured(secret = \"${S}\", exclude = \"/login\")"),
        "-Ajwtsecured.verbose=true");
    assertThat(c).succeeded();
    assertThat(c).hadNoteContaining("[jwtsecured] generated ConfigJwtFilter, ConfigJwt, ConfigJwtFeature");
    assertThat(c).hadNoteContaining("POST /login -> excluded");
    assertThat(c).hadNoteContaining("GET /reports -> protected");
  }
}
