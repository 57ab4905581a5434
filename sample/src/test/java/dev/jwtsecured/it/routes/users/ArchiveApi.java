package dev.jwtsecured.it.routes.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * A generic interface carrying JAX-RS and role annotations: the implementation's method takes {@code String} where
 * this one takes {@code T}, and the compiler adds a bridge method taking {@code Object} beside it.
 */
public interface ArchiveApi<T> {
  @POST
  @Path("{shelf}")
  @RolesAllowed("admin")
  String store(@PathParam("shelf") String shelf, T entry);
}
