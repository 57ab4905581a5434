package dev.jwtsecured.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.jwtsecured.processor.Sources.source;
import static dev.jwtsecured.processor.Sources.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated sources, byte for byte, against files under {@code src/test/resources/golden}. They catch output that
 * is correct but odd. After a deliberate change, rewrite them with
 * {@code mvn -pl processor test -Djwtsecured.updateGolden=true} and review the diff.
 */
class GoldenFilesTest {
  static final boolean UPDATE = Boolean.getBoolean("jwtsecured.updateGolden");

  static final JavaFileObject CONFIG = source("Config",
      "@JwtSecured(secret = \"${JWT_SECRET}\", exclude = {\"/login\", \"/schema(/.*)?\", \"/files/[^/]+\"},",
      "    excludeMethods = {\"OPTIONS\", \"TRACE\"})",
      "final class Config {",
      "  private final Map<String, User> users = new HashMap<>();",
      "  @UserRetriever Optional<User> user(Token token, ContainerRequestContext request) {",
      "    return Optional.ofNullable(users.get(token.subject()));",
      "  }",
      "  @RevocationCheck static boolean revoked(Token token) { return false; }",
      "}");

  static final JavaFileObject OAUTH2_CONFIG = source("OAuth2Config",
      "@JwtSecured(secret = \"${JWT_SECRET}\", tokenUrl = \"/oauth/token\", scopes = {\"read\", \"write\"},",
      "    transport = Transport.COOKIE, basePackages = \"none\")",
      "final class OAuth2Config {",
      "  @UserRetriever static CompletionStage<User> user(Token token) { return null; }",
      "  @Authenticator Optional<String> check(String username, String password, Set<String> scopes) {",
      "    return Optional.empty();",
      "  }",
      "}");

  static final JavaFileObject REFRESH_CONFIG = source("RefreshConfig",
      "@JwtSecured(secret = \"${JWT_SECRET}\", tokenUrl = \"/token\", refreshExpiration = \"P14D\",",
      "    refreshStorage = RefreshStorage.PROVIDED, basePackages = \"refresh.none\")",
      "final class RefreshConfig {",
      "  private final RefreshTokenStore store = InMemoryRefreshTokenStore.withDefaults();",
      "  @UserRetriever Optional<User> user(Token token) { return Optional.empty(); }",
      "  @RevocationCheck static boolean revoked(Token token) { return false; }",
      "  @Authenticator static Grant check(String username, String password) { return null; }",
      "  @RefreshStore RefreshTokenStore refreshTokens() { return store; }",
      "}");

  static final JavaFileObject RESOURCES = source("Resources",
      "@Path(\"/admin\")",
      "@RolesAllowed(\"admin\")",
      "final class Resources {",
      "  @GET public String list() { return \"\"; }",
      "  @GET @Path(\"{id}\") @PermitAll public String one(@PathParam(\"id\") String id) { return id; }",
      "  @DELETE @Path(\"{id}\") @DenyAll public void delete(@PathParam(\"id\") String id) {}",
      "  @POST @RolesAllowed({\"owner\", \"admin\"}) public void create(String body, @QueryParam(\"n\") int n) {}",
      "}",
      "@Path(\"/login\") final class Login { @POST public void login() {} }",
      "@Path(\"/schema\") final class Schema { @GET public String schema() { return \"\"; } }",
      "@Path(\"/files\") final class Files { @GET @Path(\"{name}\") public String file() { return \"\"; } }");

  static Compilation compile() {
    return javac().withProcessors(new JwtSecuredProcessor()).compile(user(), CONFIG, RESOURCES, OAUTH2_CONFIG,
        REFRESH_CONFIG);
  }

  @Test
  void filter() throws IOException {
    check("ConfigJwtFilter");
  }

  @Test
  void accessPoint() throws IOException {
    check("ConfigJwt");
  }

  @Test
  void feature() throws IOException {
    check("ConfigJwtFeature");
  }

  @Test
  void featureCheck() throws IOException {
    check("ConfigJwtFeatureCheck");
  }

  @Test
  void tokenEndpoint() throws IOException {
    check("OAuth2ConfigJwtLoginResource");
  }

  @Test
  void oauth2Filter() throws IOException {
    check("OAuth2ConfigJwtFilter");
  }

  @Test
  void oauth2Feature() throws IOException {
    check("OAuth2ConfigJwtFeature");
  }

  @Test
  void refreshTokenEndpoint() throws IOException {
    check("RefreshConfigJwtLoginResource");
  }

  @Test
  void refreshFeature() throws IOException {
    check("RefreshConfigJwtFeature");
  }

  @Test
  void refreshAccessPoint() throws IOException {
    check("RefreshConfigJwt");
  }

  private static void check(String simpleName) throws IOException {
    Compilation c = compile();
    assertThat(c).succeededWithoutWarnings();
    String actual = generated(c, simpleName);
    Path golden = Path.of(System.getProperty("jwtsecured.goldenDir", "src/test/resources/golden"),
        simpleName + ".java.txt");
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
        "generated " + simpleName + " differs from " + golden + "; if the change is deliberate, rerun with"
            + " -Djwtsecured.updateGolden=true");
  }

  private static String generated(Compilation c, String simpleName) throws IOException {
    return c.generatedSourceFile("test." + simpleName).orElseThrow().getCharContent(true).toString();
  }
}
