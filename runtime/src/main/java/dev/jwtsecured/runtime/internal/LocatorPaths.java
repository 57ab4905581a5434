package dev.jwtsecured.runtime.internal;

import jakarta.ws.rs.core.UriInfo;
import java.util.regex.Pattern;

/**
 * Decides, before JAX-RS matches a request, whether it may reach a protected sub-resource locator: the one place where
 * a request path is compared with templates at run time, and only in the direction of asking for a token more often.
 * The path is tried as sent, percent-decoded, without matrix parameters, with repeated slashes folded and with
 * dot-segments resolved; any of them matching counts.
 */
public final class LocatorPaths {
  private static final Pattern MATRIX = Pattern.compile(";[^/]*");
  private static final Pattern SLASHES = Pattern.compile("/{2,}");

  private LocatorPaths() {}

  /** Whether any form of the request's path fully matches one of {@code locators}. */
  public static boolean matches(UriInfo uri, Pattern[] locators) {
    return matchesAny(encodedPath(uri), locators) || matchesAny(uri.getPath(true), locators);
  }

  /**
   * The request's path relative to the application, as sent: what {@code uri.getPath(false)} gives, which Quarkus REST
   * refuses to give (it throws). Where the base path is not a prefix of the request's (no runtime tried writes them
   * apart), the whole request path; the decoded form is tried besides.
   */
  static String encodedPath(UriInfo uri) {
    String request = uri.getRequestUri().getRawPath();
    String base = uri.getBaseUri().getRawPath();
    if (request.startsWith(base)) {
      return request.substring(base.length());
    }
    return base.endsWith("/") && request.equals(base.substring(0, base.length() - 1)) ? "" : request;
  }

  static boolean matchesAny(String path, Pattern[] locators) {
    String absolute = path.startsWith("/") ? path : "/" + path;
    if (test(absolute, locators)) {
      return true;
    }
    String plain = absolute.indexOf(';') < 0 ? absolute : MATRIX.matcher(absolute).replaceAll("");
    plain = plain.contains("//") ? SLASHES.matcher(plain).replaceAll("/") : plain;
    if (plain != absolute && test(plain, locators)) {
      return true;
    }
    // Only a path with a dot-segment ("." or "..") reads otherwise once they are resolved.
    return (plain.contains("/./") || plain.contains("/../") || plain.endsWith("/.") || plain.endsWith("/.."))
        && test(resolveDots(plain), locators);
  }

  private static boolean test(String path, Pattern[] locators) {
    for (Pattern p : locators) {
      if (p.matcher(path).matches()) {
        return true;
      }
    }
    return false;
  }

  /** {@code /a/./b/../c} becomes {@code /a/c}. */
  static String resolveDots(String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        int slash = out.lastIndexOf("/");
        out.setLength(Math.max(slash, 0));
      } else {
        out.append('/').append(segment);
      }
    }
    return out.length() == 0 ? "/" : out.toString();
  }
}
