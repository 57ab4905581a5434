package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.it.logins.LoginsSecurity;
import dev.jwtsecured.it.logins.LoginsSecurityJwtFeature;
import dev.jwtsecured.it.secured.ItApplication;
import dev.jwtsecured.it.secured.ItSecurityJwtFeature;
import dev.jwtsecured.runtime.AuthFailure;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.ServerPerClass;
import dev.jwtsecured.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JWT attack corpus (issue "hardened verification"): every known attack class as named cases, each sent through
 * real HTTP to a protected resource. Each must get the RFC 6750 answer of ARCHITECTURE.md: a 401 (or a 400 for a
 * malformed request), never a 2xx, never a 5xx, an {@code error_description} from the fixed set, no exception text, and
 * the protected resource must not run.
 */
class AttackCorpusTest {
  static final String SECRET = ItSecurityTest.SECRET;
  static final byte[] KEY = ItSecurityTest.KEY;
  static final Set<String> DESCRIPTIONS =
      Arrays.stream(AuthFailure.values()).map(AuthFailure::description).collect(Collectors.toSet());
  static final String LOGINS_SECRET = "corpus-logins-secret-corpus-logins-secret";

  @RegisterExtension
  static final ServerPerClass SERVER = new ServerPerClass(() -> TestServer.start(
      new ItApplication(s -> s.secret(SECRET)).feature(), ItSecurityJwtFeature.classes(), ItApplication.resources()));
  @RegisterExtension
  static final ServerPerClass LOGINS = new ServerPerClass("logins", () -> TestServer.start(
      new LoginsSecurityJwtFeature(LoginsSecurityJwtFeature.settings().secret(LOGINS_SECRET).build()),
      LoginsSecurityJwtFeature.classes(), LoginsSecurity.WhoAmI.class));

  TestServer server;
  TestServer logins;
  /** A listener that any key-fetching code would call: jku, x5u and URL-shaped kid values all point here. */
  static ServerSocket canary;
  static final AtomicInteger canaryConnections = new AtomicInteger();
  static Thread canaryThread;

  @BeforeAll
  static void startCanary() throws IOException {
    canary = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    canary.setSoTimeout(200);
    canaryThread = new Thread(() -> {
      while (!canary.isClosed()) {
        try {
          Socket s = canary.accept();
          canaryConnections.incrementAndGet();
          s.close();
        } catch (SocketTimeoutException e) {
          // poll again
        } catch (IOException e) {
          return;
        }
      }
    }, "canary");
    canaryThread.setDaemon(true);
    canaryThread.start();
  }

  @AfterAll
  static void stopCanary() throws Exception {
    canary.close();
    canaryThread.join(2_000);
    assertEquals(0, canaryConnections.get(), "something fetched a key from a URL in a token");
  }

  @BeforeEach
  void reset(TestServer server, @ServerPerClass.Named("logins") TestServer logins) {
    this.server = server;
    this.logins = logins;
    ItApplication.reset();
    ItApplication.know("alice");
  }

  // ---- token builders ----

  static long now() {
    return Instant.now().getEpochSecond();
  }

  static String claims(String extra) {
    return "{\"sub\":\"alice\",\"iat\":" + now() + ",\"exp\":" + (now() + 600) + extra + "}";
  }

  static String hs256(String header, String payload) {
    return Jwts.sign(header, payload, "HmacSHA256", KEY);
  }

