package dev.jwtsecured.testing;

import io.undertow.server.HandlerWrapper;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Undertow's servlet deployments as the README's "Tested runtimes" wraps them: a 400 in the library's shape for a
 * request target that is no path ({@code a}, {@code coun.t/s:taff}) or whose path {@link URI} refuses ({@code /a[b},
 * {@code /a]b}), or that is absolute with a {@code ;} in its authority ({@code http://x;a/admin}). Undertow passes
 * them on; its servlet container then answers 500, with a page holding the stack trace for a client on the same host,
 * from its servlet path matching or from RESTEasy's and CXF's request URI ({@code TargetFuzzTest} failed on RESTEasy
 * and CXF without this); likewise for a {@code Cookie} header holding a byte beyond ASCII.
 */
final class UndertowTargets implements HandlerWrapper {
  private final boolean hosts;

  /**
   * @param hosts whether to refuse a {@code Host} header that is no URI authority too ({@code x:|}), which CXF's
   *     servlet answers with a 500 and its stack trace before any JAX-RS code (RESTEasy serves it, and the library
   *     answers 400 where it needs the request's URI: {@code MalformedHostTest}, which the suite's RESTEasy server
   *     leaves to it)
   */
  UndertowTargets(boolean hosts) {
    this.hosts = hosts;
  }

  @Override
  public HttpHandler wrap(HttpHandler next) {
    return exchange -> {
      if (readable(exchange.getRequestURI(), exchange.isHostIncludedInRequestURI())
          // Empty at the deployment's context path itself (/api for a deployment at /api), which JAX-RS serves.
          && (exchange.getRelativePath().startsWith("/") || exchange.getRelativePath().isEmpty())
          && (!hosts || HostHeaders.isAuthority(exchange.getRequestHeaders().getFirst(Headers.HOST)))
          && asciiCookies(exchange.getRequestHeaders().get(Headers.COOKIE))) {
        next.handleRequest(exchange);
        return;
      }
      exchange.setStatusCode(400);
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
      exchange.getResponseSender().send("{\"status_code\":400,\"detail\":\"Bad Request\"}");
    };
  }

  /**
   * Whether every {@code Cookie} header holds only visible ASCII, spaces and tabs, as RFC 6265 cookies do: Undertow's
   * servlet container parses them for its session lookup before the application and failed on any other byte (a
   * {@code \u00ff} in a token cookie: 500, {@code HeaderFuzzTest}).
   */
  static boolean asciiCookies(Iterable<String> cookies) {
    if (cookies == null) {
      return true;
    }
    for (String cookie : cookies) {
      for (int i = 0; i < cookie.length(); i++) {
        char c = cookie.charAt(i);
        if ((c < 0x20 && c != '\t') || c > 0x7e) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Whether {@code target} (its path, or the whole absolute URI a client sent) is one {@link URI} reads, and, absolute,
   * one Undertow reads alike.
   */
  static boolean readable(String target, boolean absolute) {
    if (!absolute && !target.startsWith("/")) {
      return false;
    }
    try {
      String authority = new URI(target).getRawAuthority();
      // Undertow reads a ';' in an absolute target's authority as the start of path parameters: the path it gives
      // is then "/" or a piece of the authority (http://x;a/public is served as /; http://x;a//admin, as http://x/).
      return !absolute || authority == null || authority.indexOf(';') < 0;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
