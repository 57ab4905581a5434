package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.it.rotation.RotationSecurity;
import dev.jwtsecured.it.rotation.RotationSecurityJwtFeature;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.MutableClock;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.ServerPerClass;
import dev.jwtsecured.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Refresh tokens at the generated token endpoint through real HTTP (RFC 6749 section 6, with the rotation and reuse
 * detection of RFC 9700 section 4.14): issue, rotation, reuse revoking the login, concurrent refreshes, scopes,
 * expiry, a deleted or revoked user, logout, and malformed requests.
 */
class RefreshTokensTest {
  static final String SECRET = "rotation-secret-rotation-secret-rotation!";
  static final String FORM = "Content-Type: application/x-www-form-urlencoded";
  static final ObjectMapper JSON = new ObjectMapper();

  /** The application's state the tests reach: its users and its clock. */
  record Fixture(RotationSecurity.Directory directory, MutableClock clock) {}

  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.withFixture(Fixture.class,
      () -> new Fixture(new RotationSecurity.Directory(), new MutableClock(Instant.now())),
      f -> TestServer.start(
          new RotationSecurityJwtFeature(new RotationSecurity(f.directory()),
              RotationSecurityJwtFeature.settings().secret(SECRET).clock(f.clock()).build()),
          RotationSecurityJwtFeature.classes(), RotationSecurity.WhoAmI.class, RotationSecurity.Logout.class,
          RotationSecurity.LogoutEverywhere.class));

  RawHttp http;
  Fixture fixture;

  @BeforeEach
  void reset(TestServer server, Fixture fixture) {
    this.http = server.http;
    this.fixture = fixture;
    fixture.directory().users.clear();
    fixture.directory().users.put("alice", Set.of("user"));
    fixture.directory().users.put("bob", Set.of("user", "admin"));
    fixture.directory().revokedSubjects.clear();
  }

  /** The token endpoint's answer: status and JSON body. */
  record Answer(int status, JsonNode body, RawHttp.Response response) {
    String accessToken() {
      return body.get("access_token").asText();
    }

    String refreshToken() {
      return body.get("refresh_token").asText();
    }
  }

  Answer post(String form) throws Exception {
    RawHttp.Response r = http.sendBody("POST", "/token", form, FORM);
    return new Answer(r.status, JSON.readTree(r.body), r);
  }

  Answer login(String user, String scope) throws Exception {
    Answer a = post("grant_type=password&username=" + user + "&password=pw" + (scope == null ? "" : "&scope=" + scope));
    assertEquals(200, a.status(), a.response().toString());
    return a;
  }

  Answer refresh(String refreshToken) throws Exception {
    return post("grant_type=refresh_token&refresh_token=" + refreshToken);
  }

  RawHttp.Response whoami(String accessToken) {
    return http.send("GET", "/whoami", "Authorization: Bearer " + accessToken);
  }

  static void assertTokenError(Answer a, String error) {
    assertEquals(400, a.status(), a.response().toString());
    assertEquals(error, a.body().get("error").asText(), a.body().toString());
    assertEquals("no-store", a.response().header("Cache-Control"));
    assertFalse(a.body().has("access_token"));
  }

  @Test
  void thePasswordGrantAnswersAnOpaqueRefreshTokenAndTheAccessTokenNamesItsLogin() throws Exception {
    Answer a = login("alice", null);
    String refreshToken = a.refreshToken();
    assertTrue(refreshToken.matches("[A-Za-z0-9_-]{43}"), "256 random bits, base64url: " + refreshToken);
    assertEquals(900, a.body().get("expires_in").asLong());
    JsonNode claims = JSON.readTree(Jwts.payload(a.accessToken()));
    assertTrue(claims.get("sid").asText().matches("[A-Za-z0-9_-]{22}"), claims.toString());
    assertNotEquals(refreshToken, login("alice", null).refreshToken(), "each login its own");
  }

