package dev.jwtsecured.runtime;

import dev.jwtsecured.runtime.internal.ThrottleKeys;
import java.time.Duration;

/**
 * Limits password guesses at the generated token endpoint. Before the authenticator runs, the endpoint asks
 * {@link #delay} and answers {@code 429 Too Many Requests} with {@code Retry-After} (RFC 6585) while it is positive, so
 * a throttled guess costs no password hashing; afterwards it reports the outcome.
 *
 * <p>The default, {@link InMemoryLoginThrottle}, keeps its counts in this process. A cluster of instances can share
 * counts by implementing this interface over a store they already share (a database, a cache), counting user names by
 * their {@link #nameKey} and client addresses by their {@link #clientKey}. A throttle in the application is a second
 * line: a front proxy's rate limit should come first.
 */
public interface LoginThrottle {
  /**
   * How long this attempt must wait, or {@link Duration#ZERO} to go on. Asked once per attempt. Attempts sent at once
   * all ask before any of them fails, so a throttle should count an attempt when it lets it through, atomically with
   * the decision, and take it back in {@link #succeeded} (as {@link InMemoryLoginThrottle} does); one that counts only
   * in {@link #failed} lets a burst of concurrent guesses through.
   *
   * @param username the user name of the attempt, as sent (count it by its {@link #nameKey})
   * @param client the client's address, or {@code null} when the application cannot tell it (see
   *     {@code clientAddressHeader}; count it by its {@link #clientKey})
   */
  Duration delay(String username, String client);

  /** The credentials of an attempt {@link #delay} let through were wrong (or the user unknown). */
  void failed(String username, String client);

  /** The credentials of an attempt {@link #delay} let through were right. */
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

  /**
   * The key under which a throttle counts a user name. Authenticators often find an account however its name is
   * spelled: SQL Server and MySQL compare without trailing spaces, MySQL's default collation without case or accents,
   * LDAP without case or surrounding spaces, and much login code trims. Counted apart, each spelling would bring its
   * own free failures. So the key leaves out spaces, control and format (zero-width) characters and accents, folds
   * compatibility forms (full-width letters, ligatures) and case: {@code "Alice "}, {@code "alice"} in full-width
   * letters and {@code "alice"} with an accent on the e count as {@code "alice"}. Names that differ only in such ways
   * share one count, which errs on the side of delaying. The key of a long name is its SHA-256, so that no key grows
   * large.
   */
  static String nameKey(String username) {
    return ThrottleKeys.name(username);
  }

  /**
   * The key under which a throttle counts a client address: an IPv6 address's /64 network, which one host or home has
   * to itself (counted apart, its addresses would each bring their own free failures), written one way however the
   * address is; an IPv4-mapped IPv6 address's IPv4 address; anything else, IPv4 addresses included, as it is. No name
   * is looked up.
   */
  static String clientKey(String client) {
    return ThrottleKeys.client(client);
  }
}
