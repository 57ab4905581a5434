package dev.jwtsecured.it.forwarded;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * The README's recipe for a proxy that serves the application below a prefix the server never sees: the proxy sets
 * {@code X-Forwarded-Prefix} (always, replacing what a client sent), and this filter puts it in front of the request's
 * base URI, before anything else runs. The path JAX-RS matches, relative to the base URI, stays as it was.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class ForwardedPrefix implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    String prefix = request.getHeaderString("X-Forwarded-Prefix");
    if (prefix == null || !prefix.matches("(/[A-Za-z0-9._~-]+)+")) {
      return;
    }
    URI base = request.getUriInfo().getBaseUri();
    URI requested = request.getUriInfo().getRequestUri();
    request.setRequestUri(UriBuilder.fromUri(base).replacePath(prefix + base.getRawPath()).build(),
        UriBuilder.fromUri(requested).replacePath(prefix + requested.getRawPath()).build());
  }
}
