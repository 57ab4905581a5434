package dev.jwtsecured.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.jwtsecured.processor.Sources.source;
import static dev.jwtsecured.processor.Sources.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.jwtsecured.runtime.internal.Json;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OpenAPI documents and route reports, byte for byte against golden files (rewrite them with
 * {@code -Djwtsecured.updateGolden=true}), and each document through swagger-parser, which must report nothing.
 */
class OpenApiTest {
  static final JavaFileObject RESOURCES = source("Resources",
      "@Path(\"/\")",
      "final class Resources {",
      "  @GET @Path(\"some-path\") @Produces(\"application/json\") public String some() { return \"\"; }",
      "  @GET @Path(\"public\") @PermitAll public String open() { return \"\"; }",
      "  @GET @Path(\"admin\") @RolesAllowed(\"admin\") public String admin() { return \"\"; }",
      "  @DELETE @Path(\"admin\") @DenyAll public void never() {}",
      "  @GET @Path(\"schema/{file}\") public String schema(@PathParam(\"file\") String f) { return f; }",
      "  @POST @Path(\"signin\") public void signIn() {}",
      "}");

  static final JavaFileObject TEMPLATES = source("Templates",
      "@Path(\"/items\")",
      "final class Templates {",
      "  @GET @Path(\"{id: [0-9]+}\") public String one(@PathParam(\"id\") long id) { return \"\"; }",
      "  @PUT @Path(\"{id: [0-9]+}/tags/{tag}\") @Consumes({\"application/json\", \"text/plain\"})",
      "  public void tag(@PathParam(\"id\") long id, @PathParam(\"tag\") String tag, String body) {}",
      "  @GET @Path(\"{path: .+}/raw\") public String raw(@PathParam(\"path\") String p) { return p; }",
      "  @GET @Path(\"/a\\\"quote\") public String quote() { return \"\"; }",
      "}");

  static final JavaFileObject APPLICATION = source("App",
      "@jakarta.ws.rs.ApplicationPath(\"/api/v1\")",
      "final class App extends jakarta.ws.rs.core.Application {}");

