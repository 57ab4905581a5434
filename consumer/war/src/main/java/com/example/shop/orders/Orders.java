package com.example.shop.orders;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** GET /shop/api/orders: for customers; a request-scoped CDI bean behind an interceptor. */
@RequestScoped
@Logged
@Path("/orders")
public class Orders {
  @GET
  @RolesAllowed("customer")
  @Produces(MediaType.TEXT_PLAIN)
  public String orders(@Context SecurityContext security) {
    Customer customer = ShopSecurityJwt.user(security);
    return "orders of " + customer.name();
  }
}
