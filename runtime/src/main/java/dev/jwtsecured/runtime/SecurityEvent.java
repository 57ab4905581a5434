package dev.jwtsecured.runtime;

import java.time.Instant;
import java.util.Objects;

/**
 * What a configuration did that an audit log or an alert wants to know: a login's password check passed or failed, a
 * login was throttled, a spent refresh token came back. Given to the configuration's {@link SecurityEvents}.
 *
 * @param kind what happened
 * @param time when, on the configuration's clock
 * @param subject whom it is about: the user name a login presented (as the client sent it, unchecked), or the subject
 *     of the login a refresh token belongs to
 * @param sessionId the login a refresh token belongs to (the {@code sid} of its access tokens); {@code null} for the
 *     events of a password check
 * @param clientAddress the client's address from {@code clientAddressHeader}; {@code null} when it is unknown
 */
public record SecurityEvent(Kind kind, Instant time, String subject, String sessionId, String clientAddress) {
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
    REFRESH_TOKEN_REUSED
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

  /** Gives {@code settings}' listener this event; a listener that throws is logged and does not change the answer. */
  static void report(JwtSettings settings, Kind kind, String subject, String sessionId, String clientAddress) {
    SecurityEvent event = new SecurityEvent(kind, settings.clock().instant(), subject, sessionId, clientAddress);
    try {
      settings.securityEvents().record(event);
    } catch (RuntimeException e) {
      System.getLogger(SecurityEvents.LOGGER).log(System.Logger.Level.ERROR,
          "jwtsecured: the securityEvents listener failed on " + kind, e);
    }
  }
}