  static Compilation compile(String config, JavaFileObject... more) {
    JavaFileObject[] sources = new JavaFileObject[more.length + 2];
    sources[0] = user();
    sources[1] = source("Config", config,
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return null; }",
        "  @Authenticator static Grant authenticate(String u, String p) { return null; }",
        "}");
    System.arraycopy(more, 0, sources, 2, more.length);
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(sources);
    assertThat(c).succeededWithoutWarnings();
    return c;
  }

  static Compilation variant(String name) {
    switch (name) {
      case "header":
        return compile("@JwtSecured(secret = \"${S}\", exclude = {\"/signin\", \"/schema(/.*)?\"})", RESOURCES);
      case "cookie":
        return compile("@JwtSecured(secret = \"${S}\", transport = Transport.COOKIE, cookieName = \"sid\","
            + " exclude = \"/schema(/.*)?\", description = \"Cookie \\\"sid\\\" or header\")", RESOURCES);
      case "oauth2":
        return compile("@JwtSecured(secret = \"${S}\", tokenUrl = \"/login\", scopes = {\"read\", \"write\"},"
            + " exclude = {\"/login\", \"/schema(/.*)?\"}, openApiTitle = \"OAuth2 API\", openApiVersion = \"2.0\")",
            RESOURCES);
      case "refresh":
        return compile("@JwtSecured(secret = \"${S}\", tokenUrl = \"/token\", refreshExpiration = \"P14D\","
            + " scopes = \"read\")", TEMPLATES, APPLICATION);
      default:
        return compile("@JwtSecured(secret = \"${S}\", tokenUrl = \"/token\", exclude = \"/items/\\\\{id\\\\}\")",
            TEMPLATES, APPLICATION);
    }
  }

  static String resource(Compilation c, String suffix) throws IOException {
    return c.generatedFile(StandardLocation.CLASS_OUTPUT, "", "META-INF/jwtsecured/test.Config" + suffix)
        .orElseThrow(() -> new AssertionError("no " + suffix))
        .getCharContent(true)
        .toString();
  }

  static void golden(String name, String actual) throws IOException {
    Path golden = Path.of(System.getProperty("jwtsecured.goldenDir", "src/test/resources/golden"), name);
    if (GoldenFilesTest.UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "differs from " + golden);
  }

  @ParameterizedTest
  @ValueSource(strings = {"header", "cookie", "oauth2", "templates", "refresh"})
  void documentMatchesItsGoldenFile(String name) throws IOException {
    Compilation c = variant(name);
    golden(name + ".openapi.json", resource(c, ".openapi.json"));
    golden(name + ".openapi.yaml", resource(c, ".openapi.yaml"));
    golden(name + ".routes.json", resource(c, ".routes.json"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"header", "cookie", "oauth2", "templates", "refresh"})
  void swaggerParserFindsNothingToReport(String name) throws IOException {
    Compilation c = variant(name);
    for (String suffix : List.of(".openapi.json", ".openapi.yaml")) {
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      SwaggerParseResult result = new OpenAPIParser().readContents(resource(c, suffix), null, options);
      assertTrue(result.getOpenAPI() != null, name + suffix + " did not parse");
      assertEquals(List.of(), result.getMessages(), name + suffix);
    }
  }

  /**
   * A description with characters a YAML document may not carry as they are (DEL, C1 controls, a byte order mark, an
   * unpaired surrogate) beside ordinary non-ASCII text: both documents parse and read the description back unchanged.
   */
  @org.junit.jupiter.api.Test
  void userTextWithAnyCharacterKeepsBothDocumentsValid() throws IOException {
    String description = "Gr\u00f6\u00dfe \u2603 \ud83d\ude00 del\u007f nel\u0085 dcs\u0090 bom\ufeff lone\ud800 end";
    StringBuilder literal = new StringBuilder();
    description.chars().forEach(ch -> literal.append(String.format("\\u%04x", ch)));
    Compilation c = compile("@JwtSecured(secret = \"${S}\", description = \"" + literal + "\")", RESOURCES);
    for (String suffix : List.of(".openapi.json", ".openapi.yaml")) {
      SwaggerParseResult result = new OpenAPIParser().readContents(resource(c, suffix), null, new ParseOptions());
      assertTrue(result.getOpenAPI() != null, suffix + " did not parse: " + result.getMessages());
      assertEquals(description,
          result.getOpenAPI().getComponents().getSecuritySchemes().get("BearerToken").getDescription(), suffix);
    }
  }

  /**
   * The served document is a constant of the generated resource, written as string literals of 8,000 characters each
   * (a literal holds at most 65,535 bytes). One that ended between the two halves of a character beyond U+FFFF left
   * half a pair at the end of a literal and half at the start of the next, which the source file, UTF-8, cannot hold:
   * the served document read "??" there. Of two titles one character apart, one puts a literal's end inside a pair of
   * the long description, wherever the description starts.
   */
  @org.junit.jupiter.api.Test
  void theServedDocumentKeepsEveryCharacterWhereverItsLiteralsEnd(@TempDir Path dir) throws Exception {
    String description = "\ud83d\ude00".repeat(4_100);
    for (String title : List.of("API", "APIs")) {
      Compilation c = compile("@JwtSecured(secret = \"${S}\", openApiPath = \"/openapi.json\", openApiTitle = \""
          + title + "\", description = \"" + "\\ud83d\\ude00".repeat(4_100) + "\")", RESOURCES);
      List<URL> urls = new ArrayList<>();
      for (File f : Sources.classPathWith(dir.resolve(title), c)) {
        urls.add(f.toURI().toURL());
      }
      try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), null)) {
        String served = (String) loader.loadClass("test.ConfigJwtOpenApi").getField("DOCUMENT").get(null);
        assertTrue(served.contains(description), title);
        assertEquals(Json.parse(resource(c, ".openapi.json")), Json.parse(served), title);
      }
    }
  }

  @org.junit.jupiter.api.Test
  void refreshUrlIsTheTokenEndpointAndTheRequestSchemaHasTheRefreshGrant() throws IOException {
    io.swagger.v3.oas.models.OpenAPI api = new OpenAPIParser()
        .readContents(resource(variant("refresh"), ".openapi.json"), null, new ParseOptions()).getOpenAPI();
    io.swagger.v3.oas.models.security.OAuthFlow password =
        api.getComponents().getSecuritySchemes().get("BearerToken").getFlows().getPassword();
    assertEquals("/api/v1/token", password.getTokenUrl());
    assertEquals("/api/v1/token", password.getRefreshUrl());
    var schemas = api.getComponents().getSchemas();
    Object grantType = schemas.get("OAuth2RefreshTokenGrant").getProperties().get("grant_type");
    assertEquals(List.of("refresh_token"), ((io.swagger.v3.oas.models.media.Schema<?>) grantType).getEnum());
    assertEquals(List.of("grant_type", "refresh_token"), schemas.get("OAuth2RefreshTokenGrant").getRequired());
    assertEquals(2, schemas.get("OAuth2TokenRequest").getOneOf().size());
    assertTrue(schemas.get("OAuth2TokenResponse").getProperties().containsKey("refresh_token"));
    assertTrue(!resource(variant("oauth2"), ".openapi.json").contains("refresh"), "no refresh, no mention");
  }

  /**
   * An operation of the application's own HTTP method ({@code @HttpMethod("PURGE")}) has no field in OpenAPI 3.1: the
   * document leaves it out, without an empty path item where it is a path's only operation; the route report lists it.
   */
  @org.junit.jupiter.api.Test
  void anOwnHttpMethodIsInTheRouteReportButNotTheDocument() throws IOException {
    JavaFileObject purge = source("Purge",
        "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)",
        "@HttpMethod(\"PURGE\") @interface Purge {}");
    JavaFileObject caches = source("Caches",
        "@Path(\"/caches\")",
        "final class Caches {",
        "  @GET public String list() { return \"\"; }",
        "  @Purge public void purgeAll() {}",
        "  @Purge @Path(\"{name}\") public void purge(@PathParam(\"name\") String name) {}",
        "}");
    Compilation c = compile("@JwtSecured(secret = \"${S}\")", purge, caches);
    String json = resource(c, ".openapi.json");
    assertTrue(json.contains("\"/caches\": {\n      \"get\""), json);
    assertTrue(!json.contains("/caches/{name}") && !json.toLowerCase(java.util.Locale.ROOT).contains("purge"), json);
    String routes = resource(c, ".routes.json");
    assertTrue(routes.contains("\"method\": \"PURGE\",\n      \"path\": \"/caches/{name}\""), routes);
    SwaggerParseResult result = new OpenAPIParser().readContents(json, null, new ParseOptions());
    assertEquals(List.of(), result.getMessages());
  }

  /**
   * Resource methods that JAX-RS chooses between by media type serve one OpenAPI operation. It listed the first one's
   * media types and rule only: {@code POST /prices} read as public with a text body, though a JSON body needs the
   * admin role. Now the operation lists every media type and, where the rules differ, each requirement (then {@code {}}
   * for the public variant) and each variant's rule in words.
   */
  @org.junit.jupiter.api.Test
  void variantsByMediaTypeShowEveryRuleAndMediaType() throws IOException {
    JavaFileObject prices = source("Prices",
        "@Path(\"/prices\")",
        "final class Prices {",
        "  @GET @Produces(\"text/plain\") @PermitAll public String text() { return \"\"; }",
        "  @GET @Produces(\"application/json\") @RolesAllowed(\"admin\") public String json() { return \"\"; }",
        "  @POST @Consumes(\"text/plain\") @PermitAll public void quote(String body) {}",
        "  @POST @Consumes(\"application/json\") @RolesAllowed(\"admin\") public void set(String body) {}",
        "  @GET @Path(\"feed\") @Produces(\"application/atom+xml\") public String atom() { return \"\"; }",
        "  @GET @Path(\"feed\") @Produces(\"application/json\") public String feed() { return \"\"; }",
        "}");
    String json = resource(compile("@JwtSecured(secret = \"${S}\")", prices), ".openapi.json");
    SwaggerParseResult result = new OpenAPIParser().readContents(json, null, new ParseOptions());
    assertEquals(List.of(), result.getMessages());
    io.swagger.v3.oas.models.Paths paths = result.getOpenAPI().getPaths();
    for (io.swagger.v3.oas.models.Operation op : List.of(paths.get("/prices").getGet(),
        paths.get("/prices").getPost())) {
      assertEquals(2, op.getSecurity().size(), json);
      assertEquals(Map.of("BearerToken", List.of("admin")), Map.copyOf(op.getSecurity().get(0)), json);
      assertEquals(Map.of(), Map.copyOf(op.getSecurity().get(1)), "{}, none, last: the public variant needs nothing");
      assertTrue(op.getResponses().keySet().containsAll(List.of("default", "400", "401", "403")), json);
    }
    io.swagger.v3.oas.models.Operation get = paths.get("/prices").getGet();
    assertEquals("The resource methods serving this operation differ by media type, each with its own rule: json"
        + " (produces application/json): requires a token with one of the roles: admin. text (produces text/plain):"
        + " public: @PermitAll.", get.getDescription());
    assertEquals(Set.of("text/plain", "application/json"), get.getResponses().get("default").getContent().keySet());
    assertEquals(Set.of("text/plain", "application/json"),
        paths.get("/prices").getPost().getRequestBody().getContent().keySet());
    io.swagger.v3.oas.models.Operation feed = paths.get("/prices/feed").getGet();
    assertEquals(1, feed.getSecurity().size(), "one rule: one requirement");
    assertEquals(Map.of("BearerToken", List.of()), Map.copyOf(feed.getSecurity().get(0)));
    assertEquals(null, feed.getDescription());
    assertEquals(Set.of("application/atom+xml", "application/json"),
        feed.getResponses().get("default").getContent().keySet());
  }

  /**
   * Templates that JAX-RS tells apart and OpenAPI does not ({@code /items/{id: [0-9]+}}, {@code /items/{slug}}, a
   * locator's {@code /items/{key}}): "templated paths with the same hierarchy but different templated names MUST NOT
   * exist" (OpenAPI 3.1, 4.8.8), yet each was a path of its own, and a method at {@code {id: [0-9]+}} beside one at
   * {@code {id}} lent the other its pattern. Now they are one path, the first route's, each method one operation whose
   * variants are said in words, and a parameter's pattern is given only where every variant has it.
   */
  @org.junit.jupiter.api.Test
  void templatesOfOneHierarchyAreOnePath() throws IOException {
    JavaFileObject items = source("Items",
        "@Path(\"/items\")",
        "final class Items {",
        "  @GET @Path(\"{id: [0-9]+}\") @PermitAll public String one(@PathParam(\"id\") long id) { return \"\"; }",
        "  @GET @Path(\"{slug}\") public String bySlug(@PathParam(\"slug\") String slug) { return slug; }",
        "  @DELETE @Path(\"{id: [0-9]+}\") @RolesAllowed(\"admin\") public void drop(@PathParam(\"id\") long id) {}",
        "  @Path(\"{key}\") public Tags tags(@PathParam(\"key\") String key) { return new Tags(); }",
        "  @PUT @Path(\"{n: [0-9]+}/{tag}\") public void tag(@PathParam(\"n\") long n) {}",
        "  @GET @Path(\"{code: [a-z]{2}}/{tag}\") public String code(@PathParam(\"code\") String c) { return c; }",
        "  public static final class Tags {",
        "    @POST public void add(String tag) {}",
        "  }",
        "}");
    io.swagger.v3.oas.models.Paths paths = document("@JwtSecured(secret = \"${S}\")", items).getPaths();
    String json = paths.toString();
    assertEquals(Set.of("/items/{slug}", "/items/{code}/{tag}"), paths.keySet());
    io.swagger.v3.oas.models.PathItem item = paths.get("/items/{slug}");
    io.swagger.v3.oas.models.Operation get = item.getGet();
    assertEquals(List.of(Map.of("BearerToken", List.of()), Map.of()),
        get.getSecurity().stream().map(Map::copyOf).toList(), json);
    assertEquals("The resource methods serving this operation differ by path template or media type, each with its"
        + " own rule: bySlug at /items/{slug}: requires a token. one at /items/{id: [0-9]+}: public: @PermitAll.",
        get.getDescription());
    for (io.swagger.v3.oas.models.Operation op : List.of(get, item.getPost())) {
      assertEquals("slug", op.getParameters().get(0).getName(), json);
      assertEquals(null, op.getParameters().get(0).getSchema().getPattern(), "{slug} and {key} take any segment");
    }
    io.swagger.v3.oas.models.Operation delete = item.getDelete();
    assertEquals("^(?:[0-9]+)$", delete.getParameters().get(0).getSchema().getPattern(), "one variant: its pattern");
    assertEquals("slug", delete.getParameters().get(0).getName(), json);
    assertEquals("Items_Tags_add", item.getPost().getOperationId(), "the locator's method, at the first one's path");
    io.swagger.v3.oas.models.PathItem tagged = paths.get("/items/{code}/{tag}");
    for (io.swagger.v3.oas.models.Operation op : List.of(tagged.getGet(), tagged.getPut())) {
      assertEquals(List.of("code", "tag"), op.getParameters().stream().map(p -> p.getName()).toList(), json);
    }
    assertEquals("^(?:[a-z]{2})$", tagged.getGet().getParameters().get(0).getSchema().getPattern(), json);
    assertEquals("^(?:[0-9]+)$", tagged.getPut().getParameters().get(0).getSchema().getPattern(), json);
  }

  /**
   * A name a template repeats (a class's {@code {id}} and its method's): OpenAPI says "each template expression MUST
   * NOT appear more than once in a single path template", and a client filled both with one value; the document named
   * it twice ({@code /orgs/{id}/members/{id}}). Now it is numbered where it repeats, past the names the template has.
   */
  @org.junit.jupiter.api.Test
  void aRepeatedNameIsNumberedWhereItRepeats() throws IOException {
    JavaFileObject orgs = source("Orgs",
        "@Path(\"/orgs/{id}\")",
        "final class Orgs {",
        "  @GET @Path(\"members/{id: [0-9]+}\") public String member(@PathParam(\"id\") long id) { return \"\"; }",
        "  @GET @Path(\"teams/{id_2}/{id}\") public String team(@PathParam(\"id\") String id) { return id; }",
        "}");
    io.swagger.v3.oas.models.Paths paths = document("@JwtSecured(secret = \"${S}\")", orgs).getPaths();
    String json = paths.toString();
    assertEquals(Set.of("/orgs/{id}/members/{id_2}", "/orgs/{id}/teams/{id_2}/{id_3}"), paths.keySet());
    List<io.swagger.v3.oas.models.parameters.Parameter> member = paths.get("/orgs/{id}/members/{id_2}").getGet()
        .getParameters();
    assertEquals(List.of("id", "id_2"), member.stream().map(p -> p.getName()).toList(), json);
    assertEquals(null, member.get(0).getSchema().getPattern(), json);
    assertEquals("^(?:[0-9]+)$", member.get(1).getSchema().getPattern(), json);
    assertEquals(List.of("id", "id_2", "id_3"), paths.get("/orgs/{id}/teams/{id_2}/{id_3}").getGet().getParameters()
        .stream().map(p -> p.getName()).toList(), json);
  }

  /**
   * The token URLs are URLs (format {@code uri-reference} in OpenAPI's schema), unlike the document's paths: below an
   * application path of a letter beyond ASCII they held it as written ({@code /café/token}), which Spectral's OpenAPI
   * rules refuse. Now they are escaped as UTF-8, as a request sends them; the path of the operation stays a template.
   */
  @org.junit.jupiter.api.Test
  void tokenUrlsAreUrls() throws IOException {
    JavaFileObject app = source("App",
        "@jakarta.ws.rs.ApplicationPath(\"/caf\u00e9\")",
        "final class App extends jakarta.ws.rs.core.Application {}");
    io.swagger.v3.oas.models.OpenAPI api = document("@JwtSecured(secret = \"${S}\", tokenUrl = \"/token\","
        + " refreshExpiration = \"P14D\")", TEMPLATES, app);
    io.swagger.v3.oas.models.security.OAuthFlow flow = api.getComponents().getSecuritySchemes().get("BearerToken")
        .getFlows().getPassword();
    assertEquals("/caf%C3%A9/token", flow.getTokenUrl());
    assertEquals("/caf%C3%A9/token", flow.getRefreshUrl());
    assertTrue(api.getPaths().containsKey("/caf\u00e9/token"), api.getPaths().keySet().toString());
  }

  /**
   * A pattern is ECMA-262's, which Swagger UI checks a value with ({@code new RegExp(pattern)}, no Unicode flag); a
   * template's regular expression is Java's. The document gave {@code \p{L}+} as the pattern, which there matches
   * {@code p{L}} and not {@code café}, and {@code (?i)[a-f]+}, which there is no regular expression: Swagger UI refused
   * values JAX-RS takes. Now such a parameter has no pattern, and its description gives the Java one.
   */
  @org.junit.jupiter.api.Test
  void javaOnlyRegularExpressionsGiveNoPattern() throws IOException {
    JavaFileObject words = source("Words",
        "@Path(\"/words\")",
        "final class Words {",
        "  @GET @Path(\"{w: \\\\p{L}+}\") public String letters(@PathParam(\"w\") String w) { return w; }",
        "  @GET @Path(\"hex/{h: (?i)[a-f]+}\") public String hex(@PathParam(\"h\") String h) { return h; }",
        "  @GET @Path(\"some/{s: [a-z&&[^q]]++}\") public String some(@PathParam(\"s\") String s) { return s; }",
        "  @GET @Path(\"year/{y: \\\\d{4}|[a-z._-]+(?:x)?}\") public String y(@PathParam(\"y\") String y) {",
        "    return y;",
        "  }",
        "}");
    io.swagger.v3.oas.models.Paths paths = document("@JwtSecured(secret = \"${S}\")", words).getPaths();
    for (String path : List.of("/words/{w}", "/words/hex/{h}", "/words/some/{s}")) {
      io.swagger.v3.oas.models.parameters.Parameter p = paths.get(path).getGet().getParameters().get(0);
      assertEquals(null, p.getSchema().getPattern(), path);
      assertTrue(p.getDescription().startsWith("JAX-RS matches it with the Java regular expression "), path);
    }
    assertEquals("JAX-RS matches it with the Java regular expression \\p{L}+, which an OpenAPI pattern (ECMA-262)"
        + " would read otherwise.", paths.get("/words/{w}").getGet().getParameters().get(0).getDescription());
    io.swagger.v3.oas.models.parameters.Parameter year = paths.get("/words/year/{y}").getGet().getParameters().get(0);
    assertEquals("^(?:\\d{4}|[a-z._-]+(?:x)?)$", year.getSchema().getPattern(), "read alike: kept");
    assertEquals(null, year.getDescription());
  }

  /** The OpenAPI document compiled for {@code config} and {@code sources}; swagger-parser reads it without a word. */
  private static io.swagger.v3.oas.models.OpenAPI document(String config, JavaFileObject... sources)
      throws IOException {
    String json = resource(compile(config, sources), ".openapi.json");
    SwaggerParseResult result = new OpenAPIParser().readContents(json, null, new ParseOptions());
    assertEquals(List.of(), result.getMessages(), json);
    return result.getOpenAPI();
  }

  @ParameterizedTest
  @ValueSource(strings = {"oauth2", "templates"})
  void tokenUrlIsTheEndpointsRealPath(String name) throws IOException {
    String json = resource(variant(name), ".openapi.json");
    String expected = name.equals("oauth2") ? "/login" : "/api/v1/token";
    assertTrue(json.contains("\"tokenUrl\": \"" + expected + "\""), json);
    assertTrue(json.contains("\"" + expected + "\": {\n      \"post\""), json);
  }

}
