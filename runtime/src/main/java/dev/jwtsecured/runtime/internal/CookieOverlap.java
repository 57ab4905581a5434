package dev.jwtsecured.runtime.internal;

import java.util.Locale;

/**
 * Whether a browser takes the token cookies of two configurations for one: the same name (RFC 6265 section 5.3
 * compares it exactly), paths one request matches both of (section 5.1.4), and domains that are not two different
 * hosts (no domain is the host itself). One definition for the runtime's check of the configurations of one
 * application ({@link EndpointClaims}) and the processor's of those compiled together (which carries this class).
 */
public final class CookieOverlap {
  private CookieOverlap() {}

  /**
   * Whether cookie {@code name} at {@code path} on {@code domain} and cookie {@code otherName} at {@code otherPath} on
   * {@code otherDomain} collide; a domain that is {@code null} or empty is none.
   */
  public static boolean collide(String name, String path, String domain, String otherName, String otherPath,
      String otherDomain) {
    return name.equals(otherName) && (pathMatches(path, otherPath) || pathMatches(otherPath, path))
        && (isNone(domain) || isNone(otherDomain) || domainMatches(domain, otherDomain)
            || domainMatches(otherDomain, domain));
  }

  private static boolean isNone(String domain) {
    return domain == null || domain.isEmpty();
  }

  private static boolean pathMatches(String requestPath, String cookiePath) {
    return requestPath.equals(cookiePath) || requestPath.startsWith(cookiePath)
        && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
  }

  private static boolean domainMatches(String host, String domain) {
    // A leading dot is ignored (section 5.2.3).
    String h = host.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
    String d = domain.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
    return h.equals(d) || h.endsWith("." + d);
  }
}
