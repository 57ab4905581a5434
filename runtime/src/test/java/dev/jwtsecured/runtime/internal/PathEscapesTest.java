package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Escapes' digits put in upper case, as Jersey reads them, or in lower case, and only those of escapes; the forms in
 * which a runtime may match a path, and the paths a runtime may read otherwise still.
 */
class PathEscapesTest {
  @ParameterizedTest(name = "{0} -> {1}, {2}")
  @CsvSource({
    "/caf%c3%a9, /caf%C3%A9, /caf%c3%a9",
    "/caf%C3%a9, /caf%C3%A9, /caf%c3%a9",
    "/a%2f%2e/b, /a%2F%2E/b, /a%2f%2e/b",
    "/a%2F%2e/b, /a%2F%2E/b, /a%2f%2e/b",
    "/%zz%c3, /%zz%C3, /%zz%c3",
    "/%ZZ%C3, /%ZZ%C3, /%ZZ%c3",
    "/%%c3, /%%C3, /%%c3",
    "/x%ab%, /x%AB%, /x%ab%",
    "/x%AB%, /x%AB%, /x%ab%",
    "/%c, /%c, /%c",
    "/%\u0662\u0660%ef, /%\u0662\u0660%EF, /%\u0662\u0660%ef",
  })
  void escapesDigitsInEitherCase(String sent, String upper, String lower) {
    assertEquals(upper, PathEscapes.upperCaseEscapes(sent));
    assertEquals(lower, PathEscapes.lowerCaseEscapes(sent));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/files/count", "/caf%C3%A9", "/abcdef", "/%zz", "/%", "/a%2", ""})
  void aPathWithoutALowerCaseEscapeIsItself(String sent) {
    assertSame(sent, PathEscapes.upperCaseEscapes(sent));
  }

  @Test
  void aPathIsMatchedAsSentWithEscapesInEitherCaseNormalizedAndDecoded() {
    assertArrayEquals(new String[] {"/files/count"}, PathEscapes.forms("/files/count"));
    assertArrayEquals(new String[] {"/x/caf%c3%A9%20b+", "/x/caf%C3%A9%20b+", "/x/caf%c3%a9%20b+",
        "/x/caf%c3%A9%20b+", "/x/caf\u00e9 b+"}, PathEscapes.forms("/x/caf%c3%A9%20b+"));
    assertArrayEquals(new String[] {"/%61%5f%7e%2B%2b", "/%61%5F%7E%2B%2B", "/%61%5f%7e%2b%2b", "/a_~%2B%2b",
        "/a_~++"}, PathEscapes.forms("/%61%5f%7e%2B%2b"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a%2Fb", "/a%2e", "/a%3b", "/a%25", "/a%3F", "/a%23", "/a%5c", "/a%00", "/a%1F", "/a%7F",
      "/caf%C3", "/a%C0%AF", "/a%E9", "/a%2", "/a%zz", "/a%\u0662\u0660", "/caf\u00e9", "/a b", "/a|b", "/a\\b"})
  void aPathARuntimeMayReadOtherwiseHasNoForms(String sent) {
    assertNull(PathEscapes.forms(sent), sent);
  }
}
