package com.example.desk;

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

/** The helpdesk's JWT security: a token endpoint at /api/login, an OpenAPI document, everything else protected. */
@JwtSecured(secret = "${DESK_SECRET}", tokenUrl = "/login", openApiPath = "/openapi.json")
public final class HelpdeskSecurity {
  private static final Map<String, Set<String>> ROLES =
      Map.of("ada", Set.of("agent"), "grace", Set.of("agent", "admin"));

  @Authenticator
  static Optional<Grant> login(String username, String password) {
    boolean ok = ROLES.containsKey(username)
        && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
            "lovelace".getBytes(StandardCharsets.UTF_8));
    return ok ? Optional.of(Grant.of(username).withRoles(ROLES.get(username))) : Optional.empty();
  }

  @UserRetriever
  static Optional<Agent> agent(Token token) {
    return ROLES.containsKey(token.subject()) ? Optional.of(new Agent(token.subject())) : Optional.empty();
  }
}
