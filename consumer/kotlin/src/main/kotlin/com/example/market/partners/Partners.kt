package com.example.market.partners

import jakarta.annotation.security.RolesAllowed
import jakarta.ws.rs.GET
import jakarta.ws.rs.Path
import jakarta.ws.rs.Produces
import jakarta.ws.rs.core.Context
import jakarta.ws.rs.core.MediaType
import jakarta.ws.rs.core.SecurityContext

/** GET /api/partners: for partners; answers with PartnerSecurity's typed user. */
@Path("/partners")
@RolesAllowed("partner")
class Partners {
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  fun partner(@Context security: SecurityContext): String = "partner " + PartnerSecurityJwt.user(security).name
}
