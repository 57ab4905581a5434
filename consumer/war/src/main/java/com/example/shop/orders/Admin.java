package com.example.shop.orders;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /shop/api/admin for admins, GET /shop/api/admin/status for anyone; a CDI bean behind an interceptor. */
@RequestScoped
@Logged
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
