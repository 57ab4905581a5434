package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.it.rootlocator.BucketsSecurity;
import dev.jwtsecured.it.rootlocator.BucketsSecurityJwtFeature;
import dev.jwtsecured.it.secured.ItApplication;
import dev.jwtsecured.it.secured.ItSecurityJwtFeature;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Request headers mutated at random, seeded so that a failure replays, through real HTTP on every runtime: the headers
 * the library reads ({@code Authorization}, {@code Cookie}, {@code Content-Type}, {@code Sec-Fetch-Site}, the client
 * address header) and those the runtime reads before or around it ({@code Accept}, {@code Accept-Language},
 * {@code Expect}, {@code If-None-Match}, {@code X-HTTP-Method-Override}, ...), each value a plausible one with pieces
 * of header grammar inserted (quotes, separators, parameters, quality values, bytes beyond ASCII), sent to protected,
 * public and excluded routes, a protected locator, the token endpoints and the OpenAPI document, with a valid token or
 * none. For every request: no 5xx and no exception text; and, in the two applications that count their protected
 * runs, no protected method or locator run without the valid token.
 * It found a {@code Content-Type} quality Jersey and RESTEasy fail on while matching ({@code q=2}, {@code q=abc}: a
 * 500 on any route, before the library runs), which the sample's server and the README's filter answer 400.
 */
class HeaderFuzzTest {
  static final long SEED = Long.getLong("jwtsecured.headerSeed", 20261204L);
  static final int CASES = Integer.getInteger("jwtsecured.headerCases", 500);
  static final List<String> NAMES = List.of("Authorization", "Cookie", "Content-Type", "Accept", "Accept-Charset",
      "Accept-Encoding", "Accept-Language", "Sec-Fetch-Site", "X-Forwarded-For", "Forwarded", "Expect", "Origin",
      "If-None-Match", "If-Modified-Since", "Range", "Cache-Control", "X-HTTP-Method-Override", "Content-Language",
      "Content-Encoding", "User-Agent");
  static final List<String> VALUES = List.of("application/json", "application/x-www-form-urlencoded", "text/plain",
      "*/*", "text/*;q=0.5, application/json", "en-US,en;q=0.9", "gzip, deflate", "utf-8", "same-origin", "cross-site",
      "203.0.113.7", "for=192.0.2.60;proto=http", "100-continue", "http://x", "\"abc\"", "W/\"abc\"",
      "Thu, 01 Jan 1970 00:00:00 GMT", "bytes=0-1", "no-cache", "DELETE", "PUT", "token=x", "Basic YTpi", "Bearer",
      "Bearer x", "");
  static final List<String> PIECES = List.of(";", ",", "=", "\"", "\\", "/", "*", "q=", "q=2", "q=-1", "q=NaN",
      "q=0.0000001", "charset=", "charset=bogus", "boundary=", " ", "\t", "%", "%00", "\u00e9", "\u00ff", "?",
      "=?utf-8?", "{", "}", "(", ")", "<", ">", "@", ":", "[", "]", "0", "-1", "99999999999999999999", "a", "token=",
      "Bearer ", ", ", ";;", "==", "W/", "*/*;q=", "json", "xml", "x".repeat(300));
  static final List<String> METHODS = List.of("GET", "POST", "HEAD", "DELETE", "PUT", "OPTIONS");
  static final boolean CXF = TestServer.runtime().equals("cxf");

  static String mutate(String value, Random random) {
    StringBuilder b = new StringBuilder(value);
    for (int edits = random.nextInt(4); edits > 0; edits--) {
      b.insert(random.nextInt(b.length() + 1), PIECES.get(random.nextInt(PIECES.size())));
    }
    return b.toString();
  }

  /** One to four random headers, a valid token among them ({@code token}, a whole header line) one time in three. */
  static List<String> headers(Random random, String token) {
    List<String> headers = new ArrayList<>();
    if (token != null && random.nextInt(3) == 0) {
      headers.add(token);
    }
    for (int n = 1 + random.nextInt(4); n > 0; n--) {
      String name = NAMES.get(random.nextInt(NAMES.size()));
      String value = random.nextInt(4) == 0 && token != null
          ? mutate(token.substring(token.indexOf(':') + 2), random)
          : mutate(VALUES.get(random.nextInt(VALUES.size())), random);
      if (CXF && name.equals("Content-Type") && value.toLowerCase(Locale.ROOT).contains("charset")) {
        continue; // CXF fails on a charset it does not know, wherever "charset=" stands in the header (README)
      }
      // A header value holds no line end; the wire gets UTF-8 bytes, as clients send characters beyond ASCII.
      headers.add(TargetFuzzTest.wire(name + ": " + value.strip()));
    }
    return headers;
  }

