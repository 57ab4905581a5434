package com.example.app;

import com.example.catalog.Catalog;
import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * The application's JWT security, for the catalog module's resources too: ada is a customer, grace an admin, both with
 * the password "lovelace".
 */
@JwtSecured(secret = "${SHOP_SECRET}", tokenUrl = "/login", resources = Catalog.class)
public final class AppSecurity {
  @Authenticator
  Optional<Grant> login(String username, String password) {
    if (!MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
        "lovelace".getBytes(StandardCharsets.UTF_8))) {
      return Optional.empty();
    }
    switch (username) {
      case "ada":
        return Optional.of(Grant.of("ada").withRoles(Set.of("customer")));
      case "grace":
        return Optional.of(Grant.of("grace").withRoles(Set.of("admin")));
      default:
        return Optional.empty();
    }
  }

  @UserRetriever
  Optional<String> user(Token token) {
    return Set.of("ada", "grace").contains(token.subject()) ? Optional.of(token.subject()) : Optional.empty();
  }
}
