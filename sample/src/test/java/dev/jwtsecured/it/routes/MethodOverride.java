package dev.jwtsecured.it.routes;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * A method override as applications write it for clients that send only GET and POST (Jersey ships one alike, at a
 * priority before the default): a POST with {@code X-HTTP-Method-Override} is served as the method it names. It runs
 * after the generated locator guard, so the request method the guard saw is not the one JAX-RS matches.
 */
@PreMatching
public final class MethodOverride implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    String method = request.getHeaderString("X-HTTP-Method-Override");
    if (method != null && request.getMethod().equals("POST")) {
      request.setMethod(method);
    }
  }
}
