package com.example.partners;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** GET /api/partners, non-blocking: Quarkus REST runs it, and its filters, on the event loop. */
@Path("/partners")
public class Partners {
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public CompletionStage<String> hello(@Context SecurityContext security) {
    return CompletableFuture.completedFuture("partner " + PartnerSecurityJwt.user(security));
  }
}
