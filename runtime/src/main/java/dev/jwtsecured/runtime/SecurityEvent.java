package dev.jwtsecured.runtime;

import dev.jwtsecured.runtime.internal.LogBudget;
import java.time.Instant;
import java.util.Objects;

/**
 * What a configuration decided that an audit log or an alert wants to know: a login's password check passed or failed,
 * a login was throttled, a spent refresh token came back, a request was refused for its token or denied for its roles.
 * Given to the configuration's {@link SecurityEvents}.
 *
 * @param kind what happened
 * @param time when, on the configuration's clock
 * @param subject whom it is about: the user name a login presented (as the client sent it, unchecked), the subject
 *     of the login a refresh token belongs to, or that of a denied request's token; {@code null} when unknown (a
 *     refused request)
 * @param sessionId the login a refresh token belongs to (the {@code sid} of its access tokens); {@code null} for the
 *     events of a password check
 * @param clientAddress the client's address from {@code clientAddressHeader}; {@code null} when it is unknown
 * @param failure why a request was refused or denied; {@code null} for the other kinds
 * @param request the method and raw path of a refused or denied request ({@code GET /api/admin}); {@code null} for
 *     the other kinds
 */
public record SecurityEvent(Kind kind, Instant time, String subject, String sessionId, String clientAddress,
    AuthFailure failure, String request) {
  /** The longest text {@link #describe()} quotes of a value the client chose; longer ones end in {@code ...}. */
  private static final int QUOTED = 200;

  /** What happened. */
  public enum Kind {
    /** A login's password check passed: the token endpoint's, or one of a {@link LoginAttempt}. */
    LOGIN_SUCCEEDED,
    /** A login's password check failed: an unknown user or a wrong password. */
    LOGIN_FAILED,
    /** A login was answered 429 before its password was checked: the throttle holds its name or address back. */
    LOGIN_THROTTLED,
    /**
     * A refresh token was presented after it was spent, a sign that it was stolen (RFC 9700 section 4.14): every token
     * of its login is now revoked. A token presented after its login was revoked (a logout) is refused without it.
     */
    REFRESH_TOKEN_REUSED,
    /**
     * A request to a protected operation was refused (401, or 400 for malformed credentials) for want of a valid token,
     * its {@link #failure()} saying why: no token, an expired one, a bad signature, an unknown user, a revoked token.
     */
    REQUEST_REFUSED,
    /** A request was denied (403): its user lacks the roles the operation requires, or nobody may call it. */
    REQUEST_DENIED
  }

  /** An event of a login or a refresh token, without a failure or a request. */
  public SecurityEvent(Kind kind, Instant time, String subject, String sessionId, String clientAddress) {
    this(kind, time, subject, sessionId, clientAddress, null, null);
  }

  /** @throws NullPointerException without a kind or a time */
  public SecurityEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(time, "time");
  }

  /**
   * One line for a log: the kind, time, and the values that are known, quoted, with control characters, quotes and
   * backslashes escaped and client-chosen text cut at 200 characters, so that a user name cannot forge log lines.
   */
  public String describe() {
    StringBuilder line = new StringBuilder("jwtsecured: ").append(kind).append(" at ").append(time);
    quote(line, "subject", subject);
    quote(line, "session", sessionId);
    quote(line, "client", clientAddress);
    if (failure != null) {
      line.append(" failure=").append(failure);
    }
    quote(line, "request", request);
    if (kind == Kind.REFRESH_TOKEN_REUSED) {
      line.append("; every token of that login is revoked");
    }
    return line.toString();
  }

  private static void quote(StringBuilder line, String name, String value) {
    if (value == null) {
      return;
    }
    line.append(' ').append(name).append("=\"");
    int end = Math.min(value.length(), QUOTED);
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        line.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
        line.append(String.format("\\u%04x", (int) c));
      } else {
        line.append(c);
      }
    }
    line.append(end < value.length() ? "...\"" : "\"");
  }

  /**
   * Failures of every configuration's listener that are logged: one that fails on every event (an anonymous request's
   * {@code null} subject) would otherwise log a stack trace a request.
   */
  static final LogBudget LISTENER_FAILURES = new LogBudget();

  /** Gives {@code settings}' listener this event; a listener that throws is logged and does not change the answer. */
  static void report(JwtSettings settings, Kind kind, String subject, String sessionId, String clientAddress) {
    report(settings, new SecurityEvent(kind, settings.clock().instant(), subject, sessionId, clientAddress));
  }

  static void report(JwtSettings settings, SecurityEvent event) {
    try {
      settings.securityEvents().record(event);
    } catch (RuntimeException e) {
      long refused = LISTENER_FAILURES.take();
      if (refused >= 0) {
        System.getLogger(SecurityEvents.LOGGER).log(System.Logger.Level.ERROR,
            LogBudget.withRefused("jwtsecured: the securityEvents listener failed on " + event.kind(), refused), e);
      }
    }
  }
}
