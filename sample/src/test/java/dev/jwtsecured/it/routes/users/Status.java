package dev.jwtsecured.it.routes.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A record as a root resource: JAX-RS creates it with its public no-argument constructor like any class. */
@Path("/status")
public record Status() {
  @GET
  @RolesAllowed("admin")
  public String get() {
    UsersSecurity.PROTECTED_RUNS.incrementAndGet();
    return "status ok";
  }
}
