package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.jwtsecured.it.claims.a.CookieA;
import dev.jwtsecured.it.claims.a.CookieAJwtFeature;
import dev.jwtsecured.it.rootlocator.BucketsSecurity;
import dev.jwtsecured.it.rootlocator.BucketsSecurityJwtFeature;
import dev.jwtsecured.it.sharedorder.drives.DrivesSecurity;
import dev.jwtsecured.it.sharedorder.drives.DrivesSecurityJwtFeature;
import dev.jwtsecured.it.sharedorder.tags.TagsSecurity;
import dev.jwtsecured.it.sharedorder.tags.TagsSecurityJwtFeature;
import dev.jwtsecured.it.wide.WideSecurity;
import dev.jwtsecured.it.wide.WideSecurityJwtFeature;
import dev.jwtsecured.testing.LibraryLog;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import jakarta.ws.rs.core.Feature;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * A protected locator at the application's root ({@code BucketsSecurity}'s {@code /{bucket}}) in one application with
 * another configuration that nothing placed beside it at compile time ({@code CookieA}: no {@code Application} class
 * in a package of both, as with features compiled apart or handed to {@code SeBootstrap}). JAX-RS matches the other's
 * token endpoint ({@code POST /a/login}) and resource ({@code GET /a/me}) to their own classes, whose templates have
 * more literal characters, and never runs the locator for them; its guard asked its own bearer token there, which the
 * other's callers do not have: they could not log in (401). Now the features share their root operations as they are
 * installed, and the guard leaves those to their own configuration. Not on Apache CXF, which shows a feature nothing of
 * the others.
 */
class SharedRootsTest {
  private static final String FORM = "grant_type=password&username=ada&password=pw";

  private static Feature buckets() {
    return new BucketsSecurityJwtFeature(BucketsSecurityJwtFeature.settings().secret(CxfTest.SECRET).build());
  }

  /** {@code BucketsSecurity}'s generated classes and {@code others}. */
  private static Set<Class<?>> withBuckets(Set<Class<?>> others) {
    Set<Class<?>> generated = new HashSet<>(BucketsSecurityJwtFeature.classes());
    generated.addAll(others);
    return generated;
  }

  @Test
  void aRootLocatorsGuardLeavesAnotherConfigurationsRootResourcesToIt() throws Exception {
    assumeFalse(TestServer.runtime().equals("cxf"), "Apache CXF shows a feature nothing of the others");
    // Each order of installation: the guard learns of the other configuration either way.
    for (boolean bucketsFirst : new boolean[] {true, false}) {
      Feature buckets = buckets();
      Feature cookies = new CookieAJwtFeature(
          CookieAJwtFeature.settings().secret("shared-roots-" + CxfTest.SECRET).build());
      try (TestServer server = TestServer.startAt("", bucketsFirst ? List.of(buckets, cookies)
          : List.of(cookies, buckets), withBuckets(CookieAJwtFeature.classes()), BucketsSecurity.Buckets.class,
          BucketsSecurity.Status.class, CookieA.Me.class, CookieA.Notes.class)) {
        RawHttp http = server.http;
        int runs = BucketsSecurity.LOCATOR_RUNS.get();
        String order = bucketsFirst ? "buckets first: " : "cookies first: ";
        RawHttp.Response login = http.sendBody("POST", "/a/login", FORM,
            "Content-Type: application/x-www-form-urlencoded");
        assertEquals(200, login.status, order + login);
        String session = login.cookieValue("session");
        assertNotNull(session, order + login);
        RawHttp.Response me = http.send("GET", "/a/me", "Cookie: session=" + session);
        assertEquals(200, me.status, order + me);
        assertEquals("a", me.body);
        // Also where the path holds escapes, in a parameter's value: before, the guard left no path with an escape
        // to anything JAX-RS matches first, and asked its own token here (random application 714).
        for (String[] call : new String[][] {{"/a/notes/a%20b", "note a b"}, {"/a/notes/caf%C3%A9", "note caf\u00e9"},
            {"/a/notes/caf%c3%a9", "note caf\u00e9"}, {"/a/notes/%61", "note a"}}) {
          RawHttp.Response note = http.send("GET", call[0], "Cookie: session=" + session);
          assertEquals(200, note.status, order + call[0] + ": " + note);
          assertEquals(call[1], note.body, order + call[0]);
        }
        // Its own rules stand: without its cookie, its resource asks for one.
        assertEquals(401, http.send("GET", "/a/me").status, order);
        assertEquals(401, http.send("GET", "/a/notes/a%20b").status, order);
        // What the other's classes do not take stays the locator's, guarded.
        for (String[] call : new String[][] {{"GET", "/a"}, {"GET", "/a/other"}, {"GET", "/a/login"},
            {"POST", "/a/me"}, {"GET", "/photos/cat.jpg"}}) {
          RawHttp.Response anonymous = http.send(call[0], call[1], "Cookie: session=" + session);
          assertEquals(401, anonymous.status, order + String.join(" ", call) + ": " + anonymous);
        }
        assertEquals(runs, BucketsSecurity.LOCATOR_RUNS.get(), order + "the locator ran before authentication");
        // The locator's own callers are served, and log in at their own token endpoint.
        RawHttp.Response photo = http.send("GET", "/photos/cat.jpg", CxfTest.bearer(http, "ada"));
        assertEquals(200, photo.status, order + photo);
        assertEquals("photos/cat.jpg", photo.body);
      }
    }
  }

