package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Where the served OpenAPI document puts the application, given the request's base path. */
class OpenApiDocumentTest {
  static final String DOCUMENT = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},"
      + "\"paths\":{\"/api/items/{id}\":{\"get\":{}},\"/api/login\":{\"post\":{}},\"/apiary\":{\"get\":{}}},"
      + "\"components\":{\"securitySchemes\":{\"BearerToken\":{\"type\":\"oauth2\",\"flows\":{\"password\":"
      + "{\"tokenUrl\":\"/api/login\",\"refreshUrl\":\"/api/login\",\"scopes\":{}}}},"
      + "\"Idp\":{\"type\":\"oauth2\",\"flows\":{\"password\":{\"tokenUrl\":\"https://idp.example/token\","
      + "\"scopes\":{\"a\":\"b\"}}}}},\"schemas\":{\"X\":{\"type\":\"integer\",\"minimum\":1}}}}";

  @Test
  void atTheCompiledApplicationPathTheDocumentIsTheCompiledOne() {
    OpenApiDocument served = new OpenApiDocument(DOCUMENT, "/api");
    assertSame(DOCUMENT, served.at("/api/"));
    assertSame(DOCUMENT, served.at("/api"));
    assertSame(DOCUMENT, new OpenApiDocument(DOCUMENT, "").at("/"));
  }

  @Test
  void belowAContextPathItGainsAServerAndPrefixedTokenUrls() {
    String placed = new OpenApiDocument(DOCUMENT, "/api").at("/shop/api/");
    assertEquals("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},"
        + "\"servers\":[{\"url\":\"/shop\"}],"
        + "\"paths\":{\"/api/items/{id}\":{\"get\":{}},\"/api/login\":{\"post\":{}},\"/apiary\":{\"get\":{}}},"
        + "\"components\":{\"securitySchemes\":{\"BearerToken\":{\"type\":\"oauth2\",\"flows\":{\"password\":"
        + "{\"tokenUrl\":\"/shop/api/login\",\"refreshUrl\":\"/shop/api/login\",\"scopes\":{}}}},"
        + "\"Idp\":{\"type\":\"oauth2\",\"flows\":{\"password\":{\"tokenUrl\":\"https://idp.example/token\","
        + "\"scopes\":{\"a\":\"b\"}}}}},\"schemas\":{\"X\":{\"type\":\"integer\",\"minimum\":1}}}}", placed);
  }

  @Test
  void withoutTheApplicationPathInTheBaseThePathsLoseIt() {
    String placed = new OpenApiDocument(DOCUMENT, "/api").at("/");
    assertEquals("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},"
        + "\"paths\":{\"/items/{id}\":{\"get\":{}},\"/login\":{\"post\":{}},\"/apiary\":{\"get\":{}}},"
        + "\"components\":{\"securitySchemes\":{\"BearerToken\":{\"type\":\"oauth2\",\"flows\":{\"password\":"
        + "{\"tokenUrl\":\"/login\",\"refreshUrl\":\"/login\",\"scopes\":{}}}},"
        + "\"Idp\":{\"type\":\"oauth2\",\"flows\":{\"password\":{\"tokenUrl\":\"https://idp.example/token\","
        + "\"scopes\":{\"a\":\"b\"}}}}},\"schemas\":{\"X\":{\"type\":\"integer\",\"minimum\":1}}}}", placed);
    String other = new OpenApiDocument(DOCUMENT, "/api").at("/v2/");
    assertEquals(true, other.contains("\"servers\":[{\"url\":\"/v2\"}]") && other.contains("\"/items/{id}\"")
        && other.contains("\"tokenUrl\":\"/v2/login\""), other);
  }

  @Test
  void aBasePathIsDataInTheDocumentNeverMarkup() {
    String placed = new OpenApiDocument(DOCUMENT, "/api").at("/a\"b\\c%22/api/");
    assertEquals("/a\"b\\c%22", Json.parseObject(placed).get("servers") instanceof java.util.List<?> l
        ? ((java.util.Map<?, ?>) l.get(0)).get("url") : null);
  }

  /**
   * An application path that no URL holds as written ({@code /café}): the compiled token URLs are escaped
   * ({@code /caf%C3%A9/token}), and the request's base path is too, so the document is placed, and the token URLs lose
   * the application path escaped as they have it.
   */
  @Test
  void tokenUrlsAreEscapedAsTheApplicationPathIs() {
    String compiled = "{\"openapi\":\"3.1.0\",\"info\":{},\"paths\":{\"/caf\u00e9/items\":{\"get\":{}}},"
        + "\"components\":{\"securitySchemes\":{\"BearerToken\":{\"type\":\"oauth2\",\"flows\":{\"password\":"
        + "{\"tokenUrl\":\"/caf%C3%A9/token\",\"scopes\":{}}}}}}}";
    OpenApiDocument served = new OpenApiDocument(compiled, "/caf\u00e9");
    for (String base : new String[] {"/caf%C3%A9/", "/shop/caf%C3%A9"}) {
      String server = base.startsWith("/shop") ? "/shop/caf%C3%A9" : "/caf%C3%A9";
      assertEquals("{\"openapi\":\"3.1.0\",\"info\":{},\"servers\":[{\"url\":\"" + server + "\"}],"
          + "\"paths\":{\"/items\":{\"get\":{}}},"
          + "\"components\":{\"securitySchemes\":{\"BearerToken\":{\"type\":\"oauth2\",\"flows\":{\"password\":"
          + "{\"tokenUrl\":\"" + server + "/token\",\"scopes\":{}}}}}}}", served.at(base), base);
    }
  }
}
