package dev.jwtsecured.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.runtime.AuthFailure;
import dev.jwtsecured.runtime.SecurityEvent;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.ServerPerClass;
import dev.jwtsecured.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code oauth2} example: the generated token endpoint against RFC 6749 sections 4.3, 5.1 and 5.2, roles,
 * {@code /login_custom}, refresh tokens (the contract of the refresh tokens issue) and logout by revocation, through
 * real HTTP.
 */
class SampleOAuth2Test {
  static final String SECRET = "sample-oauth2-secret-sample-oauth2-secret";
  static final String FORM = "Content-Type: application/x-www-form-urlencoded";
  static final String JSON_TYPE = "Content-Type: application/json";
  static final ObjectMapper JSON = new ObjectMapper();

  TestServer server;
  RawHttp http;

  @RegisterExtension
  static final ServerPerClass SERVER =
      new ServerPerClass(() -> TestServer.example(Example.OAUTH2, s -> s.secret(SECRET)));

  @BeforeEach
  void connect(TestServer server) {
    this.server = server;
    this.http = server.http;
  }

  RawHttp.Response token(String contentType, String body) {
    return http.sendBody("POST", "/login", body, contentType);
  }

  String accessToken(String user, String password) throws Exception {
    RawHttp.Response r = token(FORM, "grant_type=password&username=" + user + "&password=" + password);
    assertEquals(200, r.status, r.toString());
    return JSON.readTree(r.body).get("access_token").asText();
  }

  static void assertTokenError(RawHttp.Response r, String error) throws Exception {
    assertEquals(400, r.status, r.toString());
    JsonNode body = JSON.readTree(r.body);
    assertEquals(error, body.get("error").asText(), r.body);
    assertTrue(body.get("error_description").asText().length() > 0);
    assertEquals(2, body.size(), r.body);
    assertEquals("no-store", r.header("Cache-Control"));
    assertEquals("no-cache", r.header("Pragma"));
  }

  @Test
  void passwordGrantAsForm() throws Exception {
    RawHttp.Response r = token(FORM, "grant_type=password&username=alice&password=wonderland");
    assertEquals(200, r.status, r.toString());
    assertEquals("no-store", r.header("Cache-Control"));
    assertEquals("no-cache", r.header("Pragma"));
    assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
    JsonNode body = JSON.readTree(r.body);
    assertEquals("Bearer", body.get("token_type").asText());
    assertEquals(86400, body.get("expires_in").asLong());
    JsonNode claims = JSON.readTree(Jwts.payload(body.get("access_token").asText()));
    assertEquals("alice", claims.get("sub").asText());
    assertEquals("[\"user\"]", claims.get("roles").toString());
    assertNull(r.header("Set-Cookie"), "header transport sets no cookie");
    assertTrue(body.get("refresh_token").asText().matches("[A-Za-z0-9_-]{43}"), "refresh is on: " + body);
  }

  @Test
  void passwordGrantAsJson() throws Exception {
    RawHttp.Response r =
        token(JSON_TYPE, "{\"grant_type\":\"password\",\"username\":\"bob\",\"password\":\"builder\"}");
    assertEquals(200, r.status, r.toString());
    assertEquals("bob", JSON.readTree(Jwts.payload(JSON.readTree(r.body).get("access_token").asText()))
        .get("sub").asText());
  }

  @Test
  void issuedTokenWorksOnAProtectedResource() throws Exception {
    RawHttp.Response r = http.send("GET", "/some-path", "Authorization: Bearer " + accessToken("alice", "wonderland"));
    assertEquals(200, r.status, r.toString());
    assertEquals(JSON.readTree("{\"username\":\"alice\",\"roles\":[\"user\"]}"), JSON.readTree(r.body));
  }

  @Test
  void missingGrantType() throws Exception {
    assertTokenError(token(FORM, "username=alice&password=wonderland"), "invalid_request");
  }

  @Test
  void unsupportedGrantType() throws Exception {
    assertTokenError(token(FORM, "grant_type=client_credentials&username=alice&password=wonderland"),
        "unsupported_grant_type");
  }

  @Test
  void missingPassword() throws Exception {
    assertTokenError(token(FORM, "grant_type=password&username=alice"), "invalid_request");
    assertTokenError(token(JSON_TYPE, "{\"grant_type\":\"password\",\"username\":\"alice\"}"), "invalid_request");
  }

