package com.example.kiosk;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The kiosk's security: a token endpoint at /api/login, an OpenAPI document, everything else protected. */
@JwtSecured(secret = "${KIOSK_SECRET}", tokenUrl = "/login", openApiPath = "/openapi.json")
public final class KioskSecurity {
  private static final Map<String, Set<String>> ROLES =
      Map.of("ada", Set.of("customer"), "grace", Set.of("customer", "admin"));

  @Authenticator
  static Optional<Grant> login(String username, String password) {
    boolean ok = ROLES.containsKey(username)
        && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8), "lovelace".getBytes(StandardCharsets.UTF_8));
    return ok ? Optional.of(Grant.of(username).withRoles(ROLES.get(username))) : Optional.empty();
  }

  @UserRetriever
  static Optional<Customer> customer(Token token) {
    return ROLES.containsKey(token.subject()) ? Optional.of(new Customer(token.subject())) : Optional.empty();
  }
}
