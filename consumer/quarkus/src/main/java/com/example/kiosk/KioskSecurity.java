package com.example.kiosk;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import java.util.Optional;
import java.util.Set;

/** The kiosk's security: a token endpoint at /api/login, everything else protected. */
@JwtSecured(secret = "${KIOSK_SECRET}", tokenUrl = "/login")
public final class KioskSecurity {
  @Authenticator
  static Optional<Grant> login(String username, String password) {
    return username.equals("grace") && password.equals("lovelace")
        ? Optional.of(Grant.of("grace").withRoles(Set.of("admin"))) : Optional.empty();
  }

  @UserRetriever
  static Optional<String> user(Token token) {
    return Optional.of(token.subject());
  }
}
