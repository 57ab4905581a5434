package dev.jwtsecured.it.routes.billing;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import java.util.Optional;
import java.util.Set;

/**
 * The second configuration of the route-shaped application, with its own secret and token endpoint. It declares the
 * scope {@code invoices:read}: carol is granted it, dave is not. It excludes {@code HEAD} as well as {@code OPTIONS},
 * as applications ported from frameworks with that default do.
 */
@JwtSecured(secret = "${ROUTES_BILLING_SECRET}", tokenUrl = "/billing/login", exclude = "/billing/health",
    openApiPath = "/billing/openapi.json", scopes = "invoices:read", excludeMethods = {"OPTIONS", "HEAD"})
public final class BillingSecurity {
  private BillingSecurity() {}

  @Authenticator
  static Optional<Grant> authenticate(String username, String password) {
    if (!password.equals("pw")) {
      return Optional.empty();
    }
    switch (username) {
      case "carol":
        return Optional.of(Grant.of("carol").withScopes(Set.of("invoices:read")));
      case "dave":
        return Optional.of(Grant.of("dave"));
      default:
        return Optional.empty();
    }
  }

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }
}
