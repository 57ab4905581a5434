package com.example.shop.partners;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;

/**
 * The partners' tokens, from their identity provider: verified with the keys of its key set, which the server fetches
 * (consumer/keyset, served on loopback by .ci/consumer).
 */
@JwtSecured(jwksUri = "http://127.0.0.1:18591/jwks.json", keyAlgorithms = "ES256", issuer = "https://idp.example",
    audience = "keys")
public final class PartnerSecurity {
  @UserRetriever
  static String partner(Token token) {
    return token.subject();
  }
}
