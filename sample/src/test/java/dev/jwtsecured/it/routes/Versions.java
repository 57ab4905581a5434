package dev.jwtsecured.it.routes;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;

/**
 * API versioning as applications do it before matching, at the default priority: {@code /api/v1/...} is served by the
 * resources at {@code /api/...}. It runs after the generated locator guard, so the path the guard saw is not the one
 * JAX-RS matches.
 */
@PreMatching
public final class Versions implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    URI base = request.getUriInfo().getBaseUri();
    URI uri = request.getUriInfo().getRequestUri();
    String relative = uri.getRawPath().substring(base.getRawPath().length());
    if (relative.startsWith("v1/")) {
      request.setRequestUri(base, UriBuilder.fromUri(uri).replacePath(base.getRawPath() + relative.substring(3))
          .build());
    }
  }
}
