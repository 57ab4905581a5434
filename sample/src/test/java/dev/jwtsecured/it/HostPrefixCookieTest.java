package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.it.refreshcookie.RefreshCookieSecurity;
import dev.jwtsecured.it.refreshcookie.RefreshCookieSecurityJwtFeature;
import dev.jwtsecured.runtime.InMemoryRefreshTokenStore;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@code __Host-} token cookie, which a sibling subdomain cannot plant (RFC 6265bis section 4.1.3.2), with refresh
 * tokens: the refresh cookie's path is the token endpoint's, which a {@code __Host-} cookie may not have, so it is
 * named {@code __Secure-token_refresh}. Named {@code __Host-token_refresh} before, it was dropped by every browser.
 */
class HostPrefixCookieTest {
  static final String FORM = "Content-Type: application/x-www-form-urlencoded";

  @Test
  void aHostPrefixedLoginKeepsItsRefreshCookie() {
    try (TestServer server = TestServer.start(new RefreshCookieSecurityJwtFeature(
            new RefreshCookieSecurity(InMemoryRefreshTokenStore.withDefaults()),
            RefreshCookieSecurityJwtFeature.settings().secret(RefreshClusterTest.SECRET).cookieName("__Host-token")
                .cookieSecure(true).build()),
        RefreshCookieSecurityJwtFeature.classes(), RefreshCookieSecurity.WhoAmI.class)) {
      RawHttp.Response login = server.http.sendBody("POST", "/auth/token",
          "grant_type=password&username=gina&password=pw", FORM);
      assertEquals(200, login.status, login.toString());
      List<String> cookies = login.headers("Set-Cookie");
      assertTrue(cookies.stream().anyMatch(c -> c.startsWith("__Host-token=") && c.contains("Path=/;")
          && c.contains("Secure") && !c.contains("Domain")), cookies.toString());
      assertTrue(cookies.stream().anyMatch(c -> c.startsWith("__Secure-token_refresh=")
          && c.contains("Path=/auth/token") && c.contains("Secure")), cookies.toString());
      assertEquals(200, server.http.send("GET", "/whoami", "Cookie: __Host-token=" + login.cookieValue("__Host-token"))
          .status);
      RawHttp.Response refreshed = server.http.sendBody("POST", "/auth/token", "grant_type=refresh_token", FORM,
          "Cookie: __Secure-token_refresh=" + login.cookieValue("__Secure-token_refresh"));
      assertEquals(200, refreshed.status, refreshed.toString());
    }
  }
}
