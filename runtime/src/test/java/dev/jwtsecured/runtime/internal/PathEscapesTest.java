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

  /**
   * Normalized as JAX-RS 3.7.1 asks: escapes of unreserved characters decoded, the others' digits in upper case,
   * malformed escapes and all else as sent.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/%63af%c3%a9, /caf%C3%A9",
    "/%41%5f%7E%2d%30, /A_~-0",
    "/a%2e%2f%25%3b, /a.%2F%25%3B",
    "/x/%2E%2e/y, /x/../y",
    "/%zz%6, /%zz%6",
    "/%%61, /%a",
    "/%\u0662\u0660%61, /%\u0662\u0660a",
    "/caf\u00e9%20, /caf\u00e9%20",
  })
  void aPathIsNormalizedAsJaxRsAsks(String sent, String normalized) {
    assertEquals(normalized, PathEscapes.normalized(sent));
  }

  /**
   * Every byte's escape, sent with its digits in either case: an unreserved character's (and the dot's) decoded, each
   * other's in upper case, the very path where it was so sent.
   */
  @Test
  void everyByteEscapedIsNormalizedInUpperCase() {
    for (int b = 0; b < 256; b++) {
      String upper = "/" + String.format("%%%02X", b);
      String lower = upper.toLowerCase(java.util.Locale.ROOT);
      boolean decoded = Character.isLetterOrDigit(b) && b < 0x80 || "-._~".indexOf(b) >= 0;
      String expected = decoded ? "/" + (char) b : upper;
      assertEquals(expected, PathEscapes.normalized(upper), upper);
      assertEquals(expected, PathEscapes.normalized(lower), lower);
      if (!decoded) {
        assertSame(upper, PathEscapes.normalized(upper), upper);
      }
    }
  }

  /** Every byte beyond what a segment holds unescaped, escaped again in upper case. */
  @Test
  void everyCharacterIsEscapedAsATemplate() {
    for (char c = 0; c < 0x800; c++) {
      String expected = "/" + (PathEscapes.readAlike("/" + c) ? String.valueOf(c) : escapes(String.valueOf(c)));
      assertEquals(expected, PathEscapes.encoded("/" + c), Integer.toHexString(c));
    }
  }

  private static String escapes(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      out.append(String.format("%%%02X", b & 0xff));
    }
    return out.toString();
  }

  /** A decoded path escaped again as JAX-RS escapes a template's literal characters. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/escaped/caf\u00e9, /escaped/caf%C3%A9",
    "'/a b/%/?#\\', /a%20b/%25/%3F%23%5C",
    "/files/count;v=1:@~, /files/count;v=1:@~",
    "/\u0661\ud83d\ude00, /%D9%A1%F0%9F%98%80",
  })
  void aDecodedPathIsEscapedAsATemplate(String decoded, String encoded) {
    assertEquals(encoded, PathEscapes.encoded(decoded));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/files/count", "/caf%C3%A9", "/a%2F%3B", "/%zz", "/%", "/a%2", ""})
  void aNormalPathIsItself(String sent) {
    assertSame(sent, PathEscapes.normalized(sent));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a%2Fb", "/a%2e", "/a%3b", "/a%25", "/a%3F", "/a%23", "/a%5c", "/a%00", "/a%1F", "/a%7F",
      "/caf%C3", "/a%C0%AF", "/a%E9", "/a%2", "/a%zz", "/a%\u0662\u0660", "/caf\u00e9", "/a b", "/a|b", "/a\\b"})
  void aPathARuntimeMayReadOtherwiseHasNoForms(String sent) {
    assertNull(PathEscapes.forms(sent), sent);
  }
}
