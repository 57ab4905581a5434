package com.example.partners;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;

/**
 * Partners sign in at their own identity provider: their tokens are verified with the keys its JWKS publishes
 * ({@code KIOSK_JWKS_URI}), fetched on first use, and must name the provider as issuer and the kiosk as audience.
 */
@JwtSecured(jwksUri = "${KIOSK_JWKS_URI}", issuer = "https://partners.example", audience = "kiosk",
    applicationPath = "/api")
public final class PartnerSecurity {
  private PartnerSecurity() {}

  @UserRetriever
  static String partner(Token token) {
    return token.subject();
  }
}
