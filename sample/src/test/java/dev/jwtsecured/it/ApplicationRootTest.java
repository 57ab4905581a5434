package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.it.approot.HomeSecurity;
import dev.jwtsecured.it.approot.HomeSecurityJwtFeature;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.ServerPerClass;
import dev.jwtsecured.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The application path itself, with and without the slash after it ({@code /api}, {@code /api/}), where a root
 * resource at {@code /} answers. The suite's Undertow wrapper, which the README gives as a recipe, answered
 * {@code /api} with its own 400 on RESTEasy (the deployment's context path, with an empty path below it), whatever the
 * caller sent.
 */
class ApplicationRootTest {
  static final String SECRET = "home-secret-home-secret-home-secret-home!";

  @RegisterExtension
  static final ServerPerClass SERVER = new ServerPerClass(() -> TestServer.startAt("/api",
      List.of(new HomeSecurityJwtFeature(HomeSecurityJwtFeature.settings().secret(SECRET).build())),
      HomeSecurityJwtFeature.classes(), HomeSecurity.Home.class));

  @ParameterizedTest
  @ValueSource(strings = {"/api", "/api/"})
  void theApplicationPathAnswersAsItsRootResource(String path, TestServer server) {
    RawHttp.Response read = server.http.send("GET", path);
    if (redirected(read, path, server)) {
      return;
    }
    assertEquals(200, read.status, read.toString());
    assertEquals("home", read.body);

    RawHttp.Response anonymous = server.http.send("POST", path);
    assertEquals(401, anonymous.status, anonymous.toString());
    assertTrue(anonymous.toString().contains("WWW-Authenticate: Bearer"), anonymous.toString());

    RawHttp.Response written = server.http.send("POST", path, Jwts.bearer(SECRET, "ada"));
    assertEquals(200, written.status, written.toString());
    assertEquals("written", written.body);
  }

  /**
   * Whether the server itself sent the caller from {@code /api} to {@code /api/} before any application code, as
   * Jetty's context handler does for every method (a 301); the other servers serve {@code /api} as their root.
   */
  private static boolean redirected(RawHttp.Response read, String path, TestServer server) {
    if (!path.equals("/api") || read.status != 301) {
      return false;
    }
    assertTrue(read.header("Location").endsWith("/api/"), read.toString());
    RawHttp.Response written = server.http.send("POST", path);
    assertEquals(301, written.status, written.toString());
    return true;
  }
}
