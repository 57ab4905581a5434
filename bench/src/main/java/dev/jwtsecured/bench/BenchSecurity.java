package dev.jwtsecured.bench;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configuration measured by the filter benchmark and the load test: header transport, one excluded path, an
 * in-memory retriever. The secret comes from {@link Tokens#SECRET} through the feature's settings.
 */
@JwtSecured(secret = "${BENCH_SECRET}", exclude = "/open")
public final class BenchSecurity {
  /** Users by subject. */
  static final Map<String, String> USERS = new ConcurrentHashMap<>(Map.of(Tokens.SUBJECT, "Bench User"));

  private BenchSecurity() {}

  @UserRetriever
  static String user(Token token) {
    return USERS.get(token.subject());
  }
}
