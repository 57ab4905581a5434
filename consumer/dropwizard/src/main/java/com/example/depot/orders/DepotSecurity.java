package com.example.depot.orders;

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

/**
 * The depot's JWT security, for the resources of this package and admin's ({@code basePackages}). Dropwizard has no
 * {@code @ApplicationPath}: the path is its {@code server.rootPath} ({@code /api/*} in depot.yml), given here too.
 */
@JwtSecured(secret = "${DEPOT_SECRET}", tokenUrl = "/login", applicationPath = "/api",
    basePackages = {"com.example.depot.orders", "com.example.depot.admin"}, openApiPath = "/openapi.json")
public final class DepotSecurity {
  private static final Map<String, Set<String>> ROLES =
      Map.of("ada", Set.of("customer"), "grace", Set.of("customer", "admin"));

  @Authenticator
  Optional<Grant> login(String username, String password) {
    boolean ok = ROLES.containsKey(username)
        && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
            "lovelace".getBytes(StandardCharsets.UTF_8));
    return ok ? Optional.of(Grant.of(username).withRoles(ROLES.get(username))) : Optional.empty();
  }

  @UserRetriever
  Optional<Customer> customer(Token token) {
    return ROLES.containsKey(token.subject()) ? Optional.of(new Customer(token.subject())) : Optional.empty();
  }
}
