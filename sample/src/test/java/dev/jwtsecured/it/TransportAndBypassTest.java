package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.it.logins.LoginsSecurity;
import dev.jwtsecured.it.logins.LoginsSecurityJwtFeature;
import dev.jwtsecured.it.secured.ItApplication;
import dev.jwtsecured.it.secured.ItSecurityJwtFeature;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.ServerPerClass;
import dev.jwtsecured.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the token travels (RFC 6750 section 2.1), and the exclusion bypass table of SECURITY.md: with
 * {@code exclude = "/login"}, no path trick reaches a protected resource without a token.
 */
class TransportAndBypassTest {
  static final String LOGINS_SECRET = "transport-logins-secret-transport-logins!";
  @RegisterExtension
  static final ServerPerClass SERVER = new ServerPerClass(() -> TestServer.start(
      new ItApplication(s -> s.secret(ItSecurityTest.SECRET)).feature(), ItSecurityJwtFeature.classes(),
      ItApplication.resources()));
  @RegisterExtension
  static final ServerPerClass COOKIES = new ServerPerClass("cookies", () -> TestServer.start(
      new LoginsSecurityJwtFeature(LoginsSecurityJwtFeature.settings().secret(LOGINS_SECRET).build()),
      LoginsSecurityJwtFeature.classes(), LoginsSecurity.WhoAmI.class));

  TestServer server;
  TestServer cookies;
  String token;

  @BeforeEach
  void reset(TestServer server, @ServerPerClass.Named("cookies") TestServer cookies) {
    this.server = server;
    this.cookies = cookies;
    ItApplication.reset();
    ItApplication.know("alice");
    token = ItSecurityTest.valid("alice");
  }

  RawHttp.Response admin(String... headers) {
    return server.http.send("GET", "/admin", headers);
  }

  // ---- transport ----

  @ParameterizedTest
  @ValueSource(strings = {"Bearer", "bearer", "BEARER", "BeArEr"})
  void schemeIsCaseInsensitive(String scheme) {
    assertEquals(200, admin("Authorization: " + scheme + " " + token).status);
  }

  @Test
  void severalSpacesAfterTheScheme() {
    assertEquals(200, admin("Authorization: Bearer  " + token).status, "RFC 7235: 1*SP");
  }

  @Test
  void tabAfterTheSchemeIsRefusedWhereItReachesTheFilter() {
    RawHttp.Response r = admin("Authorization: Bearer\t" + token);
    if (!TestServer.jersey()) {
      // Undertow (under RESTEasy and CXF) folds the tab into a space before JAX-RS sees the header.
      assertEquals(200, r.status, r.toString());
    } else {
      // Jetty and Grizzly pass it on unchanged; RFC 6750 allows only spaces there (CredentialsTest pins the parser).
      assertEquals(400, r.status, r.toString());
      assertTrue(r.header("WWW-Authenticate").contains("error=\"invalid_request\""), r.toString());
    }
  }

  @Test
  void lowerCaseHeaderName() {
    assertEquals(200, admin("authorization: Bearer " + token).status);
  }

  @Test
  void emptyToken() {
    RawHttp.Response r = admin("Authorization: Bearer ");
    assertEquals(400, r.status);
    assertTrue(r.header("WWW-Authenticate").contains("error=\"invalid_request\""));
  }

  @Test
  void tokenPlusTrailingWords() {
    assertEquals(400, admin("Authorization: Bearer " + token + " please").status);
  }

  @Test
  void commaJoinedCredentials() {
    assertEquals(400, admin("Authorization: Bearer " + token + ",Bearer " + token).status);
  }

  @Test
  void repeatedAuthorizationHeaders() {
    assertEquals(400, admin("Authorization: Bearer " + token, "Authorization: Bearer " + token).status);
  }

  @Test
  void queryStringTokenIsIgnored() {
    RawHttp.Response r = server.http.send("GET", "/admin?access_token=" + token);
    assertEquals(401, r.status);
    assertEquals("Bearer realm=\"api\"", r.header("WWW-Authenticate"));
  }

  @Test
  void headerOverTheContainerLimitIsRefusedWithoutRunningAnything() {
    RawHttp.Response r = admin("Authorization: Bearer " + "a".repeat(64 * 1024));
    assertTrue(r.status >= 400 && r.status < 500, r.toString());
    assertEquals(0, ItApplication.protectedRuns());
  }

