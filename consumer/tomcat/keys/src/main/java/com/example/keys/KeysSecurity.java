package com.example.keys;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;

/** Tokens of an identity provider, verified with the keys its key set publishes (served on loopback by CI). */
@JwtSecured(jwksUri = "http://127.0.0.1:18590/jwks.json", keyAlgorithms = "ES256",
    issuer = "https://idp.example", audience = "keys")
public final class KeysSecurity {
  @UserRetriever
  static String caller(Token token) {
    return token.subject();
  }
}
