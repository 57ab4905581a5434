package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.it.rootlocator.BucketsSecurity;
import dev.jwtsecured.it.rootlocator.BucketsSecurityJwtFeature;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Host headers that are no URI authority, on every kind of route the library serves or guards. RFC 9112 section 3.2
 * asks a server to answer 400; Undertow passes them on, and RESTEasy builds the request's URI from them only when
 * asked, throwing then. The library asked (to log a refusal, for the locator guard's path, for the base path of the
 * token endpoint, the OpenAPI document and the refresh cookie), and the exception left the filter: a 401 became a 500
 * whose page held the stack trace (each kind of case below, on RESTEasy 7). Now the library refuses such a request
 * with its 400 {@code invalid_request} wherever it needs a token, a path or a base path. Jetty (the sample's server)
 * and the Undertow of RESTEasy 6.2 answer 400 themselves, and so do Grizzly and Apache CXF (whose servlet fails on
 * these before any JAX-RS code runs) with the recipes of the README's "Tested runtimes".
 */
class MalformedHostTest {
  /** Authorities {@link java.net.URI} refuses: a bad port, a space, an unclosed or malformed IPv6 literal. */
  static final List<String> HOSTS = List.of("x:|", "[::1]:x", "x y", "[::1", "[v1.x]");

  static RawHttp.Response send(TestServer server, String method, String target, String host, String... headers) {
    StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n");
    for (String h : headers) {
      request.append(h).append("\r\n");
    }
    String body = method.equals("POST") ? "grant_type=password&username=ada&password=pw" : null;
    if (body != null) {
      request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(body.length())
          .append("\r\n");
    }
    request.append("Connection: close\r\n\r\n").append(body == null ? "" : body);
    return server.http.raw(request.toString());
  }

  static void assertBadRequest(String context, RawHttp.Response r) {
    assertEquals(400, r.status, context + ": " + r + r.body);
    AttackCorpusTest.assertNoExceptionText(context, r);
    // The library's JSON, or the empty 400 of a server that refuses the Host itself (RESTEasy 6.2's Undertow).
    assertTrue(r.body.isEmpty() || r.body.startsWith("{\"status_code\":400,"), context + ": " + r.body);
  }

  @Test
  void theLocatorGuardTheTokenEndpointAndTheOpenApiDocumentAnswer400() throws Exception {
    BucketsSecurityJwtFeature feature =
        new BucketsSecurityJwtFeature(BucketsSecurityJwtFeature.settings().secret(CxfTest.SECRET).build());
    try (TestServer server = TestServer.startAt("", List.of(feature), BucketsSecurityJwtFeature.classes(),
        BucketsSecurity.Buckets.class, BucketsSecurity.Status.class)) {
      String ada = CxfTest.bearer(server.http, "ada");
      int runs = BucketsSecurity.LOCATOR_RUNS.get();
      for (String host : HOSTS) {
        assertBadRequest("locator, anonymous, Host " + host, send(server, "GET", "/photos/cat.jpg", host));
        assertBadRequest("locator, ada, Host " + host, send(server, "GET", "/photos/cat.jpg", host, ada));
        assertBadRequest("token endpoint, Host " + host, send(server, "POST", "/login", host));
        assertBadRequest("OpenAPI, Host " + host, send(server, "GET", "/openapi.json", host));
        RawHttp.Response status = send(server, "GET", "/status", host);
        assertTrue(status.status < 500, "public, Host " + host + ": " + status);
        AttackCorpusTest.assertNoExceptionText("public, Host " + host, status);
      }
      assertEquals(runs, BucketsSecurity.LOCATOR_RUNS.get(), "the locator ran");
    }
  }

  @Test
  void protectedResourcesAnswer400WithAndWithoutALoginCookie() throws Exception {
    try (TestServer server = RefreshCookieTest.startInMemory()) {
      String cookie = RefreshCookieTest.loginCookies(server.http);
      for (String host : HOSTS) {
        assertBadRequest("anonymous, Host " + host, send(server, "GET", "/whoami", host));
        assertBadRequest("ada, Host " + host, send(server, "GET", "/whoami", host, cookie));
        assertBadRequest("logout, Host " + host, send(server, "POST", "/logout", host, cookie));
      }
      assertEquals(200, server.http.send("GET", "/whoami", cookie).status);
    }
  }
}
