package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.it.refreshcookie.RefreshCookieSecurity;
import dev.jwtsecured.it.refreshcookie.RefreshCookieSecurityJwtFeature;
import dev.jwtsecured.runtime.InMemoryRefreshTokenStore;
import dev.jwtsecured.runtime.JdbcRefreshTokenStore;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.ServerPerClass;
import dev.jwtsecured.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Refresh tokens with cookie transport, kept by the application's {@link JdbcRefreshTokenStore} (H2): the refresh token
 * lives in its own {@code HttpOnly} cookie scoped to the token endpoint and never in a body a script could read.
 */
class RefreshCookieTest {
  static final String SECRET = "refresh-cookie-secret-refresh-cookie-secret";
  static final String FORM = "Content-Type: application/x-www-form-urlencoded";
  static final ObjectMapper JSON = new ObjectMapper();
  static final AtomicInteger DATABASES = new AtomicInteger();

  /** The database the application keeps its refresh tokens in. */
  record Database(JdbcDataSource dataSource, JdbcRefreshTokenStore store) {
    static Database create() {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL("jdbc:h2:mem:refresh-cookie-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
      JdbcRefreshTokenStore store = new JdbcRefreshTokenStore(ds);
      store.createTable();
      return new Database(ds, store);
    }

    List<String> hashes() throws Exception {
      List<String> hashes = new ArrayList<>();
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT hash FROM jwtsecured_refresh_tokens")) {
        while (r.next()) {
          hashes.add(r.getString(1));
        }
      }
      return hashes;
    }
  }

  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.withFixture(Database.class, Database::create,
      db -> TestServer.start(
          new RefreshCookieSecurityJwtFeature(new RefreshCookieSecurity(db.store()),
              RefreshCookieSecurityJwtFeature.settings().secret(SECRET).build()),
          RefreshCookieSecurityJwtFeature.classes(), RefreshCookieSecurity.WhoAmI.class,
          RefreshCookieSecurity.Logout.class));

  RawHttp http;
  Database db;

  /** The application on a server of its own, its refresh tokens in memory: for tests that need no database. */
  static TestServer startInMemory() {
    return TestServer.start(
        new RefreshCookieSecurityJwtFeature(new RefreshCookieSecurity(new InMemoryRefreshTokenStore(10_000)),
            RefreshCookieSecurityJwtFeature.settings().secret(SECRET).build()),
        RefreshCookieSecurityJwtFeature.classes(), RefreshCookieSecurity.WhoAmI.class,
        RefreshCookieSecurity.Logout.class);
  }

  /** ada's login on {@code http}: the {@code Cookie} header carrying its access token and its refresh token. */
  static String loginCookies(RawHttp http) {
    RawHttp.Response login = http.sendBody("POST", "/auth/token", "grant_type=password&username=ada&password=pw",
        FORM);
    assertEquals(200, login.status, login.toString());
    return "Cookie: " + login.setCookie("token").split(";")[0] + "; " + login.setCookie("token_refresh").split(";")[0];
  }

  @BeforeEach
  void connect(TestServer server, Database db) {
    this.http = server.http;
    this.db = db;
  }

  RawHttp.Response login(String user) {
    RawHttp.Response r = http.sendBody("POST", "/auth/token", "grant_type=password&username=" + user + "&password=pw",
        FORM);
    assertEquals(200, r.status, r.toString());
    return r;
  }

  RawHttp.Response refreshWithCookie(String refreshToken) {
    return http.sendBody("POST", "/auth/token", "grant_type=refresh_token", FORM,
        "Cookie: token_refresh=" + refreshToken);
  }

  @Test
  void thePasswordGrantSetsAnHttpOnlyRefreshCookieForTheTokenEndpointOnly() throws Exception {
    RawHttp.Response r = login("carol");
    String refresh = r.setCookie("token_refresh");
    String value = r.cookieValue("token_refresh");
    assertEquals("token_refresh=" + value + "; Max-Age=604800; Path=/auth/token; HttpOnly; SameSite=Lax", refresh);
    assertTrue(value.matches("[A-Za-z0-9_-]{43}"), value);
    assertTrue(r.setCookie("token").contains("; Path=/; HttpOnly"), "the access token cookie as before");
    JsonNode body = JSON.readTree(r.body);
    assertFalse(body.has("refresh_token"), "never in a body a script reads: " + body);
    assertFalse(db.hashes().contains(value), "the database holds hashes only");
    assertTrue(db.hashes().contains(dev.jwtsecured.runtime.internal.RefreshTokens.hash(
        RefreshCookieSecurity.class.getName(), value)));
  }

