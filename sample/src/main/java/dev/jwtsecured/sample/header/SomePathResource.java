package dev.jwtsecured.sample.header;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /some-path}: protected; answers with the user the token names. */
@Path("/some-path")
public final class SomePathResource {

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public User someRoute(@Context SecurityContext security) {
    // The seed's request.user, typed: no cast.
    return HeaderSecurityJwt.user(security);
  }
}