  @Test
  void repeatedParameter() throws Exception {
    assertTokenError(token(FORM, "grant_type=password&username=alice&username=bob&password=wonderland"),
        "invalid_request");
    assertTokenError(token(JSON_TYPE,
        "{\"grant_type\":\"password\",\"username\":\"bob\",\"username\":\"alice\",\"password\":\"wonderland\"}"),
        "invalid_request");
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
    RawHttp.Response wrong = token(FORM, "grant_type=password&username=alice&password=builder");
    RawHttp.Response unknown = token(FORM, "grant_type=password&username=mallory&password=builder");
    assertTokenError(wrong, "invalid_grant");
    assertTokenError(unknown, "invalid_grant");
    assertEquals(wrong.body, unknown.body);
  }

  @Test
  void unknownScopeIsInvalidScope() throws Exception {
    assertTokenError(token(FORM, "grant_type=password&username=alice&password=wonderland&scope=root"),
        "invalid_scope");
  }

  @Test
  void wrongContentTypeIs415() throws Exception {
    for (String type : List.of("Content-Type: text/plain", "Content-Type: application/xml",
        "Content-Type: application/x-www-form-urlencoded-not", "Content-Type: */*")) {
      RawHttp.Response r = token(type, "grant_type=password&username=alice&password=wonderland");
      assertEquals(415, r.status, type + " -> " + r);
      assertEquals("invalid_request", JSON.readTree(r.body).get("error").asText(), r.body);
      assertEquals("no-store", r.header("Cache-Control"));
    }
  }

  /** The media type is matched as RFC 9110 says: case-insensitively, with its parameters. */
  @Test
  void formAndJsonAreKnownInAnyCaseAndWithParameters() {
    for (String type : List.of("Content-Type: Application/X-WWW-Form-Urlencoded",
        "Content-Type: application/x-www-form-urlencoded; charset=UTF-8")) {
      RawHttp.Response r = token(type, "grant_type=password&username=alice&password=wonderland");
      assertEquals(200, r.status, type + " -> " + r);
    }
    RawHttp.Response json = token("Content-Type: APPLICATION/JSON; charset=utf-8",
        "{\"grant_type\":\"password\",\"username\":\"alice\",\"password\":\"wonderland\"}");
    assertEquals(200, json.status, json.toString());
  }

  @Test
  void getIs405() {
    assertEquals(405, http.send("GET", "/login").status);
  }

  @Test
  void rolesDecideAdmin() throws Exception {
    RawHttp.Response alice = http.send("GET", "/admin", "Authorization: Bearer " + accessToken("alice", "wonderland"));
    assertEquals(403, alice.status, alice.toString());
    assertTrue(alice.header("WWW-Authenticate").contains("error=\"insufficient_scope\""));
    assertTrue(alice.header("WWW-Authenticate").endsWith("scope=\"admin\""), alice.header("WWW-Authenticate"));
    RawHttp.Response bob = http.send("GET", "/admin", "Authorization: Bearer " + accessToken("bob", "builder"));
    assertEquals(200, bob.status, bob.toString());
  }

  @Test
  void aRotatedSecretKeepsEarlierTokensValidThroughPreviousSecrets() throws Exception {
    String old = accessToken("bob", "builder");
    String next = "rotated-secret-rotated-secret-rotated-secret";
    try (TestServer rotated = TestServer.example(Example.OAUTH2,
        s -> s.secret(next).previousSecrets(java.util.List.of(SECRET)));
        TestServer withoutPrevious = TestServer.example(Example.OAUTH2, s -> s.secret(next))) {
      assertEquals(200, rotated.http.send("GET", "/some-path", "Authorization: Bearer " + old).status);
      assertEquals(401, withoutPrevious.http.send("GET", "/some-path", "Authorization: Bearer " + old).status);
      RawHttp.Response login = rotated.http.sendBody("POST", "/login",
          "grant_type=password&username=bob&password=builder", "Content-Type: application/x-www-form-urlencoded");
      String fresh = JSON.readTree(login.body).get("access_token").asText();
      assertEquals(200, withoutPrevious.http.send("GET", "/some-path", "Authorization: Bearer " + fresh).status,
          "new tokens are signed with the new secret");
      assertEquals(401, http.send("GET", "/some-path", "Authorization: Bearer " + fresh).status);
    }
  }

