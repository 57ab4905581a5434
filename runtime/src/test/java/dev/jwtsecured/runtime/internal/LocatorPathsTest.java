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
}
