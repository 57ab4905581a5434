package dev.jwtsecured.runtime.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Percent-escapes in request paths, for the locator guard ({@link LocatorPaths}): the forms in which the JAX-RS
 * runtimes tried may match a path to a template, a path's escapes with their digits in upper case, as Jersey reads
 * them, a path normalized as JAX-RS asks, and a decoded path escaped again as a template is.
 */
final class PathEscapes {
  /** Besides letters and digits, what a path segment holds unescaped (RFC 3986's {@code pchar}), and {@code /}. */
  private static final String UNESCAPED = "-._~!$&'()*+,;=:@/";
  /** ASCII characters whose escapes a server or runtime may decode into a path's shape before matching. */
  private static final String SHAPING = "/.;%?#\\";

  private PathEscapes() {}

  /**
   * The forms in which a runtime may match {@code sent}, a request's path as sent, to a template: as sent, with its
   * escapes' digits in upper case and in lower case, with its escapes of letters, digits, {@code -}, {@code _} and
   * {@code ~} decoded, and decoded; {@code null} where a runtime may read it otherwise still. Every runtime tried
   * matches a template against the path as sent, as Quarkus REST does with the template's characters unescaped and the
   * others with them escaped (in upper case; Jersey also takes the digits in lower case there): a path that a
   * template's regular expression matches in all five forms, every runtime matches to it; one that a template such as
   * {@code "café"}, {@code "a b"} or {@code {word: \p{L}+}} matches only decoded, some runtimes do and some do not
   * (Quarkus REST takes {@code caf%C3%A9} past {@code "café"}, to a locator beside it). {@code null}: a character a
   * path segment holds only escaped (Grizzly passes a character beyond ASCII on as it came), a malformed escape, an
   * escape of what shapes a path ({@code %2F}, {@code %2E}, {@code %3B}, {@code %25}, {@code %3F}, {@code %23},
   * {@code %5C}, which some decode before matching and others do not) or of a control character, or escapes that are
   * no UTF-8.
   */
  static String[] forms(String sent) {
    if (sent.indexOf('%') < 0) {
      return readAlike(sent) ? new String[] {sent} : null;
    }
    byte[] bytes = new byte[sent.length()];
    int length = 0;
    // As a server normalizing the path may pass it on (RFC 3986, section 6.2.2.2): letters, digits, "-", "_" and "~"
    // unescaped, the other escapes as sent.
    StringBuilder normalized = new StringBuilder(sent.length());
    for (int i = 0; i < sent.length(); i++) {
      char c = sent.charAt(i);
      if (c == '%') {
        if (!isEscape(sent, i)) {
          return null;
        }
        int b = HexDigits.value(sent.charAt(i + 1)) << 4 | HexDigits.value(sent.charAt(i + 2));
        if (b < 0x20 || b == 0x7f || b < 0x80 && SHAPING.indexOf(b) >= 0) {
          return null;
        }
        bytes[length++] = (byte) b;
        if (unreserved(b)) {
          normalized.append((char) b);
        } else {
          normalized.append(sent, i, i + 3);
        }
        i += 2;
      } else if (unescaped(c)) {
        bytes[length++] = (byte) c;
        normalized.append(c);
      } else {
        return null;
      }
    }
    String decoded;
    try {
      decoded = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    return new String[] {sent, upperCaseEscapes(sent), lowerCaseEscapes(sent), normalized.toString(), decoded};
  }

  /**
   * {@code sent} as JAX-RS asks a runtime to normalize it before matching (JAX-RS 3.7.1; RFC 3986, sections 6.2.2.1
   * and 6.2.2.2), as Quarkus REST does: its escapes of letters, digits, {@code -}, {@code .}, {@code _} and {@code ~}
   * decoded (the dot too: {@code %2e%2e} becomes a dot-segment, which Quarkus REST then resolves), its other escapes'
   * digits in upper case, all else as sent; {@code sent} itself where that changes nothing.
   */
  static String normalized(String sent) {
    int first = sent.indexOf('%');
    if (first < 0) {
      return sent;
    }
    StringBuilder out = new StringBuilder(sent.length()).append(sent, 0, first);
    boolean changed = false;
    for (int i = first; i < sent.length(); i++) {
      char c = sent.charAt(i);
      if (c != '%' || !isEscape(sent, i)) {
        out.append(c);
        continue;
      }
      int b = HexDigits.value(sent.charAt(i + 1)) << 4 | HexDigits.value(sent.charAt(i + 2));
      if (unreserved(b) || b == '.') {
        out.append((char) b);
        changed = true;
      } else {
        int at = out.length();
        HexDigits.appendEscape(out, b);
        changed |= sent.charAt(i + 1) != out.charAt(at + 1) || sent.charAt(i + 2) != out.charAt(at + 2);
      }
      i += 2;
    }
    return changed ? out.toString() : sent;
  }

  /**
   * {@code decoded}, a decoded path, escaped as JAX-RS escapes a template's literal characters: each character but
   * letters, digits, {@code /} and what else a path segment holds unescaped as the escapes of its UTF-8 bytes, in
   * upper case ({@code /caf\u00e9 b} becomes {@code /caf%C3%A9%20b}); {@code decoded} itself where none needs one.
   */
  static String encoded(String decoded) {
    if (readAlike(decoded)) {
      return decoded;
    }
    StringBuilder out = new StringBuilder(decoded.length() + 16);
    for (byte b : decoded.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && unescaped(c)) {
        out.append(c);
      } else {
        HexDigits.appendEscape(out, b & 0xff);
      }
    }
    return out.toString();
  }

  /** Whether {@code sent} holds nothing but what a path segment holds unescaped, and {@code /}. */
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
    return caseOfEscapes(sent, 'a', 'A');
  }

  /** {@code sent} with the digits of its percent-escapes in lower case; {@code sent} itself where none is upper. */
  static String lowerCaseEscapes(String sent) {
    return caseOfEscapes(sent, 'A', 'a');
  }

  /** {@code sent} with the digits {@code from} to {@code from + 5} of its escapes as {@code to} to {@code to + 5}. */
  private static String caseOfEscapes(String sent, char from, char to) {
    char[] chars = null;
    for (int i = sent.indexOf('%'); i >= 0; i = sent.indexOf('%', i + 1)) {
      for (int j = i + 1; j <= i + 2 && isEscape(sent, i); j++) {
        char c = sent.charAt(j);
        if (c >= from && c <= from + 5) {
          chars = chars == null ? sent.toCharArray() : chars;
          chars[j] = (char) (c - from + to);
        }
      }
    }
    return chars == null ? sent : new String(chars);
  }

  /** Whether {@code b} is what RFC 3986 calls unreserved, but for the dot: a letter, digit, -, _ or ~. */
  private static boolean unreserved(int b) {
    return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_' || b == '~';
  }

  private static boolean unescaped(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || UNESCAPED.indexOf(c) >= 0;
  }

  /** Whether {@code s} holds a percent-escape at {@code i}, in ASCII digits of either case. */
  private static boolean isEscape(String s, int i) {
    return i + 2 < s.length() && HexDigits.value(s.charAt(i + 1)) >= 0 && HexDigits.value(s.charAt(i + 2)) >= 0;
  }
}
