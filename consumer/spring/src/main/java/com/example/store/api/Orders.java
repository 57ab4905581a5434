package com.example.store.api;

import com.example.store.Users;
import com.example.store.security.StoreSecurityJwt;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.springframework.stereotype.Component;

/** GET /api/orders: for customers; answers with the typed user. */
@Component
@Path("/orders")
public class Orders {
  @GET
  @RolesAllowed("customer")
  @Produces(MediaType.TEXT_PLAIN)
  public String orders(@Context SecurityContext security) {
    Users.User user = StoreSecurityJwt.user(security);
    return "orders of " + user.name();
  }
}
