package dev.jwtsecured.runtime.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Percent-escapes in paths, where every JAX-RS runtime tried reads them alike: a template's literal characters
 * escaped as the runtimes escape them before they match a request's path as sent, against which they also match a
 * parameter's own regular expression ({@code {word: \p{L}+}} takes {@code caf%C3%A9} on none of them); and the paths
 * sent that hold nothing a runtime reads otherwise than another. The processor carries a copy, with {@link Templates}.
 */
final class PathEscapes {
  /** Besides letters and digits, what a path segment holds unescaped (RFC 3986's {@code pchar}), and {@code /}. */
  private static final String UNESCAPED = "-._~!$&'()*+,;=:@/";
  private static final String DIGITS = "0123456789ABCDEF";

  private PathEscapes() {}

  /**
   * {@code literal}, a template's literal characters, as JAX-RS runtimes escape it: what a path segment may not hold
   * as the percent-escapes of its UTF-8 bytes, in upper-case digits; an escape already written stays as it is.
   */
  static String escaped(String literal) {
    StringBuilder out = new StringBuilder(literal.length());
    for (int i = 0; i < literal.length(); ) {
      int c = literal.codePointAt(i);
      int next = i + Character.charCount(c);
      if (unescaped(c) || c == '%' && isEscape(literal, i)) {
        out.appendCodePoint(c);
      } else {
        for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(DIGITS.charAt(b >> 4 & 0xF)).append(DIGITS.charAt(b & 0xF));
        }
      }
      i = next;
    }
    return out.toString();
  }

  /** Whether {@code s} holds a percent-escape at {@code i}, in digits of either case. */
  private static boolean isEscape(String s, int i) {
    return i + 2 < s.length() && digit(s.charAt(i + 1), false) >= 0 && digit(s.charAt(i + 2), false) >= 0;
  }

  /**
   * Whether every runtime reads {@code sent}, a request's path as sent, alike: nothing but what a path segment holds
   * unescaped (a character beyond ASCII, which Grizzly passes on as it came, among what it may not) and the escapes
   * of a space and of characters beyond ASCII, in UTF-8 and upper-case digits, as a template's characters are escaped
   * ({@link #escaped}). RESTEasy and Apache CXF match {@code caf%c3%a9} as sent, where Jersey reads it as {@code
   * caf%C3%A9}; an escape of another ASCII character ({@code %2F}, {@code %2E}, {@code %3B}) some runtimes decode
   * before matching and others do not.
   */
  static boolean readAlike(String sent) {
    ByteArrayOutputStream escapedBytes = null;
    for (int i = 0; i < sent.length(); i++) {
      char c = sent.charAt(i);
      if (c != '%') {
        if (!unescaped(c)) {
          return false;
        }
        if (escapedBytes != null) {
          escapedBytes.write(c);
        }
        continue;
      }
      int high = i + 2 < sent.length() ? digit(sent.charAt(i + 1), true) : -1;
      int low = i + 2 < sent.length() ? digit(sent.charAt(i + 2), true) : -1;
      int value = high << 4 | low;
      if (high < 0 || low < 0 || value != 0x20 && value < 0x80) {
        return false;
      }
      if (escapedBytes == null) {
        escapedBytes = new ByteArrayOutputStream(sent.length());
      }
      escapedBytes.write(value);
      i += 2;
    }
    return escapedBytes == null || isUtf8(escapedBytes.toByteArray());
  }

  /** {@code sent} with the digits of its percent-escapes in upper case; {@code sent} itself where none is lower. */
  static String upperCaseEscapes(String sent) {
    char[] chars = null;
    for (int i = sent.indexOf('%'); i >= 0; i = sent.indexOf('%', i + 1)) {
      for (int j = i + 1; j <= i + 2 && isEscape(sent, i); j++) {
        char c = sent.charAt(j);
        if (c >= 'a' && c <= 'f') {
          chars = chars == null ? sent.toCharArray() : chars;
          chars[j] = (char) (c - 'a' + 'A');
        }
      }
    }
    return chars == null ? sent : new String(chars);
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException notUtf8) {
      return false;
    }
  }

  private static boolean unescaped(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || UNESCAPED.indexOf(c) >= 0;
  }

  /**
   * The value of {@code c} as an ASCII hexadecimal digit, upper-case only ({@code upper}) as templates' escapes are
   * written; otherwise -1. (Not {@link HexDigits}: the processor's copy of this class stands alone.)
   */
  private static int digit(char c, boolean upper) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return !upper && c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }
}
