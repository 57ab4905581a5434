package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.it.later.LaterSecurity;
import dev.jwtsecured.it.later.LaterSecurityJwtFeature;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resource methods that answer on another thread, a suspended {@code AsyncResponse} and a returned
 * {@code CompletionStage}, are guarded like any other, on every runtime: the filter decides before the method runs,
 * the user read on the request's thread is the token's, and the late answer carries the headers of an authenticated
 * one.
 */
class AsyncResourcesTest {
  private static TestServer server;
  private static RawHttp http;
  private static String ada;
  private static String root;

  @BeforeAll
  static void start() throws Exception {
    LaterSecurityJwtFeature feature =
        new LaterSecurityJwtFeature(LaterSecurityJwtFeature.settings().secret(CxfTest.SECRET).build());
    server = TestServer.startAt("", List.of(feature), LaterSecurityJwtFeature.classes(), LaterSecurity.Later.class);
    http = server.http;
    ada = CxfTest.bearer(http, "ada");
    root = CxfTest.bearer(http, "root");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aSuspendedResponseIsGuardedByItsRoles() {
    RawHttp.Response anonymous = http.send("GET", "/later/suspended");
    assertEquals(401, anonymous.status, anonymous.toString());
    assertEquals("Bearer realm=\"api\"", anonymous.header("WWW-Authenticate"));
    RawHttp.Response noRole = http.send("GET", "/later/suspended", ada);
    assertEquals(403, noRole.status, noRole.toString());
    assertTrue(noRole.header("WWW-Authenticate").contains("error=\"insufficient_scope\""), noRole.toString());
    RawHttp.Response admin = http.send("GET", "/later/suspended", root);
    assertEquals(200, admin.status, admin.toString());
    assertEquals("suspended for root", admin.body);
    assertAuthenticatedHeaders(admin);
  }

  @Test
  void aCompletionStageIsGuardedAndSeesTheTokensUser() {
    assertEquals(401, http.send("GET", "/later/stage").status);
    // The signature's first character changed: replacing its last two with "BA" left a token ending so unchanged.
    int at = ada.lastIndexOf('.') + 1;
    String tampered = ada.substring(0, at) + (ada.charAt(at) == 'A' ? 'B' : 'A') + ada.substring(at + 1);
    RawHttp.Response forged = http.send("GET", "/later/stage", tampered);
    assertEquals(401, forged.status, forged.toString());
    assertTrue(forged.header("WWW-Authenticate").contains("error=\"invalid_token\""), forged.toString());
    RawHttp.Response user = http.send("GET", "/later/stage", ada);
    assertEquals(200, user.status, user.toString());
    assertEquals("stage for ada", user.body);
    assertAuthenticatedHeaders(user);
  }

  @Test
  void aPublicCompletionStageAuthenticatesOptionally() {
    RawHttp.Response anonymous = http.send("GET", "/later/open");
    assertEquals(200, anonymous.status, anonymous.toString());
    assertEquals("open for nobody", anonymous.body);
    assertNull(anonymous.header("Cache-Control"), anonymous.toString());
    RawHttp.Response user = http.send("GET", "/later/open", ada);
    assertEquals(200, user.status, user.toString());
    assertEquals("open for ada", user.body);
    assertAuthenticatedHeaders(user);
  }

  private static void assertAuthenticatedHeaders(RawHttp.Response response) {
    assertEquals("no-store", response.header("Cache-Control"), response.toString());
    assertEquals("nosniff", response.header("X-Content-Type-Options"), response.toString());
  }
}
