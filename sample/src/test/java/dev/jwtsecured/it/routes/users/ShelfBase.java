package dev.jwtsecured.it.routes.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * A generic superclass carrying JAX-RS and role annotations; the subclass overrides the method for {@code String}
 * without repeating them, and the compiler adds a bridge method taking {@code Object} to the subclass.
 */
public abstract class ShelfBase<T> {
  @PUT
  @Path("{shelf}")
  @RolesAllowed("admin")
  public abstract String put(@PathParam("shelf") String shelf, T entry);
}
