package com.example.shop.orders;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** GET /api/orders: for customers; answers with the typed user. */
@Path("/orders")
public final class Orders {
  @GET
  @RolesAllowed("customer")
  @Produces(MediaType.TEXT_PLAIN)
  public String orders(@Context SecurityContext security) {
    Customer customer = ShopSecurityJwt.user(security);
    return "orders of " + customer.name();
  }
}
