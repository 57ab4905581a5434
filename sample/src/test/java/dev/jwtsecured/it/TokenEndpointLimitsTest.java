package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.it.logins.LoginsSecurity;
import dev.jwtsecured.it.logins.LoginsSecurityJwtFeature;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated token endpoint bounds what it reads (413), decodes strictly (400, never a 500) and throttles password
 * guesses (429 with Retry-After), on any JAX-RS runtime. The throttle runs on an injected clock; client addresses come
 * from the configuration's {@code clientAddressHeader} ({@code X-Test-Client}).
 */
class TokenEndpointLimitsTest {
  static final String SECRET = "limits-secret-limits-secret-limits-secret";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String FORM = "Content-Type: application/x-www-form-urlencoded";

  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T10:00:00Z"));
  TestServer server;

  @BeforeEach
  void start() {
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
    server = TestServer.start(new LoginsSecurityJwtFeature(LoginsSecurityJwtFeature.settings().secret(SECRET)
        .clock(clock).build()), LoginsSecurityJwtFeature.classes(), LoginsSecurity.WhoAmI.class);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  RawHttp.Response login(String user, String password, String client) {
    String body = "grant_type=password&username=" + user + "&password=" + password;
    return client == null
        ? server.http.sendBody("POST", "/oauth/token", body, FORM)
        : server.http.sendBody("POST", "/oauth/token", body, FORM, "X-Test-Client: " + client);
  }

  static String error(RawHttp.Response r) throws Exception {
    return JSON.readTree(r.body).get("error").asText();
  }

  @Test
  void aDeclaredBodyOverTheLimitIs413BeforeItIsSent() throws Exception {
    // Apache CXF reads and drops what a request sends (up to 16 MiB) before it answers: there the body is sent, and
    // the 413 comes once it is read, without the body held in memory.
    boolean cxf = TestServer.runtime().equals("cxf");
    for (long declared : cxf ? new long[] {100_000} : new long[] {100_000, 1L << 30}) {
      RawHttp.Response r = server.http.raw("POST /oauth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
          + FORM + "\r\nContent-Length: " + declared + "\r\n\r\n" + (cxf ? "a".repeat((int) declared) : ""));
      assertEquals(413, r.status, declared + " -> " + r);
    }
  }

  @Test
  void aChunkedBodyOverTheLimitIs413() {
    String chunk = "a=" + "x".repeat(8_190);
    StringBuilder request = new StringBuilder("POST /oauth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        + FORM + "\r\nTransfer-Encoding: chunked\r\n\r\n");
    for (int i = 0; i < 9; i++) { // 9 x 8 KiB: over the 64 KiB default
      request.append(Integer.toHexString(chunk.length() + 1)).append("\r\n&").append(chunk).append("\r\n");
    }
    request.append("0\r\n\r\n");
    RawHttp.Response r = server.http.raw(request.toString());
    assertEquals(413, r.status, r.toString());
  }

  @Test
  void aBodyUnderTheLimitIsRead() throws Exception {
    String padding = "&pad=" + "x".repeat(60_000);
    RawHttp.Response r = server.http.sendBody("POST", "/oauth/token",
        "grant_type=password&username=writer&password=pw" + padding, FORM);
    assertEquals(200, r.status, r.toString());
  }

  /**
   * Where a body declares a charset other than UTF-8, readers disagree: the URL standard decodes a form's escapes as
   * UTF-8 whatever the charset (as the token endpoint did: {@code username=wri%C3%A9ter} under ISO-8859-1 logged in
   * as {@code wri\u00e9ter}), a servlet container in the declared charset ({@code wri\u00c3\u00a9ter}); and RFC 8259
   * says a JSON body is UTF-8, its charset parameter without effect (the endpoint honoured it). Both are 400 now; a
   * form in ISO-8859-1 whose escapes stay within ASCII, and JSON declared UTF-8, are read.
   */
  @Test
  void aCharsetOtherThanUtf8IsReadOnlyWhereEveryReaderAgrees() throws Exception {
    String latin = "Content-Type: application/x-www-form-urlencoded; charset=ISO-8859-1";
    String json = "{\"grant_type\":\"password\",\"username\":\"writer\",\"password\":\"pw\"}";
    for (String[] call : new String[][] {{"grant_type=password&username=wri%C3%A9ter&password=pw", latin, "400"},
        {json, "Content-Type: application/json; charset=ISO-8859-1", "400"},
        {"grant_type=password&username=%77riter&password=pw", latin, "200"},
        {json, "Content-Type: application/json; charset=UTF-8", "200"}}) {
      RawHttp.Response r = server.http.sendBody("POST", "/oauth/token", call[0], call[1]);
      assertEquals(Integer.parseInt(call[2]), r.status, call[0] + " as " + call[1] + ": " + r);
      if (r.status == 400) {
        assertEquals("invalid_request", error(r), call[0]);
      }
    }
  }

  @Test
  void aBogusCharsetOrAMalformedEscapeIs400NeverA500() throws Exception {
    // Hexadecimal digits are ASCII: Arabic-Indic "%\u0667\u0667" and JSON's "\\u\u0660\u0660\u0667\u0667" are no "w",
    // and spell no "writer" (before, both got writer's token).
    for (String[] bad : new String[][] {{"grant_type=password&username=%zz&password=pw", FORM},
        {"grant_type=password&username=%\u0667\u0667riter&password=pw", FORM},
        {"{\"grant_type\":\"password\",\"username\":\"\\u\u0660\u0660\u0667\u0667riter\",\"password\":\"pw\"}",
            "Content-Type: application/json"}}) {
      RawHttp.Response escape = server.http.sendBody("POST", "/oauth/token", bad[0], bad[1]);
      assertEquals(400, escape.status, bad[0] + ": " + escape);
      assertEquals("invalid_request", error(escape), bad[0]);
    }
    // Apache CXF's HTTP transport refuses an unknown charset itself, before any JAX-RS code (README).
    assumeFalse(TestServer.runtime().equals("cxf"), "Apache CXF answers an unknown charset itself");
    RawHttp.Response charset = server.http.sendBody("POST", "/oauth/token",
        "grant_type=password&username=writer&password=pw",
        "Content-Type: application/x-www-form-urlencoded; charset=bogus");
    assertEquals(400, charset.status, charset.toString());
    assertEquals("invalid_request", error(charset));
    RawHttp.Response json = server.http.sendBody("POST", "/oauth/token",
        "{\"grant_type\":\"password\",\"username\":\"writer\",\"password\":\"pw\"}",
        "Content-Type: application/json; charset=no-such-charset");
    assertEquals(400, json.status, json.toString());
  }

  /**
   * A malformed {@code Content-Type} or {@code Accept} is the client's error: a 4xx from the runtime or the library,
   * at the token endpoint and at a protected resource, on every runtime; never a 500, never a token for a bad header.
   */
  @Test
  void aMalformedMediaTypeIsAClientError() {
    String form = "grant_type=password&username=writer&password=pw";
    for (String header : List.of("Content-Type: ;;", "Content-Type: /", "Content-Type: application/json; charset=\"",
        "Accept: ;;;", "Accept: application/json; q=x", "Accept: text/")) {
      // Apache CXF's HTTP transport fails on an unterminated quoted charset with its own 500, before JAX-RS (README).
      if (header.contains("charset=\"") && TestServer.runtime().equals("cxf")) {
        continue;
      }
      RawHttp.Response token = server.http.sendBody("POST", "/oauth/token", form, header);
      assertTrue(token.status >= 400 && token.status < 500, header + " -> " + token);
      RawHttp.Response get = server.http.send("GET", "/whoami", header);
      assertTrue(get.status >= 400 && get.status < 500, "GET with " + header + " -> " + get);
    }
  }

  /**
   * A user name with a control character or a lone surrogate, or a password with a NUL or a lone surrogate, is no
   * credential anyone has, and the authenticator's store may fail on it (PostgreSQL refuses a NUL in text, so a user
   * lookup threw and the answer was a 500; a password hash written in C stops at a NUL): 400 before the authenticator.
   */
  @Test
  void credentialsNoOneHasNeverReachTheAuthenticator() throws Exception {
    int checks = LoginsSecurity.CHECKS.get();
    for (String form : List.of("username=wri%00ter&password=pw", "username=writer%0A&password=pw",
        "username=writer%09&password=pw", "username=writer%7F&password=pw", "username=writer%C2%85&password=pw",
        "username=writer&password=p%00w")) {
      RawHttp.Response r = server.http.sendBody("POST", "/oauth/token", "grant_type=password&" + form, FORM);
      assertEquals(400, r.status, form + " -> " + r);
      assertEquals("invalid_request", error(r), form);
    }
    for (String json : List.of("{\"grant_type\":\"password\",\"username\":\"\\ud800\",\"password\":\"pw\"}",
        "{\"grant_type\":\"password\",\"username\":\"writer\",\"password\":\"\\udc00pw\"}",
        "{\"grant_type\":\"password\",\"username\":\"writer\\u0000\",\"password\":\"pw\"}")) {
      RawHttp.Response r = server.http.sendBody("POST", "/oauth/token", json, "Content-Type: application/json");
      assertEquals(400, r.status, json + " -> " + r);
      assertEquals("invalid_request", error(r), json);
    }
    assertEquals(checks, LoginsSecurity.CHECKS.get(), "the authenticator ran");
    // A tab, an emoji or a joiner in a password, and any printable name, are someone's.
    assertEquals("invalid_grant", error(login("writer", "p%09w%F0%9F%94%91%E2%80%8D", null)));
    assertEquals(200, login("writer", "pw", null).status);
    assertEquals(checks + 2, LoginsSecurity.CHECKS.get());
  }

  @Test
  void guessesFromOneAddressAreThrottledWithRetryAfterAndCostNoPasswordCheck() throws Exception {
    for (int i = 1; i <= 6; i++) {
      RawHttp.Response r = login("writer", "guess" + i, "203.0.113.7");
      assertEquals(400, r.status, "guess " + i + " -> " + r);
      assertEquals("invalid_grant", error(r));
    }
    int checks = LoginsSecurity.CHECKS.get();
    RawHttp.Response throttled = login("writer", "pw", "203.0.113.7");
    assertEquals(429, throttled.status, throttled.toString());
    assertEquals("1", throttled.header("Retry-After"));
    assertEquals("no-store", throttled.header("Cache-Control"));
    assertEquals(checks, LoginsSecurity.CHECKS.get(), "a throttled attempt ran the authenticator");

    now.set(now.get().plusSeconds(2));
    assertEquals(400, login("writer", "guess7", "203.0.113.7").status);
    assertEquals("2", login("writer", "pw", "203.0.113.7").header("Retry-After"), "the delay doubles");
    now.set(now.get().plusSeconds(3));
    assertEquals(200, login("writer", "pw", "203.0.113.7").status, "after the delay the right password works");
  }

  @Test
  void theUserStillGetsInAtOnceFromAnotherAddress() throws Exception {
    for (int i = 1; i <= 12; i++) {
      login("writer", "guess" + i, "203.0.113.7");
    }
    assertEquals(429, login("writer", "pw", "203.0.113.7").status);
    RawHttp.Response user = login("writer", "pw", "198.51.100.20");
    assertEquals(200, user.status, "the attacker locked the user out: " + user);
  }

  @Test
  void oneAddressGuessingManyNamesIsThrottledAsAnAddress() throws Exception {
    for (int i = 1; i <= 21; i++) {
      login("user" + i, "guess", "203.0.113.9");
    }
    RawHttp.Response r = login("writer", "pw", "203.0.113.9");
    assertEquals(429, r.status, r.toString());
    assertEquals(200, login("writer", "pw", "198.51.100.21").status);
  }

  /**
   * Guesses sent at once, while each password check takes 300 ms: no more of them are checked than of guesses sent one
   * after another (six: five free failures of the name, then one more). Before, every attempt asked for its delay
   * before the first had failed, and all 40 were checked.
   */
  @Test
  void guessesSentAtOnceAreThrottledAsIfSentOneAfterAnother() throws Exception {
    int before = LoginsSecurity.CHECKS.get();
    ExecutorService pool = Executors.newFixedThreadPool(40);
    try {
      List<Future<RawHttp.Response>> answers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int guess = i;
        answers.add(pool.submit(() -> login("slowpoke", "guess" + guess, "203.0.113.50")));
      }
      Map<Integer, Integer> statuses = new TreeMap<>();
      for (Future<RawHttp.Response> answer : answers) {
        statuses.merge(answer.get(30, TimeUnit.SECONDS).status, 1, Integer::sum);
      }
      int checked = LoginsSecurity.CHECKS.get() - before;
      assertEquals(6, checked, "password checks; answers " + statuses);
      assertEquals(checked, statuses.getOrDefault(400, 0), statuses.toString());
      assertEquals(40 - checked, statuses.getOrDefault(429, 0), statuses.toString());
    } finally {
      pool.shutdownNow();
    }
  }

  /** A host with an IPv6 network (a /64) to itself is one client, whichever of its addresses it sends from. */
  @Test
  void oneIpv6HostGuessingFromManyAddressesIsThrottledAsOneClient() throws Exception {
    for (int i = 1; i <= 21; i++) {
      login("user" + i, "guess", "2001:db8:5:6::" + Integer.toHexString(i));
    }
    RawHttp.Response r = login("writer", "pw", "2001:db8:5:6:abcd::1");
    assertEquals(429, r.status, r.toString());
    assertEquals(200, login("writer", "pw", "2001:db8:5:7::1").status, "another network is not held back");
  }

  /**
   * A name's delay holds for every spelling an authenticator may take for the same account (a trailing space, another
   * case, full-width letters, an invisible character), from addresses that never failed before; each spelling had its
   * own free failures before.
   */
  @Test
  void aNameSpelledAnotherWayIsThrottledAsTheName() throws Exception {
    for (int i = 1; i <= 70; i++) {
      login("writer", "guess" + i, "198.51.100." + i); // a name guessed from many addresses
    }
    int checks = LoginsSecurity.CHECKS.get();
    for (String spelling : List.of("writer%20", "%20Writer", "WRITER%C2%A0", "%EF%BD%97riter", "wri%E2%80%8Bter")) {
      RawHttp.Response r = login(spelling, "guess", "203.0.113.99");
      assertEquals(429, r.status, spelling + " -> " + r);
    }
    assertEquals(checks, LoginsSecurity.CHECKS.get(), "a throttled attempt ran the authenticator");
  }

  @Test
  void withoutAClientAddressTheNamesDelayIsBounded() throws Exception {
    // An attacker who waits out every delay and guesses again: the delays double, up to the cap.
    int longest = 0;
    for (int guesses = 0; guesses < 14; ) {
      RawHttp.Response r = login("writer", "guess" + guesses, null);
      if (r.status == 429) {
        int wait = Integer.parseInt(r.header("Retry-After"));
        longest = Math.max(longest, wait);
        now.set(now.get().plus(Duration.ofSeconds(wait)));
      } else {
        assertEquals(400, r.status, r.toString());
        guesses++;
      }
    }
    assertEquals(30, longest, "the delay grew to the cap for unknown addresses");
    RawHttp.Response user = login("writer", "pw", null);
    assertEquals(429, user.status, user.toString());
    assertTrue(Integer.parseInt(user.header("Retry-After")) <= 30, user.toString());
    now.set(now.get().plusSeconds(30));
    assertEquals(200, login("writer", "pw", null).status, "the user waits at most 30 s");
  }
}
