package com.example.shop.orders;

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

/** The shop's JWT security: a token endpoint at /shop/api/login, everything else protected. */
@JwtSecured(secret = "${SHOP_SECRET}", tokenUrl = "/login", openApiPath = "/openapi.json")
public final class ShopSecurity {
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
