package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtsecured.it.refreshapi.ApiRefreshSecurity;
import dev.jwtsecured.it.refreshapi.ApiRefreshSecurityJwtFeature;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.ServerPerClass;
import dev.jwtsecured.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The refresh cookie of an application served under {@code /api}: its {@code Path} is the token endpoint's full path,
 * decided at compile time from {@code applicationPath}, with the token cookie's {@code Domain}, {@code Secure} and
 * {@code SameSite}; a refresh at that path with that cookie works.
 */
class RefreshUnderApplicationPathTest {
  static final String SECRET = "refresh-api-secret-refresh-api-secret-refresh";
  static final String FORM = "Content-Type: application/x-www-form-urlencoded";

  @RegisterExtension
  static final ServerPerClass SERVER = new ServerPerClass(() -> TestServer.startAt("/api",
      List.of(new ApiRefreshSecurityJwtFeature(ApiRefreshSecurityJwtFeature.settings().secret(SECRET).build())),
      ApiRefreshSecurityJwtFeature.classes(), ApiRefreshSecurity.Me.class));

  @Test
  void theRefreshCookieIsScopedToTheTokenEndpointsFullPath(TestServer server) {
    RawHttp.Response login = server.http.sendBody("POST", "/api/session/token",
        "grant_type=password&username=hana&password=pw", FORM);
    assertEquals(200, login.status, login.toString());
    String refresh = login.setCookie("at_refresh");
    assertEquals("at_refresh=" + login.cookieValue("at_refresh")
        + "; Max-Age=2592000; Path=/api/session/token; Domain=example.test; Secure; HttpOnly; SameSite=Strict",
        refresh);

    RawHttp.Response refreshed = server.http.sendBody("POST", "/api/session/token", "grant_type=refresh_token", FORM,
        "Cookie: at_refresh=" + login.cookieValue("at_refresh"));
    assertEquals(200, refreshed.status, refreshed.toString());
    RawHttp.Response me = server.http.send("GET", "/api/me", "Cookie: at=" + refreshed.cookieValue("at"));
    assertEquals(200, me.status, me.toString());
    assertEquals("hana", me.body);
  }
}
