package dev.jwtsecured.it.routes.users;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /users/{id}} (protected) beside {@code /users/register} (excluded by the literal pattern). */
@Path("/users")
public final class Users {
  @GET
  @Path("{id}")
  public String get(@PathParam("id") String id) {
    UsersSecurity.PROTECTED_RUNS.incrementAndGet();
    return "user " + id;
  }

  /** Public through {@code exclude}; a caller with a valid token is still known. */
  @POST
  @Path("register")
  public String register(@Context SecurityContext security) {
    return "registered:" + UsersSecurityJwt.currentUser(security).orElse("anonymous");
  }
}
