package dev.jwtsecured.it.routes.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** {@code @Path} on an abstract class: its concrete subclass ({@link Counter}) is the root resource. */
@Path("/counter")
public abstract class CounterBase {
  @GET
  @RolesAllowed("admin")
  public String count() {
    UsersSecurity.PROTECTED_RUNS.incrementAndGet();
    return "count " + amount();
  }

  protected abstract int amount();
}
