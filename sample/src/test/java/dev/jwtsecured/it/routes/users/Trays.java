package dev.jwtsecured.it.routes.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * A locator declaring a sealed type: the processor scans every class it permits, each with its own JSR-250
 * annotations, which JAX-RS then reports as the resource class.
 */
@Path("/trays")
public final class Trays {
  @Path("{kind}")
  public Tray tray(@PathParam("kind") String kind) {
    return kind.equals("locked") ? new Locked() : new Open();
  }

  /** What the locator declares: looking, with the JAX-RS annotation on the interface. */
  public sealed interface Tray permits Open, Locked {
    @GET
    String look();
  }

  /** Any valid token may look. */
  public static final class Open implements Tray {
    @Override
    public String look() {
      UsersSecurity.PROTECTED_RUNS.incrementAndGet();
      return "open tray";
    }
  }

  /** Only the admin role may look. */
  @RolesAllowed("admin")
  public static final class Locked implements Tray {
    @Override
    public String look() {
      UsersSecurity.PROTECTED_RUNS.incrementAndGet();
      return "locked tray";
    }
  }
}
