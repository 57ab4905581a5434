package dev.jwtsecured.runtime.internal;

/**
 * Checks that text is canonical unpadded base64url (RFC 7515 section 2, RFC 4648 section 5): only the 64 characters of
 * the URL-safe alphabet, no padding, no length that leaves a lone character, and a final character whose unused low
 * bits are zero. Without the last rule, several strings decode to the same bytes and a signature could be altered
 * without failing verification.
 */
public final class StrictBase64Url {
  private static final byte[] VALUES = new byte[128];

  static {
    java.util.Arrays.fill(VALUES, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = (byte) i;
    }
  }

  private StrictBase64Url() {}

  /** Whether {@code s[from, to)} is non-empty canonical unpadded base64url. */
  public static boolean isCanonical(CharSequence s, int from, int to) {
    int length = to - from;
    if (length <= 0 || length % 4 == 1) {
      return false;
    }
    int last = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 128 || VALUES[c] < 0) {
        return false;
      }
      last = VALUES[c];
    }
    switch (length % 4) {
      case 2:
        return (last & 0x0F) == 0; // 4 unused bits
      case 3:
        return (last & 0x03) == 0; // 2 unused bits
      default:
        return true;
    }
  }
}
