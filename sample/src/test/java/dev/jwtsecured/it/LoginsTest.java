package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.it.logins.LoginsSecurity;
import dev.jwtsecured.it.logins.LoginsSecurityJwtFeature;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.LibraryLog;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.ServerPerClass;
import dev.jwtsecured.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The programmatic login in every mode, and scopes through the token endpoint. */
class LoginsTest {
  static final String SECRET = "logins-secret-logins-secret-logins-secret!";
  static final ObjectMapper JSON = new ObjectMapper();
  TestServer server;

  @RegisterExtension
  static final ServerPerClass SERVER = new ServerPerClass(() -> TestServer.start(
      new LoginsSecurityJwtFeature(LoginsSecurityJwtFeature.settings().secret(SECRET).build()),
      LoginsSecurityJwtFeature.classes(), LoginsSecurity.Issue.class, LoginsSecurity.WhoAmI.class));

  @BeforeEach
  void connect(TestServer server) {
    this.server = server;
  }

  RawHttp.Response issue(String mode) {
    return server.http.sendBody("POST", "/issue?mode=" + mode, "");
  }

  static String bearer(RawHttp.Response r) {
    return r.header("Authorization").substring("Bearer ".length());
  }

  static String cookie(String jwt, long maxAge) {
    return "sid=" + jwt + "; Max-Age=" + maxAge + "; Path=/app; Domain=example.test; Secure; HttpOnly; SameSite=Strict";
  }

  @Test
  void defaultLoginWithATokenUrlAnswersTheOAuth2Body() throws Exception {
    RawHttp.Response r = issue("default");
    assertEquals(201, r.status, r.toString());
    String jwt = bearer(r);
    assertEquals(cookie(jwt, 86400), r.header("Set-Cookie"));
    JsonNode body = JSON.readTree(r.body);
    assertEquals(jwt, body.get("access_token").asText());
    assertEquals("Bearer", body.get("token_type").asText());
    assertEquals(86400, body.get("expires_in").asLong());
    JsonNode claims = JSON.readTree(Jwts.payload(jwt));
    assertEquals("https://issuer.test", claims.get("iss").asText());
    assertEquals("[\"api\"]", claims.get("aud").toString());
    assertEquals("carol", claims.get("sub").asText());
  }

  @Test
  void givenBody() {
    RawHttp.Response r = issue("body");
    assertEquals(201, r.status, r.toString());
    assertEquals("hello", r.body);
    assertEquals(cookie(bearer(r), 86400), r.header("Set-Cookie"));
  }

  @Test
  void tokenInBody() throws Exception {
    RawHttp.Response r = issue("token");
    assertEquals(JSON.readTree("{\"token\":\"" + bearer(r) + "\"}"), JSON.readTree(r.body));
  }

  @Test
  void customStatus() {
    assertEquals(200, issue("status").status);
  }

  @Test
  void customExpirationReachesMaxAgeExpiresInAndTheToken() throws Exception {
    RawHttp.Response r = issue("expiration");
    String jwt = bearer(r);
    assertEquals(cookie(jwt, 120), r.header("Set-Cookie"));
    assertEquals(120, JSON.readTree(r.body).get("expires_in").asLong());
    JsonNode claims = JSON.readTree(Jwts.payload(jwt));
    assertEquals(120, claims.get("exp").asLong() - claims.get("iat").asLong());
  }

  @Test
  void idAndExtras() throws Exception {
    JsonNode claims = JSON.readTree(Jwts.payload(bearer(issue("claims"))));
    assertEquals("fixed-id", claims.get("jti").asText());
    assertEquals("{\"plan\":\"gold\"}", claims.get("extras").toString());
  }

  @Test
  void everyLoginGetsADistinctJti() throws Exception {
    String a = JSON.readTree(Jwts.payload(bearer(issue("default")))).get("jti").asText();
    String b = JSON.readTree(Jwts.payload(bearer(issue("default")))).get("jti").asText();
    assertTrue(!a.equals(b) && a.length() >= 32, a + " " + b);
  }

