package com.example.keys;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** GET /api/things: for any caller with a valid token. */
@Path("/things")
public final class Things {
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String things(@Context SecurityContext security) {
    return "things of " + KeysSecurityJwt.user(security);
  }
}
