package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.it.untyped.VaultSecurity;
import dev.jwtsecured.it.untyped.VaultSecurityJwtFeature;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A locator declaring {@code Object} may return any class, so no filter bound behind it carries its rule; the
 * locator guard checks that rule before the locator runs. One declaring an interface may return a class that adds
 * resource methods of its own, which the processor did not see: their filters carry the locator's rule. Before, only a
 * valid token was asked there: ada, role {@code user}, opened the admins' drawer and the cabinet behind an admin-only
 * locator (a method's rule, the class's, or a locator's before it) and read the admins' shelf's grain, and an admin the
 * drawer behind a {@code @DenyAll} one (each 200).
 */
class UntypedLocatorTest {
  private static final String SECRET = "untyped-locator-secret-0123456789-abcdef";

  @Test
  void theRuleOfALocatorDeclaringObjectIsCheckedBeforeItRuns() {
    VaultSecurityJwtFeature feature =
        new VaultSecurityJwtFeature(VaultSecurityJwtFeature.settings().secret(SECRET).build());
    try (TestServer server = TestServer.startAt("", List.of(feature), VaultSecurityJwtFeature.classes(),
        VaultSecurity.Vault.class, VaultSecurity.Cabinet.class, VaultSecurity.Safe.class)) {
      RawHttp http = server.http;
      String user = Jwts.bearer(SECRET, "ada", "user");
      String admin = Jwts.bearer(SECRET, "root", "admin");
      for (String path : List.of("/vault/admin", "/vault/cabinet", "/vault/wing/east", "/safe/b1")) {
        assertRefused(http, path, null, 401);
        assertRefused(http, path, user, 403);
      }
      // Denied before any token is read, as a @DenyAll resource method is.
      for (String token : new String[] {null, user, admin}) {
        assertRefused(http, "/vault/sealed", token, 403);
      }
      assertRefused(http, "/vault/admin/missing", user, 403);
      // Apache CXF folds the slashes and takes the segment holding only a matrix parameter to {box}, empty: before,
      // the guard saw no locator there, and ada opened the admins' drawer (200), an anonymous caller ran the locator.
      // Jetty refuses such a path itself (400).
      for (String path : List.of("/safe//;a=b", "/safe///;a=bb1", "/vault//admin;x")) {
        for (String token : new String[] {null, user}) {
          VaultSecurity.RUNS.set(0);
          RawHttp.Response answer = token == null ? http.send("GET", path) : http.send("GET", path, token);
          int refused = token == null ? 401 : 403;
          assertTrue(answer.status == refused || answer.status == 400, path + " -> " + answer);
          assertEquals(0, VaultSecurity.RUNS.get(), path + ": a locator ran");
        }
      }
      assertOpened(http, "/vault/admin", admin, "drawer admin");
      assertOpened(http, "/vault/cabinet", admin, "cabinet");
      assertOpened(http, "/vault/wing/east", admin, "drawer east");
      // Declaring an interface: the class it returns adds a method, which its filter binds the locator's rule to.
      assertRefused(http, "/vault/shelves/grain", null, 401);
      RawHttp.Response grain = http.send("GET", "/vault/shelves/grain", user);
      assertEquals(403, grain.status, grain.toString());
      assertOpened(http, "/vault/shelves/grain", admin, "oak");
      assertOpened(http, "/vault/shelves", admin, "shelf");
      assertOpened(http, "/safe/b1", admin, "drawer b1");
      assertOpened(http, "/vault/shelf/7", user, "drawer 7");
      assertOpened(http, "/cabinet", user, "cabinet");
    }
  }

  /** {@code path} refused with {@code status} for {@code token} ({@code null}: none), before a locator ran. */
  private static void assertRefused(RawHttp http, String path, String token, int status) {
    VaultSecurity.RUNS.set(0);
    RawHttp.Response answer = token == null ? http.send("GET", path) : http.send("GET", path, token);
    assertEquals(status, answer.status, path + " -> " + answer);
    assertEquals(0, VaultSecurity.RUNS.get(), path + ": a locator ran");
  }

  private static void assertOpened(RawHttp http, String path, String token, String body) {
    RawHttp.Response answer = http.send("GET", path, token);
    assertEquals(200, answer.status, path + " -> " + answer);
    assertEquals(body, answer.body);
  }
}
