package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The token endpoint's own form decoding. */
class BodiesTest {
  @Test
  void decodesPlusEscapesAndRawText() {
    var form = Bodies.form(
        "username=ada+lovelace&password=p%C3%A4ss%26word&scope=read%20write&note=caf\u00e9\uD83D\uDE00%21");
    assertEquals(List.of("ada lovelace"), form.get("username"));
    assertEquals(List.of("p\u00e4ss&word"), form.get("password"));
    assertEquals(List.of("read write"), form.get("scope"));
    assertEquals(List.of("caf\u00e9\uD83D\uDE00!"), form.get("note"));
  }

  /** An escape first in a name or value, one whose high digit is 0, and a field with an empty name. */
  @Test
  void decodesEscapesAtTheStartAndOfControlCharacters() {
    var form = Bodies.form("%75ser=%61da&tab=%09%0A&=x&lead=+x");
    assertEquals(List.of("ada"), form.get("user"));
    assertEquals(List.of(" x"), form.get("lead"));
    assertEquals(List.of("\t\n"), form.get("tab"));
    assertEquals(List.of("x"), form.get(""));
  }

  @Test
  void keepsRepeatedAndEmptyFields() {
    var form = Bodies.form("a=1&a=2&&b=&c");
    assertEquals(List.of("1", "2"), form.get("a"));
    assertEquals(List.of(""), form.get("b"));
    assertEquals(List.of(""), form.get("c"));
  }

  @Test
  void underAnotherCharsetEscapesStayWithinAscii() {
    assertEquals(List.of("w r"), Bodies.form("u=%77+r", false).get("u"));
    assertEquals(List.of("\u00e9"), Bodies.form("u=\u00e9", false).get("u"));
    for (String bad : new String[] {"u=%C3%A9", "u=%80", "u=%ff"}) {
      TokenRequest.TokenError e = assertThrows(TokenRequest.TokenError.class, () -> Bodies.form(bad, false), bad);
      assertEquals(400, e.status());
      assertEquals("The form escapes a byte beyond ASCII in a charset other than UTF-8", e.getMessage(), bad);
    }
  }

  @Test
  void refusesMalformedEscapesAndInvalidUtf8() {
    for (String bad : new String[] {"a=%", "a=%4", "a=%zz", "a=%C3%28", "a=%FF",
        "a=%\u0664\u0661", "a=%\uFF14\uFF11"}) {
      TokenRequest.TokenError e = assertThrows(TokenRequest.TokenError.class, () -> Bodies.form(bad), bad);
      assertEquals("invalid_request", e.error());
      assertEquals(400, e.status());
    }
  }
}
