package dev.jwtsecured.sample.header;

import dev.jwtsecured.sample.JsonBodies;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** {@code POST /login}: stores the user and answers 201 with {@code Authorization: Bearer <jwt>} and the user. */
@Path("/login")
public final class LoginResource {
  private final UserCache cache;

  public LoginResource(UserCache cache) {
    this.cache = cache;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response login(@Context SecurityContext security, String body) {
    User user = JsonBodies.user(body);
    cache.put(user);
    return HeaderSecurityJwt.login(security, user.id().toString()).body(user).response();
  }
}
