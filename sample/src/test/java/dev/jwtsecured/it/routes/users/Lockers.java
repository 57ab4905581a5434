package dev.jwtsecured.it.routes.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * A locator declaring a concrete class that returns a subclass for some ids: JAX-RS reports the returned object's class
 * ({@code SteelLocker}), which the processor never saw as a resource; the rules declared on {@link Locker} bind to it.
 */
@Path("/lockers")
public final class Lockers {
  @Path("{id}")
  public Locker locker(@PathParam("id") String id) {
    return id.startsWith("steel") ? new SteelLocker(id) : new Locker(id);
  }

  /** What the locator declares: opening needs a token, clearing the admin role. */
  public static class Locker {
    final String id;

    Locker(String id) {
      this.id = id;
    }

    @GET
    public String open() {
      UsersSecurity.PROTECTED_RUNS.incrementAndGet();
      return "locker " + id;
    }

    @DELETE
    @RolesAllowed("admin")
    public String clear() {
      UsersSecurity.PROTECTED_RUNS.incrementAndGet();
      return "cleared " + id;
    }
  }

  /** Returned for ids starting with {@code steel}; it overrides {@code clear()}, whose annotations JAX-RS inherits. */
  public static final class SteelLocker extends Locker {
    SteelLocker(String id) {
      super(id);
    }

    @Override
    public String clear() {
      UsersSecurity.PROTECTED_RUNS.incrementAndGet();
      return "cleared steel " + id;
    }
  }
}
