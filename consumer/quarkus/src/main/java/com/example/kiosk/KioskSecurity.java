package com.example.kiosk;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The kiosk's security: a token endpoint at /api/login, an OpenAPI document, everything else protected. */
@JwtSecured(secret = "${KIOSK_SECRET}", tokenUrl = "/login", openApiPath = "/openapi.json")
public final class KioskSecurity {
  private static final Map<String, Set<String>> ROLES =
      Map.of("ada", Set.of("customer"), "grace", Set.of("customer", "admin"));

  @Authenticator
  static Optional<Grant> login(String username, String password) {
    boolean ok = ROLES.containsKey(username)
        && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
            "lovelace".getBytes(StandardCharsets.UTF_8));
    return ok ? Optional.of(Grant.of(username).withRoles(ROLES.get(username))) : Optional.empty();
  }

  /**
   * Asynchronous, as a reactive client's lookup is: the stage completes later, on the Vert.x context that asked. For
   * a non-blocking resource method that context is Quarkus REST's event loop, which must not wait for it.
   */
  @UserRetriever
  static CompletionStage<Optional<Customer>> customer(Token token) {
    Optional<Customer> customer =
        ROLES.containsKey(token.subject()) ? Optional.of(new Customer(token.subject())) : Optional.empty();
    CompletableFuture<Optional<Customer>> answer = new CompletableFuture<>();
    Context context = Vertx.currentContext();
    if (context == null) {
      answer.complete(customer);
    } else {
      context.runOnContext(ignored -> answer.complete(customer));
    }
    return answer;
  }
}