  @Test
  void healthIsOpenAndIgnoresABadToken() throws Exception {
    RawHttp.Response open = http.send("GET", "/health");
    assertEquals(200, open.status, open.toString());
    assertEquals(JSON.readTree("{\"status\":\"ok\"}"), JSON.readTree(open.body));
    assertEquals(200, http.send("GET", "/health", "Authorization: Bearer not.a.token").status);
  }

  String refreshToken(String user, String password) throws Exception {
    RawHttp.Response r = token(FORM, "grant_type=password&username=" + user + "&password=" + password);
    assertEquals(200, r.status, r.toString());
    return JSON.readTree(r.body).get("refresh_token").asText();
  }

  RawHttp.Response refresh(String refreshToken) {
    return token(FORM, "grant_type=refresh_token&refresh_token=" + refreshToken);
  }

  @Test
  void aRefreshTokenBuysANewAccessTokenAndANewRefreshTokenOnce() throws Exception {
    String first = refreshToken("bob", "builder");
    RawHttp.Response r = refresh(first);
    assertEquals(200, r.status, r.toString());
    assertEquals("no-store", r.header("Cache-Control"));
    JsonNode body = JSON.readTree(r.body);
    String second = body.get("refresh_token").asText();
    assertTrue(!second.equals(first) && second.length() == 43, second);
    String access = body.get("access_token").asText();
    assertEquals(200, http.send("GET", "/admin", "Authorization: Bearer " + access).status, "bob's roles carried over");

    assertTokenError(refresh(first), "invalid_grant"); // spent: the login is revoked
    assertTokenError(refresh(second), "invalid_grant");
  }

  @Test
  void unknownMalformedAndMissingRefreshTokens() throws Exception {
    assertTokenError(refresh("A".repeat(43)), "invalid_grant");
    assertTokenError(refresh("eyJhbGciOiJIUzI1NiJ9.e30.x"), "invalid_grant");
    assertTokenError(token(FORM, "grant_type=refresh_token"), "invalid_request");
    assertTokenError(token(JSON_TYPE, "{\"grant_type\":\"refresh_token\",\"refresh_token\":7}"), "invalid_request");
  }

  @Test
  void aWiderScopeThanTheLoginsIsInvalidScope() throws Exception {
    String refreshToken = refreshToken("alice", "wonderland");
    assertTokenError(token(FORM, "grant_type=refresh_token&scope=admin&refresh_token=" + refreshToken),
        "invalid_scope");
    assertEquals(200, refresh(refreshToken).status, "still active");
  }

  @Test
  void refreshWorksAsJsonToo() throws Exception {
    String refreshToken = refreshToken("alice", "wonderland");
    RawHttp.Response r = token(JSON_TYPE,
        "{\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + refreshToken + "\"}");
    assertEquals(200, r.status, r.toString());
  }

  @Test
  void logoutAlsoRevokesTheRefreshTokensOfThatLogin() throws Exception {
    RawHttp.Response login = token(FORM, "grant_type=password&username=alice&password=wonderland");
    JsonNode body = JSON.readTree(login.body);
    String other = refreshToken("alice", "wonderland");
    RawHttp.Response logout = http.sendBody("POST", "/logout", "",
        "Authorization: Bearer " + body.get("access_token").asText());
    assertEquals(204, logout.status, logout.toString());
    assertTokenError(refresh(body.get("refresh_token").asText()), "invalid_grant");
    assertEquals(200, refresh(other).status, "another login of alice goes on");
  }

