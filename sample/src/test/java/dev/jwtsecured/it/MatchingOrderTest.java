package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.it.matching.ShelvesSecurity;
import dev.jwtsecured.it.matching.ShelvesSecurityJwtFeature;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The locator guard leaves to a public method what JAX-RS matches to it before a protected locator, by every key of
 * the matching order, on every runtime: before, only more literal characters counted, and these public methods
 * answered 401 to anonymous callers (the safe direction, but not what the route report and OpenAPI document say).
 * The locators never run without a token.
 */
class MatchingOrderTest {
  @Test
  void publicMethodsThatJaxRsMatchesBeforeAProtectedLocatorNeedNoToken() throws Exception {
    ShelvesSecurityJwtFeature feature =
        new ShelvesSecurityJwtFeature(ShelvesSecurityJwtFeature.settings().secret(CxfTest.SECRET).build());
    try (TestServer server = TestServer.startAt("", List.of(feature), ShelvesSecurityJwtFeature.classes(),
        ShelvesSecurity.Numbered.class, ShelvesSecurity.Labelled.class, ShelvesSecurity.Paired.class,
        ShelvesSecurity.Store.class, ShelvesSecurity.Spaced.class, ShelvesSecurity.Lettered.class,
        ShelvesSecurity.Worded.class, ShelvesSecurity.Escaped.class, ShelvesSecurity.Slashed.class,
        ShelvesSecurity.Typed.class)) {
      RawHttp http = server.http;
      int runs = ShelvesSecurity.RUNS.get();
      // A parameter's value escaped (a%20b, caf%C3%A9, in either case) is the method's too: before, the guard left no
      // path with an escape to a method beside the locator, and asked a token of anonymous callers there.
      for (String[] call : new String[][] {{"/numbered/42", "number 42"}, {"/labelled/x", "label x"},
          {"/paired/xy", "pair"}, {"/store", "index"}, {"/store/", "index"}, {"/lettered/cafe", "word cafe"},
          {"/worded/ab", "words ab"}, {"/labelled/a%20b", "label a b"}, {"/labelled/caf%C3%A9", "label caf\u00e9"},
          {"/labelled/caf%c3%a9", "label caf\u00e9"}}) {
        RawHttp.Response anonymous = http.send("GET", call[0]);
        assertEquals(200, anonymous.status, call[0] + ": " + anonymous);
        assertEquals(call[1], anonymous.body, call[0]);
      }
      // PUT /store: Apache CXF takes it to the locator at {rest: .*}, the rest empty, where Jersey and RESTEasy answer
      // 405; the locator ran there without a token (found by TargetFuzzTest). GET /slashed/x: the guard left it to the
      // public locator at {name}, which JAX-RS sorts before the protected one at "//" by its parameter (200 here); but
      // RESTEasy counts no parameters and takes either, by the order of the class's methods, and ran the protected one
      // without a token in random application 88465.
      for (String[] call : new String[][] {{"GET", "/numbered/a"}, {"DELETE", "/labelled/x"},
          {"GET", "/store/a/b"}, {"GET", "/numbered/42/x"}, {"PUT", "/store"}, {"POST", "/store?"},
          {"GET", "/numbered/%34%32"}, {"GET", "/slashed/x"}}) {
        RawHttp.Response anonymous = http.send(call[0], call[1]);
        assertEquals(401, anonymous.status, String.join(" ", call) + ": " + anonymous);
      }
      assertEquals(runs, ShelvesSecurity.RUNS.get(), "a locator ran before authentication");
      // Escapes whose digits are not ASCII (Arabic-Indic, full-width; sent as UTF-8) are no space, and invalid UTF-8
      // is no character: no runtime takes them to the public method at "a b", nor to a locator before the guard.
      for (String target : List.of("/spaced/a%\u0662\u0660b", "/spaced/a%\uff12\uff10b", "/spaced/a%C3b")) {
        String sent = new String(target.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        RawHttp.Response anonymous = http.send("GET", sent);
        assertTrue(anonymous.status == 400 || anonymous.status == 401, target + ": " + anonymous);
        assertEquals(runs, ShelvesSecurity.RUNS.get(), target + " ran a locator before authentication");
      }
      // The public methods at "a b" and "café" need a token: Quarkus REST takes a%20b and caf%C3%A9 to the locator
      // beside them (the others to the method), and so on some runtime does "café" written otherwise: lower-case
      // digits (RESTEasy and Apache CXF), or raw, as UTF-8 or as one ISO-8859-1 byte (Grizzly passed "é" on as sent,
      // and Jersey took it to the locator). The guard had left each to the public method, and the locator ran.
      String utf8 = new String("/spaced/caf\u00e9".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
      for (String sent : List.of(utf8, "/spaced/caf\u00e9", "/spaced/caf%c3%a9", "/spaced/caf%C3%a9",
          "/spaced/caf%C3%A9", "/spaced/a%20b")) {
        RawHttp.Response anonymous = http.send("GET", sent);
        assertEquals(runs, ShelvesSecurity.RUNS.get(), sent + " ran a locator before authentication");
        assertTrue(anonymous.status == 400 || anonymous.status == 401, sent + ": " + anonymous);
      }
      // A parameter's own regular expression is matched against the path as sent, escapes and all, on every runtime:
      // \p{L}+ takes no caf%C3%A9, [a-z ]+ no a%20b; the guard matched them decoded, and the locator beside ran.
      for (String sent : List.of("/lettered/caf%C3%A9", "/worded/a%20b")) {
        RawHttp.Response anonymous = http.send("GET", sent);
        assertEquals(runs, ShelvesSecurity.RUNS.get(), sent + " ran a locator before authentication");
        assertEquals(401, anonymous.status, sent + ": " + anonymous);
      }
      // A locator at a template written escaped, "caf%C3%A9": Jersey takes caf%c3%a9 to it too (RESTEasy and CXF
      // answer 404), which the guard, matching the path as sent and decoded, let through, and the locator ran.
      for (String sent : List.of("/escaped/caf%C3%A9", "/escaped/caf%c3%a9", "/escaped/caf%C3%a9")) {
        RawHttp.Response anonymous = http.send("GET", sent);
        assertEquals(runs, ShelvesSecurity.RUNS.get(), sent + " ran a locator before authentication");
        assertTrue(anonymous.status == 401 || anonymous.status == 404, sent + ": " + anonymous);
      }
      // A letter sent escaped there (%63af%C3%A9), or an escaped dot-segment before it: Quarkus REST normalizes the
      // path before matching, as JAX-RS 3.7.1 asks, and ran the locator without a token (consumer/quarkus): the guard
      // matched no form it tried. The runtimes here answer 404 with a token (or refuse %2e: 400); the guard asks one.
      for (String sent : List.of("/escaped/%63af%C3%A9", "/escaped/%63af%c3%a9", "/escaped/ca%66%C3%A9/x",
          "/x/%2e%2e/escaped/caf%C3%A9", "/escaped/%2E/caf%C3%A9")) {
        RawHttp.Response anonymous = http.send("GET", sent);
        assertEquals(runs, ShelvesSecurity.RUNS.get(), sent + " ran a locator before authentication");
        // Jetty 12 refuses an escaped dot-segment, an ambiguous path encoding, before the application sees it.
        assertTrue(anonymous.status == 401 || anonymous.status == 400 && sent.toLowerCase(Locale.ROOT).contains("%2e"),
            sent + ": " + anonymous);
      }
      // Public methods of one media type beside a locator: a request of another (Accept, Content-Type) is theirs all
      // the same, and every runtime refuses it (406, 415) where a runtime that went on to the locator would have run it
      // without a token; the guard leaves these requests to the methods, with or without a token.
      for (String token : new String[] {null, Jwts.bearer(CxfTest.SECRET, "ada")}) {
        RawHttp.Response typed = http.send("GET", "/typed/x", headers(token, "Accept: text/plain"));
        assertEquals(200, typed.status, typed.toString());
        assertEquals("typed x", typed.body);
        assertEquals(406, http.send("GET", "/typed/x", headers(token, "Accept: application/json")).status);
        assertEquals(415, http.sendBody("POST", "/typed/x", "{}", headers(token, "Content-Type: application/json"))
            .status);
        RawHttp.Response posted = http.sendBody("POST", "/typed/x", "x", headers(token, "Content-Type: text/plain"));
        assertEquals(200, posted.status, posted.toString());
        assertEquals("posted x", posted.body);
        assertEquals(runs, ShelvesSecurity.RUNS.get(), "a method's media type ran the locator beside it");
      }
      RawHttp.Response shelf = http.send("GET", "/store/a/b", Jwts.bearer(CxfTest.SECRET, "ada"));
      assertEquals(200, shelf.status, shelf.toString());
      assertEquals("shelf a/b", shelf.body);
      for (String[] call : new String[][] {{"/spaced/a%20b", "spaced"}, {"/spaced/caf%C3%A9", "cafe"}}) {
        RawHttp.Response withToken = http.send("GET", call[0], Jwts.bearer(CxfTest.SECRET, "ada"));
        assertEquals(200, withToken.status, call[0] + ": " + withToken);
        assertEquals(call[1], withToken.body, call[0]);
      }
      RawHttp.Response lettered = http.send("GET", "/lettered/caf%C3%A9", Jwts.bearer(CxfTest.SECRET, "ada"));
      assertEquals(200, lettered.status, lettered.toString());
      assertEquals("shelf caf\u00e9", lettered.body);
    }
  }

  /** {@code headers}, after {@code token} where there is one. */
  private static String[] headers(String token, String... headers) {
    return token == null ? headers : Stream.concat(Stream.of(token), Stream.of(headers)).toArray(String[]::new);
  }
}
