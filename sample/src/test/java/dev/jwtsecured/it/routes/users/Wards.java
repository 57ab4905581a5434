package dev.jwtsecured.it.routes.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * A class admitting the role user, whose locator leads to a method admitting admin: both rules apply, so closing a
 * ward takes one role of each (bob, user and admin), and neither alice (user) nor erin (admin) may.
 */
@Path("/wards")
@RolesAllowed("user")
public final class Wards {
  @Path("{name}")
  public Ward ward(@PathParam("name") String name) {
    return new Ward(name);
  }

  /** A ward: anyone the locator admits may look; closing it is for admins. */
  public static final class Ward {
    private final String name;

    Ward(String name) {
      this.name = name;
    }

    @GET
    public String look() {
      return "ward " + name;
    }

    @DELETE
    @RolesAllowed("admin")
    public String close() {
      UsersSecurity.PROTECTED_RUNS.incrementAndGet();
      return "closed " + name;
    }
  }
}
