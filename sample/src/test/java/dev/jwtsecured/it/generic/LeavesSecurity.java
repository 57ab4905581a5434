package dev.jwtsecured.it.generic;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * A generic resource whose methods are public, and a resource extending it that annotates its overrides anew,
 * admin-only: the compiler gives the resource a bridge method for each ({@code update(Object)} beside
 * {@code update(String)}), which Apache CXF reports to dynamic features and may invoke. {@code GenericOverridesTest}
 * starts it.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/")
public final class LeavesSecurity {
  private LeavesSecurity() {}

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** {@code /base}: public operations, for any type of body. */
  @Path("/base")
  public static class Base<T> {
    @GET
    @PermitAll
    public String read(T body) {
      return "base";
    }

    @POST
    @PermitAll
    public String update(T body) {
      return "base updated";
    }

    @HEAD
    @PermitAll
    public String look(T body) {
      return "base";
    }
  }

  /** {@code /leaves}: the same operations, admin-only. */
  @Path("/leaves")
  public static final class Leaves extends Base<String> {
    @Override
    @GET
    @RolesAllowed("admin")
    public String read(String body) {
      return "leaves";
    }

    @Override
    @POST
    @RolesAllowed("admin")
    public String update(String body) {
      return "leaves updated";
    }

    @Override
    @HEAD
    @RolesAllowed("admin")
    public String look(String body) {
      return "leaves";
    }
  }

}
