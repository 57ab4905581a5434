package dev.jwtsecured.it.routes.users;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** JAX-RS and role annotations on an interface: JAX-RS takes the implementation's annotations from here. */
public interface ReportsApi {
  @GET
  @Path("{year}")
  @RolesAllowed("admin")
  String report(@PathParam("year") String year);

  @GET
  @Path("summary")
  @PermitAll
  String summary();
}
