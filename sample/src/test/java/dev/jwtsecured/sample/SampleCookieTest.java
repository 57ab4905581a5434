package dev.jwtsecured.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.ServerPerClass;
import dev.jwtsecured.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code cookie} example (the seed's {@code JWTCookieAuth}) through real HTTP. */
class SampleCookieTest {
  static final String SECRET = "sample-cookie-secret-sample-cookie-secret";
  static final String ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
  static final String ADA = "{\"id\":\"" + ID + "\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String NO_TOKEN = "{\"status_code\":401,\"detail\":\"No JWT token found in request header or cookies\"}";

  TestServer server;
  RawHttp http;
  /** A token of Ada's, from a login before each test. */
  String jwt;

  @RegisterExtension
  static final ServerPerClass SERVER =
      new ServerPerClass(() -> TestServer.example(Example.COOKIE, s -> s.secret(SECRET)));

  @BeforeEach
  void connect(TestServer server) {
    this.server = server;
    this.http = server.http;
    RawHttp.Response login = http.sendBody("POST", "/login", ADA, "Content-Type: application/json");
    assertEquals(201, login.status, login.toString());
    jwt = login.header("Authorization").substring("Bearer ".length());
  }

  RawHttp.Response somePath(String... headers) {
    return http.send("GET", "/some-path", headers);
  }

  @Test
  void loginSetsTheCookieWithTheExactAttributes() {
    RawHttp.Response login = http.sendBody("POST", "/login", ADA, "Content-Type: application/json");
    String token = login.header("Authorization").substring("Bearer ".length());
    assertEquals("token=" + token + "; Max-Age=86400; Path=/; HttpOnly; SameSite=Lax", login.header("Set-Cookie"));
  }

  /**
   * The login takes JSON only, which a page of another site cannot post without a preflight: the bodies an HTML form
   * can send are refused and set no cookie (no login CSRF).
   */
  @Test
  void aFormCannotLogIn() {
    for (String type : java.util.List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data")) {
      RawHttp.Response login = http.sendBody("POST", "/login", ADA, "Content-Type: " + type,
          "Sec-Fetch-Site: cross-site");
      assertEquals(415, login.status, type + ": " + login);
      assertEquals(null, login.header("Set-Cookie"), type + ": " + login);
    }
  }

  @Test
  void cookieAloneIs200() throws Exception {
    RawHttp.Response r = somePath("Cookie: token=" + jwt);
    assertEquals(200, r.status, r.toString());
    assertEquals(JSON.readTree(ADA), JSON.readTree(r.body));
  }

  @Test
  void cookieAmongOthersIs200() {
    assertEquals(200, somePath("Cookie: theme=dark; token=" + jwt + "; lang=en").status);
  }

  @Test
  void legacyBearerCookieValueIs200() {
    assertEquals(200, somePath("Cookie: token=\"Bearer " + jwt + "\"").status);
    assertEquals(200, somePath("Cookie: token=Bearer%20" + jwt).status);
  }

  @Test
  void headerWithoutPrefixAndNoCookieIs401() {
    RawHttp.Response r = somePath("Authorization: " + jwt);
    assertEquals(401, r.status, r.toString());
    assertEquals("Bearer realm=\"api\"", r.header("WWW-Authenticate"));
    assertEquals(NO_TOKEN, r.body);
  }

  @Test
  void headerNamedLikeTheCookieIs401() {
    RawHttp.Response r = somePath("token: " + jwt);
    assertEquals(401, r.status, r.toString());
    assertEquals(NO_TOKEN, r.body);
  }

  @Test
  void headerAndCookieThatAgreeAre200() {
    assertEquals(200, somePath("Authorization: Bearer " + jwt, "Cookie: token=" + jwt).status);
  }

  @Test
  void headerAndCookieThatDifferAre400() {
    long now = Instant.now().getEpochSecond();
    String other = Jwts.hs256("{\"sub\":\"" + ID + "\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}",
        SECRET.getBytes(StandardCharsets.UTF_8));
    RawHttp.Response r = somePath("Authorization: Bearer " + jwt, "Cookie: token=" + other);
    assertEquals(400, r.status, r.toString());
    assertTrue(r.header("WWW-Authenticate").contains("error=\"invalid_request\""));
  }

  @Test
  void duplicateCookieIs400() {
    assertEquals(400, somePath("Cookie: token=" + jwt + "; token=" + jwt).status);
    assertEquals(400, somePath("Cookie: token=" + jwt, "Cookie: token=" + jwt).status);
  }

  @Test
  void tamperedCookieIs401() {
    int at = jwt.lastIndexOf('.') + 1;
    String tampered = jwt.substring(0, at) + (jwt.charAt(at) == 'A' ? 'B' : 'A') + jwt.substring(at + 1);
    RawHttp.Response r = somePath("Cookie: token=" + tampered);
    assertEquals(401, r.status, r.toString());
    assertTrue(r.header("WWW-Authenticate").contains("error=\"invalid_token\""));
  }

  @Test
  void logoutClearsTheCookie() {
    RawHttp.Response r = http.sendBody("POST", "/logout", "", "Cookie: token=" + jwt);
    assertEquals(204, r.status, r.toString());
    assertEquals("token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax", r.header("Set-Cookie"));
  }
}
