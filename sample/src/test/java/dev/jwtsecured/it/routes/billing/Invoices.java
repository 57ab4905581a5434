package dev.jwtsecured.it.routes.billing;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code /billing/invoices} (protected), {@code /billing/health} (excluded), {@code HEAD /billing/ping} (public). */
@Path("/billing")
public final class Invoices {
  /** How often the protected method ran: a refused request must not move it. */
  public static final AtomicInteger PROTECTED_RUNS = new AtomicInteger();

  @GET
  @Path("invoices")
  public String invoices(@Context SecurityContext security) {
    PROTECTED_RUNS.incrementAndGet();
    return "invoices for " + BillingSecurityJwt.user(security);
  }

  @GET
  @Path("health")
  public String health() {
    return "ok";
  }

  /** Public: its HTTP method is in {@code excludeMethods}. */
  @HEAD
  @Path("ping")
  public Response ping() {
    return Response.ok().header("X-Ping", "pong").build();
  }
}
