package dev.jwtsecured.sample.oauth2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jwtsecured.runtime.LoginAttempt;
import dev.jwtsecured.runtime.Token;
import dev.jwtsecured.sample.JsonBodies;
import dev.jwtsecured.sample.Services;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The OAuth2 example's resources; its {@code POST /login} is the generated {@code OAuth2SecurityJwtLoginResource}. */
public final class OAuth2Resources {
  private OAuth2Resources() {}

  /** {@code GET /some-path}: protected; the current user. */
  @Path("/some-path")
  public static final class SomePath {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public DemoUser someRoute(@Context SecurityContext security) {
      return OAuth2SecurityJwt.user(security);
    }
  }

  /**
   * {@code GET /health}: public through {@code @PermitAll}; for load balancers, and the open route of the benchmarks.
   */
  @Path("/health")
  public static final class Health {
    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> health() {
      return Map.of("status", "ok");
    }
  }

  /** {@code GET /admin}: for the {@code admin} role only. */
  @Path("/admin")
  public static final class Admin {
    @GET
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> admin(@Context SecurityContext security) {
      return Map.of("admin", true, "username", OAuth2SecurityJwt.user(security).username());
    }
  }

  /**
   * {@code POST /login_custom} with {@code {"username", "password"}}: the programmatic login with the user as body (the
   * seed's {@code login_custom}). Public through {@code @PermitAll}: the anchored exclusion of {@code /login} does not
   * cover it. Throttled with the token endpoint's throttle ({@link LoginAttempt}): 429 with {@code Retry-After}.
   */
  @Path("/login_custom")
  public static final class LoginCustom {
    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response login(@Context Configuration application, @Context HttpHeaders headers, String body) {
      JsonNode json = JsonBodies.object(body);
      String username = JsonBodies.text(json, "username");
      String password = JsonBodies.text(json, "password"); // a malformed request is no login attempt: read it first
      // The token endpoint's throttle: this endpoint checks the same passwords, and must not let anyone guess freely.
      LoginAttempt attempt = OAuth2SecurityJwt.loginAttempt(application, username, headers);
      Duration wait = attempt.delay();
      if (!wait.isZero()) {
        return Response.status(429)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .header(HttpHeaders.RETRY_AFTER, LoginAttempt.retryAfterSeconds(wait))
            .entity("{\"status_code\":429,\"detail\":\"Too many failed attempts\"}")
            .build();
      }
      Optional<DemoUser> user = Services.get(application, DemoUsers.class)
          .check(username, password);
      if (user.isEmpty()) {
        attempt.failed();
        throw JsonBodies.badRequest("wrong user name or password");
      }
      attempt.succeeded();
      return OAuth2SecurityJwt.login(application, user.get().username()).roles(user.get().roles()).body(user.get())
          .response();
    }
  }

  /**
   * {@code POST /logout}: protected; revokes the presented token by its {@code jti} and the refresh tokens of its
   * login, and answers 204.
   */
  @Path("/logout")
  public static final class Logout {
    @POST
    public Response logout(@Context SecurityContext security, @Context Configuration application) {
      Token token = OAuth2SecurityJwt.token(security);
      token.id().ifPresent(id -> Services.get(application, RevokedTokens.class).revoke(id, token.expiresAt()));
      return OAuth2SecurityJwt.logout(application, security).build();
    }
  }
}