  /**
   * Another configuration's root class whose template takes several segments ({@code /files/{path: .*}}), which
   * JAX-RS matches first: which requests it takes is not known from the templates, so the guard leaves it none and
   * asks its own token there (the safe direction), and says so in the log, once, as the processor does where it
   * compares the two configurations ({@code [JwtSecured.GuardBeforeUnknownRoot]}). Before, nothing said why the
   * other's callers were refused.
   */
  @Test
  void aRootClassWhoseRequestsAreNotKnownIsNamedInTheLog() throws Exception {
    assumeFalse(TestServer.runtime().equals("cxf"), "Apache CXF shows a feature nothing of the others");
    Feature wide = new WideSecurityJwtFeature(
        WideSecurityJwtFeature.settings().secret("wide-" + CxfTest.SECRET).build());
    try (LibraryLog log = new LibraryLog();
        TestServer server = TestServer.startAt("", List.of(wide, buckets()),
            withBuckets(WideSecurityJwtFeature.classes()), BucketsSecurity.Buckets.class, WideSecurity.Files.class)) {
      List<LogRecord> said = log.containing("[JwtSecured.GuardBeforeUnknownRoot]");
      assertEquals(1, said.size(), log.toString());
      String text = said.get(0).getMessage();
      assertTrue(text.contains("the guard of the locator at \"/{bucket}\" of " + BucketsSecurity.class.getName()
          + " asks its token of every request that may reach it, GET/HEAD /files/{path: .*} of "
          + WideSecurity.class.getName() + " among them"), text);
      assertEquals(401, server.http.send("GET", "/files/a/b").status);
    }
  }

