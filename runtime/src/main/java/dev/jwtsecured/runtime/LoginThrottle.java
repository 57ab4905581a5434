package dev.jwtsecured.runtime;

import java.time.Duration;

/**
 * Limits password guesses at the generated token endpoint. Before the authenticator runs, the endpoint asks
 * {@link #delay} and answers {@code 429 Too Many Requests} with {@code Retry-After} (RFC 6585) while it is positive, so
 * a throttled guess costs no password hashing; afterwards it reports the outcome.
 *
 * <p>The default, {@link InMemoryLoginThrottle}, keeps its counts in this process. A cluster of instances can share
 * counts by implementing this interface over a store they already share (a database, a cache). A throttle in the
 * application is a second line: a front proxy's rate limit should come first.
 */
public interface LoginThrottle {
  /**
   * How long this attempt must wait, or {@link Duration#ZERO} to go on.
   *
   * @param username the user name of the attempt, as sent
   * @param client the client's address, or {@code null} when the application cannot tell it (see
   *     {@code clientAddressHeader})
   */
  Duration delay(String username, String client);

  /** The credentials were wrong (or the user unknown). */
  void failed(String username, String client);

  /** The credentials were right. */
  void succeeded(String username, String client);

  /** No throttling at all. */
  static LoginThrottle none() {
    return new LoginThrottle() {
      @Override
      public Duration delay(String username, String client) {
        return Duration.ZERO;
      }

      @Override
      public void failed(String username, String client) {}

      @Override
      public void succeeded(String username, String client) {}
    };
  }
}
