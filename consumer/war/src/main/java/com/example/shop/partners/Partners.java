package com.example.shop.partners;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** GET /api/partners: for a partner with a token of the partners' identity provider. */
@Path("/partners")
public class Partners {
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String partner(@Context SecurityContext security) {
    return "partner " + PartnerSecurityJwt.user(security);
  }
}
