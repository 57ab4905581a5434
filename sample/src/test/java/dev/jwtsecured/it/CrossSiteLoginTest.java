package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.SameSite;
import dev.jwtsecured.it.refreshcookie.RefreshCookieSecurity;
import dev.jwtsecured.it.refreshcookie.RefreshCookieSecurityJwtFeature;
import dev.jwtsecured.runtime.InMemoryRefreshTokenStore;
import dev.jwtsecured.runtime.JwtSettings;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Login cross-site request forgery at the generated token endpoint under cookie transport: a page of another site that
 * posts the attacker's credentials in a form (a simple request, no preflight) logged the victim's browser in as the
 * attacker, whose cookies the answer set. A browser says where a request comes from in {@code Sec-Fetch-Site}.
 */
class CrossSiteLoginTest {
  static final String FORM = "Content-Type: application/x-www-form-urlencoded";
  static final String LOGIN = "grant_type=password&username=mallory&password=pw";

  static TestServer start(UnaryOperator<JwtSettings.Builder> settings) {
    return TestServer.start(new RefreshCookieSecurityJwtFeature(
            new RefreshCookieSecurity(InMemoryRefreshTokenStore.withDefaults()),
            settings.apply(RefreshCookieSecurityJwtFeature.settings().secret(RefreshClusterTest.SECRET)).build()),
        RefreshCookieSecurityJwtFeature.classes(), RefreshCookieSecurity.WhoAmI.class);
  }

  @Test
  void aTokenRequestFromAnotherSiteSetsNoCookie() throws Exception {
    try (TestServer server = start(s -> s)) {
      RawHttp.Response r = server.http.sendBody("POST", "/auth/token", LOGIN, FORM, "Sec-Fetch-Site: cross-site",
          "Origin: https://evil.example");
      assertEquals(400, r.status, r.toString());
      assertEquals("invalid_request", new ObjectMapper().readTree(r.body).get("error").asText());
      assertNull(r.header("Set-Cookie"), r.toString());
    }
  }

  /** The same site, the same origin, a typed address or bookmark ({@code none}), and clients that are no browser. */
  @ParameterizedTest
  @ValueSource(strings = {"same-origin", "same-site", "none", ""})
  void otherTokenRequestsLogIn(String site) {
    try (TestServer server = start(s -> s)) {
      RawHttp.Response r = site.isEmpty() ? server.http.sendBody("POST", "/auth/token", LOGIN, FORM)
          : server.http.sendBody("POST", "/auth/token", LOGIN, FORM, "Sec-Fetch-Site: " + site);
      assertEquals(200, r.status, r.toString());
    }
  }

  /** {@code SameSite=None} says the application is used across sites: its front end's requests are cross-site. */
  @Test
  void withSameSiteNoneACrossSiteTokenRequestLogsIn() {
    try (TestServer server = start(s -> s.cookieSameSite(SameSite.NONE).cookieSecure(true))) {
      RawHttp.Response r = server.http.sendBody("POST", "/auth/token", LOGIN, FORM, "Sec-Fetch-Site: cross-site");
      assertEquals(200, r.status, r.toString());
    }
  }
}
