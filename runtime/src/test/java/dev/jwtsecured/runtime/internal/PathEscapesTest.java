package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Escapes' digits put in upper case, as Jersey reads them, and only those of escapes. */
class PathEscapesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/caf%c3%a9, /caf%C3%A9",
    "/caf%C3%a9, /caf%C3%A9",
    "/a%2f%2e/b, /a%2F%2E/b",
    "/%zz%c3, /%zz%C3",
    "/%%c3, /%%C3",
    "/x%ab%, /x%AB%",
    "/%c, /%c",
    "/%\u0662\u0660%ef, /%\u0662\u0660%EF",
  })
  void escapesDigitsInUpperCase(String sent, String upper) {
    assertEquals(upper, PathEscapes.upperCaseEscapes(sent));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/files/count", "/caf%C3%A9", "/abcdef", "/%zz", "/%", "/a%2", ""})
  void aPathWithoutALowerCaseEscapeIsItself(String sent) {
    assertSame(sent, PathEscapes.upperCaseEscapes(sent));
  }
}
