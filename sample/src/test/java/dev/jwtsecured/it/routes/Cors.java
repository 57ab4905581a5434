package dev.jwtsecured.it.routes;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;

/**
 * CORS as applications (and RESTEasy's own {@code CorsFilter}) do it: a pre-matching request filter answers preflights
 * itself, at the default priority; a response filter allows the origin on every other answer, and leaves OPTIONS
 * answers alone.
 */
public final class Cors {
  private Cors() {}

  @PreMatching
  public static final class Preflights implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      String origin = request.getHeaderString("Origin");
      if (origin != null && request.getMethod().equals("OPTIONS")) {
        request.abortWith(Response.ok()
            .header("Access-Control-Allow-Origin", origin)
            .header("Access-Control-Allow-Methods", "GET, DELETE")
            .header("Access-Control-Allow-Headers", "Authorization")
            .build());
      }
    }
  }

  public static final class Responses implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      String origin = request.getHeaderString("Origin");
      if (origin != null && !request.getMethod().equals("OPTIONS")) {
        response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
      }
    }
  }
}
