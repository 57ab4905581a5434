package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.it.refreshcookie.RefreshCookieSecurity;
import dev.jwtsecured.it.refreshcookie.RefreshCookieSecurityJwtFeature;
import dev.jwtsecured.runtime.JdbcRefreshTokenStore;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.ServerPerClass;
import dev.jwtsecured.testing.TestServer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances of one application behind a (here imaginary) load balancer, each with its own
 * {@link JdbcRefreshTokenStore} on one shared database, as the README shows a cluster: a refresh token issued by one
 * is refreshed by the other, and reuse detected on one revokes the login on both.
 */
class RefreshClusterTest {
  static final String SECRET = "refresh-cluster-secret-refresh-cluster-secret";
  static final String FORM = "Content-Type: application/x-www-form-urlencoded";
  static final ObjectMapper JSON = new ObjectMapper();

  /** The shared database and instance B; instance A is the class's server. */
  record Cluster(JdbcDataSource database, TestServer second) implements AutoCloseable {
    static Cluster start() {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL("jdbc:h2:mem:refresh-cluster-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      new JdbcRefreshTokenStore(ds).createTable();
      return new Cluster(ds, instance(ds));
    }

    /** One instance: its own feature and its own store object, on the shared database. */
    static TestServer instance(JdbcDataSource ds) {
      return TestServer.start(
          new RefreshCookieSecurityJwtFeature(new RefreshCookieSecurity(new JdbcRefreshTokenStore(ds)),
              RefreshCookieSecurityJwtFeature.settings().secret(SECRET).build()),
          RefreshCookieSecurityJwtFeature.classes(), RefreshCookieSecurity.WhoAmI.class,
          RefreshCookieSecurity.Logout.class);
    }

    @Override
    public void close() {
      second.close();
    }
  }

  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.withFixture(Cluster.class, Cluster::start,
      cluster -> Cluster.instance(cluster.database()));

  RawHttp a;
  RawHttp b;

  @BeforeEach
  void connect(TestServer first, Cluster cluster) {
    this.a = first.http;
    this.b = cluster.second().http;
  }

  static RawHttp.Response refresh(RawHttp instance, String refreshToken) {
    return instance.sendBody("POST", "/auth/token", "grant_type=refresh_token", FORM,
        "Cookie: token_refresh=" + refreshToken);
  }

  @Test
  void aLoginMovesBetweenInstancesAndReuseOnOneEndsItOnBoth() throws Exception {
    RawHttp.Response login = a.sendBody("POST", "/auth/token", "grant_type=password&username=gina&password=pw", FORM);
    assertEquals(200, login.status, login.toString());
    String first = login.cookieValue("token_refresh");

    RawHttp.Response onB = refresh(b, first);
    assertEquals(200, onB.status, "B knows A's refresh token: " + onB);
    String second = onB.cookieValue("token_refresh");
    assertEquals(200, a.send("GET", "/whoami", "Cookie: token=" + onB.cookieValue("token")).status,
        "B's access token works on A");

    RawHttp.Response onA = refresh(a, second);
    assertEquals(200, onA.status, "and back: " + onA);
    String third = onA.cookieValue("token_refresh");

    RawHttp.Response replayed = refresh(b, first);
    assertEquals(400, replayed.status);
    assertEquals("invalid_grant", JSON.readTree(replayed.body).get("error").asText());
    RawHttp.Response afterwards = refresh(a, third);
    assertEquals(400, afterwards.status, "the reuse B saw revoked the login for A too: " + afterwards);
  }

  /**
   * A login whose access token would be longer than {@code maxTokenLength} (a 9,000-character user name) is refused
   * (500) before its refresh token is stored: nothing is left in the database that no client holds.
   */
  @Test
  void aLoginRefusedForItsLengthStoresNoRefreshToken(Cluster cluster) throws Exception {
    long before = rows(cluster);
    RawHttp.Response login = a.sendBody("POST", "/auth/token",
        "grant_type=password&username=" + "x".repeat(9000) + "&password=pw", FORM);
    assertEquals(500, login.status, login.toString());
    assertEquals(null, login.header("Set-Cookie"), login.toString());
    assertEquals(before, rows(cluster));
    assertEquals(200, a.sendBody("POST", "/auth/token", "grant_type=password&username=gina&password=pw", FORM).status);
    assertEquals(before + 1, rows(cluster), "a login that is issued stores its refresh token");
  }

  static long rows(Cluster cluster) throws java.sql.SQLException {
    try (java.sql.Connection c = cluster.database().getConnection();
        java.sql.ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM jwtsecured_refresh_tokens")) {
      r.next();
      return r.getLong(1);
    }
  }
}