  static RawHttp.Response send(TestServer server, Random random, String method, String path, List<String> headers) {
    String[] lines = headers.toArray(String[]::new);
    if (method.equals("POST") || method.equals("PUT")) {
      String body = random.nextBoolean() ? "grant_type=password&username=ada&password=pw" : "{\"a\":1}";
      return server.http.sendBody(method, path, body, lines);
    }
    return server.http.send(method, path, lines);
  }

  static void assertAnswered(String context, RawHttp.Response r) {
    assertTrue(r.status < 500, context + ": " + r + r.body);
    AttackCorpusTest.assertNoExceptionText(context, r);
  }

  @Test
  void mutatedHeadersOnAnApplicationWithAnExclusion() {
    Random random = new Random(SEED);
    ItApplication.reset();
    ItApplication.know("ada");
    String token = Jwts.bearer(ItSecurityTest.SECRET, "ada", "admin", "staff");
    List<String> paths = List.of("/login", "/admin", "/me", "/items/7", "/admin-only", "/staff", "/staff/open",
        "/closed", "/public");
    try (TestServer server = TestServer.start(new ItApplication(s -> s.secret(ItSecurityTest.SECRET)).feature(),
        ItSecurityJwtFeature.classes(), ItApplication.resources())) {
      for (int i = 0; i < CASES; i++) {
        String method = METHODS.get(random.nextInt(METHODS.size()));
        String path = paths.get(random.nextInt(paths.size()));
        List<String> headers = headers(random, token);
        int before = ItApplication.protectedRuns();
        RawHttp.Response r = send(server, random, method, path, headers);
        String context = "case " + i + " (seed " + SEED + "): " + method + " " + path + " " + headers + " -> "
            + r.status;
        assertAnswered(context, r);
        if (!headers.contains(token)) {
          assertEquals(before, ItApplication.protectedRuns(), context + " ran a protected resource without a token");
        }
      }
    }
  }

  @Test
  void mutatedHeadersAtATokenEndpointAProtectedLocatorAndTheOpenApiDocument() throws Exception {
    Random random = new Random(SEED + 1);
    BucketsSecurityJwtFeature feature =
        new BucketsSecurityJwtFeature(BucketsSecurityJwtFeature.settings().secret(CxfTest.SECRET).build());
    List<String> paths = List.of("/login", "/openapi.json", "/status", "/photos", "/photos/cat.jpg");
    try (TestServer server = TestServer.startAt("", List.of(feature), BucketsSecurityJwtFeature.classes(),
        BucketsSecurity.Buckets.class, BucketsSecurity.Status.class)) {
      String token = CxfTest.bearer(server.http, "ada");
      for (int i = 0; i < CASES; i++) {
        String method = METHODS.get(random.nextInt(METHODS.size()));
        String path = paths.get(random.nextInt(paths.size()));
        List<String> headers = headers(random, token);
        int before = BucketsSecurity.LOCATOR_RUNS.get();
        RawHttp.Response r = send(server, random, method, path, headers);
        String context = "case " + i + " (seed " + (SEED + 1) + "): " + method + " " + path + " " + headers + " -> "
            + r.status;
        assertAnswered(context, r);
        if (!headers.contains(token)) {
          assertEquals(before, BucketsSecurity.LOCATOR_RUNS.get(), context + " ran the locator without a token");
        }
      }
    }
  }

  @Test
  void mutatedHeadersUnderCookieTransportWithRefreshTokens() {
    Random random = new Random(SEED + 2);
    List<String> paths = List.of("/auth/token", "/whoami", "/logout");
    try (TestServer server = RefreshCookieTest.startInMemory()) {
      String cookie = RefreshCookieTest.loginCookies(server.http);
      for (int i = 0; i < CASES; i++) {
        String method = METHODS.get(random.nextInt(METHODS.size()));
        String path = paths.get(random.nextInt(paths.size()));
        List<String> headers = headers(random, cookie);
        RawHttp.Response r = send(server, random, method, path, headers);
        String context = "case " + i + " (seed " + (SEED + 2) + "): " + method + " " + path + " " + headers + " -> "
            + r.status;
        assertAnswered(context, r);
      }
    }
  }
}
