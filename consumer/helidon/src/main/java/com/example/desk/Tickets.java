package com.example.desk;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * GET /api/tickets for agents (the typed user), /api/tickets/report for admins, /api/tickets/status for anyone (a
 * literal path beside the locator's template), and behind a locator /api/tickets/{id}: reading for agents and admins,
 * closing for admins. A request-scoped CDI bean.
 */
@RequestScoped
@Path("/tickets")
@RolesAllowed("agent")
public class Tickets {
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String mine(@Context SecurityContext security) {
    return "tickets of " + HelpdeskSecurityJwt.user(security).name();
  }

  @GET
  @Path("/report")
  @RolesAllowed("admin")
  @Produces(MediaType.TEXT_PLAIN)
  public String report() {
    return "report";
  }

  @GET
  @Path("/status")
  @PermitAll
  @Produces(MediaType.TEXT_PLAIN)
  public String status() {
    return "up";
  }

  /**
   * A locator: it runs only for callers with a valid token. Its rule applies behind it with the ticket's own, and
   * where both name roles a caller needs one both admit: it names {@code admin} too, so that admins may close.
   */
  @Path("/{id}")
  @RolesAllowed({"agent", "admin"})
  public Ticket ticket(@PathParam("id") String id) {
    return new Ticket(id);
  }

  /** One ticket. */
  public static class Ticket {
    private final String id;

    Ticket(String id) {
      this.id = id;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String read() {
      return "ticket " + id;
    }

    @POST
    @Path("/close")
    @RolesAllowed("admin")
    @Produces(MediaType.TEXT_PLAIN)
    public String close() {
      return "closed " + id;
    }
  }
}
