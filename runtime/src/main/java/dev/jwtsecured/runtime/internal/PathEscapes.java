package dev.jwtsecured.runtime.internal;

import java.nio.charset.StandardCharsets;

/**
 * Percent-escapes in paths, where every JAX-RS runtime tried reads them alike: a template's literal characters
 * escaped as the runtimes escape them before they match a request's path as sent, against which they also match a
 * parameter's own regular expression ({@code {word: \p{L}+}} takes {@code caf%C3%A9} on none of them); the paths
 * sent that hold nothing a runtime reads otherwise than another; and escapes' digits in upper case, as Jersey reads
 * them. The processor carries a copy, with {@link Templates}.
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

  /** Whether {@code s} holds a percent-escape at {@code i}, in ASCII digits of either case. */
  private static boolean isEscape(String s, int i) {
    return i + 2 < s.length() && isDigit(s.charAt(i + 1)) && isDigit(s.charAt(i + 2));
  }

  /**
   * Whether every runtime reads {@code sent}, a request's path as sent, alike: nothing but what a path segment holds
   * unescaped, no percent-escape. A character beyond ASCII sent as it is Grizzly passes on as it came; an escape of
   * one, or of a space, which a template such as {@code "café"} or {@code "a b"} needs, Jersey, RESTEasy and Apache CXF
   * match to the method there (in upper case; RESTEasy and CXF take {@code caf%c3%a9} to a locator beside it), Quarkus
   * REST to the locator; an escape of an ASCII character ({@code %2F}, {@code %2E}, {@code %3B}) some decode before
   * matching and others do not.
   */
  static boolean readAlike(String sent) {
    for (int i = 0; i < sent.length(); i++) {
      if (!unescaped(sent.charAt(i))) {
        return false;
      }
    }
    return true;
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

  private static boolean unescaped(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || UNESCAPED.indexOf(c) >= 0;
  }

  /** Whether {@code c} is an ASCII hexadecimal digit (not {@link HexDigits}: the processor's copy stands alone). */
  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f';
  }
}
