package dev.jwtsecured.it.routes;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * A resource in no configuration's packages: no configuration classified it, so at run time it counts as unseen. Its
 * {@code @RolesAllowed} is therefore not enforced; a valid token of the configuration that claims it is required.
 */
@Path("/outside")
@SuppressWarnings("JwtSecured.ResourceOutsideConfigurations") // what this resource is here to show
public final class Outside {
  @GET
  @RolesAllowed("admin")
  public String get() {
    return "outside";
  }
}
