package dev.jwtsecured.sample.cookie;

import dev.jwtsecured.sample.JsonBodies;
import dev.jwtsecured.sample.Services;
import dev.jwtsecured.sample.header.User;
import dev.jwtsecured.sample.header.UserCache;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The cookie example's resources. */
public final class CookieResources {
  private CookieResources() {}

  /** {@code POST /login}: 201 with the {@code Authorization} header, the {@code token} cookie and the user. */
  @Path("/login")
  public static final class Login {
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response login(@Context Configuration application, String body) {
      User user = JsonBodies.user(body);
      Services.get(application, UserCache.class).put(user);
      return CookieSecurityJwt.login(application, user.id().toString()).body(user).response();
    }
  }

  /** {@code GET /some-path}: protected; works with the cookie alone. */
  @Path("/some-path")
  public static final class SomePath {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public User someRoute(@Context SecurityContext security) {
      return CookieSecurityJwt.user(security);
    }
  }

  /** {@code POST /logout}: protected; 204 and a {@code Set-Cookie} that deletes the token cookie. */
  @Path("/logout")
  public static final class Logout {
    @POST
    public Response logout(@Context Configuration application) {
      return CookieSecurityJwt.logout(application).build();
    }
  }
}