  @Test
  void manyHeadersAreRefusedWithoutRunningAnything() {
    String[] headers = new String[300];
    for (int i = 0; i < headers.length; i++) {
      headers[i] = "X-Filler-" + i + ": " + i;
    }
    try {
      RawHttp.Response r = server.http.send("GET", "/admin", headers);
      assertTrue(r.status >= 400 && r.status < 500, r.toString());
    } catch (IllegalStateException closedWithoutAnswer) {
      // The JDK container drops a request with too many headers without answering: refused all the same.
      assertTrue(closedWithoutAnswer.getCause().getMessage().contains("no complete response head"));
    }
    assertEquals(0, ItApplication.protectedRuns());
  }

  String cookieToken() {
    long now = Instant.now().getEpochSecond();
    return Jwts.hs256("{\"sub\":\"carol\",\"iat\":" + now + ",\"exp\":" + (now + 60)
        + ",\"iss\":\"https://issuer.test\",\"aud\":\"api\"}", LOGINS_SECRET.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void cookieAlone() {
    assertEquals(200, cookies.http.send("GET", "/whoami", "Cookie: sid=" + cookieToken()).status);
  }

  @Test
  void cookieOfAnotherNameIsNotRead() {
    assertEquals(401, cookies.http.send("GET", "/whoami", "Cookie: token=" + cookieToken()).status);
  }

  @Test
  void headerAndCookieThatDiffer() {
    String first = cookieToken();
    String second = Jwts.hs256("{\"sub\":\"dave\",\"iat\":" + Instant.now().getEpochSecond() + ",\"exp\":"
        + (Instant.now().getEpochSecond() + 60) + ",\"iss\":\"https://issuer.test\",\"aud\":\"api\"}",
        LOGINS_SECRET.getBytes(StandardCharsets.UTF_8));
    RawHttp.Response r = cookies.http.send("GET", "/whoami", "Authorization: Bearer " + first,
        "Cookie: sid=" + second);
    assertEquals(400, r.status, r.toString());
  }

  @Test
  void duplicateCookies() {
    String t = cookieToken();
    assertEquals(400, cookies.http.send("GET", "/whoami", "Cookie: sid=" + t + "; sid=" + t).status);
    assertEquals(400, cookies.http.send("GET", "/whoami", "Cookie: a=1; sid=" + t, "Cookie: sid=x").status);
  }

  // ---- the exclusion bypass table ----

  @ParameterizedTest
  @ValueSource(strings = {"/loginx", "/login;x", "/admin;login", "/api/login", "/login/../admin",
      "/login/%2e%2e/admin", "/login%2F..%2Fadmin", "/LOGIN", "//login", "/%6cogin", "/admin%3Blogin",
      "/admin?x=/login", "/login/", "/./login", "/login%00", "/login%20", "/%2Flogin", "/admin/../login",
      // Request targets that java.net.URI refuses: a malformed escape, a character a URI may not hold.
      "/admin%zz", "/admin%", "/admin%4", "/ad<min", "/admin%7", "/admin|x", "/admin\\x"})
  void noPathTrickRunsAProtectedResource(String path) {
    for (String method : new String[] {"GET", "POST", "HEAD"}) {
      RawHttp.Response r = server.http.send(method, path);
      assertTrue(r.status < 500, method + " " + path + " -> " + r);
      AttackCorpusTest.assertNoExceptionText(method + " " + path, r);
      assertTrue(r.status >= 400, method + " " + path + " answered " + r.status + " without a token");
      assertEquals(0, ItApplication.protectedRuns(), method + " " + path + " ran a protected resource");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/admin;login", "/admin?x=/login", "/loginx", "/api/login"})
  void protectedLookalikesAnswer401(String path) {
    assertEquals(401, server.http.send("GET", path).status, path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/admin", "/me", "/loginx", "/admin-only", "/items/7"})
  void headAndOptionsOnProtectedResources(String path) {
    assertEquals(401, server.http.send("HEAD", path).status, "HEAD " + path);
    RawHttp.Response options = server.http.send("OPTIONS", path);
    assertTrue(options.status == 200 || options.status == 204, "OPTIONS " + path + " -> " + options);
    assertEquals(0, ItApplication.protectedRuns(), path);
  }
}
