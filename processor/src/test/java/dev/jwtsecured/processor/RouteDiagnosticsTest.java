package dev.jwtsecured.processor;

import dev.jwtsecured.processor.validation.Message;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.jwtsecured.processor.Sources.source;
import static dev.jwtsecured.processor.Sources.user;

import com.google.testing.compile.Compilation;
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
