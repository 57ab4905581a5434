package dev.jwtsecured.runtime.internal;

import jakarta.ws.rs.core.UriInfo;

/**
 * The paths of the request's URIs, for the library's filters and resources, which must answer a request whose URIs the
 * runtime cannot build with a 400 rather than let the exception out. RESTEasy builds them only when asked, from the
 * {@code Host} header, which Undertow passes on unchecked: for a {@code Host} that is no URI authority ({@code x:|},
 * {@code [::1}) {@link UriInfo#getRequestUri()} throws {@link IllegalArgumentException}, and out of a filter it became
 * a 500 whose page held the stack trace ({@code MalformedHostTest}). Quarkus REST throws a {@link RuntimeException}
 * wrapping {@link java.net.URISyntaxException} for some of them ({@code [v1.x]}), which passed the library's filters as
 * a 500 too ({@code .ci/consumer}'s Quarkus run): any exception here means the URI cannot be built.
 */
public final class RequestUris {
  private RequestUris() {}

  /** The raw path of the request's URI, or {@code null} where the runtime cannot build the URI. */
  public static String rawPath(UriInfo uri) {
    try {
      return uri.getRequestUri().getRawPath();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The request's path relative to the application, decoded, or {@code null} where the runtime cannot decode it:
   * Quarkus REST decodes the path it has already decoded once, and throws {@link IllegalArgumentException} for an
   * escaped percent sign followed by what is no escape ({@code empty%25}, {@code %25ti}), which out of the locator
   * guard became a 500.
   */
  public static String decodedPath(UriInfo uri) {
    try {
      return uri.getPath(true);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The raw path of the application's base URI for this request, or {@code null} where it cannot be built. */
  public static String rawBasePath(UriInfo uri) {
    try {
      return uri.getBaseUri().getRawPath();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
