package dev.jwtsecured.sample.resourceserver;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;

/** The resource-server example's resources. */
public final class ResourceServerResources {
  private ResourceServerResources() {}

  /** {@code GET /some-path}: protected; the caller. */
  @Path("/some-path")
  public static final class SomePath {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Caller caller(@Context SecurityContext security) {
      return ResourceServerSecurityJwt.user(security);
    }
  }

  /** {@code GET /admin}: for the {@code admin} role only. */
  @Path("/admin")
  public static final class Admin {
    @GET
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public Caller admin(@Context SecurityContext security) {
      return ResourceServerSecurityJwt.user(security);
    }
  }

  /** {@code GET /health}: excluded. */
  @Path("/health")
  public static final class Health {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> health() {
      return Map.of("status", "ok");
    }
  }
}