  /**
   * Another configuration's public root operation ({@code TagsSecurity}'s {@code GET /t/{tag}/{page}}) beside protected
   * locators at {@code /{drive: [a-z]+}}: the guard leaves a path to it only where every runtime takes the path there
   * first. JAX-RS picks the class at {@code /t} first (more literal characters than {@code /{drive: [a-z]+}}), as
   * RESTEasy does by default; with {@code resteasy.wider.request.matching} RESTEasy sorts the templates of every root
   * resource's methods and locators together, and reaches a locator only through the outermost one on the way, which it
   * sorts by literal characters, then by parameters with a regular expression of their own alone. Before, the guard
   * compared the operation with each locator itself by the keys of JAX-RS: it asked its token for
   * {@code /t/docs/report}, which may reach {@code {file}/{entry: .*}} (the entry empty) behind {@code {folder}} only
   * through {@code {folder}}, which every runtime sorts after {@code /t/{tag}/{page}}, so that the other's callers were
   * refused (random application 65366). And it compared the classes by the keys of JAX-RS alone: it left
   * {@code /x/x/x/x/x} to {@code TagsSecurity}'s class at {@code x/{a}/{b}/{c}} (more parameters than
   * {@code {drive: [a-z]+}/x/x}), where RESTEasy, which counts only those with a regular expression of their own,
   * picks the class at {@code {drive: [a-z]+}/x/x} first and ran its locator without a token. Where JAX-RS would put
   * the operation first by more parameters and RESTEasy puts the locator first by a parameter with a regular
   * expression of its own ({@code /x/x/x/x/x}; {@code /t/id/2} beside {@code /{drive: [a-z]+}/id} with wider
   * matching), the guard asks its token, the safe direction: it cannot tell how the runtime matches.
   */
  @Test
  void anotherConfigurationsRootOperationIsLeftWhereEveryRuntimeMatchesItFirst() throws Exception {
    assumeFalse(TestServer.runtime().equals("cxf"), "Apache CXF shows a feature nothing of the others");
    boolean resteasy = TestServer.runtime().equals("resteasy");
    for (boolean wider : resteasy ? new boolean[] {false, true} : new boolean[] {false}) {
      Feature drives = new DrivesSecurityJwtFeature(
          DrivesSecurityJwtFeature.settings().secret(CxfTest.SECRET).build());
      Feature tags = new TagsSecurityJwtFeature(
          TagsSecurityJwtFeature.settings().secret("tags-" + CxfTest.SECRET).build());
      Set<Class<?>> generated = new HashSet<>(DrivesSecurityJwtFeature.classes());
      generated.addAll(TagsSecurityJwtFeature.classes());
      String matching = wider ? "wider matching: " : "";
      System.setProperty(TestServer.RESTEASY_WIDER_MATCHING, String.valueOf(wider));
      try (TestServer server = TestServer.startAt("", List.of(drives, tags), generated, DrivesSecurity.Drives.class,
          DrivesSecurity.Crossed.class, TagsSecurity.Tags.class, TagsSecurity.Crosses.class)) {
        RawHttp http = server.http;
        int runs = DrivesSecurity.LOCATOR_RUNS.get();
        RawHttp.Response page = http.send("GET", "/t/docs/report");
        assertEquals(200, page.status, matching + page);
        assertEquals("tag docs page report", page.body, matching);
        RawHttp.Response identity = http.send("GET", "/t/id/2");
        assertEquals(401, identity.status, matching + identity);
        RawHttp.Response entry = http.send("GET", "/docs/work/report.zip/a/b");
        assertEquals(401, entry.status, matching + entry);
        RawHttp.Response cross = http.send("GET", "/x/x/x/x/x");
        assertEquals(401, cross.status, matching + cross);
        assertEquals(runs, DrivesSecurity.LOCATOR_RUNS.get(), matching + "a locator ran before authentication");
        // With the drives' token: RESTEasy with wider matching takes /t/id/2 to the locator, the others to the
        // operation.
        String bearer = CxfTest.bearer(http, "ada");
        identity = http.send("GET", "/t/id/2", bearer);
        assertEquals(200, identity.status, matching + identity);
        assertEquals(wider ? "key t 2" : "tag id page 2", identity.body, matching);
        // RESTEasy by default takes /x/x/x/x/x to the class at {drive: [a-z]+}/x/x, the others to the one at
        // x/{a}/{b}/{c}.
        cross = http.send("GET", "/x/x/x/x/x", bearer);
        assertEquals(200, cross.status, matching + cross);
        assertEquals(resteasy && !wider ? "key x x" : "cross xxx", cross.body, matching);
        entry = http.send("GET", "/docs/work/report.zip/a/b", bearer);
        assertEquals(200, entry.status, matching + entry);
        assertEquals("entry docs/work report.zip a/b", entry.body, matching);
      } finally {
        System.clearProperty(TestServer.RESTEASY_WIDER_MATCHING);
      }
    }
  }
}
