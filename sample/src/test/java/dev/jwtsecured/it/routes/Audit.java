package dev.jwtsecured.it.routes;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's own request filters at priority {@code AUTHORIZATION}, which JAX-RS runs after the
 * {@code AUTHENTICATION} ones: each records whom the request's security context names, by path.
 */
public final class Audit {
  /** {@code "pre <path>"} and {@code "post <path>"} (no leading slash) to the principal's name or "anonymous". */
  public static final Map<String, String> SEEN = new ConcurrentHashMap<>();

  private Audit() {}

  /** Before matching: after the generated locator guard, the only generated filter that runs this early. */
  @PreMatching
  @Priority(Priorities.AUTHORIZATION)
  public static final class BeforeMatching implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      record("pre", request);
    }
  }

  /** After matching: after the generated filter bound to the matched method. */
  @Priority(Priorities.AUTHORIZATION)
  public static final class AfterMatching implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      record("post", request);
    }
  }

  private static void record(String when, ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    Principal principal = request.getSecurityContext().getUserPrincipal();
    SEEN.put(when + " " + (path.startsWith("/") ? path.substring(1) : path),
        principal == null ? "anonymous" : principal.getName());
  }
}
