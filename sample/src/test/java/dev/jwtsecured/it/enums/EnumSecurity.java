package dev.jwtsecured.it.enums;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * A root resource that is a singleton enum, registered as its one instance: JAX-RS serves it like any class.
 * {@code EnumResourceTest} starts it.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/")
public final class EnumSecurity {
  private EnumSecurity() {}

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** Operations of three rules, on an enum's one instance. */
  @Path("/switches")
  @RolesAllowed("admin")
  public enum Switches {
    INSTANCE;

    @GET
    @PermitAll
    public String list() {
      return "switches";
    }

    @POST
    public String flip() {
      return "flipped";
    }

    @Path("off")
    @DenyAll
    @POST
    public String off() {
      return "off";
    }
  }
}
