package com.example.partners;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;

/**
 * Partners sign in at their own identity provider: their tokens are verified with the keys its JWKS publishes
 * ({@code KIOSK_JWKS_URI}), fetched on first use.
 */
@JwtSecured(jwksUri = "${KIOSK_JWKS_URI}", applicationPath = "/api")
public final class PartnerSecurity {
  private PartnerSecurity() {}

  @UserRetriever
  static String partner(Token token) {
    return token.subject();
  }
}
