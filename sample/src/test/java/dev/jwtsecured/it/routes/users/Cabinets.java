package dev.jwtsecured.it.routes.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * A locator declaring an interface: JAX-RS reports the class of the object it returns ({@code Oak}), and the rules
 * declared on {@link Cabinet} bind to it.
 */
@Path("/cabinets")
public final class Cabinets {
  /** The warning says that JSR-250 annotations on {@code Oak} itself would not be read; it has none. */
  @Path("{id}")
  @SuppressWarnings("JwtSecured.LocatorReturnsAbstractType")
  public Cabinet cabinet(@PathParam("id") String id) {
    return new Oak(id);
  }

  /** What the locator declares: looking needs a token, emptying the admin role. */
  public interface Cabinet {
    @GET
    String look();

    @DELETE
    @RolesAllowed("admin")
    String empty();
  }

  /** Public: RESTEasy invokes sub-resource methods only on public classes. */
  public static final class Oak implements Cabinet {
    private final String id;

    Oak(String id) {
      this.id = id;
    }

    @Override
    public String look() {
      UsersSecurity.PROTECTED_RUNS.incrementAndGet();
      return "cabinet " + id;
    }

    @Override
    public String empty() {
      UsersSecurity.PROTECTED_RUNS.incrementAndGet();
      return "emptied " + id;
    }
  }
}
