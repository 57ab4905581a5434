package dev.jwtsecured.runtime;

/**
 * Receives a configuration's {@link SecurityEvent}s, for an audit log or alerts
 * ({@link JwtSettings.Builder#securityEvents(SecurityEvents)}). It runs on the request's thread before the answer is
 * sent, so keep it quick: hand slow work (a message to a security team) to a queue of your own. It gets every event,
 * as many as clients cause, so bound what it writes. An exception it throws is logged (at most ten at once, then one
 * every six seconds, for all configurations together) and the answer stays as it was.
 */
@FunctionalInterface
public interface SecurityEvents {
  /** The {@link System.Logger} {@link #logging()} writes to, and where a listener's failure is logged. */
  String LOGGER = "dev.jwtsecured.security";

  /** Takes one event. */
  void record(SecurityEvent event);

  /**
   * The default: a {@link SecurityEvent.Kind#REFRESH_TOKEN_REUSED} is logged at {@code WARNING} to the
   * {@link System.Logger} {@value #LOGGER} ({@link SecurityEvent#describe()}); the other kinds are not logged, since a
   * flood of guesses would flood the log. Even those at most ten at once, then one every six seconds, the next line
   * saying how many were left out: a client can replay a spent token of its own in a loop. Record every event with a
   * listener of your own.
   */
  static SecurityEvents logging() {
    return new dev.jwtsecured.runtime.internal.SecurityLog();
  }

  /**
   * This listener, then {@code next}: {@code SecurityEvents.logging().andThen(audit::record)} keeps the default log
   * beside a listener of your own. {@code next} is called even when this one throws, whose exception then goes on (and
   * is logged).
   */
  default SecurityEvents andThen(SecurityEvents next) {
    java.util.Objects.requireNonNull(next, "next");
    return event -> {
      try {
        record(event);
      } finally {
        next.record(event);
      }
    };
  }

  /** Records nothing. */
  static SecurityEvents none() {
    return event -> { };
  }
}
