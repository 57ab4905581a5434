package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.JwtSettings;
import dev.jwtsecured.runtime.internal.AuthException;
import dev.jwtsecured.runtime.AuthFailure;
import java.util.List;

/**
 * Reads the token cookie from the raw {@code Cookie} headers. JAX-RS's {@code getCookies()} keeps one cookie per name,
 * which would hide a second, planted cookie of the same name; this reader sees every pair and refuses duplicates.
 */
public final class Cookies {
  private static final String LEGACY_PREFIX = "bearer ";
  private static final String LEGACY_PREFIX_ENCODED = "bearer%20";

  private Cookies() {}

  /**
   * The token in cookie {@code name}, or {@code null} when there is none. A legacy value {@code Bearer <jwt>} (possibly
   * quoted, or with the space percent-encoded) yields the JWT.
   *
   * @throws AuthException {@link AuthFailure#MULTIPLE_TOKENS} when the cookie appears more than once
   */
  public static String token(List<String> cookieHeaders, String name) {
    if (cookieHeaders == null) {
      return null;
    }
    String found = null;
    for (String header : cookieHeaders) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq < 0 || !pair.substring(0, eq).trim().equals(name)) {
          continue;
        }
        if (found != null) {
          throw new AuthException(AuthFailure.MULTIPLE_TOKENS);
        }
        found = pair.substring(eq + 1).trim();
      }
    }
    if (found == null) {
      return null;
    }
    if (found.length() >= 2 && found.startsWith("\"") && found.endsWith("\"")) {
      found = found.substring(1, found.length() - 1);
    }
    if (found.regionMatches(true, 0, LEGACY_PREFIX, 0, LEGACY_PREFIX.length())) {
      found = found.substring(LEGACY_PREFIX.length()).trim();
    } else if (found.regionMatches(true, 0, LEGACY_PREFIX_ENCODED, 0, LEGACY_PREFIX_ENCODED.length())) {
      found = found.substring(LEGACY_PREFIX_ENCODED.length()).trim();
    }
    return found.isEmpty() ? null : found;
  }

  /** The most of a cookie's name and value that browsers keep: RFC 6265 asks them for at least this much. */
  private static final int BROWSER_COOKIE_BYTES = 4096;

  /**
   * The token cookie of {@code configuration} that stores {@code jwt} ({@link #setCookie}); one whose name and value
   * pass 4096 bytes, which browsers drop, is logged once as a warning.
   */
  public static String tokenCookie(JwtSettings settings, String configuration, String jwt, long maxAgeSeconds) {
    int size = settings.cookieName().length() + 1 + jwt.length();
    if (size > BROWSER_COOKIE_BYTES) {
      FeatureCheck.warnOnce("cookie size of " + configuration, "jwtsecured: the token cookie " + settings.cookieName()
          + " of " + configuration + " is " + size + " bytes, and browsers keep cookies of at most "
          + BROWSER_COOKIE_BYTES + " bytes of name and value (RFC 6265 section 6.1): a browser drops it without a word"
          + " and sends no token. Clients that read the Authorization header still get in; for browsers, put fewer"
          + " roles, scopes or extras in the token");
    }
    return setCookie(settings, settings.cookieName(), jwt, maxAgeSeconds, settings.cookiePath());
  }

  /**
   * A {@code Set-Cookie} value: {@code <name>=<value>; Max-Age=<n>; Path=<path>[; Domain=<domain>][; Secure]; HttpOnly;
   * SameSite=<s>}, with the configuration's domain, {@code Secure} and {@code SameSite}.
   */
  public static String setCookie(JwtSettings settings, String name, String value, long maxAgeSeconds, String path) {
    StringBuilder c = new StringBuilder(value.length() + 96);
    c.append(name).append('=').append(value);
    c.append("; Max-Age=").append(maxAgeSeconds);
    c.append("; Path=").append(path);
    if (settings.cookieDomain() != null) {
      c.append("; Domain=").append(settings.cookieDomain());
    }
    if (settings.cookieSecure()) {
      c.append("; Secure");
    }
    c.append("; HttpOnly; SameSite=").append(settings.cookieSameSite().attribute());
    return c.toString();
  }
}
