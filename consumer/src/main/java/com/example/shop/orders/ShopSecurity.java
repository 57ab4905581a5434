package com.example.shop.orders;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/** The shop's JWT security: a token endpoint at /api/login, everything else protected. */
@JwtSecured(secret = "${SHOP_SECRET}", tokenUrl = "/login", openApiPath = "/openapi.json")
public final class ShopSecurity {
  @Authenticator
  Optional<Grant> login(String username, String password) {
    boolean ok = username.equals("ada")
        && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
            "lovelace".getBytes(StandardCharsets.UTF_8));
    return ok ? Optional.of(Grant.of("ada").withRoles(Set.of("customer"))) : Optional.empty();
  }

  @UserRetriever
  Optional<Customer> customer(Token token) {
    return token.subject().equals("ada") ? Optional.of(new Customer("ada")) : Optional.empty();
  }
}
