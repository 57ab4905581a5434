package dev.jwtsecured.sample.header;

import dev.jwtsecured.sample.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /login}: stores the user and answers 201 with {@code Authorization: Bearer <jwt>} and the user. */
@Path("/login")
public final class LoginResource {
  private final UserCache cache;

  @Inject
  public LoginResource(UserCache cache) {
    this.cache = cache;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response login(@Context ContainerRequestContext request, String body) {
    User user = JsonBodies.user(body);
    cache.put(user);
    return HeaderSecurityJwt.login(request, user.id().toString()).body(user).response();
  }
}
