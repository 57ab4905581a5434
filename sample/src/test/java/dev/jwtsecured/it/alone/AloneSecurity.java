package dev.jwtsecured.it.alone;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Set;

/**
 * A configuration that {@code CxfTest} alone starts, with and without its feature: on Apache CXF whether a feature of
 * a configuration was configured in the JVM decides how the check fails closed.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/", tokenUrl = "/login")
public final class AloneSecurity {
  private AloneSecurity() {}

  /** Password "pw"; "root" is an admin. Public: {@code BinsSecurity} has the same users. */
  @Authenticator
  public static Grant authenticate(String username, String password) {
    if (!password.equals("pw")) {
      return null;
    }
    return username.equals("root") ? Grant.of(username).withRoles(Set.of("admin")) : Grant.of(username);
  }

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** GET /desks/{id} for anyone with a token; its drawers through a locator. */
  @Path("/desks/{id}")
  public static final class Desks {
    @GET
    public String desk(@PathParam("id") String id) {
      return "desk " + id;
    }

    @Path("drawer")
    public Drawer drawer(@PathParam("id") String id) {
      return new Drawer(id);
    }
  }

  /** A sub-resource: emptying a drawer takes the admin role. */
  public static final class Drawer {
    private final String desk;

    Drawer(String desk) {
      this.desk = desk;
    }

    @GET
    public String look() {
      return "drawer of " + desk;
    }

    @DELETE
    @RolesAllowed("admin")
    public String empty() {
      return "emptied drawer of " + desk;
    }
  }
}