  RawHttp.Response token(String body) {
    return server.http.sendBody("POST", "/oauth/token", body, "Content-Type: application/x-www-form-urlencoded");
  }

  @Test
  void grantedScopesReachTheTokenAndTheResponse() throws Exception {
    RawHttp.Response reader = token("grant_type=password&username=reader&password=pw&scope=read%20write");
    assertEquals(200, reader.status, reader.toString());
    JsonNode body = JSON.readTree(reader.body);
    assertEquals("read", body.get("scope").asText());
    assertEquals("read", JSON.readTree(Jwts.payload(body.get("access_token").asText())).get("scope").asText());

    RawHttp.Response writer = token("grant_type=password&username=writer&password=pw&scope=write+read");
    assertEquals("write read", JSON.readTree(writer.body).get("scope").asText());

    RawHttp.Response none = token("grant_type=password&username=writer&password=pw");
    assertNull(JSON.readTree(none.body).get("scope"));
  }

  @Test
  void tokenEndpointSetsTheCookieForCookieTransport() throws Exception {
    RawHttp.Response r = token("grant_type=password&username=writer&password=pw");
    String jwt = JSON.readTree(r.body).get("access_token").asText();
    assertEquals(cookie(jwt, 86400), r.header("Set-Cookie"));
    assertEquals("no-store", r.header("Cache-Control"));
    assertEquals("no-cache", r.header("Pragma"));
  }

  @Test
  void undeclaredScopeIsInvalidScope() throws Exception {
    RawHttp.Response r = token("grant_type=password&username=writer&password=pw&scope=admin");
    assertEquals(400, r.status);
    assertEquals("invalid_scope", JSON.readTree(r.body).get("error").asText());
  }

  /**
   * A token just within {@code maxTokenLength} is issued whole, in the {@code Authorization} header and the cookie
   * both, and gets in: the server's response header limit leaves room for it twice. A cookie over 4 KiB, which
   * browsers drop, is logged once as a warning.
   */
  @Test
  void aTokenJustWithinMaxTokenLengthIsDeliveredAndGetsIn() {
    RawHttp.Response r;
    try (LibraryLog log = new LibraryLog()) {
      assertEquals(201, issue("default").status);
      assertEquals(List.of(), log.containing("browsers"), "a small cookie: no warning");
      r = issue("near");
      // Browsers drop such a cookie without a word: the application is told, once.
      assertEquals(1, log.containing("the token cookie sid of " + LoginsSecurity.class.getName() + " is").size(),
          log.toString());
      issue("near");
      assertEquals(1, log.containing("browsers keep cookies of at most 4096 bytes").size(), log.toString());
    }
    assertEquals(201, r.status, r.toString());
    String jwt = bearer(r);
    assertTrue(jwt.length() > 8192 - 64 && jwt.length() <= 8192, "length " + jwt.length());
    assertEquals(cookie(jwt, 86400), r.header("Set-Cookie"));
    RawHttp.Response whoami = server.http.send("GET", "/whoami", "Cookie: sid=" + jwt);
    assertEquals(200, whoami.status, whoami.toString());
    assertEquals("carol", whoami.body);
  }

  /**
   * A token longer than {@code maxTokenLength} would be refused on every request: it is not issued, by the token
   * endpoint or a programmatic login. A 500 with the usual body, no token and no cookie; the cause is logged once.
   */
  @Test
  void aTokenOverMaxTokenLengthIsNotIssued() throws Exception {
    try (LibraryLog log = new LibraryLog()) {
      for (RawHttp.Response r : List.of(token("grant_type=password&username=crowd&password=pw"), issue("crowd"))) {
        assertEquals(500, r.status, r.toString());
        assertEquals(JSON.readTree("{\"status_code\":500,\"detail\":\"Internal Server Error\"}"),
            JSON.readTree(r.body));
        assertNull(r.header("Set-Cookie"), r.toString());
        assertNull(r.header("Authorization"), r.toString());
      }
      assertEquals(1, log.containing("over its maxTokenLength of 8192, so it was not issued").size(), log.toString());
    }
    assertEquals(200, token("grant_type=password&username=writer&password=pw").status, "others still log in");
  }
}
