package dev.jwtsecured.it.routes.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code @RolesAllowed("**")}, Jakarta's any authenticated user, on the class: every caller with a valid token may
 * enter, whatever their roles; the method's own rule wins where it has one.
 */
@Path("/lobby")
@RolesAllowed("**")
public final class Lobby {
  @GET
  public String enter(@Context SecurityContext security) {
    return "in the lobby: " + security.isUserInRole("**");
  }

  @DELETE
  @RolesAllowed("admin")
  public String close() {
    UsersSecurity.PROTECTED_RUNS.incrementAndGet();
    return "lobby closed";
  }
}
