package com.example.shop;

import io.undertow.server.HttpHandler;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * On WildFly (Undertow), answers 400 before the servlet container what it would fail on with a 500 and an {@code ERROR}
 * line holding the stack trace: a path {@link URI} refuses ({@code /shop/api/a[b}), which RESTEasy cannot build a
 * request URI from, and a {@code Cookie} header holding a byte beyond ASCII, which Undertow's cookie parser refuses
 * while Weld starts the request. Registered in {@code META-INF/services/io.undertow.servlet.ServletExtension}, which
 * only Undertow reads: on other servers this class is never loaded.
 */
public class ReadableRequests implements ServletExtension {
  @Override
  public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
    deployment.addInitialHandlerChainWrapper(ReadableRequests::wrap);
  }

  private static HttpHandler wrap(HttpHandler next) {
    return exchange -> {
      if (readable(exchange.getRequestURI(), exchange.isHostIncludedInRequestURI())
          && asciiCookies(exchange.getRequestHeaders().get(Headers.COOKIE))) {
        next.handleRequest(exchange);
        return;
      }
      exchange.setStatusCode(400);
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
      exchange.getResponseSender().send("{\"status_code\":400,\"detail\":\"Bad request\"}");
    };
  }

  /** Whether {@code target} is a path (or an absolute URI without {@code ;} in its authority) {@link URI} reads. */
  private static boolean readable(String target, boolean absolute) {
    if (!absolute && !target.startsWith("/")) {
      return false;
    }
    try {
      String authority = new URI(target).getRawAuthority();
      return !absolute || authority == null || authority.indexOf(';') < 0;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Whether every {@code Cookie} header holds only visible ASCII, spaces and tabs, as RFC 6265 cookies do. */
  private static boolean asciiCookies(Iterable<String> cookies) {
    if (cookies != null) {
      for (String cookie : cookies) {
        for (int i = 0; i < cookie.length(); i++) {
          char c = cookie.charAt(i);
          if ((c < 0x20 && c != '\t') || c > 0x7e) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
