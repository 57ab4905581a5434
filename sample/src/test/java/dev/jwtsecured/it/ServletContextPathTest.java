package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.it.refreshapi.ApiRefreshSecurity;
import dev.jwtsecured.it.refreshapi.ApiRefreshSecurityJwtFeature;
import dev.jwtsecured.it.routes.users.Archive;
import dev.jwtsecured.it.routes.users.Cabinets;
import dev.jwtsecured.it.routes.users.Drawers;
import dev.jwtsecured.it.routes.users.Files;
import dev.jwtsecured.it.routes.users.Counter;
import dev.jwtsecured.it.routes.users.Ledger;
import dev.jwtsecured.it.routes.users.Lockers;
import dev.jwtsecured.it.routes.users.Lobby;
import dev.jwtsecured.it.routes.users.Trays;
import dev.jwtsecured.it.routes.users.Wards;
import dev.jwtsecured.it.routes.users.Notes;
import dev.jwtsecured.it.routes.users.Rates;
import dev.jwtsecured.it.routes.users.Reports;
import dev.jwtsecured.it.routes.users.Shelves;
import dev.jwtsecured.it.routes.users.Status;
import dev.jwtsecured.it.routes.users.Till;
import dev.jwtsecured.it.routes.users.Users;
import dev.jwtsecured.it.routes.users.UsersSecurityJwtFeature;
import dev.jwtsecured.it.routes.users.UsersSecurityJwtOpenApi;
import dev.jwtsecured.it.routes.users.Vaults;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.ServerPerClass;
import dev.jwtsecured.testing.TestServer;
import io.swagger.parser.OpenAPIParser;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Applications deployed as most Jakarta EE applications are: in a servlet context ({@code /shop}, a war's name) with
 * their {@code @ApplicationPath} ({@code /api}) below it. The processor knows only {@code /api}; the context path is
 * known when a request arrives. Browsers must still send the refresh cookie to the token endpoint, logout must still
 * delete it, and the served OpenAPI document must still lead clients (Swagger UI's "Authorize" and "Try it out") to
 * the operations and the token endpoint.
 */
class ServletContextPathTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SECRET = "refresh-api-secret-refresh-api-secret-refresh";
  static final String USERS_SECRET = RouteBoundSecurityTest.USERS_SECRET;
  static final String FORM = "Content-Type: application/x-www-form-urlencoded";

  @RegisterExtension
  static final ServerPerClass COOKIES = new ServerPerClass("cookies", () -> TestServer.startInServletContext("/shop",
      "/api", List.of(new ApiRefreshSecurityJwtFeature(ApiRefreshSecurityJwtFeature.settings().secret(SECRET).build())),
      ApiRefreshSecurityJwtFeature.classes(), ApiRefreshSecurity.Me.class, ApiRefreshSecurity.Logout.class));
  @RegisterExtension
  static final ServerPerClass USERS = new ServerPerClass("users", () -> TestServer.startInServletContext("/shop",
      "/api", List.of(new UsersSecurityJwtFeature(UsersSecurityJwtFeature.settings().secret(USERS_SECRET).build())),
      UsersSecurityJwtFeature.classes(), Users.class, Reports.class, Files.class, Archive.class, Shelves.class,
      Status.class, Drawers.class, Cabinets.class, Lockers.class, Trays.class, Vaults.class, Ledger.class, Till.class,
      Counter.class, Notes.class, Rates.class, Wards.class, Lobby.class));

  @Test
  void theRefreshCookieGoesToTheTokenEndpointUnderTheContextPath(@ServerPerClass.Named("cookies") TestServer server) {
    RawHttp.Response login = server.http.sendBody("POST", "/shop/api/session/token",
        "grant_type=password&username=hana&password=pw", FORM);
    assertEquals(200, login.status, login.toString());
    String value = login.cookieValue("at_refresh");
    assertEquals("at_refresh=" + value
        + "; Max-Age=2592000; Path=/shop/api/session/token; Domain=example.test; Secure; HttpOnly; SameSite=Strict",
        login.setCookie("at_refresh"), "a browser sends a cookie only below its Path");

    RawHttp.Response refreshed = server.http.sendBody("POST", "/shop/api/session/token", "grant_type=refresh_token",
        FORM, "Cookie: at_refresh=" + value);
    assertEquals(200, refreshed.status, refreshed.toString());
    assertTrue(refreshed.setCookie("at_refresh").contains("; Path=/shop/api/session/token;"),
        refreshed.setCookie("at_refresh"));
    String access = refreshed.cookieValue("at");
    assertEquals("hana", server.http.send("GET", "/shop/api/me", "Cookie: at=" + access).body);

    RawHttp.Response out = server.http.send("POST", "/shop/api/logout", "Cookie: at=" + access);
    assertEquals(204, out.status, out.toString());
    assertEquals("at_refresh=; Max-Age=0; Path=/shop/api/session/token; Domain=example.test; Secure; HttpOnly;"
        + " SameSite=Strict", out.setCookie("at_refresh"), "logout deletes the cookie the browser holds");
    RawHttp.Response spent = server.http.sendBody("POST", "/shop/api/session/token", "grant_type=refresh_token", FORM,
        "Cookie: at_refresh=" + refreshed.cookieValue("at_refresh"));
    assertEquals(400, spent.status, "the login was revoked: " + spent);
  }

  @Test
  void theServedOpenApiDocumentLeadsToTheOperationsUnderTheContextPath(
      @ServerPerClass.Named("users") TestServer server) throws Exception {
    JsonNode doc = served(server, "/shop/api/users/openapi.json");
    assertEquals("/shop", doc.path("servers").path(0).path("url").asText(), "operations are at this server: "
        + doc.path("servers"));
    assertEquals("/shop/api/users/login", tokenUrl(doc));
    assertTrue(doc.get("paths").has("/api/users/{id}"), "paths as compiled, after the server URL");
    assertEveryOperationIsReachable(server, doc, "/shop");
  }

  // A runtime that serves the application at its root, not under the @ApplicationPath the processor found.
  @Test
  void withoutTheApplicationPathInTheBaseUriThePathsLoseIt() throws Exception {
    try (TestServer server = TestServer.startAt("", List.of(new UsersSecurityJwtFeature(
        UsersSecurityJwtFeature.settings().secret(USERS_SECRET).build())), UsersSecurityJwtFeature.classes(),
        Users.class, Reports.class, Files.class, Archive.class, Shelves.class, Status.class, Drawers.class,
        Cabinets.class, Lockers.class, Trays.class, Vaults.class, Ledger.class, Till.class, Counter.class,
        Notes.class, Rates.class, Wards.class, Lobby.class)) {
      JsonNode doc = served(server, "/users/openapi.json");
      assertTrue(doc.path("servers").isMissingNode(), doc.path("servers").toString());
      assertEquals("/users/login", tokenUrl(doc));
      assertTrue(doc.get("paths").has("/users/{id}"), doc.get("paths").toString());
      assertEveryOperationIsReachable(server, doc, "");
    }
  }

  static JsonNode served(TestServer server, String url) throws Exception {
    RawHttp.Response served = server.http.send("GET", url);
    assertEquals(200, served.status, served.toString());
    assertEquals(List.of(), new OpenAPIParser().readContents(served.body, null, null).getMessages());
    return JSON.readTree(served.body);
  }

  static String tokenUrl(JsonNode doc) {
    return doc.at("/components/securitySchemes/BearerToken/flows/password/tokenUrl").asText();
  }

  /** Logs in at the document's token URL, then calls every documented operation at the server URL: none is a 404. */
  static void assertEveryOperationIsReachable(TestServer server, JsonNode doc, String serverUrl) throws Exception {
    RawHttp.Response login = server.http.sendBody("POST", tokenUrl(doc),
        "grant_type=password&username=bob&password=pw", FORM);
    assertEquals(200, login.status, login.toString());
    String bearer = "Authorization: Bearer " + JSON.readTree(login.body).get("access_token").asText();
    int operations = 0;
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      String target = serverUrl + path.getKey().replace("{name}", "notes.txt").replaceAll("\\{[^}]+}", "7");
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        String method = op.getKey().toUpperCase(Locale.ROOT);
        RawHttp.Response r = server.http.sendBody(method, target, "", bearer);
        assertNotEquals(404, r.status, method + " " + target + " -> " + r);
        assertTrue(r.status < 500 && r.status != 401, method + " " + target + " -> " + r);
        operations++;
      }
    }
    assertTrue(operations >= 8, "only " + operations + " operations documented");
  }

  @Test
  void atTheCompiledApplicationPathTheDocumentIsServedAsCompiled() {
    try (TestServer server = TestServer.startAt("/api", List.of(new UsersSecurityJwtFeature(
        UsersSecurityJwtFeature.settings().secret(USERS_SECRET).build())), UsersSecurityJwtFeature.classes(),
        Users.class)) {
      assertEquals(UsersSecurityJwtOpenApi.DOCUMENT, server.http.send("GET", "/api/users/openapi.json").body);
    }
  }
}
