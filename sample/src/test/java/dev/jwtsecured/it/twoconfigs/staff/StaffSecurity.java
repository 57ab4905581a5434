package dev.jwtsecured.it.twoconfigs.staff;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.it.alone.AloneSecurity;
import dev.jwtsecured.it.twoconfigs.store.StoreSecurity;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The staff of the same application: their token endpoint, their page and a public one, each a root resource whose
 * template JAX-RS matches before the buckets' locator.
 */
@JwtSecured(secret = "${IT_SECRET}", tokenUrl = "/login", openApiPath = "/openapi.json")
public final class StaffSecurity {
  private StaffSecurity() {}

  /** {@code AloneSecurity}'s users: password "pw". */
  @Authenticator
  static Grant authenticate(String username, String password) {
    return AloneSecurity.authenticate(username, password);
  }

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** {@code GET /staff}: the caller, for staff tokens. */
  @Path("/staff")
  public static final class Staff {
    @GET
    public String me(@Context SecurityContext security) {
      return security.getUserPrincipal().getName();
    }
  }

  /**
   * {@code GET /backroom}: the store's shelf class, extended as a resource of the staff's own, for staff tokens (the
   * store's configuration knows its superclass, not it).
   */
  @Path("/backroom")
  public static final class Backroom extends StoreSecurity.Shelf {}

  /** {@code GET /about}, for anyone. */
  @Path("/about")
  public static final class About {
    @GET
    @PermitAll
    public String about() {
      return "a store";
    }
  }
}
