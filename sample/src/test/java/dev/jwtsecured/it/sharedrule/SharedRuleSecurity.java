package dev.jwtsecured.it.sharedrule;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A locator to a method that {@code exclude} leaves public at the locator's path and a root resource's rule makes
 * admin-only at its own. {@code OverlappingRootsTest} starts it.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/", exclude = "/public/.*")
public final class SharedRuleSecurity {
  /** How often the locator ran. */
  public static final AtomicInteger RUNS = new AtomicInteger();

  private SharedRuleSecurity() {}

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /**
   * {@code /public/reports}: public by {@code exclude}, but its class is also the root resource {@code /reports},
   * whose method is admin-only; JAX-RS binds one filter to the method, so both paths need the admin role.
   */
  @Path("/public")
  public static final class Public {
    @Path("reports")
    public Reports reports() {
      RUNS.incrementAndGet();
      return new Reports();
    }
  }

  /** {@code /reports}, for admins; the processor's warnings about its second path are known and accepted here. */
  @Path("/reports")
  @SuppressWarnings({"JwtSecured.SharedResourceMethod", "JwtSecured.RolesOnExcludedPath"})
  public static final class Reports {
    @GET
    @RolesAllowed("admin")
    public String list() {
      return "reports";
    }
  }
}
