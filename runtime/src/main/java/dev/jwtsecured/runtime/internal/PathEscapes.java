package dev.jwtsecured.runtime.internal;

/**
 * Percent-escapes in request paths, for the locator guard ({@link LocatorPaths}): which paths every JAX-RS runtime
 * tried reads alike, and a path's escapes with their digits in upper case, as Jersey reads them.
 */
final class PathEscapes {
  /** Besides letters and digits, what a path segment holds unescaped (RFC 3986's {@code pchar}), and {@code /}. */
  private static final String UNESCAPED = "-._~!$&'()*+,;=:@/";

  private PathEscapes() {}

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

  private static boolean unescaped(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || UNESCAPED.indexOf(c) >= 0;
  }

  /** Whether {@code s} holds a percent-escape at {@code i}, in ASCII digits of either case. */
  private static boolean isEscape(String s, int i) {
    return i + 2 < s.length() && HexDigits.value(s.charAt(i + 1)) >= 0 && HexDigits.value(s.charAt(i + 2)) >= 0;
  }
}
