package dev.jwtsecured.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.jwtsecured.processor.Sources.source;
import static dev.jwtsecured.processor.Sources.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
  void policies() throws IOException {
    check("ConfigJwtPolicies");
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

  /**
   * The README's shortened filter and policies: every line it shows stands in the golden files, in order (a remark
   * after code, {@code // ...}, is the README's own; {@code ...} marks what it leaves out).
   */
  @Test
  void theReadmeShowsGeneratedLinesOnly() throws IOException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    int open = readme.indexOf("```java\n", readme.indexOf("A shortened `FooJwtFilter` and `FooJwtPolicies`"))
        + "```java\n".length();
    List<String> generated = new ArrayList<>();
    for (String simpleName : List.of("ConfigJwtFilter", "ConfigJwtPolicies")) {
      Files.readAllLines(goldenFile(simpleName), StandardCharsets.UTF_8).forEach(l -> generated.add(l.strip()));
    }
    int at = 0;
    int shown = 0;
    for (String line : readme.substring(open, readme.indexOf("```", open)).split("\n")) {
      String code = line.strip();
      int remark = code.indexOf(" // ");
      code = remark > 0 ? code.substring(0, remark).strip() : code;
      if (code.isEmpty() || code.equals("...")) {
        continue;
      }
      int found = generated.subList(at, generated.size()).indexOf(code);
      assertTrue(found >= 0, "the README shows a line the generated code does not have (there): " + line);
      at += found + 1;
      shown++;
    }
    assertTrue(shown > 40, "the excerpt was not found: " + shown + " lines");
  }

  private static Path goldenFile(String simpleName) {
    return Path.of(System.getProperty("jwtsecured.goldenDir", "src/test/resources/golden"), simpleName + ".java.txt");
  }

  private static void check(String simpleName) throws IOException {
    Compilation c = compile();
    assertThat(c).succeededWithoutWarnings();
    String actual = generated(c, simpleName);
    Path golden = goldenFile(simpleName);
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
