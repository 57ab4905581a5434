package dev.jwtsecured.processor;

import dev.jwtsecured.processor.validation.Message;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.jwtsecured.processor.Sources.source;
import static dev.jwtsecured.processor.Sources.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per diagnostic: the message, from {@link Message}, on the line it belongs to. */
class DiagnosticsTest {

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new JwtSecuredProcessor()).compile(sources);
  }

  static String tagged(Message m) {
    return "[" + m.tag() + "]";
  }

  @Test
  void aVerifierOnlyConfigurationCompilesAndGeneratesNoLogin() throws Exception {
    Compilation c = compile(user(), source("Config",
        "@JwtSecured(jwksUri = \"${JWT_JWKS_URI}\", keyAlgorithms = {\"RS256\", \"ES256\"},",
        "    rolesClaim = \"realm_access.roles\", jwksMinRefresh = \"PT1M\",",
        "    issuer = \"https://idp.example/a\", acceptedIssuers = \"https://idp.example/b\", audience = \"orders\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    String feature = c.generatedSourceFile("test.ConfigJwtFeature").get().getCharContent(true).toString();
    assertTrue(feature.contains(".jwksUri(\"${JWT_JWKS_URI}\")"), feature);
    assertTrue(feature.contains(".keyAlgorithms(List.of(\"RS256\", \"ES256\"))"), feature);
    assertTrue(feature.contains(".rolesClaim(\"realm_access.roles\")"), feature);
    assertTrue(feature.contains(".jwksMinRefresh(Duration.ofMinutes(1))"), feature);
    assertTrue(feature.contains(".acceptedIssuers(List.of(\"https://idp.example/b\"))"), feature);
    assertFalse(feature.contains(".secret("), feature);
    String accessPoint = c.generatedSourceFile("test.ConfigJwt").get().getCharContent(true).toString();
    assertFalse(accessPoint.contains("login("), "a verifier-only configuration issues no tokens");
  }

  /**
   * {@code acceptedIssuers} without {@code issuer} is a configuration's own tokens refused only where it issues any: a
   * verifier of a key set or public key issues none, and is not warned; a secret's logins are, unless suppressed.
   */
  @Test
  void acceptedIssuersWithoutIssuerIsLeftAloneWhereNothingIsIssued() {
    for (String keys : List.of("jwksUri = \"${JWT_JWKS_URI}\"", "publicKey = \"${JWT_PUBLIC_KEY}\"")) {
      Compilation c = compile(user(), source("Config",
          "@JwtSecured(" + keys + ", audience = \"orders\",",
          "    acceptedIssuers = {\"https://idp.example/a\", \"https://idp.example/b\"})",
          "final class Config {",
          "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
          "}"));
      assertThat(c).succeededWithoutWarnings();
    }
    Compilation suppressed = compile(user(), source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\", acceptedIssuers = \"https://auth.example\")",
        "@SuppressWarnings(\"JwtSecured.LoginTokensRefused\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
        "}"));
    assertThat(suppressed).succeededWithoutWarnings();
  }

  /**
   * The generated settings write each duration in the largest unit that holds it whole, as a person would; the
   * longest in seconds is an {@code int} literal.
   */
  @Test
  void durationsReadAsWrittenInTheirLargestWholeUnit() throws Exception {
    Compilation c = compile(user(), source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\", tokenUrl = \"/token\", expiration = \"PT300000001S\",",
        "    leeway = \"PT90S\", refreshExpiration = \"P3650D\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
        "  @Authenticator static Grant authenticate(String u, String p) { return null; }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    String feature = c.generatedSourceFile("test.ConfigJwtFeature").get().getCharContent(true).toString();
    assertTrue(feature.contains(".expiration(Duration.ofSeconds(300000001))"), feature);
    assertTrue(feature.contains(".leeway(Duration.ofSeconds(90))"), feature);
    assertTrue(feature.contains(".refreshExpiration(Duration.ofDays(3650))"), feature);
  }

  /** A key file as a placeholder's fallback, and an empty fallback for rotation keys, compile. */
  @Test
  void aKeyFileAsAFallbackCompiles() throws Exception {
    Compilation c = compile(user(), source("Config",
        "@JwtSecured(privateKey = \"${JWT_PRIVATE_KEY:file:/run/secrets/jwt.pem}\",",
        "    rotationPublicKeys = \"${JWT_NEXT_KEY:}\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
  }

  /** Plain http to a loopback address or {@code localhost} compiles, as the runtime accepts it (one rule for both). */
  @Test
  void aKeySetOnLoopbackCompiles() throws Exception {
    for (String uri : List.of("http://127.0.0.1:8081/jwks", "http://[::1]:8081/jwks", "http://localhost/jwks",
        "https://idp.example/jwks")) {
      Compilation c = compile(user(), source("Config",
          "@JwtSecured(jwksUri = \"" + uri + "\", issuer = \"https://idp.example\", audience = \"api\")",
          "final class Config {",
          "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
          "}"));
      assertThat(c).succeededWithoutWarnings();
    }
  }

  /**
   * A roles claim named by URI, as Auth0 requires of custom claims, is accepted as written and reaches the settings.
   */
  @Test
  void aRolesClaimNamedByUriCompiles() throws Exception {
    Compilation c = compile(user(), source("Config",
        "@JwtSecured(jwksUri = \"https://tenant.example/.well-known/jwks.json\",",
        "    issuer = \"https://tenant.example/\", audience = \"https://shop.example.com/api\",",
        "    rolesClaim = \"https://shop.example.com/roles\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    String feature = c.generatedSourceFile("test.ConfigJwtFeature").get().getCharContent(true).toString();
    assertTrue(feature.contains(".rolesClaim(\"https://shop.example.com/roles\")"), feature);
  }

  /** Durations at their bounds compile and reach the settings. */
  @Test
  void durationsAtTheirBoundsCompile() throws Exception {
    Compilation c = compile(user(), source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\", expiration = \"PT87600H\", leeway = \"PT300S\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    String feature = c.generatedSourceFile("test.ConfigJwtFeature").get().getCharContent(true).toString();
    assertTrue(feature.contains(".expiration(Duration.ofDays(3650))"), feature);
    assertTrue(feature.contains(".leeway(Duration.ofMinutes(5))"), feature);
    assertThat(compile(user(), source("Config",
        "@JwtSecured(jwksUri = \"https://idp.example/jwks\", issuer = \"https://idp.example\", audience = \"api\",",
        "    jwksMinRefresh = \"P1D\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
        "}"))).succeededWithoutWarnings();
  }

  /**
   * A name with dots in a roles claim path, a Keycloak client id such as {@code com.example.shop}, is quoted; so is a
   * URI in such a path. Both compile and reach the settings as written.
   */
  @Test
  void aRolesClaimWithQuotedNamesCompiles() throws Exception {
    for (String claim : List.of("resource_access.\\\"com.example.shop\\\".roles",
        "\\\"https://shop.example.com/app_metadata\\\".roles")) {
      Compilation c = compile(user(), source("Config",
          "@JwtSecured(jwksUri = \"https://idp.example/jwks\", issuer = \"https://idp.example\", audience = \"shop\",",
          "    rolesClaim = \"" + claim + "\")",
          "final class Config {",
          "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
          "}"));
      assertThat(c).succeededWithoutWarnings();
      String feature = c.generatedSourceFile("test.ConfigJwtFeature").get().getCharContent(true).toString();
      assertTrue(feature.contains(".rolesClaim(\"" + claim + "\")"), feature);
    }
  }

  /**
   * Amazon Cognito's access tokens carry no {@code aud}: an application that checks {@code client_id} itself turns the
   * warning off where it stands.
   */
  @Test
  void aKeySetWithoutAudienceCanBeAccepted() throws Exception {
    Compilation c = compile(user(), source("Config",
        "@JwtSecured(jwksUri = \"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc/.well-known/jwks.json\",",
        "    issuer = \"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc\", rolesClaim = \"cognito:groups\")",
        "@SuppressWarnings(\"JwtSecured.KeySetWithoutAudience\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void aPrivateKeyConfigurationPublishesItsKeySet() throws Exception {
    Compilation c = compile(user(), source("Config",
        "@JwtSecured(privateKey = \"${JWT_PRIVATE_KEY}\", rolesClaim = \"realm_access.roles\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    String feature = c.generatedSourceFile("test.ConfigJwtFeature").get().getCharContent(true).toString();
    assertTrue(feature.contains(".privateKey(\"${JWT_PRIVATE_KEY}\")"), feature);
    assertTrue(feature.contains("ConfigJwtJwks.class"), feature);
    String jwks = c.generatedSourceFile("test.ConfigJwtJwks").get().getCharContent(true).toString();
    assertTrue(jwks.contains("@Path(\"/.well-known/jwks.json\")"), jwks);
    assertTrue(jwks.contains("implements GeneratedResource"), jwks);
    String accessPoint = c.generatedSourceFile("test.ConfigJwt").get().getCharContent(true).toString();
    assertTrue(accessPoint.contains("login("), "it issues tokens");
  }

  /** Placeholders, files and PEM text in the source (each block EC P-256 or RSA) reach the settings as written. */
  @Test
  void rotationPublicKeysReachTheSettings() throws Exception {
    String twoKeys = DiagnosticTableTest.publicKeyPem("EC", 256) + "\\n"
        + DiagnosticTableTest.publicKeyPem("RSA", 2048);
    Compilation c = compile(user(), source("Config",
        "@JwtSecured(privateKey = \"${JWT_PRIVATE_KEY}\", rotationPublicKeys = {\"${JWT_ROTATION_PUBLIC_KEYS:}\",",
        "    \"file:/etc/keys/previous.pem\", \"" + twoKeys + "\"})",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    String feature = c.generatedSourceFile("test.ConfigJwtFeature").get().getCharContent(true).toString();
    assertTrue(feature.contains(".rotationPublicKeys(List.of(\"${JWT_ROTATION_PUBLIC_KEYS:}\","
        + " \"file:/etc/keys/previous.pem\","), feature);
    assertTrue(feature.contains(twoKeys.substring(0, 60)), feature);
  }

  /** An empty fallback, {@code ${NAME:}}, writes no secret in the source: between rotations the variable is unset. */
  @Test
  void previousSecretsReachTheSettings() throws Exception {
    Compilation c = compile(user(), source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\",",
        "    previousSecrets = {\"${JWT_SECRET_PREVIOUS}\", \"${JWT_SECRET_OLDER:}\"})",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    String feature = c.generatedSourceFile("test.ConfigJwtFeature").get().getCharContent(true).toString();
    assertTrue(feature.contains(".previousSecrets(List.of(\"${JWT_SECRET_PREVIOUS}\", \"${JWT_SECRET_OLDER:}\"))"),
        feature);
  }

  @Test
  void validConfigurationCompilesWithoutWarnings() {
    Compilation c = compile(user(), source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.ConfigJwtFilter");
    assertThat(c).generatedSourceFile("test.ConfigJwt");
    assertThat(c).generatedSourceFile("test.ConfigJwtFeature");
  }


  @Test
  void duplicateUserRetrievers() {
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\")",
        "final class Config {",
        "  @UserRetriever static User first(Token token) { return null; }",
        "  @UserRetriever static User second(Token token) { return null; }",
        "}");
    Compilation c = compile(user(), config);
    assertThat(c).hadErrorContaining(tagged(Message.SEVERAL_USER_RETRIEVERS)).inFile(config)
        .onLineContaining("User first(");
    assertThat(c).hadErrorContaining("has 2 ('first', 'second')").inFile(config).onLineContaining("User second(");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void retrieverReturningVoidOrPrimitiveOrRawOptional() {
    for (String returned : new String[] {"void", "int", "Optional", "CompletionStage"}) {
      String body = returned.equals("void") ? "{}" : returned.equals("int") ? "{ return 0; }" : "{ return null; }";
      JavaFileObject config = source("Config",
          "@JwtSecured(secret = \"${JWT_SECRET}\")",
          "final class Config {",
          "  @SuppressWarnings(\"rawtypes\")",
          "  @UserRetriever static " + returned + " user(Token token) " + body,
          "}");
      Compilation c = compile(user(), config);
      assertThat(c).hadErrorContaining(tagged(Message.RETRIEVER_RETURN)).inFile(config)
          .onLineContaining("@UserRetriever static " + returned);
    }
  }

  @Test
  void invalidDurationAndHeaderName() {
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\",",
        "    expiration = \"24 hours\",",
        "    authHeader = \"Auth header\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return null; }",
        "}");
    Compilation c = compile(user(), config);
    assertThat(c).hadErrorContaining(tagged(Message.DURATION_INVALID)).inFile(config)
        .onLineContaining("expiration = \"24 hours\"");
    assertThat(c).hadErrorContaining(tagged(Message.HEADER_NAME_INVALID)).inFile(config)
        .onLineContaining("authHeader = \"Auth header\"");
  }

  @Test
  void severalErrorsAreReportedTogether() {
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"short\",",
        "    exclude = \"[\",",
        "    algorithm = \"HS999\")",
        "final class Config {",
        "  @UserRetriever static void user(String s) {}",
        "}");
    Compilation c = compile(user(), config);
    assertThat(c).hadErrorContaining(tagged(Message.SECRET_TOO_SHORT)).inFile(config).onLineContaining("\"short\"");
    assertThat(c).hadErrorContaining(tagged(Message.EXCLUDE_INVALID_REGEX)).inFile(config)
        .onLineContaining("exclude = \"[\"");
    assertThat(c).hadErrorContaining(tagged(Message.ALGORITHM_UNKNOWN)).inFile(config).onLineContaining("HS999");
    assertThat(c).hadErrorContaining(tagged(Message.RETRIEVER_PARAMETERS)).inFile(config)
        .onLineContaining("void user(");
    assertThat(c).hadErrorContaining(tagged(Message.RETRIEVER_RETURN)).inFile(config).onLineContaining("void user(");
    // Exactly these five: no follow-up errors from half-generated code.
    assertThat(c).hadErrorCount(5);
  }

  /**
   * An application path the processor cannot use is said with the configuration's other mistakes: it stopped the
   * validation before them, so a user fixing the path met the rest in a second build.
   */
  @Test
  void anInvalidApplicationPathIsReportedWithTheOtherErrors() {
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\",",
        "    applicationPath = \"/a b\",",
        "    expiration = \"an hour\")",
        "final class Config {",
        "  @UserRetriever static void user(Token token) {}",
        "}");
    Compilation c = compile(user(), config);
    assertThat(c).hadErrorContaining(tagged(Message.APPLICATION_PATH_INVALID)).inFile(config)
        .onLineContaining("/a b");
    assertThat(c).hadErrorContaining(tagged(Message.DURATION_INVALID)).inFile(config).onLineContaining("an hour");
    assertThat(c).hadErrorContaining(tagged(Message.RETRIEVER_RETURN)).inFile(config).onLineContaining("void user(");
    assertThat(c).hadErrorCount(3);
  }

  /**
   * A class nothing can make an instance of, beside instance handlers, is said with the other mistakes: it was said
   * only once everything else was right, so a user fixing a duration met it in a second build.
   */
  @Test
  void aClassNoneCanMakeIsReportedWithTheOtherErrors() {
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\",",
        "    expiration = \"an hour\")",
        "final class Config {",
        "  private Config() {}",
        "  @UserRetriever User user(Token token) { return null; }",
        "}");
    Compilation c = compile(user(), config);
    assertThat(c).hadErrorContaining(tagged(Message.DURATION_INVALID)).inFile(config).onLineContaining("an hour");
    assertThat(c).hadErrorContaining(tagged(Message.NO_CALLABLE_CONSTRUCTOR)).inFile(config)
        .onLineContaining("final class Config");
    assertThat(c).hadErrorCount(2);
  }

  /**
   * A {@code basePackages} entry that is no package name and a class in {@code resources} that is no root resource are
   * said with the other mistakes, the rest checked with the entries that are package names and the classes that are
   * root resources (random configurations 275 and 300673: a private constructor beside instance handlers went unsaid).
   */
  @Test
  void mistakesInWhatAConfigurationSecuresAreReportedWithTheOtherErrors() {
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\",",
        "    basePackages = {\"test\", \"a b\"},",
        "    resources = String.class,",
        "    expiration = \"an hour\")",
        "final class Config {",
        "  private Config() {}",
        "  @UserRetriever User user(Token token) { return null; }",
        "}");
    Compilation c = compile(user(), config);
    assertThat(c).hadErrorContaining(tagged(Message.BASE_PACKAGE_INVALID)).inFile(config).onLineContaining("a b");
    assertThat(c).hadErrorContaining(tagged(Message.NOT_A_ROOT_RESOURCE)).inFile(config)
        .onLineContaining("String.class");
    assertThat(c).hadErrorContaining(tagged(Message.DURATION_INVALID)).inFile(config).onLineContaining("an hour");
    assertThat(c).hadErrorContaining(tagged(Message.NO_CALLABLE_CONSTRUCTOR)).inFile(config)
        .onLineContaining("final class Config");
    assertThat(c).hadErrorCount(4);
  }

  @Test
  void annotationOnAnInterface() {
    JavaFileObject iface = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\")",
        "interface Config {}");
    assertThat(compile(iface)).hadErrorContaining(tagged(Message.NOT_A_CLASS) + " @JwtSecured belongs on a class;"
        + " Config is an interface.").inFile(iface).onLineContaining("interface Config");
  }

  @Test
  void aHandlerMethodOutsideAConfigurationIsAnErrorOnTheMethod() {
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return null; }",
        "}");
    JavaFileObject helpers = source("Helpers",
        "final class Helpers {",
        "  @RevocationCheck static boolean revoked(Token token) { return false; }",
        "  static final class Nested {",
        "    @UserRetriever static User user(Token token) { return null; }",
        "  }",
        "}");
    Compilation c = compile(user(), config, helpers);
    assertThat(c).hadErrorContaining(tagged(Message.HANDLER_OUTSIDE_CONFIGURATION) + " @RevocationCheck method"
        + " 'revoked' is in test.Helpers, which has no @JwtSecured").inFile(helpers).onLineContaining("revoked(");
    assertThat(c).hadErrorContaining(tagged(Message.HANDLER_OUTSIDE_CONFIGURATION) + " @UserRetriever method 'user'"
        + " is in test.Helpers.Nested").inFile(helpers).onLineContaining("@UserRetriever");
    assertThat(c).hadErrorCount(2);
  }

  /**
   * What kapt shows the processor for a Kotlin configuration with {@code companion object { @JvmStatic @UserRetriever
   * fun user(token: Token): User? }}: the static method in the configuration, which generated code calls, and the
   * annotated instance method of the companion class. The copy is not an error (it was, so Kotlin's usual way to write
   * a static handler did not compile); a handler in a nested class without such a twin (another name, other
   * parameters) still is.
   */
  @Test
  void aKotlinCompanionsCopyOfAStaticHandlerIsNotAnError() {
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\")",
        "public final class Config {",
        "  public static final Companion Companion = new Companion();",
        "  @UserRetriever public static final User user(Token token) { return Companion.user(token); }",
        "  public static final class Companion {",
        "    private Companion() {}",
        "    @UserRetriever public final User user(Token token) { return null; }",
        "    @UserRetriever public final User user(Token token, ContainerRequestContext r) { return null; }",
        "    @RevocationCheck public final boolean revoked(Token token) { return false; }",
        "  }",
        "}");
    Compilation c = compile(user(), config);
    assertThat(c).hadErrorContaining(tagged(Message.HANDLER_OUTSIDE_CONFIGURATION) + " @RevocationCheck method"
        + " 'revoked' is in test.Config.Companion").inFile(config).onLineContaining("revoked(");
    assertThat(c).hadErrorContaining(tagged(Message.HANDLER_OUTSIDE_CONFIGURATION) + " @UserRetriever method"
        + " 'user' is in test.Config.Companion").inFile(config).onLineContaining("ContainerRequestContext r");
    assertThat(c).hadErrorCount(2);
    assertThat(compile(user(), source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\")",
        "public final class Config {",
        "  @UserRetriever public static final User user(Token token) { return null; }",
        "  public static final class Companion {",
        "    @UserRetriever public final User user(Token token) { return null; }",
        "  }",
        "}"))).succeededWithoutWarnings();
  }

  /** A protected class a configuration inherits: the configuration can name it, code beside it cannot. */
  @Test
  void anInheritedProtectedUserTypeIsNotAccessibleToGeneratedCode() {
    JavaFileObject base = com.google.testing.compile.JavaFileObjects.forSourceString("other.Base", String.join("\n",
        "package other;",
        "public class Base {",
        "  protected static class Member {}",
        "}"));
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\")",
        "final class Config extends other.Base {",
        "  @UserRetriever static Optional<Member> user(Token token) { return Optional.empty(); }",
        "}");
    Compilation c = compile(base, config);
    assertThat(c).hadErrorContaining(tagged(Message.USER_TYPE_NOT_ACCESSIBLE) + " The user type of 'user' names"
        + " other.Base.Member, which is not public and in another package: the generated access point in package"
        + " \"test\" cannot name it. Make it public").inFile(config).onLineContaining("Optional<Member> user(");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aTypeNamedLikeAGeneratedOneIsAnErrorNotACrash() {
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return null; }",
        "}");
    Compilation c = compile(user(), config, source("ConfigJwtFeature", "final class ConfigJwtFeature {}"));
    assertThat(c).hadErrorContaining(tagged(Message.GENERATED_NAME_TAKEN) + " Config generates test.ConfigJwtFeature,"
        + " but a source of this compilation already declares a type of that name").inFile(config)
        .onLineContaining("final class Config");
    assertThat(c).hadErrorCount(1);
  }

  /** A class of that name on the class path is usually this configuration's output of an earlier build. */
  @Test
  void aGeneratedNameOnTheClassPathIsReplacedNotAnError(@TempDir Path dir) throws Exception {
    Compilation earlier = compile(source("ConfigJwtFeature", "final class ConfigJwtFeature {}"));
    assertThat(earlier).succeeded();
    List<File> classPath = Sources.classPathWith(dir, earlier);
    assertTrue(Files.exists(dir.resolve("test/ConfigJwtFeature.class")));
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).withClasspath(classPath).compile(user(),
        source("Config",
            "@JwtSecured(secret = \"${JWT_SECRET}\")",
            "final class Config {",
            "  @UserRetriever static User user(Token token) { return null; }",
            "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.ConfigJwtFeature").contentsAsUtf8String()
        .contains("public final class ConfigJwtFeature implements Feature, JwtFeature");
  }

  @Test
  void noAnnotationMeansNoOutput() {
    Compilation c = compile(user(), source("Plain", "final class Plain {}"));
    assertThat(c).succeededWithoutWarnings();
    org.junit.jupiter.api.Assertions.assertTrue(c.generatedSourceFiles().isEmpty());
  }

  @Test
  void userTypeThatNeverExists() {
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\")",
        "final class Config {",
        "  @UserRetriever static Missing user(Token token) { return null; }",
        "}");
    Compilation c = compile(config);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(tagged(Message.TYPE_NEVER_GENERATED)).inFile(config)
        .onLineContaining("final class Config");
  }

  @Test
  void authenticatorWithWrongSignature() {
    for (String signature : new String[] {
        "static Grant authenticate(String username)",
        "static boolean authenticate(String username, String password)",
        "static Grant authenticate(String username, char[] password)",
        "static Grant authenticate(String username, String password, List<String> scopes)",
        "static Optional<Integer> authenticate(String username, String password)",
        "static String authenticate(String username, String password, ContainerRequestContext request)"}) {
      JavaFileObject config = source("Config",
          "@JwtSecured(secret = \"${JWT_SECRET}\", tokenUrl = \"/token\")",
          "final class Config {",
          "  @UserRetriever static User user(Token token) { return null; }",
          "  @Authenticator " + signature + " { throw new IllegalStateException(); }",
          "}");
      Compilation c = compile(user(), config);
      assertThat(c).hadErrorContaining(tagged(Message.AUTHENTICATOR_SIGNATURE)).inFile(config)
          .onLineContaining(signature);
      assertThat(c).hadErrorCount(1);
    }
  }

  @Test
  void authenticatorSignaturesThatAreAccepted() {
    for (String signature : new String[] {
        "static Grant authenticate(String username, String password)",
        "Optional<Grant> authenticate(String username, String password, Set<String> scopes)",
        "static String authenticate(String username, String password, jakarta.ws.rs.core.HttpHeaders headers)",
        "static Optional<String> authenticate(String u, String p, Set<String> s, jakarta.ws.rs.core.HttpHeaders h)"}) {
      Compilation c = compile(user(), source("Config",
          "@JwtSecured(secret = \"${JWT_SECRET}\", tokenUrl = \"/token\")",
          "final class Config {",
          "  @UserRetriever static User user(Token token) { return null; }",
          "  @Authenticator " + signature + " { throw new IllegalStateException(); }",
          "}"));
      assertThat(c).succeededWithoutWarnings();
      assertThat(c).generatedSourceFile("test.ConfigJwtLoginResource");
    }
  }


  @Test
  void refreshConfigurationsThatAreAccepted() {
    String[][] variants = {
        {"", "  @UserRetriever static User user(Token token) { return null; }",
            "  @Authenticator static Grant check(String u, String p) { return null; }"},
        {", transport = Transport.COOKIE, refreshStorage = RefreshStorage.PROVIDED",
            "  @UserRetriever CompletionStage<Optional<User>> user(Token token) { return null; }",
            "  @Authenticator static Grant check(String u, String p) { return null; }",
            "  @RevocationCheck boolean revoked(Token token) { return false; }",
            "  @RefreshStore InMemoryRefreshTokenStore store() { return new InMemoryRefreshTokenStore(10); }"},
        {", refreshStorage = RefreshStorage.PROVIDED",
            "  @UserRetriever static Optional<User> user(Token token) { return Optional.empty(); }",
            "  @Authenticator Optional<String> check(String u, String p) { return Optional.empty(); }",
            "  @RefreshStore static RefreshTokenStore store() { return null; }"}};
    for (String[] variant : variants) {
      List<String> lines = new java.util.ArrayList<>(List.of(
          "@JwtSecured(secret = \"${JWT_SECRET}\", tokenUrl = \"/token\", refreshExpiration = \"P14D\"" + variant[0]
              + ")",
          "final class Config {"));
      lines.addAll(List.of(variant).subList(1, variant.length));
      lines.add("}");
      Compilation c = compile(user(), source("Config", lines.toArray(new String[0])));
      assertThat(c).succeededWithoutWarnings();
      assertThat(c).generatedSourceFile("test.ConfigJwtLoginResource").contentsAsUtf8String()
          .contains("auth.requestAuth().refreshResponse(grant, ");
    }
  }

  @Test
  void twoRevocationChecksOrAuthenticators() {
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\", tokenUrl = \"/token\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return null; }",
        "  @RevocationCheck static boolean first(Token token) { return false; }",
        "  @RevocationCheck static boolean second(Token token) { return false; }",
        "  @Authenticator static Grant one(String u, String p) { return null; }",
        "  @Authenticator static Grant two(String u, String p) { return null; }",
        "}");
    Compilation c = compile(user(), config);
    assertThat(c).hadErrorContaining(tagged(Message.SEVERAL_METHODS)).inFile(config).onLineContaining("first(");
    assertThat(c).hadErrorContaining("at most one @RevocationCheck method").inFile(config).onLineContaining("second(");
    assertThat(c).hadErrorContaining("at most one @Authenticator method").inFile(config).onLineContaining("two(");
  }

  @Test
  void invalidOpenApiPathAndSchemeName() {
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\",",
        "    openApiPath = \"schema.json\",",
        "    schemeName = \"Bearer Token\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return null; }",
        "}");
    Compilation c = compile(user(), config);
    assertThat(c).hadErrorContaining(tagged(Message.OPENAPI_PATH_INVALID)).inFile(config)
        .onLineContaining("openApiPath = ");
    assertThat(c).hadErrorContaining(tagged(Message.SCHEME_NAME_INVALID)).inFile(config)
        .onLineContaining("schemeName = ");
  }

  @Test
  void cacheSizeAtTheMaximumCompiles() {
    JavaFileObject config = source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\", cacheSize = JwtSecured.MAX_CACHE_SIZE)",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return null; }",
        "}");
    assertThat(compile(user(), config)).succeededWithoutWarnings();
  }
}
