package dev.jwtsecured.it.routes;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * A CORS response filter as applications write one: it allows the request's origin on every answer, preflights
 * included. JAX-RS runs it on answers request filters gave too, so it also reaches the locator guard's OPTIONS answer.
 */
public final class Cors implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String origin = request.getHeaderString("Origin");
    if (origin != null) {
      response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
      response.getHeaders().putSingle("Access-Control-Allow-Methods", "GET, DELETE");
      response.getHeaders().putSingle("Access-Control-Allow-Headers", "Authorization");
    }
  }
}
