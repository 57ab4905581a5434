package dev.jwtsecured.runtime.internal;

import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The path that {@code exclude} patterns are matched against (SPEC 5.2): application-relative, percent-decoded once,
 * matrix parameters removed, starting with {@code /}.
 */
public final class RequestPaths {
  private RequestPaths() {}

  /**
   * The normalised path of the request, or {@code null} when the path must never be excluded: a segment that is
   * {@code .} or {@code ..}, or that held an encoded {@code /} ({@code %2F}), could be read as another path by a proxy or
   * the container, so such requests always authenticate.
   */
  public static String excludable(UriInfo uriInfo) {
    List<PathSegment> segments = uriInfo.getPathSegments(true);
    StringBuilder path = new StringBuilder(64);
    for (PathSegment segment : segments) {
      String s = segment.getPath();
      if (s.equals(".") || s.equals("..") || s.indexOf('/') >= 0) {
        return null;
      }
      path.append('/').append(s);
    }
    return path.length() == 0 ? "/" : path.toString();
  }
}
