package com.example.catalog;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The catalog: anyone reads it, only the admin role removes an item. */
@Path("/catalog")
@Produces(MediaType.TEXT_PLAIN)
public class Catalog {
  @GET
  @PermitAll
  public String list() {
    return "books, pens";
  }

  @DELETE
  @Path("{item}")
  @RolesAllowed("admin")
  public String remove(@PathParam("item") String item) {
    return "removed " + item;
  }
}
