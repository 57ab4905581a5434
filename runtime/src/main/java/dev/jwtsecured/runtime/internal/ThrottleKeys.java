package dev.jwtsecured.runtime.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys under which a login throttle counts user names and client addresses: the forms that one account and one
 * client take however they are written (see {@code LoginThrottle.nameKey} and {@code clientKey}). Pure functions: no
 * look-up of any name, no I/O.
 */
public final class ThrottleKeys {
  private static final int LONGEST_FOLDED_NAME = 256;
  private static final int LONGEST_NAME_KEY = 128;
  /** {@code [IPv6]:port} or {@code IPv4:port}. */
  private static final Pattern WITH_PORT = Pattern.compile("(\\[[^\\]]*\\]):[0-9]{1,5}|([0-9.]+):[0-9]{1,5}");

  private ThrottleKeys() {}

  /**
   * The name without white space, control and format characters and accents, with compatibility forms and case
   * folded; the SHA-256 of that when it is long.
   */
  public static String name(String username) {
    String visible = visible(username);
    String folded = visible.length() > LONGEST_FOLDED_NAME
        ? visible // not worth decomposing: no account has such a name, and decomposition can multiply the length
        : visible(Normalizer.normalize(visible, Normalizer.Form.NFKD));
    String key = folded.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    if (key.length() <= LONGEST_NAME_KEY) {
      return key;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "#" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An IPv6 address's /64 network ({@code 2001:db8:1:2::/64}), written one way whatever the address's form (brackets,
   * zone, leading zeros, {@code ::}, a dotted tail, case); an IPv4-mapped one's IPv4 address ({@code 203.0.113.7}); an
   * IPv4 address as it is. Without the port some proxies add ({@code 203.0.113.7:51234}, {@code [2001:db8::1]:443}).
   * Anything else as it is. (A {@code Forwarded} header's node comes here unquoted: see {@code LoginAttempt}.)
   */
  public static String client(String client) {
    if (client == null) {
      return null;
    }
    String address = client.strip();
    Matcher withPort = WITH_PORT.matcher(address); // proxies that add the client's port (one per connection)
    if (withPort.matches()) {
      address = withPort.group(1) != null ? withPort.group(1) : withPort.group(2);
    }
    if (address.startsWith("[") && address.endsWith("]")) {
      address = address.substring(1, address.length() - 1);
    }
    if (ipv4(address) >= 0) {
      return address;
    }
    int zone = address.indexOf('%');
    int[] groups = ipv6Groups(zone < 0 ? address : address.substring(0, zone));
    if (groups == null) {
      return client;
    }
    if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
        && groups[5] == 0xffff) {
      return (groups[6] >> 8) + "." + (groups[6] & 0xff) + "." + (groups[7] >> 8) + "." + (groups[7] & 0xff);
    }
    return Integer.toHexString(groups[0]) + ":" + Integer.toHexString(groups[1]) + ":"
        + Integer.toHexString(groups[2]) + ":" + Integer.toHexString(groups[3]) + "::/64";
  }

  /** The eight 16-bit groups of an IPv6 address in text (RFC 4291 section 2.2), or {@code null} if it is none. */
  private static int[] ipv6Groups(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0 || text.indexOf(':') < 0) {
      return null;
    }
    int[] head = gap < 0 ? groups(text) : gap == 0 ? new int[0] : groups(text.substring(0, gap));
    int[] tail = gap < 0 ? new int[0] : gap + 2 == text.length() ? new int[0] : groups(text.substring(gap + 2));
    if (head == null || tail == null || (gap < 0 ? head.length != 8 : head.length + tail.length > 7)) {
      return null;
    }
    int[] all = new int[8];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
    return all;
  }

  /** Colon-separated groups of one to four hexadecimal digits, the last possibly a dotted IPv4 address (two groups). */
  private static int[] groups(String text) {
    String[] parts = text.split(":", -1);
    int[] groups = new int[parts.length + 1];
    int n = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (i == parts.length - 1 && part.indexOf('.') >= 0) {
        long v4 = ipv4(part);
        if (v4 < 0) {
          return null;
        }
        groups[n++] = (int) (v4 >>> 16);
        groups[n++] = (int) (v4 & 0xffff);
      } else if (part.length() >= 1 && part.length() <= 4 && part.chars().allMatch(c -> HexDigits.value(c) >= 0)) {
        groups[n++] = Integer.parseInt(part, 16);
      } else {
        return null;
      }
    }
    return Arrays.copyOf(groups, n);
  }

  /** A dotted-quad IPv4 address (four decimal numbers 0 to 255, no leading zeros) as a number, or -1. */
  private static long ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return -1;
    }
    long value = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || part.length() > 1 && part.charAt(0) == '0'
          || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return -1;
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return -1;
      }
      value = value << 8 | octet;
    }
    return value;
  }

  /** The text without white space, control and format characters and combining accents. */
  private static String visible(String text) {
    StringBuilder kept = new StringBuilder(Math.min(text.length(), LONGEST_FOLDED_NAME));
    text.codePoints().filter(ThrottleKeys::shown).forEach(kept::appendCodePoint);
    return kept.toString();
  }

  private static boolean shown(int c) {
    return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK -> false;
      default -> true;
    };
  }
}
