package dev.jwtsecured.it.routes.billing;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /billing/invoices} (protected) and {@code /billing/health} (excluded). */
@Path("/billing")
public final class Invoices {
  @GET
  @Path("invoices")
  public String invoices(@Context SecurityContext security) {
    return "invoices for " + BillingSecurityJwt.user(security);
  }

  @GET
  @Path("health")
  public String health() {
    return "ok";
  }
}
