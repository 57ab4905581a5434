package com.example.depot.admin;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /api/admin for admins, GET /api/admin/status for anyone; registered as an instance, as Dropwizard apps do. */
@Path("/admin")
@RolesAllowed("admin")
public final class Admin {
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String stats() {
    return "stats";
  }

  @GET
  @PermitAll
  @Path("/status")
  @Produces(MediaType.TEXT_PLAIN)
  public String status() {
    return "up";
  }
}
