package dev.jwtsecured.it.secured;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.RevocationCheck;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The behaviour tests' main configuration: a static, synchronous retriever returning the user type itself, a
 * revocation check, and the seed's {@code /login} exclusion. Tests replace the placeholder secret through the feature's
 * settings.
 */
@JwtSecured(secret = "${IT_SECRET}", exclude = "/login", applicationPath = "/")
final class ItSecurity {
  /** Subjects the retriever knows; any other subject is an unknown user. */
  static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
  /** Revoked token ids. */
  static final Set<String> REVOKED = ConcurrentHashMap.newKeySet();
  /** How often a protected resource method ran: it must not move on a rejected request. */
  static final AtomicInteger PROTECTED_RUNS = new AtomicInteger();

  private ItSecurity() {}

  @UserRetriever
  static Account account(Token token) {
    return KNOWN.contains(token.subject()) ? new Account(token.subject()) : null;
  }

  @RevocationCheck
  static boolean revoked(Token token) {
    return token.id().map(REVOKED::contains).orElse(false);
  }
}
