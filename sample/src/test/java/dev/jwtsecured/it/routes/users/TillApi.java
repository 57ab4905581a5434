package dev.jwtsecured.it.routes.users;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * {@code @Path} on the interface only, as API interfaces generated from an OpenAPI document have it: the class that
 * implements it ({@link Till}) is the root resource on both runtimes, and RESTEasy reports this interface as its
 * resource class.
 */
@Path("/till")
public interface TillApi {
  @GET
  @RolesAllowed("admin")
  String open();

  @GET
  @Path("status")
  @PermitAll
  String status();
}
