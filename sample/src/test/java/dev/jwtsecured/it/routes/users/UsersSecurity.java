package dev.jwtsecured.it.routes.users;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The first configuration of the route-shaped application: a token endpoint, a literal exclusion beside a path template
 * ({@code /users/register} and {@code /users/{id}}), an interface that carries JAX-RS and role annotations, and a
 * sub-resource locator. Users: alice (role user), bob (roles user, admin) and erin (role admin), password "pw".
 */
@JwtSecured(secret = "${ROUTES_USERS_SECRET}", tokenUrl = "/users/login", exclude = "/users/register",
    openApiPath = "/users/openapi.json", roles = {"user", "admin"})
public final class UsersSecurity {
  /** How often user code behind a protected route ran: a refused request must not move it. */
  public static final AtomicInteger PROTECTED_RUNS = new AtomicInteger();
  /** How often the files locator ran. */
  public static final AtomicInteger LOCATOR_RUNS = new AtomicInteger();

  private UsersSecurity() {}

  @Authenticator
  static Optional<Grant> authenticate(String username, String password) {
    boolean ok = MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
        "pw".getBytes(StandardCharsets.UTF_8));
    if (!ok) {
      return Optional.empty();
    }
    switch (username) {
      case "alice":
        return Optional.of(Grant.of("alice").withRoles(Set.of("user")));
      case "bob":
        return Optional.of(Grant.of("bob").withRoles(Set.of("user", "admin")));
      case "erin":
        return Optional.of(Grant.of("erin").withRoles(Set.of("admin")));
      default:
        return Optional.empty();
    }
  }

  @UserRetriever
  static Optional<String> user(Token token) {
    return Set.of("alice", "bob", "erin").contains(token.subject()) ? Optional.of(token.subject()) : Optional.empty();
  }
}