  static String withPayload(String payload) {
    return hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payload);
  }

  static String withHeader(String header) {
    return hs256(header, claims(""));
  }

  /** A correctly signed token whose header's {@code typ} is the JSON {@code typ}. */
  static String typed(String typ) {
    return withHeader("{\"alg\":\"HS256\",\"typ\":" + typ + "}");
  }

  static String timeClaims(String iat, String exp, String nbf) {
    return withPayload("{\"sub\":\"alice\"" + (iat == null ? "" : ",\"iat\":" + iat)
        + (exp == null ? "" : ",\"exp\":" + exp) + (nbf == null ? "" : ",\"nbf\":" + nbf) + "}");
  }

  static Arguments c(String name, String token) {
    return Arguments.of(name, token);
  }

  static String canaryUrl() {
    return "http://127.0.0.1:" + canary.getLocalPort() + "/keys";
  }

  static Stream<Arguments> corpus() {
    long t = now();
    String good = withPayload(claims(""));
    String[] p = good.split("\\.");
    List<Arguments> cases = new ArrayList<>();

    // alg "none" in every spelling, with and without a signature
    for (String alg : List.of("none", "None", "NONE", "nOnE", "none ", " none", "NoNe", "")) {
      String header = Jwts.b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}");
      cases.add(c("alg '" + alg + "' without signature", header + "." + p[1] + "."));
      cases.add(c("alg '" + alg + "' with the original signature", header + "." + p[1] + "." + p[2]));
    }
    cases.add(c("alg null", Jwts.b64("{\"alg\":null}") + "." + p[1] + "." + p[2]));
    cases.add(c("alg missing", Jwts.b64("{\"typ\":\"JWT\"}") + "." + p[1] + "." + p[2]));
    cases.add(c("alg as array", Jwts.b64("{\"alg\":[\"HS256\"]}") + "." + p[1] + "." + p[2]));
    cases.add(c("alg lower-case hs256", withHeader("{\"alg\":\"hs256\"}")));

    // stripped, truncated and altered signatures
    cases.add(c("signature stripped", p[0] + "." + p[1] + "."));
    cases.add(c("signature truncated by one", good.substring(0, good.length() - 1)));
    cases.add(c("signature truncated by four", good.substring(0, good.length() - 4)));
    cases.add(c("signature halved", p[0] + "." + p[1] + "." + p[2].substring(0, p[2].length() / 2)));
    cases.add(c("signature first character changed", p[0] + "." + p[1] + "." + flip(p[2], 0)));
    cases.add(c("signature middle character changed", p[0] + "." + p[1] + "." + flip(p[2], 20)));
    cases.add(c("signature with '=' appended", good + "="));
    cases.add(c("signature with '==' appended", good + "=="));
    cases.add(c("signature doubled", good + p[2]));
    cases.add(c("signature of another payload", p[0] + "." + Jwts.b64(claims(",\"x\":1")) + "." + p[2]));
    cases.add(c("payload changed, signature kept", p[0] + "." + Jwts.b64(claims("").replace("alice", "admin"))
        + "." + p[2]));
    cases.add(c("signature in standard base64 alphabet", p[0] + "." + p[1] + "."
        + p[2].replace('-', '+').replace('_', '/') + (p[2].contains("-") || p[2].contains("_") ? "" : "+")));

    // re-signed with other keys
    cases.add(c("signed with an empty key", Jwts.b64("{\"alg\":\"HS256\"}") + "." + p[1] + "."
        + Jwts.b64(hmacEmptyKey(Jwts.b64("{\"alg\":\"HS256\"}") + "." + p[1]))));
    for (String weak : List.of("secret", "changeme", "abcd123", "your-256-bit-secret", "password", "key",
        "0123456789abcdef0123456789abcdef", SECRET.substring(0, 63), SECRET + "x", SECRET.toUpperCase())) {
      cases.add(c("signed with '" + weak + "'", Jwts.sign("{\"alg\":\"HS256\"}", claims(""), "HmacSHA256",
          weak.getBytes(StandardCharsets.UTF_8))));
    }
    cases.add(c("HS384 with the configured 64-byte secret", Jwts.sign("{\"alg\":\"HS384\"}", claims(""),
        "HmacSHA384", KEY)));
    cases.add(c("HS512 with the configured 64-byte secret", Jwts.sign("{\"alg\":\"HS512\"}", claims(""),
        "HmacSHA512", KEY)));
    for (String alg : List.of("RS256", "ES256", "PS256", "EdDSA", "RS512")) {
      cases.add(c(alg + " header with an HMAC signature", Jwts.sign("{\"alg\":\"" + alg + "\"}", claims(""),
          "HmacSHA256", KEY)));
    }

    // key references in the header: never followed
    cases.add(c("embedded jwk", withHeader("{\"alg\":\"HS256\",\"jwk\":{\"kty\":\"oct\",\"k\":\"" + Jwts.b64("x")
        + "\"}}")));
    cases.add(c("jku to a listener", withHeader("{\"alg\":\"HS256\",\"jku\":\"" + canaryUrl() + "\"}")));
    cases.add(c("x5u to a listener", withHeader("{\"alg\":\"HS256\",\"x5u\":\"" + canaryUrl() + "\"}")));
    cases.add(c("x5c chain", withHeader("{\"alg\":\"HS256\",\"x5c\":[\"MIIB\"]}")));
    for (String kid : List.of("../../../../../../etc/passwd", "/dev/null", "/dev/random", "file:///etc/passwd",
        canaryUrl(), "' OR '1'='1", "1; DROP TABLE keys", "| cat /etc/passwd", "\u0000",
        "${jndi:ldap://127.0.0.1/x}")) {
      cases.add(c("kid '" + kid.replace("\u0000", "\\0") + "' with an empty-key signature",
          Jwts.sign("{\"alg\":\"HS256\",\"kid\":" + json(kid) + "}", claims(""), "HmacSHA256", new byte[] {0})));
    }

    // crit
    cases.add(c("crit with an unknown extension", withHeader("{\"alg\":\"HS256\",\"crit\":[\"exp\"],\"exp\":1}")));
    cases.add(c("crit empty", withHeader("{\"alg\":\"HS256\",\"crit\":[]}")));
    cases.add(c("crit not an array", withHeader("{\"alg\":\"HS256\",\"crit\":\"b64\"}")));
    cases.add(c("b64 false", withHeader("{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}")));
    cases.add(c("zip DEF", withHeader("{\"alg\":\"HS256\",\"zip\":\"DEF\"}")));

    // explicitly typed tokens of other kinds (RFC 8725 section 3.11), correctly signed with every claim in place
    cases.add(c("typ logout+jwt (a back-channel logout token)", typed("\"logout+jwt\"")));
    cases.add(c("typ secevent+jwt (a security event token)", typed("\"secevent+jwt\"")));
    cases.add(c("typ application/logout+jwt", typed("\"application/logout+jwt\"")));
    cases.add(c("typ JWT with a trailing space", typed("\"JWT \"")));
    cases.add(c("typ a number", typed("1")));
    cases.add(c("typ null", typed("null")));

    // segment counts and JWE
    cases.add(c("JWE, five segments", p[0] + "." + p[1] + "." + p[2] + ".AAAA.BBBB"));
    cases.add(c("JWE header with enc", withHeader("{\"alg\":\"dir\",\"enc\":\"A128GCM\"}")));
    cases.add(c("one segment", p[1]));
    cases.add(c("two segments", p[0] + "." + p[1]));
    cases.add(c("four segments", good + ".AAAA"));
    cases.add(c("empty segments", ".."));
    cases.add(c("leading dot", "." + good));

    // base64url strictness
    cases.add(c("padding in the header", p[0] + "=." + p[1] + "." + p[2]));
    cases.add(c("padding in the payload", p[0] + "." + p[1] + "=." + p[2]));
    cases.add(c("'+' in the header", "+" + good.substring(1)));
    cases.add(c("'/' in the payload", p[0] + "./" + p[1].substring(1) + "." + p[2]));
    cases.add(c("'~' in the signature", p[0] + "." + p[1] + ".~" + p[2].substring(1)));
    cases.add(c("non-canonical last header character", noncanonical(p[0]) + "." + p[1] + "." + p[2]));
    cases.add(c("non-canonical last payload character", p[0] + "." + noncanonical(p[1]) + "." + p[2]));
    cases.add(c("non-canonical last signature character", p[0] + "." + p[1] + "." + noncanonical(p[2])));
    cases.add(c("percent-encoded dot", p[0] + "%2E" + p[1] + "." + p[2]));

    // payloads that are not JSON objects
    for (String payload : List.of("[1,2]", "\"alice\"", "42", "null", "true", "{\"sub\":\"alice\"", "not json",
        "", "{\"sub\":\"alice\"}{}", "\uFEFF{\"sub\":\"alice\"}")) {
      cases.add(c("payload " + payload.replace("\uFEFF", "BOM"), withPayload(payload)));
    }
    // header or payload not UTF-8 (RFC 7519 section 7.2), in a member the application never reads: each character
    // below is one byte in ISO-8859-1 (FF; C0 80, an overlong NUL; ED A0 80, a surrogate; E2 82, cut short)
    for (String bytes : List.of("\u00ff", "\u00c0\u0080", "\u00ed\u00a0\u0080", "\u00e2\u0082")) {
      byte[] header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.ISO_8859_1);
      String name = bytes.chars().mapToObj(ch -> String.format("%02X", ch)).collect(Collectors.joining(" "));
      cases.add(c("payload not UTF-8: " + name, Jwts.sign(header,
          claims(",\"x\":\"" + bytes + "\"").getBytes(StandardCharsets.ISO_8859_1), "HmacSHA256", KEY)));
      cases.add(c("header not UTF-8: " + name, Jwts.sign(("{\"alg\":\"HS256\",\"x\":\"" + bytes + "\"}")
          .getBytes(StandardCharsets.ISO_8859_1), claims("").getBytes(StandardCharsets.UTF_8), "HmacSHA256", KEY)));
    }
    // member names with white space around them, which jjwt trimmed: duplicates to it, unknown claims to others
    cases.add(c("' roles' beside none", withPayload(claims(",\" roles\":[\"admin\"]"))));
    cases.add(c("'roles ' after roles", withPayload(claims(",\"roles\":[\"user\"],\"roles \":[\"admin\"]"))));
    cases.add(c("'\\tsub' after an unknown sub", withPayload("{\"sub\":\"mallory\",\"\\tsub\":\"alice\",\"iat\":" + t
        + ",\"exp\":" + (t + 600) + "}")));
    cases.add(c("' exp' after an expired exp", withPayload("{\"sub\":\"alice\",\"iat\":" + (t - 600) + ",\"exp\":"
        + (t - 300) + ",\" exp\":" + (t + 600) + "}")));
    cases.add(c("' alg' in the header", withHeader("{\"alg\":\"HS256\",\" alg\":\"HS256\"}")));
    // duplicates and depth
    cases.add(c("duplicate sub", withPayload("{\"sub\":\"mallory\",\"sub\":\"alice\",\"iat\":" + t + ",\"exp\":"
        + (t + 60) + "}")));
    cases.add(c("duplicate exp", withPayload("{\"sub\":\"alice\",\"iat\":" + t + ",\"exp\":1,\"exp\":" + (t + 60)
        + "}")));
    cases.add(c("duplicate alg in the header", withHeader("{\"alg\":\"none\",\"alg\":\"HS256\"}")));
    cases.add(c("deeply nested extras", withPayload(claims(",\"x\":" + "[".repeat(1000) + "]".repeat(1000)))));
    cases.add(c("deeply nested header", withHeader("{\"alg\":\"HS256\",\"x\":" + "{\"a\":".repeat(200) + "1"
        + "}".repeat(200) + "}")));
    cases.add(c("oversized token", withPayload(claims(",\"pad\":\"" + "x".repeat(10_000) + "\""))));
    cases.add(c("oversized header", withHeader("{\"alg\":\"HS256\",\"pad\":\"" + "y".repeat(9_000) + "\"}")));

    // time claims
    String iat = String.valueOf(t);
    String exp = String.valueOf(t + 600);
    cases.add(c("exp missing", timeClaims(iat, null, null)));
    cases.add(c("exp null", timeClaims(iat, "null", null)));
    cases.add(c("exp string", timeClaims(iat, "\"" + exp + "\"", null)));
    cases.add(c("exp ISO string", timeClaims(iat, "\"2099-01-01T00:00:00Z\"", null)));
    cases.add(c("exp float", timeClaims(iat, exp + ".5", null)));
    cases.add(c("exp negative", timeClaims(iat, "-1", null)));
    cases.add(c("exp beyond long", timeClaims(iat, "99999999999999999999999", null)));
    cases.add(c("exp after year 9999", timeClaims(iat, "253402300800", null)));
    cases.add(c("exp exactly now", timeClaims(String.valueOf(t - 60), String.valueOf(t), null)));
    cases.add(c("exp one second ago", timeClaims(String.valueOf(t - 60), String.valueOf(t - 1), null)));
    cases.add(c("exp as boolean", timeClaims(iat, "true", null)));
    cases.add(c("iat missing", timeClaims(null, exp, null)));
    cases.add(c("iat null", timeClaims("null", exp, null)));
    cases.add(c("iat string", timeClaims("\"" + iat + "\"", exp, null)));
    cases.add(c("iat in the future", timeClaims(String.valueOf(t + 300), exp, null)));
    cases.add(c("iat float", timeClaims(iat + ".25", exp, null)));
    cases.add(c("nbf in the future", timeClaims(iat, exp, String.valueOf(t + 300))));
    cases.add(c("nbf string", timeClaims(iat, exp, "\"" + iat + "\"")));
    cases.add(c("nbf negative", timeClaims(iat, exp, "-5")));

    // sub
    cases.add(c("sub missing", withPayload("{\"iat\":" + t + ",\"exp\":" + (t + 60) + "}")));
    cases.add(c("sub empty", withPayload("{\"sub\":\"\",\"iat\":" + t + ",\"exp\":" + (t + 60) + "}")));
    cases.add(c("sub number", withPayload("{\"sub\":1,\"iat\":" + t + ",\"exp\":" + (t + 60) + "}")));
    cases.add(c("sub array", withPayload("{\"sub\":[\"alice\"],\"iat\":" + t + ",\"exp\":" + (t + 60) + "}")));
    cases.add(c("sub null", withPayload("{\"sub\":null,\"iat\":" + t + ",\"exp\":" + (t + 60) + "}")));
    cases.add(c("sub object", withPayload("{\"sub\":{\"id\":\"alice\"},\"iat\":" + t + ",\"exp\":" + (t + 60) + "}")));
    cases.add(c("sub of an unknown user", withPayload(claims("").replace("alice", "mallory"))));
    cases.add(c("roles not strings", withPayload(claims(",\"roles\":[1,2]"))));
    cases.add(c("extras not an object", withPayload(claims(",\"extras\":[1]"))));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void rejected(String name, String token) {
    RawHttp.Response r = server.http.send("GET", "/admin", "Authorization: Bearer " + token);
    assertRefused(name, r);
  }

  /** Issuer and audience against a configuration that requires them (issuer https://issuer.test, audience api). */
  static Stream<Arguments> issuerAndAudience() {
    byte[] key = LOGINS_SECRET.getBytes(StandardCharsets.UTF_8);
    String base = "\"sub\":\"carol\",\"iat\":" + now() + ",\"exp\":" + (now() + 600);
    return Stream.of(
        Arguments.of("no issuer", "{" + base + ",\"aud\":\"api\"}"),
        Arguments.of("other issuer", "{" + base + ",\"iss\":\"https://evil.test\",\"aud\":\"api\"}"),
        Arguments.of("issuer with a trailing slash", "{" + base + ",\"iss\":\"https://issuer.test/\",\"aud\":\"api\"}"),
        Arguments.of("issuer as array", "{" + base + ",\"iss\":[\"https://issuer.test\"],\"aud\":\"api\"}"),
        Arguments.of("no audience", "{" + base + ",\"iss\":\"https://issuer.test\"}"),
        Arguments.of("other audience (string)", "{" + base + ",\"iss\":\"https://issuer.test\",\"aud\":\"web\"}"),
        Arguments.of("other audiences (array)",
            "{" + base + ",\"iss\":\"https://issuer.test\",\"aud\":[\"web\",\"x\"]}"),
        Arguments.of("audience of another case", "{" + base + ",\"iss\":\"https://issuer.test\",\"aud\":\"API\"}"),
        Arguments.of("audience number", "{" + base + ",\"iss\":\"https://issuer.test\",\"aud\":1}"))
        .map(a -> Arguments.of(a.get()[0], Jwts.hs256((String) a.get()[1], key)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("issuerAndAudience")
  void issuerAndAudienceMismatchesAreRejected(String name, String token) {
    assertRefused(name, logins.http.send("GET", "/whoami", "Authorization: Bearer " + token));
  }

  @Test
  void matchingIssuerAndAudienceAreAccepted() {
    String base = "\"sub\":\"carol\",\"iat\":" + now() + ",\"exp\":" + (now() + 600)
        + ",\"iss\":\"https://issuer.test\"";
    byte[] key = LOGINS_SECRET.getBytes(StandardCharsets.UTF_8);
    assertEquals(200, logins.http.send("GET", "/whoami", "Authorization: Bearer "
        + Jwts.hs256("{" + base + ",\"aud\":\"api\"}", key)).status);
    assertEquals(200, logins.http.send("GET", "/whoami", "Authorization: Bearer "
        + Jwts.hs256("{" + base + ",\"aud\":[\"web\",\"api\"]}", key)).status);
  }

  @Test
  void theCorpusHasAtLeastAHundredCases() {
    assertTrue(corpus().count() + issuerAndAudience().count() >= 100, "corpus too small");
  }

  @Test
  void deepNestingIsRefusedByTheParserNotByTheLengthBound() {
    String nested = withPayload(claims(",\"x\":" + "[".repeat(1000) + "]".repeat(1000)));
    assertTrue(nested.length() < 8192, "the case must fit under the length bound");
    RawHttp.Response r = server.http.send("GET", "/admin", "Authorization: Bearer " + nested);
    assertEquals(401, r.status);
    assertTrue(r.header("WWW-Authenticate").contains(AuthFailure.MALFORMED_TOKEN.description()), r.toString());
  }

  /** A token typed as a JWT or as an access token (RFC 9068), in any case, or not typed at all, passes. */
  @ParameterizedTest
  @ValueSource(strings = {"", ",\"typ\":\"JWT\"", ",\"typ\":\"jwt\"", ",\"typ\":\"at+jwt\"",
      ",\"typ\":\"application/at+jwt\"", ",\"typ\":\"AT+JWT\"", ",\"typ\":\"application/jwt\""})
  void accessTokenTypesPass(String typ) {
    String token = hs256("{\"alg\":\"HS256\"" + typ + "}", claims(""));
    assertEquals(200, server.http.send("GET", "/admin", "Authorization: Bearer " + token).status, typ);
  }

  @Test
  void aKidChangesNothing() {
    String signed = Jwts.sign("{\"alg\":\"HS256\",\"kid\":\"../../etc/passwd\"}", claims(""), "HmacSHA256", KEY);
    assertEquals(200, server.http.send("GET", "/admin", "Authorization: Bearer " + signed).status,
        "a kid is ignored: the key always comes from the configuration");
  }

  static void assertRefused(String name, RawHttp.Response r) {
    assertTrue(r.status == 401 || r.status == 400, name + " -> " + r);
    String challenge = r.header("WWW-Authenticate");
    assertTrue(challenge != null && challenge.startsWith("Bearer realm=\"api\""), name + " -> " + r);
    int at = challenge.indexOf("error_description=\"");
    if (at >= 0) {
      String description = challenge.substring(at + "error_description=\"".length(), challenge.length() - 1);
      assertTrue(DESCRIPTIONS.contains(description), name + ": not a fixed description: " + description);
    }
    assertNoExceptionText(name, r);
    assertEquals(0, ItApplication.protectedRuns(), name + " ran a protected resource");
  }

  static void assertNoExceptionText(String name, RawHttp.Response r) {
    String leak = exceptionText(r.toString());
    assertTrue(leak == null, name + " leaks '" + leak + "': " + r);
    assertNotEquals(500, r.status, name);
  }

  /**
   * JWTs (a header's base64url always starts {@code eyJ}) and refresh tokens (43 base64url characters) a response
   * issues: random text that spells anything, as a signature holding {@code jJWt} did in one run.
   */
  private static final Pattern ISSUED = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*"
      + "|(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])");

  /** The first text of an exception, a library's name or a stack frame in a response, tokens it issues aside. */
  static String exceptionText(String response) {
    String all = ISSUED.matcher(response).replaceAll("<issued>").toLowerCase(java.util.Locale.ROOT);
    for (String leak : List.of("exception", "jjwt", "jackson", "\tat ", "caused by", "stack", "java.")) {
      if (all.contains(leak)) {
        return leak;
      }
    }
    return null;
  }

  @Test
  void theLeakCheckSkipsIssuedTokensOnly() {
    String jwt = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ3cml0ZXIifQ."
        + "bxAD5CbH7W1Ks2RPF9v4hzQ1LkKILCeR35jJWtANzgQ";
    String refresh = "jJWt" + "A".repeat(39);
    assertEquals(null, exceptionText("200\n\n{\"access_token\":\"" + jwt + "\",\"refresh_token\":\"" + refresh
        + "\"}"));
    assertEquals(null, exceptionText("200\nSet-Cookie: token=" + jwt + "; Path=/\n\n"));
    assertEquals("jjwt", exceptionText("400\n\n{\"detail\":\"io.jsonwebtoken.jjwt failed\",\"t\":\"" + jwt
        + "\"}"));
    assertEquals("jjwt", exceptionText("400\n\n{\"detail\":\"" + refresh + "x\"}"));
    assertEquals("exception", exceptionText("500\n\n" + jwt + "java.lang.IllegalStateException"));
    assertEquals("java.", exceptionText("500\n\nat java.base/java.lang.Thread.run"));
  }

  private static String flip(String s, int at) {
    char c = s.charAt(at);
    return s.substring(0, at) + (c == 'A' ? 'B' : 'A') + s.substring(at + 1);
  }

  /** The same bytes with the unused low bits of the last character set: a second encoding of the same value. */
  private static String noncanonical(String segment) {
    if (segment.length() % 4 == 0) {
      return segment + "A"; // a lone extra character: also not canonical
    }
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int last = alphabet.indexOf(segment.charAt(segment.length() - 1));
    return segment.substring(0, segment.length() - 1) + alphabet.charAt(last | 1);
  }

  private static byte[] hmacEmptyKey(String input) {
    // A zero-length HMAC key: Java's SecretKeySpec refuses it, so the key is one zero byte, which HMAC pads to the
    // same block as the empty key.
    return Jwts.hmac("HmacSHA256", new byte[] {0}, input);
  }

  private static String json(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        out.append('\\').append(ch);
      } else if (ch < 0x20) {
        out.append(String.format("\\u%04x", (int) ch));
      } else {
        out.append(ch);
      }
    }
    return out.append('"').toString();
  }
}
