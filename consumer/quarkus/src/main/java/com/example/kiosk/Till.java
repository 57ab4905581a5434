package com.example.kiosk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /api/till: for admins only. On Quarkus REST without jwtsecured's filter it would answer anyone. */
@Path("/till")
public class Till {
  @GET
  @RolesAllowed("admin")
  @Produces(MediaType.TEXT_PLAIN)
  public String takings() {
    return "takings";
  }
}
