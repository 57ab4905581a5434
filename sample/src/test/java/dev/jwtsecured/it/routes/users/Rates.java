package dev.jwtsecured.it.routes.users;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * One path and HTTP method served by two resource methods that JAX-RS chooses between by media type, each with its own
 * rule: the public rates as text, the wholesale ones as JSON for admins; a quote from a text body for anyone, a new
 * rate from a JSON body for admins.
 */
@Path("/rates")
public final class Rates {
  @GET
  @Produces("text/plain")
  @PermitAll
  public String text() {
    return "public rates";
  }

  @GET
  @Produces("application/json")
  @RolesAllowed("admin")
  public String json() {
    UsersSecurity.PROTECTED_RUNS.incrementAndGet();
    return "{\"wholesale\":true}";
  }

  @POST
  @Consumes("text/plain")
  @Produces("text/plain")
  @PermitAll
  public String quote(String amount) {
    return "quote for " + amount;
  }

  @POST
  @Consumes("application/json")
  @Produces("text/plain")
  @RolesAllowed("admin")
  public String set(String rate) {
    UsersSecurity.PROTECTED_RUNS.incrementAndGet();
    return "rate set";
  }
}
