package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The forms of a request path the locator guard tries against the locators' templates: any form that JAX-RS might
 * match counts, so that a path written unusually still needs a token (the behaviour suites send such paths to the
 * servers; this pins each form).
 */
class LocatorPathsTest {
  /** As the generated guard writes {@code /files/{name}} and {@code /drawers/all/{n}}. */
  static final Pattern[] LOCATORS = {
    Pattern.compile("\\Q/files/\\E[^/]+(?:/.*)?"), Pattern.compile("\\Q/drawers/all/\\E[^/]+(?:/.*)?")};

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/files/notes.txt, true",
    "files/notes.txt, true",
    "/files/notes.txt/versions/2, true",
    "/files/notes.txt;v=1, true",
    "/files;v=1/notes.txt, true",
    "/drawers;a=b/all;c=d/7, true",
    "//files//notes.txt, true",
    "/files//notes.txt, true",
    "/x/../files/notes.txt, true",
    "/./files/notes.txt, true",
    "/drawers/./all/7, true",
    "/drawers/x/../all/7, true",
    "/files/.., true",
    // Apache CXF folds repeated slashes and matches a segment holding only a matrix parameter to a template's
    // parameter, empty once the parameter is dropped.
    "/files//;a=b, true",
    "/files///;a=b, true",
    "/drawers//all//;x/more, true",
    "/files/x/..//;a=b, true",
    "/files, false",
    "/files/, false",
    "/filesx/notes.txt, false",
    "/other/notes.txt, false",
    "/a/b/.., false",
    "/drawers/all, false",
    "/drawers/some/7, false",
    "/, false",
  })
  void eachFormJaxRsMightMatchCounts(String path, boolean matches) {
    assertEquals(matches, LocatorPaths.matchesAny(path, LOCATORS), path);
  }

  /**
   * What the generated guard writes beside the first: {@code GET /files/count}, a locator {@code /files/archive}, and
   * methods at {@code a b}, {@code café}, {@code a|b}, {@code {word: \p{L}+}}, {@code {label}/info} and
   * {@code {n: [0-9]+}/size}.
   */
  static final LocatorPaths.Beside[] BESIDE = {
    LocatorPaths.beside(Templates.beside("/files/count", false), "GET", "HEAD"),
    LocatorPaths.beside(Templates.beside("/files/archive", true)),
    LocatorPaths.beside(Templates.beside("/files/a b", false), "GET"),
    LocatorPaths.beside(Templates.beside("/files/caf\u00e9", false), "GET"),
    LocatorPaths.beside(Templates.beside("/files/a|b", false), "GET"),
    LocatorPaths.beside(Templates.beside("/files/{word: \\p{L}+}", false), "PATCH"),
    LocatorPaths.beside(Templates.beside("/files/{label}/info", false), "GET"),
    LocatorPaths.beside(Templates.beside("/files/{n: [0-9]+}/size", false), "GET")};

  /**
   * A path a method beside the locator takes first counts as taken only for a request method served there, and only
   * when sent plainly and matched in every form a runtime may match it in: a form some runtime might read otherwise
   * could still reach the locator.
   */
  @ParameterizedTest(name = "{1} {0} -> {2}")
  @CsvSource({
    "/files/count, GET, true",
    "files/count, HEAD, true",
    "/files/count/, GET, true",
    "/files/count, DELETE, false",
    "/files/count, POST, false",
    "/files/count/x, GET, false",
    "/files/counts, GET, false",
    "/files/archive, DELETE, true",
    "/files/archive/2024/x, POST, true",
    "/files/%63ount, GET, false",
    "/files/count;v=1, GET, false",
    "/files//count, GET, false",
    "//files/count, GET, false",
    "/files/./count, GET, false",
    "/files/x/../count, GET, false",
    "/files/count/., GET, false",
    "/files/notes.txt, GET, false",
    // Escapes of a space or of UTF-8 beyond ASCII, which a template's "a b" and "café" need: Jersey, RESTEasy and
    // Apache CXF take them to the method there, Quarkus REST to the locator beside it, which ran without a token.
    "/files/a%20b, GET, false",
    "/files/caf%C3%A9, GET, false",
    "/files/a%20b, DELETE, false",
    // Others too: an escaped ASCII letter, slash, dot or semicolon, an escape that is not UTF-8.
    "/files/a%2Fb, GET, false",
    "/files/%2E%2E/count, GET, false",
    "/files/count%3Bv=1, GET, false",
    "/files/caf%C3, GET, false",
    "/files/caf%E9, GET, false",
    // An overlong UTF-8 form of "/", which a lenient decoder would read as a slash.
    "/files/a%C0%AFb, GET, false",
    "/files/%E0%80%AFcount, GET, false",
    "/files/a%2, GET, false",
    "/files/caf%C3%A, GET, false",
    "/files/a%20b%2, GET, false",
    "/files/a%zz, GET, false",
    // Escapes whose digits are not ASCII (Arabic-Indic, full-width), which Character.digit reads as a space.
    "/files/a%\u0662\u0660b, GET, false",
    "/files/a%\uFF12\uFF10b, GET, false",
    // Lower-case digits: RESTEasy and Apache CXF match a template's own escapes (upper-case) as sent, and take
    // caf%c3%a9 to a locator at {name}, where Jersey takes it to the method at "café".
    "/files/caf%c3%a9, GET, false",
    "/files/caf%C3%a9/, GET, false",
    // Characters a path holds only escaped, sent as they are: Grizzly passes on a raw "é", which Jersey then takes to
    // the locator; "|" escaped is an escape of ASCII, left to the guard.
    "/files/caf\u00e9, GET, false",
    "/files/a b, GET, false",
    "/files/a|b, GET, false",
    "/files/a%7Cb, GET, false",
    // A parameter's own regular expression, which every runtime matches against the path as sent: \p{L}+ takes no
    // escape there (every runtime gave caf%C3%A9 to the locator), though the decoded path, which the guard read, has
    // letters only.
    "/files/cafe, PATCH, true",
    "/files/caf%C3%A9, PATCH, false",
    "/files/a%20b, PATCH, false",
    // A parameter's value escaped, which every form matches: the method's on every runtime. Before, no path with an
    // escape counted as taken, and the guard asked a token there (random applications 583 and 714).
    "/files/a%20b/info, GET, true",
    "/files/caf%C3%A9/info, GET, true",
    "/files/caf%c3%a9/info, GET, true",
    "/files/%61/info, GET, true",
    "/files/a%7Cb/info, GET, true",
    "/files/a%20b/info, DELETE, false",
    // Not an escape of what shapes a path (a slash, dot, semicolon, percent, question mark, number sign, backslash),
    // of a control character, malformed or no UTF-8; nor digits escaped where the parameter takes only digits, which
    // every runtime matches as sent.
    "/files/a%2Fb/info, GET, false",
    "/files/a%2f/info, GET, false",
    "/files/%2E/info, GET, false",
    "/files/a%3Bv/info, GET, false",
    "/files/a%25/info, GET, false",
    "/files/a%3F/info, GET, false",
    "/files/a%23/info, GET, false",
    "/files/a%5C/info, GET, false",
    "/files/a%00/info, GET, false",
    "/files/a%7F/info, GET, false",
    "/files/a%0A/info, GET, false",
    "/files/caf%C3/info, GET, false",
    "/files/a%C0%AF/info, GET, false",
    "/files/a%2/info, GET, false",
    "/files/42/size, GET, true",
    "/files/%34%32/size, GET, false",
  })
  void aPathBesideTheLocatorIsTakenOnlySentPlainlyForItsMethods(String path, String method, boolean taken) {
    assertEquals(taken, LocatorPaths.taken(path, method, BESIDE), method + " " + path);
  }

  /**
   * A locator at a template written escaped ({@code caf%C3%A9}) is reached by escapes in lower case too, which Jersey
   * matches to it; before, neither the path as sent nor decoded matched, and the locator ran without a token. And by
   * letters sent escaped ({@code %63af%C3%A9}), which Quarkus REST, normalizing the path as JAX-RS 3.7.1 asks, matches
   * to it, and after an escaped dot-segment ({@code /x/%2e%2e/escaped/caf%C3%A9}), which it decodes and resolves;
   * before, no form the guard tried matched, and the locator ran without a token.
   */
  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource({
    "/escaped/caf%C3%A9, /escaped/caf\u00e9, true",
    "/escaped/caf%c3%a9, /escaped/caf\u00e9, true",
    "/escaped/caf%C3%a9/x, /escaped/caf\u00e9/x, true",
    "/escaped/caf%c3%a9x, /escaped/caf\u00e9x, false",
    "/escaped/cafe, /escaped/cafe, false",
    "/escaped/%63af%C3%A9, /escaped/caf\u00e9, true",
    "/escaped/%63af%c3%a9, /escaped/caf\u00e9, true",
    "/escaped/ca%66%C3%A9/x, /escaped/caf\u00e9/x, true",
    "/escaped/%63af%C3%A9x, /escaped/caf\u00e9x, false",
    "/escaped/%2563af%C3%A9, /escaped/%63af\u00e9, false",
    "/x/%2e%2e/escaped/caf%C3%A9, /x/../escaped/caf\u00e9, true",
    "/escaped/%2E/caf%C3%A9, /escaped/./caf\u00e9, true",
    "/escaped/%2e%2e/caf%C3%A9, /escaped/../caf\u00e9, false",
  })
  void escapesInEitherCaseReachALocatorWrittenEscaped(String sent, String decoded, boolean reached) {
    Pattern[] escaped = {Pattern.compile(Templates.guarded("/escaped/caf%C3%A9"))};
    assertEquals(reached, LocatorPaths.reaches(sent, decoded, escaped), sent);
  }

  /**
   * The path after the application's base path where the request's path as sent does not start with it: a dot-segment
   * or an escape before or within it, which Quarkus REST normalizes and resolves before matching (it took
   * {@code /x/%2e%2e/api/escaped/caf%C3%A9} to a locator at {@code caf%C3%A9}), and one that leaves the base path and
   * comes back ({@code /api/%2e%2e/api/...}). Before, the guard matched the whole path, or the path after the base with
   * its dot-segments resolved there, which reach nothing, and the locator ran without a token.
   */
  @ParameterizedTest(name = "{0} at {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
    "/api/escaped/caf%C3%A9 | /api/ | escaped/caf%C3%A9 | true",
    "/api | /api/ | '' | false",
    "/x/%2e%2e/api/escaped/caf%C3%A9 | /api/ | /x/%2e%2e/api/escaped/caf%C3%A9 escaped/caf%C3%A9 | true",
    "/x/../api/escaped/caf%C3%A9 | /api/ | /x/../api/escaped/caf%C3%A9 escaped/caf%C3%A9 | true",
    "/x/../api/escaped/caf%c3%a9 | /api/ | /x/../api/escaped/caf%c3%a9 escaped/caf%c3%a9 escaped/caf%C3%A9 | true",
    "/a%70i/escaped/%63af%c3%a9 | /api/ | /a%70i/escaped/%63af%c3%a9 escaped/caf%C3%A9 | true",
    "/other/escaped/caf%C3%A9 | /api/ | /other/escaped/caf%C3%A9 | false",
    "/api/%2e%2e/api/escaped/caf%C3%A9 | /api/ | %2e%2e/api/escaped/caf%C3%A9 escaped/caf%C3%A9 | true",
    "/api/zz/../escaped/caf%C3%A9 | /api/ | zz/../escaped/caf%C3%A9 escaped/caf%C3%A9 | true",
    "/api/zz/%2E/../escaped/x | /api/ | zz/%2E/../escaped/x zz/escaped/x escaped/x | false",
  })
  void aPathWrittenOtherwiseBeforeTheBasePathIsTriedAfterIt(String request, String base, String expected,
      boolean reached) {
    assertEquals(List.of(expected.split(" ")), List.of(LocatorPaths.relativePaths(request, base)));
    Pattern[] escaped = {Pattern.compile(Templates.guarded("/escaped/caf%C3%A9"))};
    boolean any = false;
    for (String path : LocatorPaths.relativePaths(request, base)) {
      // The paths alone: the decoded path, which the template written escaped never matches, is no help here, and
      // reachesAny's decoded path escaped again is left out (theDecodedPathEscapedAgainReachesALocatorWrittenEscaped).
      any |= LocatorPaths.reaches(path, "escaped/caf\u00e9", escaped);
    }
    assertEquals(reached, any, request);
  }

  /**
   * The runtime's decoded path escaped again, as a template written escaped matches it: Quarkus REST gives a request
   * URI it resolved otherwise than the path it matches ({@code /api/zz/%2e/../escaped/caf%C3%A9} as
   * {@code /api/zz/escaped/caf%C3%A9}, matching {@code /escaped/caf%C3%A9}, decoded {@code /escaped/café}).
   */
  @Test
  void theDecodedPathEscapedAgainReachesALocatorWrittenEscaped() {
    Pattern[] escaped = {Pattern.compile(Templates.guarded("/escaped/caf%C3%A9"))};
    assertFalse(LocatorPaths.reaches("zz/escaped/caf%C3%A9", "/escaped/caf\u00e9", escaped));
    assertTrue(LocatorPaths.reachesAny(new String[] {"zz/escaped/caf%C3%A9"}, "/escaped/caf\u00e9", escaped));
    assertFalse(LocatorPaths.reachesAny(new String[] {"zz/escaped/caf%C3%A9"}, "/zz/escaped/caf\u00e9", escaped));
  }

  /**
   * The decoded path alone reaches a locator whose regular expression takes the value only decoded ({@code \p{L}+}
   * and {@code caf%C3%A9}); a path without escapes, its own decoded form, reaches it as sent.
   */
  @Test
  void theDecodedPathReachesALocatorWhoseExpressionTakesOnlyDecodedValues() {
    Pattern[] letters = {Pattern.compile(Templates.guarded("/shop/{w: \\p{L}+}"))};
    assertTrue(LocatorPaths.reaches("shop/caf%C3%A9", "/shop/caf\u00e9", letters));
    assertFalse(LocatorPaths.reaches("shop/caf%C3%A9", "/shop/caf%C3%A9", letters));
    assertTrue(LocatorPaths.reaches("shop/cafe", "/shop/cafe", letters));
    assertFalse(LocatorPaths.reaches("shop/7", "/shop/7", letters));
  }

  /** The guard asks a valid token and the rule of each locator a request may reach (one role of each list). */
  @Test
  void aRequestNeedsTheRulesOfEveryLocatorItMayReach() {
    AccessRule[] rules = {AccessRule.AUTHENTICATED, AccessRule.rolesAllowed("admin"), AccessRule.rolesAllowed("ops"),
        AccessRule.DENY_ALL};
    assertSame(AccessRule.AUTHENTICATED, LocatorPaths.rule(new boolean[] {true, false, false, false}, rules));
    AccessRule admin = LocatorPaths.rule(new boolean[] {true, true, false, false}, rules);
    assertEquals(List.of("admin"), admin.roles());
    AccessRule both = LocatorPaths.rule(new boolean[] {false, true, true, false}, rules);
    assertEquals(List.of("admin", "ops"), both.roles());
    assertFalse(both.isDenyAll());
    assertTrue(LocatorPaths.rule(new boolean[] {false, true, true, true}, rules).isDenyAll());
  }
}