  @Test
  void logoutRevokesTheToken() throws Exception {
    String jwt = accessToken("bob", "builder");
    assertEquals(200, http.send("GET", "/some-path", "Authorization: Bearer " + jwt).status);
    RawHttp.Response logout = http.sendBody("POST", "/logout", "", "Authorization: Bearer " + jwt);
    assertEquals(204, logout.status, logout.toString());
    RawHttp.Response after = http.send("GET", "/some-path", "Authorization: Bearer " + jwt);
    assertEquals(401, after.status, after.toString());
    assertTrue(after.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    // Another token of the same user is not affected.
    assertEquals(200, http.send("GET", "/some-path", "Authorization: Bearer " + accessToken("bob", "builder")).status);
  }

  @Test
  void loginCustomAnswersWithTheUserAndTheHeader() throws Exception {
    RawHttp.Response r = http.sendBody("POST", "/login_custom", "{\"username\":\"bob\",\"password\":\"builder\"}",
        JSON_TYPE);
    assertEquals(201, r.status, r.toString());
    assertEquals(JSON.readTree("{\"username\":\"bob\",\"roles\":[\"user\",\"admin\"]}"), JSON.readTree(r.body));
    String jwt = r.header("Authorization").substring("Bearer ".length());
    assertEquals(200, http.send("GET", "/admin", "Authorization: Bearer " + jwt).status);
    RawHttp.Response wrong = http.sendBody("POST", "/login_custom", "{\"username\":\"bob\",\"password\":\"x\"}",
        JSON_TYPE);
    assertEquals(400, wrong.status, wrong.toString());
  }

  /**
   * {@code /login_custom} checks the same passwords as the token endpoint, so it is throttled the same way: without
   * it, anyone could guess there freely. Both count towards one name's failures. A server of its own: the throttle
   * would hold back the other tests' logins.
   */
  @Test
  void loginCustomIsThrottledAsTheTokenEndpointIs() {
    try (TestServer fresh = TestServer.example(Example.OAUTH2, s -> s.secret(SECRET))) {
      RawHttp own = new RawHttp(fresh.port());
      RawHttp.Response r;
      int guesses = 0;
      do {
        r = own.sendBody("POST", "/login_custom", "{\"username\":\"alice\",\"password\":\"guess" + guesses + "\"}",
            JSON_TYPE);
      } while (r.status == 400 && ++guesses < 20);
      assertEquals(429, r.status, "after " + guesses + " guesses: " + r);
      assertTrue(Long.parseLong(r.header("Retry-After")) >= 1, r.toString());
      assertEquals("{\"status_code\":429,\"detail\":\"Too many failed attempts\"}", r.body);
      assertEquals(429, own.sendBody("POST", "/login", "grant_type=password&username=alice&password=wonderland",
          "Content-Type: application/x-www-form-urlencoded").status, "the token endpoint holds alice back too");
    }
  }

  /**
   * Logins at the token endpoint and at the application's own {@code /login_custom}, a throttled guess and a spent
   * refresh token presented again each reach the configuration's {@code securityEvents}, with the user name, the
   * login's {@code sid} for the refresh token, and the client address the configuration reads (the sample's server
   * sets it from the connection; other servers pass the header the client sent).
   */
  @Test
  void securityEventsReportLoginsThrottlingAndAReusedRefreshToken() throws Exception {
    java.util.Queue<SecurityEvent> events = new java.util.concurrent.ConcurrentLinkedQueue<>();
    String client = TestServer.runtime().equals("jersey") ? "127.0.0.1" : "203.0.113.9";
    String address = "X-Client-Address: 203.0.113.9";
    try (TestServer fresh = TestServer.example(Example.OAUTH2, s -> s.secret(SECRET).securityEvents(events::add))) {
      RawHttp own = new RawHttp(fresh.port());
      assertEquals(400, own.sendBody("POST", "/login", "grant_type=password&username=alice&password=nope", FORM,
          address).status);
      RawHttp.Response bob = own.sendBody("POST", "/login", "grant_type=password&username=bob&password=builder", FORM,
          address);
      assertEquals(200, bob.status, bob.toString());
      assertEquals(400, own.sendBody("POST", "/login_custom", "{\"username\":\"carol\",\"password\":\"x\"}",
          JSON_TYPE, address).status);
      assertEquals(List.of(event(SecurityEvent.Kind.LOGIN_FAILED, "alice", null, client),
          event(SecurityEvent.Kind.LOGIN_SUCCEEDED, "bob", null, client),
          event(SecurityEvent.Kind.LOGIN_FAILED, "carol", null, client)), withoutTimes(events));

      events.clear();
      String first = JSON.readTree(bob.body).get("refresh_token").asText();
      String access = JSON.readTree(bob.body).get("access_token").asText();
      String sid = JSON.readTree(Jwts.payload(access)).get("sid").asText();
      assertEquals(200, own.sendBody("POST", "/login", "grant_type=refresh_token&refresh_token=" + first, FORM,
          address).status);
      assertTokenError(own.sendBody("POST", "/login", "grant_type=refresh_token&refresh_token=" + first, FORM,
          address), "invalid_grant");
      assertEquals(List.of(event(SecurityEvent.Kind.REFRESH_TOKEN_REUSED, "bob", sid, client)), withoutTimes(events));

      // A refresh token kept after a logout was never spent: refused, and no sign of theft.
      RawHttp.Response again = own.sendBody("POST", "/login", "grant_type=password&username=bob&password=builder",
          FORM, address);
      events.clear();
      assertEquals(204, own.send("POST", "/logout", "Authorization: Bearer "
          + JSON.readTree(again.body).get("access_token").asText()).status);
      assertTokenError(own.sendBody("POST", "/login", "grant_type=refresh_token&refresh_token="
          + JSON.readTree(again.body).get("refresh_token").asText(), FORM, address), "invalid_grant");
      assertEquals(List.of(), withoutTimes(events));

      // The filter's refusals and denials, with the request they concern.
      String alice = JSON.readTree(own.sendBody("POST", "/login", "grant_type=password&username=alice"
          + "&password=wonderland", FORM, address).body).get("access_token").asText();
      events.clear();
      assertEquals(401, own.send("GET", "/some-path", address).status);
      assertEquals(403, own.send("GET", "/admin?x=1", "Authorization: Bearer " + alice, address).status);
      assertEquals(401, own.send("GET", "/admin", "Authorization: Bearer " + alice + "x", address).status);
      assertEquals(List.of(
          refusal(SecurityEvent.Kind.REQUEST_REFUSED, null, client, AuthFailure.NO_TOKEN, "GET /some-path"),
          refusal(SecurityEvent.Kind.REQUEST_DENIED, "alice", client, AuthFailure.INSUFFICIENT_SCOPE, "GET /admin"),
          refusal(SecurityEvent.Kind.REQUEST_REFUSED, null, client, AuthFailure.BAD_SIGNATURE, "GET /admin")),
          events.stream().map(e -> refusal(e.kind(), e.subject(), e.clientAddress(), e.failure(), e.request()))
              .toList());

      events.clear();
      RawHttp.Response r;
      do {
        r = own.sendBody("POST", "/login", "grant_type=password&username=dave&password=guess", FORM, address);
      } while (r.status == 400 && events.size() < 40);
      assertEquals(429, r.status, r.toString());
      List<SecurityEvent> guesses = withoutTimes(events);
      assertEquals(event(SecurityEvent.Kind.LOGIN_THROTTLED, "dave", null, client), guesses.get(guesses.size() - 1));
      assertTrue(guesses.subList(0, guesses.size() - 1).stream()
          .allMatch(e -> e.equals(event(SecurityEvent.Kind.LOGIN_FAILED, "dave", null, client))), guesses.toString());
    }
  }

  static SecurityEvent refusal(SecurityEvent.Kind kind, String subject, String client, AuthFailure failure,
      String request) {
    return new SecurityEvent(kind, java.time.Instant.EPOCH, subject, null, client, failure, request);
  }

  static SecurityEvent event(SecurityEvent.Kind kind, String subject, String sessionId, String client) {
    return new SecurityEvent(kind, java.time.Instant.EPOCH, subject, sessionId, client);
  }

  /** The events with their times set to the epoch, for comparing; each time was the clock's, within this test. */
  static List<SecurityEvent> withoutTimes(java.util.Collection<SecurityEvent> events) {
    java.time.Instant started = java.time.Instant.now().minusSeconds(120);
    return events.stream().peek(e -> assertTrue(e.time().isAfter(started), e.toString()))
        .map(e -> event(e.kind(), e.subject(), e.sessionId(), e.clientAddress())).toList();
  }

  @Test
  void lookalikeOfTheTokenUrlIsNotExcluded() {
    assertEquals(404, http.send("GET", "/loginx").status);
    assertEquals(401, http.send("GET", "/some-path").status);
  }
}
