package dev.jwtsecured.it.routes.users;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * A root resource that is not final: an application may register an instance of a subclass (an anonymous one, or the
 * proxy class an AOP library makes), and JAX-RS may then report the subclass as the resource class.
 */
@Path("/ledger")
public class Ledger {
  @GET
  @RolesAllowed("admin")
  public String entries() {
    UsersSecurity.PROTECTED_RUNS.incrementAndGet();
    return "entries";
  }

  @GET
  @Path("summary")
  @PermitAll
  public String summary() {
    return "summary";
  }
}
