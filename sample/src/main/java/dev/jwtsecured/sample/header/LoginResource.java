package dev.jwtsecured.sample.header;

import dev.jwtsecured.sample.JsonBodies;
import dev.jwtsecured.sample.Services;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /login}: stores the user and answers 201 with {@code Authorization: Bearer <jwt>} and the user. */
@Path("/login")
public final class LoginResource {
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response login(@Context Configuration application, String body) {
    User user = JsonBodies.user(body);
    Services.get(application, UserCache.class).put(user);
    return HeaderSecurityJwt.login(application, user.id().toString()).body(user).response();
  }
}
