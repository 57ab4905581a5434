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

  /** A default method, which the implementing class inherits with its annotations. */
  @GET
  @Path("drawer")
  @RolesAllowed("admin")
  default String drawer() {
    UsersSecurity.PROTECTED_RUNS.incrementAndGet();
    return "till drawer";
  }

  /** A method of the application's own HTTP method. */
  @Purge
  @Path("receipts")
  @RolesAllowed("admin")
  default String purgeReceipts() {
    UsersSecurity.PROTECTED_RUNS.incrementAndGet();
    return "receipts purged";
  }
}
