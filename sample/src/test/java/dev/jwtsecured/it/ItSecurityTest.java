package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.it.secured.ItApplication;
import dev.jwtsecured.it.secured.ItSecurityJwtFeature;
import dev.jwtsecured.runtime.AuthFailure;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.ServerPerClass;
import dev.jwtsecured.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The filter through real HTTP: a Jersey server on an ephemeral port, requests written byte by byte.
 * Every rejected request also checks that no protected resource method ran.
 */
class ItSecurityTest {
  /** 64 bytes: long enough for HS512, so an HS512 token signed with it is refused only for its algorithm. */
  static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  static final byte[] KEY = SECRET.getBytes(StandardCharsets.UTF_8);
  static final String INVALID_TOKEN_PREFIX = "Bearer realm=\"api\", error=\"invalid_token\", error_description=\"";
  static final Set<String> DESCRIPTIONS =
      Arrays.stream(AuthFailure.values()).map(AuthFailure::description).collect(Collectors.toSet());
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.withFixture(ItApplication.class,
      () -> new ItApplication(s -> s.secret(SECRET)),
      application -> TestServer.start(application.feature(), ItSecurityJwtFeature.classes(),
          ItApplication.resources()));

  RawHttp http;
  ItApplication application;

  @BeforeEach
  void reset(TestServer server, ItApplication application) {
    this.http = server.http;
    this.application = application;
    ItApplication.reset();
    ItApplication.know("alice");
    ItApplication.know("bob");
  }

  static long now() {
    return Instant.now().getEpochSecond();
  }

  static String claims(String sub) {
    return "{\"sub\":\"" + sub + "\",\"iat\":" + now() + ",\"exp\":" + (now() + 600) + ",\"jti\":\"j-" + sub + "\"}";
  }

  static String valid(String sub) {
    return Jwts.hs256(claims(sub), KEY);
  }

  /** Logs in through the excluded /login resource and returns the JWT from the body. */
  String login(String sub, String... roles) throws Exception {
    StringBuilder query = new StringBuilder("/login?sub=" + sub);
    for (String r : roles) {
      query.append("&role=").append(r);
    }
    RawHttp.Response r = http.sendBody("POST", query.toString(), "");
    assertEquals(201, r.status, r.toString());
    return JSON.readTree(r.body).get("token").asText();
  }

  RawHttp.Response get(String path, String... headers) {
    return http.send("GET", path, headers);
  }

  static void assertNoToken(RawHttp.Response r) {
    assertEquals(401, r.status, r.toString());
    assertEquals("Bearer realm=\"api\"", r.header("WWW-Authenticate"));
    assertEquals("{\"status_code\":401,\"detail\":\"No JWT token found in request header\"}", r.body);
    assertEquals(0, ItApplication.protectedRuns(), "a protected resource ran");
  }

  static void assertInvalidToken(RawHttp.Response r, String detail) {
    assertEquals(401, r.status, r.toString());
    String challenge = r.header("WWW-Authenticate");
    assertTrue(challenge.startsWith(INVALID_TOKEN_PREFIX), challenge);
    String description = challenge.substring(INVALID_TOKEN_PREFIX.length(), challenge.length() - 1);
    assertTrue(DESCRIPTIONS.contains(description), "not a fixed description: " + description);
    assertEquals("{\"status_code\":401,\"detail\":\"" + detail + "\"}", r.body);
    assertEquals(0, ItApplication.protectedRuns(), "a protected resource ran");
  }

  // ---- login and the typed access point ----

  @Test
  void loggedInTokenReachesTheTypedAccessPoint() throws Exception {
    String jwt = login("alice");
    RawHttp.Response r = get("/me", "Authorization: Bearer " + jwt);
    assertEquals(200, r.status, r.toString());
    assertEquals("alice|alice|alice|Bearer|true", r.body);
  }

  @Test
  void schemeIsCaseInsensitive() throws Exception {
    assertEquals(200, get("/me", "Authorization: bEaReR " + valid("alice")).status);
  }

  // ---- no credentials ----

  @Test
  void noHeaderIs401WithoutError() {
    assertNoToken(get("/admin"));
  }

  @Test
  void basicSchemeIsTreatedAsNoToken() {
    assertNoToken(get("/admin", "Authorization: Basic YWxpY2U6d29uZGVybGFuZA=="));
  }

  @Test
  void headerOfAnotherNameIsIgnored() {
    assertNoToken(get("/admin", "X-Authorization: Bearer " + valid("alice")));
  }

  // ---- invalid tokens ----

