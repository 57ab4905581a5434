package dev.jwtsecured.runtime.internal;

/**
 * Hexadecimal digits as the grammars jwtsecured reads define them (RFC 5234's {@code HEXDIG}, in percent-escapes,
 * JSON's {@code \\u} escapes and IPv6 addresses): ASCII only. {@link Character#digit(char, int)} also takes the digits
 * of other scripts and the full-width letters, by which an Arabic-Indic {@code %\u0662\u0660} would read as an escaped
 * space.
 */
final class HexDigits {
  private static final char[] UPPER = "0123456789ABCDEF".toCharArray();

  private HexDigits() {}

  /** The value of {@code c} as a hexadecimal digit, or -1 where it is none. */
  static int value(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  /**
   * Appends the percent-escape of byte {@code b} in upper case ({@code %C3}) to {@code out}: what {@code
   * String.format("%%%02X", b)} gives, without parsing a format for each byte of a request's path.
   */
  static StringBuilder appendEscape(StringBuilder out, int b) {
    return out.append('%').append(UPPER[b >> 4 & 0xf]).append(UPPER[b & 0xf]);
  }
}
