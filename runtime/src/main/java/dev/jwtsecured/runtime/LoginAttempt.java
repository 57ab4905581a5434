package dev.jwtsecured.runtime;

import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One password check that the application makes itself (a login resource of its own, beside the token endpoint),
 * throttled as the token endpoint's are: by the configuration's {@link LoginThrottle}, per user name and per client
 * address (the last entry of {@code clientAddressHeader}). Without it, an application's own login would let anyone
 * guess the passwords the token endpoint protects.
 *
 * <pre>{@code
 * LoginAttempt attempt = LoginAttempt.of(JwtAuth.of(application, Security.class), username, headers);
 * Duration wait = attempt.delay();
 * if (!wait.isZero()) {
 *   // 429 with Retry-After, before any password hashing
 * }
 * Optional<User> user = users.check(username, password);
 * if (user.isEmpty()) {
 *   attempt.failed();
 *   // 400 or 401
 * }
 * attempt.succeeded();
 * }</pre>
 *
 * Ask {@link #delay} once per attempt, after reading the request and before checking the password: an attempt counts
 * as failed from the moment it is let through (so that guesses sent at once cannot all pass), until
 * {@link #succeeded} takes that back. An attempt whose outcome is never reported stays a failure.
 */
public final class LoginAttempt {
  private final JwtSettings settings;
  private final LoginThrottle throttle;
  private final String username;
  private final String client;

  private LoginAttempt(JwtSettings settings, String username, HttpHeaders headers) {
    this.settings = settings;
    this.throttle = settings.loginThrottle();
    this.username = Objects.requireNonNull(username, "username");
    this.client = clientAddress(settings, headers);
  }

  /**
   * An attempt to log {@code username} in from the request with {@code headers} (the resource's
   * {@code @Context HttpHeaders}), throttled by {@code auth}'s configuration.
   *
   * @throws NullPointerException when {@code username} is null: check that the request has one first
   */
  public static LoginAttempt of(JwtAuth auth, String username, HttpHeaders headers) {
    return new LoginAttempt(auth.settings(), username, headers);
  }

  /**
   * How long this attempt must wait, or {@link Duration#ZERO} to go on; answer 429 with {@code Retry-After} in whole
   * seconds ({@link #retryAfterSeconds}) while it is not zero, without checking the password. A wait is reported as
   * {@link SecurityEvent.Kind#LOGIN_THROTTLED}.
   */
  public Duration delay() {
    Duration wait = throttle.delay(username, client);
    if (wait.isNegative() || wait.isZero()) {
      return Duration.ZERO;
    }
    SecurityEvent.report(settings, SecurityEvent.Kind.LOGIN_THROTTLED, username, null, client);
    return wait;
  }

  /** {@code wait} in whole seconds for {@code Retry-After}, rounded up, at least 1. */
  public static long retryAfterSeconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  /** The password was wrong, or the user unknown; reported as {@link SecurityEvent.Kind#LOGIN_FAILED}. */
  public void failed() {
    throttle.failed(username, client);
    SecurityEvent.report(settings, SecurityEvent.Kind.LOGIN_FAILED, username, null, client);
  }

  /** The password was right; reported as {@link SecurityEvent.Kind#LOGIN_SUCCEEDED}. */
  public void succeeded() {
    throttle.succeeded(username, client);
    SecurityEvent.report(settings, SecurityEvent.Kind.LOGIN_SUCCEEDED, username, null, client);
  }

  /**
   * The client's address from {@code clientAddressHeader} (its last entry; of {@code Forwarded}, that entry's
   * {@code for}), or {@code null} (also for {@code unknown}).
   */
  static String clientAddress(JwtSettings settings, HttpHeaders headers) {
    return headers == null ? null : clientAddress(settings, headers::getHeaderString);
  }

  /** The same from a request's headers by name (their values joined by commas, as JAX-RS joins them). */
  static String clientAddress(JwtSettings settings, UnaryOperator<String> header) {
    String name = settings.clientAddressHeader();
    String value = name == null ? null : header.apply(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    String last = value.substring(value.lastIndexOf(',') + 1).trim();
    if (name.equalsIgnoreCase("Forwarded")) {
      last = forwardedFor(last);
    }
    // "unknown", which some proxies write, is no address: as one, it would make all such clients one.
    return last == null || last.isEmpty() || last.length() > 64 || last.equalsIgnoreCase("unknown") ? null : last;
  }

  /** The {@code for} parameter of an RFC 7239 {@code Forwarded} element, unquoted; {@code null} without one. */
  private static String forwardedFor(String element) {
    for (String pair : element.split(";")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).trim().equalsIgnoreCase("for")) {
        String node = pair.substring(eq + 1).trim();
        if (node.length() >= 2 && node.startsWith("\"") && node.endsWith("\"")) {
          node = node.substring(1, node.length() - 1);
        }
        return node;
      }
    }
    return null;
  }
}
