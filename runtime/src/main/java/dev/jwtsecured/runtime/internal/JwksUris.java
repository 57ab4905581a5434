package dev.jwtsecured.runtime.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The one rule for where a key set may be fetched from, used by the processor for a literal {@code jwksUri} (the
 * processor jar carries this class) and by the runtime for one from a placeholder and for a {@code jwks_uri} that
 * OpenID discovery names: an absolute {@code https} URI with a host and no user information, or {@code http} with a
 * literal loopback address or {@code localhost}. It uses the JDK alone: nothing else is on the processor path.
 */
public final class JwksUris {
  private JwksUris() {}

  /** What is wrong with fetching a key set from {@code uri}, as the end of a sentence; {@code null} when nothing is. */
  public static String problem(URI uri) {
    if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null) {
      return "is not an absolute URI with a host (and no user information)";
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost())) {
      return null;
    }
    return "must be https (http only on a loopback address)";
  }

  /**
   * Whether {@code host} (as {@link URI#getHost()} gives it, an IPv6 address in brackets) is {@code localhost} or a
   * literal loopback address. A name is not looked up, so DNS cannot turn an outside host into a loopback one, and a
   * name that only starts like an address ({@code 127.idp.example}) is a name.
   */
  static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    boolean ipv6 = host.startsWith("[") && host.endsWith("]") && host.matches("\\[[0-9A-Fa-f:.]+]");
    if (!ipv6 && !isDottedQuad(host)) {
      return false; // a name, which getByName would look up
    }
    try {
      return InetAddress.getByName(ipv6 ? host.substring(1, host.length() - 1) : host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Four decimal numbers of at most 255, as an IPv4 literal is written; what getByName parses without a lookup. */
  private static boolean isDottedQuad(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (!part.matches("[0-9]{1,3}") || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }
}
