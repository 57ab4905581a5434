package dev.jwtsecured.it.routes;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Credentials supplied as applications do it before matching, at the default priority: a gateway's {@code X-Token}
 * header becomes the {@code Authorization} header. It runs after the generated locator guard, so the guard sees no
 * token where JAX-RS then matches the request with one.
 */
@PreMatching
public final class TokenFromHeader implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    String token = request.getHeaderString("X-Token");
    if (token != null && request.getHeaderString("Authorization") == null) {
      request.getHeaders().putSingle("Authorization", token);
    }
  }
}
