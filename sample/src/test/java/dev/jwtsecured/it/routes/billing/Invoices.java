package dev.jwtsecured.it.routes.billing;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;

/** {@code /billing/invoices} (protected) and {@code /billing/health} (excluded). */
@Path("/billing")
public final class Invoices {
  @GET
  @Path("invoices")
  public String invoices(@Context ContainerRequestContext request) {
    return "invoices for " + BillingSecurityJwt.user(request);
  }

  @GET
  @Path("health")
  public String health() {
    return "ok";
  }
}
