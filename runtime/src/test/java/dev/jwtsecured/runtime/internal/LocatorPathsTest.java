package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
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

  /** As the generated guard writes {@code GET /files/count} and a locator {@code /files/archive} beside the first. */
  static final LocatorPaths.Beside[] BESIDE = {
    LocatorPaths.beside("\\Q/files/count\\E/?", "GET", "HEAD"),
    LocatorPaths.beside("\\Q/files/archive\\E(?:/.*)?")};

  /**
   * A path a method beside the locator takes first counts as taken only for a request method served there, and only
   * when sent plainly: a form some runtime might read otherwise could still reach the locator.
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
  })
  void aPathBesideTheLocatorIsTakenOnlySentPlainlyForItsMethods(String path, String method, boolean taken) {
    assertEquals(taken, LocatorPaths.taken(path, method, BESIDE), method + " " + path);
  }
}
