package com.example.store.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.springframework.stereotype.Component;

/** GET /api/admin for admins, GET /api/admin/status for anyone; a Spring bean behind a CGLIB proxy. */
@Component
@Path("/admin")
@RolesAllowed("admin")
public class Admin {
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String stats() {
    return "stats";
  }

  @GET
  @Path("/status")
  @PermitAll
  @Produces(MediaType.TEXT_PLAIN)
  public String status() {
    return "up";
  }
}
