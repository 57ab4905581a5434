package dev.jwtsecured.sample.issuer;

import dev.jwtsecured.sample.oauth2.DemoUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** The issuer example's resources; its {@code POST /login} and {@code GET /.well-known/jwks.json} are generated. */
public final class IssuerResources {
  private IssuerResources() {}

  /** {@code GET /some-path}: protected; the current user. */
  @Path("/some-path")
  public static final class SomePath {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public DemoUser someRoute(@Context SecurityContext security) {
      return IssuerSecurityJwt.user(security);
    }
  }

  /** {@code GET /admin}: for the {@code admin} role only. */
  @Path("/admin")
  public static final class Admin {
    @GET
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public DemoUser admin(@Context SecurityContext security) {
      return IssuerSecurityJwt.user(security);
    }
  }
}
