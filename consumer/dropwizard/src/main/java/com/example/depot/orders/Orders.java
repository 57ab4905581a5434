package com.example.depot.orders;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** GET /api/orders: for customers; answers JSON through Dropwizard's Jackson. */
@Path("/orders")
public final class Orders {
  /** One customer's orders. */
  public record Listing(String customer, List<String> orders) {}

  @GET
  @RolesAllowed("customer")
  @Produces(MediaType.APPLICATION_JSON)
  public Listing orders(@Context SecurityContext security) {
    return new Listing(DepotSecurityJwt.user(security).name(), List.of("tea", "biscuits"));
  }
}