  @Test
  void aRefreshAnswersANewAccessTokenAndANewRefreshTokenAndSpendsThePresentedOne() throws Exception {
    Answer first = login("bob", "read");
    Answer second = refresh(first.refreshToken());
    assertEquals(200, second.status(), second.response().toString());
    assertEquals("no-store", second.response().header("Cache-Control"));
    assertEquals("no-cache", second.response().header("Pragma"));
    assertNotEquals(first.refreshToken(), second.refreshToken());
    assertNotEquals(first.accessToken(), second.accessToken());
    JsonNode before = JSON.readTree(Jwts.payload(first.accessToken()));
    JsonNode after = JSON.readTree(Jwts.payload(second.accessToken()));
    assertEquals("bob", after.get("sub").asText());
    assertEquals(before.get("roles"), after.get("roles"), "the login's roles");
    assertEquals("gold", after.get("extras").get("plan").asText(), "the login's extras");
    assertEquals("read", after.get("scope").asText());
    assertEquals(before.get("sid"), after.get("sid"), "the same login");
    assertNotEquals(before.get("jti"), after.get("jti"));
    assertEquals(200, whoami(second.accessToken()).status);
    assertEquals("bob [read]", whoami(second.accessToken()).body);

    Answer third = refresh(second.refreshToken());
    assertEquals(200, third.status(), "the new one works once");
  }

  @Test
  void presentingASpentRefreshTokenRevokesEveryTokenOfItsLogin() throws Exception {
    Answer login = login("alice", null);
    Answer other = login("alice", null); // another login of the same user: a device of its own
    Answer legitimate = refresh(login.refreshToken());
    assertEquals(200, legitimate.status());

    Answer thief = refresh(login.refreshToken());
    assertTokenError(thief, "invalid_grant");
    assertTrue(thief.body().get("error_description").asText().contains("revoked"), thief.body().toString());

    assertTokenError(refresh(legitimate.refreshToken()), "invalid_grant");
    assertEquals(200, refresh(other.refreshToken()).status(), "another login is untouched");
  }

  @Test
  void ofConcurrentRefreshesWithOneTokenExactlyOneSucceedsAndTheRaceEndsTheLogin() throws Exception {
    Answer login = login("bob", null);
    int clients = 6;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        Callable<Answer> call = () -> {
          start.await();
          return refresh(login.refreshToken());
        };
        answers.add(pool.submit(call));
      }
      start.countDown();
      List<Answer> won = new ArrayList<>();
      for (Future<Answer> f : answers) {
        Answer a = f.get();
        if (a.status() == 200) {
          won.add(a);
        } else {
          assertTokenError(a, "invalid_grant");
        }
      }
      assertEquals(1, won.size(), "exactly one refresh wins");
      // The losers presented a spent token, which is what a thief does: the login ends, the winner's token with it.
      assertTokenError(refresh(won.get(0).refreshToken()), "invalid_grant");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRefreshMayNarrowTheScopeAndNeverWidenIt() throws Exception {
    Answer login = login("alice", "read%20write");
    Answer narrowed = post("grant_type=refresh_token&scope=read&refresh_token=" + login.refreshToken());
    assertEquals(200, narrowed.status(), narrowed.response().toString());
    assertEquals("read", narrowed.body().get("scope").asText());
    assertEquals("alice [read]", whoami(narrowed.accessToken()).body);

    // Omitted, the scope is the one originally granted (RFC 6749 section 6), not the narrowed one.
    Answer omitted = refresh(narrowed.refreshToken());
    assertEquals(200, omitted.status());
    assertEquals("read write", omitted.body().get("scope").asText());

    Answer onlyRead = login("alice", "read");
    Answer widened = post("grant_type=refresh_token&scope=read%20write&refresh_token=" + onlyRead.refreshToken());
    assertTokenError(widened, "invalid_scope");
    Answer undeclared = post("grant_type=refresh_token&scope=admin&refresh_token=" + onlyRead.refreshToken());
    assertTokenError(undeclared, "invalid_scope");
    assertEquals(200, refresh(onlyRead.refreshToken()).status(), "a refused scope does not spend the token");
  }

  @Test
  void anExpiredRefreshTokenIsRefused() throws Exception {
    Answer login = login("alice", null);
    Answer justInTime = login("alice", null);
    fixture.clock().advance(Duration.ofDays(14).minusSeconds(1));
    assertEquals(200, refresh(justInTime.refreshToken()).status(), "alive one second before its expiry");
    fixture.clock().advance(Duration.ofSeconds(1));
    assertTokenError(refresh(login.refreshToken()), "invalid_grant");
  }

  @Test
  void aUserTheRetrieverNoLongerReturnsGetsInvalidGrantAndTheLoginEnds() throws Exception {
    Answer login = login("alice", null);
    fixture.directory().users.remove("alice");
    Answer refused = refresh(login.refreshToken());
    assertTokenError(refused, "invalid_grant");
    fixture.directory().users.put("alice", Set.of("user"));
    assertTokenError(refresh(login.refreshToken()), "invalid_grant");
  }

