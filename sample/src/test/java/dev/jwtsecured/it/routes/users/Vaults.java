package dev.jwtsecured.it.routes.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * Two locators declaring two types with different rules for the same method, and one class implementing both: JAX-RS
 * binds one filter to {@code Vault.open()}, whichever locator reached it, so both paths need the stricter rule.
 */
@Path("/vaults")
public final class Vaults {
  /** Declares {@link Box}: a valid token opens it. */
  @Path("box/{id}")
  @SuppressWarnings("JwtSecured.LocatorReturnsAbstractType")
  public Box box(@PathParam("id") String id) {
    return new Vault(id);
  }

  /** Declares {@link Safe}, behind a locator only the admin role passes. */
  @Path("safe/{id}")
  @RolesAllowed("admin")
  @SuppressWarnings("JwtSecured.LocatorReturnsAbstractType")
  public Safe safe(@PathParam("id") String id) {
    return new Vault(id);
  }

  /** Sorts before {@link Safe} by name. */
  public interface Box {
    @GET
    String open();
  }

  /** {@code open()} inherited: its JAX-RS annotations stand once, on {@link Box} (RESTEasy refuses them twice). */
  public interface Safe extends Box {}

  /** Public: RESTEasy invokes sub-resource methods only on public classes. */
  public static final class Vault implements Safe {
    private final String id;

    Vault(String id) {
      this.id = id;
    }

    @Override
    public String open() {
      UsersSecurity.PROTECTED_RUNS.incrementAndGet();
      return "vault " + id;
    }
  }
}
