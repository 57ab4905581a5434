package dev.jwtsecured.it.routes.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * Two locators, one of them admin-only, returning the same sub-resource class: JAX-RS binds one filter to
 * {@link Drawer#open()} for both paths, so both require the admin role.
 */
@Path("/drawers")
public final class Drawers {
  @Path("all/{n}")
  public Drawer drawer(@PathParam("n") String n) {
    return new Drawer(n);
  }

  @Path("locked/{n}")
  @RolesAllowed("admin")
  public Drawer locked(@PathParam("n") String n) {
    return new Drawer("locked " + n);
  }

  /** The shared sub-resource; the processor's warning about it is known and accepted here. */
  @SuppressWarnings("JwtSecured.SharedResourceMethod")
  public static final class Drawer {
    private final String name;

    Drawer(String name) {
      this.name = name;
    }

    @GET
    public String open() {
      UsersSecurity.PROTECTED_RUNS.incrementAndGet();
      return "drawer " + name;
    }
  }
}
