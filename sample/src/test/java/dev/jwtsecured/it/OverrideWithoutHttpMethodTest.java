package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtsecured.it.overrides.ShelvesSecurity;
import dev.jwtsecured.it.overrides.ShelvesSecurityJwtFeature;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Overrides that annotate a parameter and repeat no HTTP method, beside a locator at {@code ""}: the processor took
 * them for the class's own {@code HEAD} and {@code PUT}, as RESTEasy serves them, so the locator guard let those
 * request methods pass, and on Jersey and Apache CXF, which serve the overrides not at all (JAX-RS 3.6), the locator
 * ran for anonymous callers (seed 7750 of the random applications). The guard asks a token there now, on every runtime.
 */
class OverrideWithoutHttpMethodTest {
  @Test
  void aLocatorBesideOverridesThatInheritNoHttpMethodNeverRunsWithoutAToken() throws Exception {
    ShelvesSecurityJwtFeature feature =
        new ShelvesSecurityJwtFeature(ShelvesSecurityJwtFeature.settings().secret(CxfTest.SECRET).build());
    try (TestServer server = TestServer.startAt("", List.of(feature), ShelvesSecurityJwtFeature.classes(),
        ShelvesSecurity.Shelves.class)) {
      RawHttp http = server.http;
      for (String method : List.of("HEAD", "PUT")) {
        int runs = ShelvesSecurity.LOCATOR_RUNS.get();
        RawHttp.Response anonymous = http.send(method, "/top");
        assertEquals(401, anonymous.status, method + ": " + anonymous);
        assertEquals(runs, ShelvesSecurity.LOCATOR_RUNS.get(), method + ": the locator ran without a token");
        // RESTEasy serves the override (@DenyAll or admin-only: 403), Jersey and CXF the shelf behind the locator (a
        // valid token: 200).
        RawHttp.Response user = http.send(method, "/top", Jwts.bearer(CxfTest.SECRET, "ada", "user"));
        assertEquals(TestServer.runtime().equals("resteasy") ? 403 : 200, user.status, method + ": " + user);
      }
    }
  }
}
