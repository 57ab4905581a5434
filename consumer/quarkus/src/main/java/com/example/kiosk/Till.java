package com.example.kiosk;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** GET /api/till for customers (the typed user), /api/till/takings for admins, /api/till/open for anyone. */
@Path("/till")
public class Till {
  @GET
  @RolesAllowed("customer")
  @Produces(MediaType.TEXT_PLAIN)
  public String receipt(@Context SecurityContext security) {
    return "receipt of " + KioskSecurityJwt.user(security).name();
  }

  @GET
  @Path("/takings")
  @RolesAllowed("admin")
  @Produces(MediaType.TEXT_PLAIN)
  public String takings() {
    return "takings";
  }

  @GET
  @Path("/open")
  @PermitAll
  @Produces(MediaType.TEXT_PLAIN)
  public String open() {
    return "open";
  }

  /** Behind a locator: every shelf needs a token, so the locator runs only for callers with one. */
  @Path("/shelves/{name}")
  public Shelf shelf(@PathParam("name") String name) {
    return new Shelf(name);
  }

  /** A shelf: reading needs a token, emptying the admin role. */
  public static class Shelf {
    private final String name;

    Shelf(String name) {
      this.name = name;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String read() {
      return "shelf " + name;
    }

    @GET
    @Path("/empty")
    @RolesAllowed("admin")
    @Produces(MediaType.TEXT_PLAIN)
    public String empty() {
      return "emptied " + name;
    }
  }
}
