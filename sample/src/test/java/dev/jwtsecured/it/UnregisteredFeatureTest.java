package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwtsecured.it.routes.users.Reports;
import dev.jwtsecured.it.routes.users.Users;
import dev.jwtsecured.it.routes.users.UsersSecurity;
import dev.jwtsecured.it.routes.users.UsersSecurityJwtFeature;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An application that lists the generated classes and its resources, but not the feature singleton, has no filter of
 * the configuration: every resource of the configuration must then fail closed, never run unauthenticated.
 */
class UnregisteredFeatureTest {
  @Test
  void withoutItsFeatureAConfigurationsResourcesAnswer500AndNeverRun() {
    try (TestServer server = TestServer.startAt("/api", List.of(), UsersSecurityJwtFeature.classes(), Users.class,
        Reports.class)) {
      assertFailsClosed(server, "GET /api/users/7", "GET /api/reports/2026", "POST /api/users/register",
          "POST /api/users/login");
    }
  }

  /**
   * Each of {@code requests} ({@code "GET /path"} or {@code "POST /path"}, the latter a password grant with alice's
   * credentials) is answered the library's bare 500, which names nothing, and no protected method runs.
   */
  static void assertFailsClosed(TestServer server, String... requests) {
    int runs = UsersSecurity.PROTECTED_RUNS.get();
    for (String request : requests) {
      String[] parts = request.split(" ", 2);
      RawHttp.Response r = parts[0].equals("GET") ? server.http.send("GET", parts[1])
          : server.http.sendBody(parts[0], parts[1], "grant_type=password&username=alice&password=pw",
              "Content-Type: application/x-www-form-urlencoded");
      String what = request + " -> " + r;
      assertEquals(500, r.status, what);
      assertEquals("{\"status_code\":500,\"detail\":\"Internal Server Error\"}", r.body, what);
      assertFalse(r.body.contains("Feature") || r.body.contains("jwtsecured"), what);
    }
    assertEquals(runs, UsersSecurity.PROTECTED_RUNS.get(), "the protected method ran");
  }

  /** A server that scans for resources and providers finds the check (a {@code @Provider}) but not the feature. */
  @Test
  void aScanningApplicationWithoutTheFeatureFailsClosed() {
    assumeTrue(TestServer.jersey(), "Jersey's package scanning");
    try (TestServer server = TestServer.scanning("/api", "dev.jwtsecured.it.routes.users")) {
      int runs = UsersSecurity.PROTECTED_RUNS.get();
      RawHttp.Response r = server.http.send("GET", "/api/users/7");
      assertEquals(500, r.status, r.toString());
      assertEquals(runs, UsersSecurity.PROTECTED_RUNS.get(), "the protected method ran");
    }
  }

  /**
   * The other side: the same kind of server with the application's own {@code @Provider} feature that installs the
   * generated one secures the resources, and the check binds nothing.
   */
  @Test
  void aScanningApplicationWithItsFeatureAsAProviderIsSecured() throws Exception {
    assumeTrue(TestServer.jersey(), "Jersey's package scanning");
    try (TestServer server = TestServer.scanning("/api", "dev.jwtsecured.it.scanned")) {
      assertEquals(401, server.http.send("GET", "/api/whoami").status);
      RawHttp.Response login = server.http.sendBody("POST", "/api/login",
          "grant_type=password&username=ada&password=pw", "Content-Type: application/x-www-form-urlencoded");
      assertEquals(200, login.status, login.toString());
      String token = ServletContextPathTest.JSON.readTree(login.body).get("access_token").asText();
      RawHttp.Response me = server.http.send("GET", "/api/whoami", "Authorization: Bearer " + token);
      assertEquals(200, me.status, me.toString());
      assertEquals("ada", me.body);
    }
  }
}