  static Stream<Arguments> invalidTokens() {
    long now = now();
    String good = valid("alice");
    String[] parts = good.split("\\.");
    String otherKeySigned = Jwts.hs256(claims("alice"), "another-secret-another-secret-another-secret!!".getBytes());
    Stream<Arguments> noneVariants = Stream.of("none", "None", "NONE", "nOnE").flatMap(alg -> Stream.of(
        Arguments.of("alg " + alg + ", no signature",
            Jwts.b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + parts[1] + "."),
        Arguments.of("alg " + alg + ", original signature",
            Jwts.b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2])));
    return Stream.concat(noneVariants, Stream.of(
        Arguments.of("garbage", "not-a-jwt"),
        Arguments.of("three garbage segments", "abc.def.ghi"),
        Arguments.of("expired", Jwts.hs256(
            "{\"sub\":\"alice\",\"iat\":" + (now - 600) + ",\"exp\":" + (now - 10) + "}", KEY)),
        Arguments.of("wrong signature", otherKeySigned),
        Arguments.of("HS512 with the same 64-byte secret", Jwts.sign(
            "{\"alg\":\"HS512\",\"typ\":\"JWT\"}", claims("alice"), "HmacSHA512", KEY)),
        Arguments.of("HS384 with the same secret", Jwts.sign(
            "{\"alg\":\"HS384\",\"typ\":\"JWT\"}", claims("alice"), "HmacSHA384", KEY)),
        Arguments.of("no sub", Jwts.hs256("{\"iat\":" + now + ",\"exp\":" + (now + 60) + "}", KEY)),
        Arguments.of("empty sub", Jwts.hs256("{\"sub\":\"\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}", KEY)),
        Arguments.of("numeric sub", Jwts.hs256("{\"sub\":7,\"iat\":" + now + ",\"exp\":" + (now + 60) + "}", KEY)),
        Arguments.of("no exp", Jwts.hs256("{\"sub\":\"alice\",\"iat\":" + now + "}", KEY)),
        Arguments.of("no iat", Jwts.hs256("{\"sub\":\"alice\",\"exp\":" + (now + 60) + "}", KEY)),
        Arguments.of("exp as a string", Jwts.hs256(
            "{\"sub\":\"alice\",\"iat\":" + now + ",\"exp\":\"" + (now + 60) + "\"}", KEY)),
        Arguments.of("exp as an ISO date", Jwts.hs256(
            "{\"sub\":\"alice\",\"iat\":" + now + ",\"exp\":\"2099-01-01T00:00:00Z\"}", KEY)),
        Arguments.of("iat in the future", Jwts.hs256(
            "{\"sub\":\"alice\",\"iat\":" + (now + 3600) + ",\"exp\":" + (now + 7200) + "}", KEY)),
        Arguments.of("nbf in the future", Jwts.hs256(
            "{\"sub\":\"alice\",\"iat\":" + now + ",\"nbf\":" + (now + 3600) + ",\"exp\":" + (now + 7200) + "}", KEY)),
        Arguments.of("signature with '=' appended", good + "="),
        Arguments.of("signature truncated", good.substring(0, good.length() - 2)),
        Arguments.of("signature stripped", parts[0] + "." + parts[1] + "."),
        Arguments.of("payload not a JSON object", Jwts.sign("{\"alg\":\"HS256\"}", "[1,2]", "HmacSHA256", KEY)),
        Arguments.of("duplicate sub", Jwts.hs256(
            "{\"sub\":\"mallory\",\"sub\":\"alice\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}", KEY)),
        Arguments.of("JWE-shaped", "a.b.c.d.e"),
        Arguments.of("too long", Jwts.hs256("{\"sub\":\"alice\",\"iat\":" + now + ",\"exp\":" + (now + 60)
            + ",\"pad\":\"" + "x".repeat(9000) + "\"}", KEY))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidTokens")
  void invalidTokenIs401InvalidToken(String name, String token) {
    assertInvalidToken(get("/admin", "Authorization: Bearer " + token), "Invalid token");
  }

  @Test
  void unknownUserIs401Unauthorized() {
    assertInvalidToken(get("/admin", "Authorization: Bearer " + valid("mallory")), "Unauthorized");
  }

  @Test
  void revokedTokenIs401UnauthorizedEvenThoughItIsCached() {
    String jti = java.util.UUID.randomUUID().toString();
    String jwt = Jwts.hs256("{\"sub\":\"alice\",\"iat\":" + now() + ",\"exp\":" + (now() + 600) + ",\"jti\":\""
        + jti + "\"}", KEY);
    int cachedBefore = application.feature().auth().cachedTokens();
    assertEquals(200, get("/admin", "Authorization: Bearer " + jwt).status);
    assertEquals(200, get("/admin", "Authorization: Bearer " + jwt).status); // a second use: cached from here on
    assertEquals(cachedBefore + 1, application.feature().auth().cachedTokens(), "the token is cached now");
    ItApplication.reset();
    ItApplication.know("alice");
    ItApplication.revoke(jti);
    assertInvalidToken(get("/admin", "Authorization: Bearer " + jwt), "Unauthorized");
  }

  @Test
  void aTamperedVariantOfACachedTokenIsRejected() {
    String jwt = valid("alice");
    assertEquals(200, get("/admin", "Authorization: Bearer " + jwt).status);
    assertEquals(200, get("/admin", "Authorization: Bearer " + jwt).status);
    ItApplication.reset();
    ItApplication.know("alice");
    assertInvalidToken(get("/admin", "Authorization: Bearer " + jwt + "="), "Invalid token");
  }

  // ---- malformed requests ----

  static void assertInvalidRequest(RawHttp.Response r) {
    assertEquals(400, r.status, r.toString());
    assertTrue(r.header("WWW-Authenticate").startsWith("Bearer realm=\"api\", error=\"invalid_request\""),
        r.header("WWW-Authenticate"));
    assertTrue(r.body.startsWith("{\"status_code\":400,"), r.body);
    assertEquals(0, ItApplication.protectedRuns(), "a protected resource ran");
  }

  @Test
  void emptyBearerIs400() {
    assertInvalidRequest(get("/admin", "Authorization: Bearer"));
    assertInvalidRequest(get("/admin", "Authorization: Bearer    "));
  }

  @Test
  void twoAuthorizationHeadersAre400() {
    assertInvalidRequest(get("/admin", "Authorization: Bearer " + valid("alice"),
        "Authorization: Bearer " + valid("bob")));
  }

  @Test
  void commaJoinedCredentialsAre400() {
    assertInvalidRequest(get("/admin", "Authorization: Bearer " + valid("alice") + ", Bearer " + valid("bob")));
  }

  @Test
  void trailingWordsAre400() {
    assertInvalidRequest(get("/admin", "Authorization: Bearer " + valid("alice") + " extra"));
  }

  @Test
  void illegalCharactersInTheCredentialsAre400() {
    assertInvalidRequest(get("/admin", "Authorization: Bearer " + valid("alice").replace('.', '!')));
  }

  @Test
  void queryStringTokenIsIgnored() {
    assertNoToken(get("/admin?access_token=" + valid("alice")));
  }

  // ---- exclusion, methods, routing ----

  @Test
  void loginIsExcluded() throws Exception {
    assertTrue(login("alice").split("\\.").length == 3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/loginx", "/api/login", "/admin;login", "/admin?x=/login", "/login/../admin",
      "/items/%2e%2e", "/admin%3Blogin"})
  void lookalikesOfAnExcludedPathStayProtected(String path) {
    RawHttp.Response r = get(path);
    // 400: the server refused an ambiguous path (Jetty's URI compliance refuses encoded dot-segments) before JAX-RS.
    assertTrue(r.status == 400 || r.status == 401 || r.status == 404, path + " -> " + r);
    assertEquals(0, ItApplication.protectedRuns(), path + " ran a protected resource without a token");
    if (r.status == 401) {
      assertEquals("Bearer realm=\"api\"", r.header("WWW-Authenticate"));
    }
  }

  @Test
  void protectedLookalikesAnswer401NotJust404() {
    for (String path : new String[] {"/loginx", "/api/login", "/admin;login", "/admin?x=/login"}) {
      assertEquals(401, get(path).status, path);
    }
    assertEquals(200, get("/admin;login", "Authorization: Bearer " + valid("alice")).status);
    assertEquals("admin", get("/admin?x=/login", "Authorization: Bearer " + valid("alice")).body);
  }

  @Test
  void optionsSkipsAuthentication() {
    RawHttp.Response r = http.send("OPTIONS", "/admin");
    assertEquals(200, r.status, r.toString());
    assertNull(r.header("WWW-Authenticate"));
  }

  @Test
  void headOnAProtectedGetNeedsAToken() {
    RawHttp.Response r = http.send("HEAD", "/admin");
    assertEquals(401, r.status, r.toString());
    assertEquals(0, ItApplication.protectedRuns());
    assertEquals(200, http.send("HEAD", "/admin", "Authorization: Bearer " + valid("alice")).status);
  }

  @Test
  void unknownPathIs404BeforeAuthentication() {
    RawHttp.Response r = get("/no-such-path");
    assertEquals(404, r.status, r.toString());
    assertNull(r.header("WWW-Authenticate"));
  }

  @Test
  void wrongMethodIs405BeforeAuthentication() {
    RawHttp.Response r = http.send("DELETE", "/admin");
    assertEquals(405, r.status, r.toString());
    assertNull(r.header("WWW-Authenticate"));
  }

  // ---- @PermitAll, @DenyAll, @RolesAllowed ----

  @Test
  void permitAllNeedsNoToken() {
    RawHttp.Response r = get("/public");
    assertEquals(200, r.status, r.toString());
    assertEquals("public|false|false", r.body);
  }

  @Test
  void permitAllIgnoresEvenAnInvalidToken() {
    assertEquals(200, get("/public", "Authorization: Bearer garbage").status);
  }

  @Test
  void denyAllIs403EvenWithAValidToken() {
    RawHttp.Response r = get("/closed", "Authorization: Bearer " + valid("alice"));
    assertEquals(403, r.status, r.toString());
    assertEquals("{\"status_code\":403,\"detail\":\"Forbidden\"}", r.body);
    assertEquals(0, ItApplication.protectedRuns());
  }

  /** A {@code @DenyAll} refusal is a security event before any token is read: no subject, the request named. */
  @Test
  void denyAllIsReportedAsADenial() {
    java.util.Queue<dev.jwtsecured.runtime.SecurityEvent> events = new java.util.concurrent.ConcurrentLinkedQueue<>();
    ItApplication reporting = new ItApplication(s -> s.secret(SECRET).securityEvents(events::add));
    try (TestServer server = TestServer.start(reporting.feature(), ItSecurityJwtFeature.classes(),
        ItApplication.resources())) {
      assertEquals(403, server.http.send("GET", "/closed", "Authorization: Bearer " + valid("alice")).status);
      assertEquals(java.util.List.of(new dev.jwtsecured.runtime.SecurityEvent(
          dev.jwtsecured.runtime.SecurityEvent.Kind.REQUEST_DENIED, events.peek().time(), null, null, null,
          AuthFailure.DENIED, "GET /closed")), java.util.List.copyOf(events));
    }
  }

  @Test
  void rolesAllowedWithoutTheRoleIs403InsufficientScope() throws Exception {
    RawHttp.Response r = get("/admin-only", "Authorization: Bearer " + login("alice", "user"));
    assertEquals(403, r.status, r.toString());
    assertEquals("Bearer realm=\"api\", error=\"insufficient_scope\", error_description=\""
        + AuthFailure.INSUFFICIENT_SCOPE.description() + "\", scope=\"admin\"", r.header("WWW-Authenticate"));
    assertEquals("{\"status_code\":403,\"detail\":\"Forbidden\"}", r.body);
    assertEquals(0, ItApplication.protectedRuns());
  }

  @Test
  void rolesAllowedWithTheRoleRuns() throws Exception {
    RawHttp.Response r = get("/admin-only", "Authorization: Bearer " + login("bob", "user", "admin"));
    assertEquals(200, r.status, r.toString());
    assertEquals(1, ItApplication.protectedRuns());
  }

  @Test
  void rolesAllowedReadsSpaceSeparatedRolesAndScope() {
    long now = now();
    String spaceSeparated = Jwts.hs256("{\"sub\":\"bob\",\"iat\":" + now + ",\"exp\":" + (now + 60)
        + ",\"roles\":\"user admin\"}", KEY);
    assertEquals(200, get("/admin-only", "Authorization: Bearer " + spaceSeparated).status);
    String scoped = Jwts.hs256("{\"sub\":\"bob\",\"iat\":" + now + ",\"exp\":" + (now + 60)
        + ",\"scope\":\"read admin\"}", KEY);
    assertEquals(200, get("/admin-only", "Authorization: Bearer " + scoped).status);
  }

  @Test
  void methodPermitAllBeatsClassRolesAllowed() throws Exception {
    assertEquals(200, get("/staff/open").status);
    assertEquals(401, get("/staff").status);
    assertEquals(403, get("/staff", "Authorization: Bearer " + login("alice", "user")).status);
    assertEquals(200, get("/staff", "Authorization: Bearer " + login("alice", "staff")).status);
  }

  @Test
  void errorResponsesNeverEchoTheToken() {
    String token = valid("mallory");
    RawHttp.Response r = get("/admin", "Authorization: Bearer " + token);
    assertNotEquals(200, r.status);
    assertTrue(!r.toString().contains(token.split("\\.")[2]) && !r.toString().contains("mallory"), r.toString());
  }

  @Test
  void loginTokenHasTheDocumentedClaims() throws Exception {
    JsonNode claims = JSON.readTree(Jwts.payload(login("alice", "admin")));
    assertEquals("alice", claims.get("sub").asText());
    assertEquals(86400, claims.get("exp").asLong() - claims.get("iat").asLong());
    assertTrue(claims.get("jti").asText().length() >= 32, claims.toString());
    assertEquals("[\"admin\"]", claims.get("roles").toString());
    assertEquals("{}", claims.get("extras").toString());
  }
}
