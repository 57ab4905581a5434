package com.example.shop;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * On Open Liberty, answers 400 before the application's servlet a request whose URI RESTEasy cannot build: a path
 * {@link URI} refuses ({@code /shop/api/a<b}, a {@code |}, {@code [} or {@code "}) on any route, or a {@code Host} that
 * is no URI authority ({@code a b}, {@code [v1.x]}) on a path no resource takes (on the application's routes the library
 * answers it). Liberty answered both with a 500 whose page named the exception and its first stack frames. A servlet
 * filter, which every servlet container runs before the application's servlet (WildFly's Undertow fails earlier still,
 * so there {@link ReadableRequests} answers first).
 */
@WebFilter("/*")
public class ReadableTargets extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String host = request.getHeader("Host");
    String query = request.getQueryString();
    try {
      // The URI RESTEasy builds: the Host header's authority, the path as sent, the query.
      new URI("http://" + (host == null || host.isEmpty() ? "localhost" : host) + request.getRequestURI()
          + (query == null ? "" : "?" + query));
    } catch (URISyntaxException e) {
      response.setStatus(400);
      response.setContentType("application/json");
      response.getWriter().write("{\"status_code\":400,\"detail\":\"Bad request\"}");
      return;
    }
    chain.doFilter(request, response);
  }
}
