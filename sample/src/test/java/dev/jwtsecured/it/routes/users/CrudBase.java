package dev.jwtsecured.it.routes.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * A generic base class carrying the JAX-RS and role annotations, as CRUD templates do: a subclass overriding
 * {@code create(T)} with {@code create(String)} also has a bridge method {@code create(Object)}, and the rules must
 * bind to the method JAX-RS reports.
 */
public abstract class CrudBase<T> {
  @GET
  @Path("{id}")
  public abstract T get(@PathParam("id") String id);

  @POST
  @RolesAllowed("admin")
  public abstract String create(T body);
}
