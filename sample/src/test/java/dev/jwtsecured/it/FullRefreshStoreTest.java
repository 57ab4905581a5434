package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtsecured.it.refreshcookie.RefreshCookieSecurity;
import dev.jwtsecured.it.refreshcookie.RefreshCookieSecurityJwtFeature;
import dev.jwtsecured.runtime.InMemoryRefreshTokenStore;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The in-memory refresh token store when it is full or one account fills its share, through the generated token
 * endpoint: a store of six tokens stands for the default 100,000, which an attacker fills the same way, by logging in
 * or refreshing in a loop.
 */
class FullRefreshStoreTest {
  static final String FORM = "Content-Type: application/x-www-form-urlencoded";

  static TestServer start(InMemoryRefreshTokenStore store) {
    return TestServer.start(new RefreshCookieSecurityJwtFeature(new RefreshCookieSecurity(store),
            RefreshCookieSecurityJwtFeature.settings().secret(RefreshClusterTest.SECRET).build()),
        RefreshCookieSecurityJwtFeature.classes(), RefreshCookieSecurity.WhoAmI.class);
  }

  static RawHttp.Response login(RawHttp http, String user) {
    RawHttp.Response r = http.sendBody("POST", "/auth/token", "grant_type=password&username=" + user + "&password=pw",
        FORM);
    assertEquals(200, r.status, r.toString());
    return r;
  }

  static RawHttp.Response refresh(RawHttp http, String refreshToken) {
    return http.sendBody("POST", "/auth/token", "grant_type=refresh_token", FORM,
        "Cookie: token_refresh=" + refreshToken);
  }

  /**
   * A thief refreshes a stolen token first, then fills the store with logins of accounts of their own: the store made
   * room by dropping the oldest token, the spent one, so the client's refresh with it was merely unknown and the
   * thief kept the login. Now the login goes whole.
   */
  @Test
  void fillingTheStoreNeverSavesAThiefFromReuseDetection() {
    try (TestServer server = start(new InMemoryRefreshTokenStore(6, 6, Clock.systemUTC()))) {
      String stolen = login(server.http, "gina").cookieValue("token_refresh");
      RawHttp.Response thief = refresh(server.http, stolen);
      assertEquals(200, thief.status, thief.toString());
      for (int i = 0; i < 5; i++) {
        login(server.http, "mallory" + i);
      }
      assertEquals(400, refresh(server.http, stolen).status, "the client's refresh with the spent token");
      RawHttp.Response thiefAgain = refresh(server.http, thief.cookieValue("token_refresh"));
      assertEquals(400, thiefAgain.status, "the thief's login went with it: " + thiefAgain);
    }
  }

  /**
   * One account logging in, then refreshing one login, in a loop pushed every other user's login out of the store;
   * now it pushes out only its own, and its login that fills the account's share ends at its next refresh.
   */
  @Test
  void oneAccountInALoopPushesOutOnlyItsOwnLogins() {
    try (TestServer server = start(new InMemoryRefreshTokenStore(6, 3, Clock.systemUTC()))) {
      String ginas = login(server.http, "gina").cookieValue("token_refresh");
      String first = login(server.http, "mallory").cookieValue("token_refresh");
      String last = null;
      for (int i = 0; i < 6; i++) {
        last = login(server.http, "mallory").cookieValue("token_refresh");
      }
      assertEquals(400, refresh(server.http, first).status, "mallory's least recently active login went");
      RawHttp.Response r = refresh(server.http, last);
      assertEquals(200, r.status, r.toString());
      r = refresh(server.http, r.cookieValue("token_refresh"));
      assertEquals(200, r.status, "three tokens: the login's two spent ones and this: " + r);
      assertEquals(400, refresh(server.http, r.cookieValue("token_refresh")).status,
          "a login that holds the account's share ends at its next refresh");
      RawHttp.Response ginasRefresh = refresh(server.http, ginas);
      assertEquals(200, ginasRefresh.status, "gina's login stayed: " + ginasRefresh);
    }
  }
}