  @Test
  void aRefreshReadsTheCookieAndRotatesIt() throws Exception {
    String first = login("carol").cookieValue("token_refresh");
    RawHttp.Response refreshed = refreshWithCookie(first);
    assertEquals(200, refreshed.status, refreshed.toString());
    String second = refreshed.cookieValue("token_refresh");
    assertNotEquals(first, second);
    String access = refreshed.cookieValue("token");
    RawHttp.Response who = http.send("GET", "/whoami", "Cookie: token=" + access);
    assertEquals(200, who.status, who.toString());
    assertEquals("carol", who.body);
    RawHttp.Response reused = refreshWithCookie(first);
    assertEquals(400, reused.status);
    assertEquals("invalid_grant", JSON.readTree(reused.body).get("error").asText());
    assertEquals(400, refreshWithCookie(second).status, "the reuse revoked the login in the database");
  }

  /**
   * A script on the application's page (XSS) cannot read the cookies, but it can post {@code grant_type=refresh_token}:
   * the browser adds the refresh cookie. The answer must then not carry the new access token in a body the script
   * reads, which it could take away and use elsewhere until the token expires: the token travels in its
   * {@code HttpOnly} cookie only. It did carry it before.
   */
  @Test
  void aRefreshByTheCookieAnswersNoTokenAScriptCouldRead() throws Exception {
    RawHttp.Response refreshed = refreshWithCookie(login("erin").cookieValue("token_refresh"));
    assertEquals(200, refreshed.status, refreshed.toString());
    JsonNode body = JSON.readTree(refreshed.body);
    assertFalse(body.has("access_token"), "a script reads this body: " + body);
    assertEquals("Bearer", body.get("token_type").asText(), body.toString());
    assertEquals(86400, body.get("expires_in").asLong(), body.toString());
    assertTrue(refreshed.setCookie("token").contains("; HttpOnly"), refreshed.toString());
    assertEquals(200, http.send("GET", "/whoami", "Cookie: token=" + refreshed.cookieValue("token")).status);
  }

  @Test
  void aRefreshTokenInTheBodyWinsOverTheCookie() throws Exception {
    String cookie = login("dave").cookieValue("token_refresh");
    String body = login("dave").cookieValue("token_refresh");
    RawHttp.Response r = http.sendBody("POST", "/auth/token", "grant_type=refresh_token&refresh_token=" + body, FORM,
        "Cookie: token_refresh=" + cookie);
    assertEquals(200, r.status, r.toString());
    assertTrue(JSON.readTree(r.body).has("access_token"), "a client holding its refresh token gets RFC 6749's answer");
    assertEquals(200, refreshWithCookie(cookie).status, "the cookie's token was not spent");
  }

  @Test
  void twoRefreshCookiesAreRefused() throws Exception {
    String value = login("erin").cookieValue("token_refresh");
    RawHttp.Response r = http.sendBody("POST", "/auth/token", "grant_type=refresh_token", FORM,
        "Cookie: token_refresh=" + value + "; token_refresh=planted");
    assertEquals(400, r.status, r.toString());
    assertEquals("invalid_request", JSON.readTree(r.body).get("error").asText());
  }

  @Test
  void logoutDeletesBothCookiesAndRevokesTheLogin() throws Exception {
    RawHttp.Response login = login("frank");
    String access = login.cookieValue("token");
    String refresh = login.cookieValue("token_refresh");
    RawHttp.Response out = http.send("POST", "/logout", "Cookie: token=" + access);
    assertEquals(204, out.status, out.toString());
    assertEquals("token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax", out.setCookie("token"));
    assertEquals("token_refresh=; Max-Age=0; Path=/auth/token; HttpOnly; SameSite=Lax",
        out.setCookie("token_refresh"));
    RawHttp.Response after = refreshWithCookie(refresh);
    assertEquals(400, after.status);
    assertEquals("invalid_grant", JSON.readTree(after.body).get("error").asText());
  }

  /**
   * A {@code @RefreshStore} method that returns {@code null} (a database not set up yet, say) stops start-up with its
   * name: kept in memory instead, each instance of a cluster would hold refresh tokens the others do not know, and a
   * reused token spent on one instance would not revoke its login on another.
   */
  @Test
  void aRefreshStoreMethodReturningNullFailsStartUp() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new RefreshCookieSecurityJwtFeature(new RefreshCookieSecurity(null),
            RefreshCookieSecurityJwtFeature.settings().secret(SECRET).build()));
    assertEquals("jwtsecured: the @RefreshStore method " + RefreshCookieSecurity.class.getName()
        + ".refreshTokens() returned null; refreshStorage = PROVIDED keeps refresh tokens only where it says",
        e.getMessage());
  }
}