  @Test
  void aSubjectTheRevocationCheckRefusesGetsInvalidGrant() throws Exception {
    Answer login = login("bob", null);
    fixture.directory().revokedSubjects.add("bob");
    assertTokenError(refresh(login.refreshToken()), "invalid_grant");
  }

  @Test
  void logoutRevokesTheRefreshTokensOfItsLoginOnly() throws Exception {
    Answer login = login("bob", null);
    Answer rotated = refresh(login.refreshToken());
    Answer other = login("bob", null);
    RawHttp.Response out = http.send("POST", "/logout", "Authorization: Bearer " + rotated.accessToken());
    assertEquals(204, out.status, out.toString());
    assertTokenError(refresh(rotated.refreshToken()), "invalid_grant");
    assertEquals(200, refresh(other.refreshToken()).status(), "the other login goes on");
  }

  /** {@code FooJwt.revokeRefreshTokens(application, subject)}: every login of the user ends, no one else's. */
  @Test
  void revokingAUsersRefreshTokensEndsEveryLoginOfThatUserOnly() throws Exception {
    Answer phone = refresh(login("bob", null).refreshToken());
    Answer laptop = login("bob", null);
    Answer alice = login("alice", null);
    RawHttp.Response out = http.send("POST", "/logout_everywhere", "Authorization: Bearer " + laptop.accessToken());
    assertEquals(204, out.status, out.toString());
    assertTokenError(refresh(phone.refreshToken()), "invalid_grant");
    assertTokenError(refresh(laptop.refreshToken()), "invalid_grant");
    assertEquals(200, refresh(alice.refreshToken()).status(), "another user's login goes on");
    assertEquals(200, refresh(login("bob", null).refreshToken()).status(), "a new login of bob works");
  }

  @Test
  void malformedUnknownAndMissingRefreshTokens() throws Exception {
    assertTokenError(refresh("not-a-refresh-token"), "invalid_grant");
    assertTokenError(refresh("A".repeat(43)), "invalid_grant");
    assertTokenError(refresh(""), "invalid_request");
    assertTokenError(post("grant_type=refresh_token"), "invalid_request");
    String token = login("alice", null).refreshToken();
    assertTokenError(post("grant_type=refresh_token&refresh_token=" + token + "&refresh_token=" + token),
        "invalid_request");
    assertEquals(200, refresh(token).status(), "a refused request does not spend the token");
    assertTokenError(post("grant_type=refresh_token&refresh_token=" + token.substring(0, 42) + "%00"),
        "invalid_grant");
  }

  @Test
  void mutatedRefreshRequestsGetA4xxNeverA500() throws Exception {
    String token = login("bob", null).refreshToken();
    String valid = "grant_type=refresh_token&scope=read&refresh_token=" + token;
    java.util.Random random = new java.util.Random(18);
    String alphabet = "=&%+;, \"\u0000\u00e9\ud83d\ude00abcAZ09_-.~/";
    for (int i = 0; i < 300; i++) {
      StringBuilder body = new StringBuilder(valid);
      for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
        int at = random.nextInt(body.length() + 1);
        switch (random.nextInt(3)) {
          case 0 -> body.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
          case 1 -> body.delete(at, Math.min(body.length(), at + 1 + random.nextInt(8)));
          default -> body.insert(at, "%" + Integer.toHexString(random.nextInt(256)));
        }
      }
      String type = random.nextBoolean() ? FORM : "Content-Type: application/json";
      RawHttp.Response r = http.sendBody("POST", "/token", body.toString(), type);
      assertTrue(r.status == 200 || r.status == 400 || r.status == 415, i + ": " + body + " -> " + r);
      assertFalse(r.body.contains("Exception") || r.body.contains(SECRET), r.body);
    }
  }

  @Test
  void aRefreshTokenIsNoAccessTokenAndAnAccessTokenIsNoRefreshToken() throws Exception {
    Answer login = login("alice", null);
    assertEquals(401, whoami(login.refreshToken()).status);
    assertTokenError(refresh(login.accessToken()), "invalid_grant");
    assertNull(login.response().header("Set-Cookie"), "header transport sets no cookie");
  }
}
