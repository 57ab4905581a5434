package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jwtsecured.it.forwarded.ForwardedPrefix;
import dev.jwtsecured.it.refreshapi.ApiRefreshSecurity;
import dev.jwtsecured.it.refreshapi.ApiRefreshSecurityJwtFeature;
import dev.jwtsecured.it.routes.users.Users;
import dev.jwtsecured.it.routes.users.UsersSecurityJwtFeature;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Behind a proxy that adds a prefix the server never sees ({@code /edge}), the README's recipe (a pre-matching filter
 * that puts the proxy's {@code X-Forwarded-Prefix} in front of the base URI) makes the refresh cookie, logout and the
 * served OpenAPI document follow, with no setting of the library's.
 */
class ForwardedPrefixTest {
  static final String FORM = ServletContextPathTest.FORM;
  static final String PREFIX = "X-Forwarded-Prefix: /edge";

  @Test
  void theRefreshCookieAndLogoutFollowTheForwardedPrefix() {
    try (TestServer server = TestServer.startAt("/api", List.of(new ApiRefreshSecurityJwtFeature(
        ApiRefreshSecurityJwtFeature.settings().secret(ServletContextPathTest.SECRET).build())),
        ApiRefreshSecurityJwtFeature.classes(), ApiRefreshSecurity.Me.class, ApiRefreshSecurity.Logout.class,
        ForwardedPrefix.class)) {
      RawHttp.Response login = server.http.sendBody("POST", "/api/session/token",
          "grant_type=password&username=hana&password=pw", FORM, PREFIX);
      assertEquals(200, login.status, login.toString());
      assertTrue(login.setCookie("at_refresh").contains("; Path=/edge/api/session/token;"),
          login.setCookie("at_refresh"));
      RawHttp.Response out = server.http.send("POST", "/api/logout", "Cookie: at=" + login.cookieValue("at"), PREFIX);
      assertEquals(204, out.status, out.toString());
      assertTrue(out.setCookie("at_refresh").startsWith("at_refresh=; Max-Age=0; Path=/edge/api/session/token;"),
          out.setCookie("at_refresh"));
      RawHttp.Response direct = server.http.sendBody("POST", "/api/session/token",
          "grant_type=password&username=hana&password=pw", FORM);
      assertTrue(direct.setCookie("at_refresh").contains("; Path=/api/session/token;"),
          "without the header, as before");
    }
  }

  @Test
  void theServedOpenApiDocumentFollowsTheForwardedPrefix() throws Exception {
    try (TestServer server = TestServer.startAt("/api", List.of(new UsersSecurityJwtFeature(
        UsersSecurityJwtFeature.settings().secret(ServletContextPathTest.USERS_SECRET).build())),
        UsersSecurityJwtFeature.classes(), Users.class, ForwardedPrefix.class)) {
      RawHttp.Response served = server.http.send("GET", "/api/users/openapi.json", PREFIX);
      assertEquals(200, served.status, served.toString());
      JsonNode doc = ServletContextPathTest.JSON.readTree(served.body);
      assertEquals("/edge", doc.path("servers").path(0).path("url").asText(), served.body);
      assertEquals("/edge/api/users/login", ServletContextPathTest.tokenUrl(doc));
      assertEquals(200, server.http.send("GET", "/api/users/7", "Authorization: Bearer " + ServletContextPathTest.JSON
          .readTree(server.http.sendBody("POST", "/api/users/login", "grant_type=password&username=bob&password=pw",
              FORM, PREFIX).body).get("access_token").asText(), PREFIX).status, "the application works as before");
    }
  }
}
