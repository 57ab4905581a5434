package dev.jwtsecured.testing;

import io.undertow.server.HandlerWrapper;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Undertow's servlet deployments as the README's "Tested runtimes" wraps them: a 400 in the library's shape for a
 * request target that is no path ({@code a}, {@code coun.t/s:taff}) or whose path {@link URI} refuses ({@code /a[b},
 * {@code /a]b}). Undertow passes both on; its servlet container then answers 500, with a page holding the stack trace
 * for a client on the same host, from its servlet path matching or from RESTEasy's and CXF's request URI
 * ({@code TargetFuzzTest} failed on RESTEasy and CXF without this).
 */
final class UndertowTargets implements HandlerWrapper {
  @Override
  public HttpHandler wrap(HttpHandler next) {
    return exchange -> {
      if (readable(exchange.getRequestURI(), exchange.isHostIncludedInRequestURI())) {
        next.handleRequest(exchange);
        return;
      }
      exchange.setStatusCode(400);
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
      exchange.getResponseSender().send("{\"status_code\":400,\"detail\":\"Bad Request\"}");
    };
  }

  /** Whether {@code target} (its path, or the whole absolute URI a client sent) is one {@link URI} reads. */
  static boolean readable(String target, boolean absolute) {
    if (!absolute && !target.startsWith("/")) {
      return false;
    }
    try {
      new URI(target);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
