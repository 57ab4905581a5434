package dev.jwtsecured.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A security event's log line cannot be forged by the user name a client sends, and the default listener logs a reused
 * refresh token (a theft signal) and nothing else, so that a flood of guesses does not flood the log.
 */
class SecurityEventTest {
  static final Instant TIME = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void theLogLineEscapesAndCutsWhatTheClientChose() {
    SecurityEvent forged = new SecurityEvent(SecurityEvent.Kind.LOGIN_FAILED, TIME,
        "alice\r\njwtsecured: LOGIN_SUCCEEDED subject=\"admin\" \\ \u2028", null, "10.0.0.1");
    assertEquals("jwtsecured: LOGIN_FAILED at 2026-12-03T10:00:00Z subject=\"alice\\u000d\\u000ajwtsecured:"
        + " LOGIN_SUCCEEDED subject=\\\"admin\\\" \\\\ \\u2028\" client=\"10.0.0.1\"", forged.describe());
    String longName = "x".repeat(5000);
    assertEquals("jwtsecured: LOGIN_THROTTLED at 2026-12-03T10:00:00Z subject=\"" + "x".repeat(200) + "...\"",
        new SecurityEvent(SecurityEvent.Kind.LOGIN_THROTTLED, TIME, longName, null, null).describe());
    assertEquals("jwtsecured: REFRESH_TOKEN_REUSED at 2026-12-03T10:00:00Z subject=\"bob\" session=\"s1\"; every"
        + " token of that login is revoked",
        new SecurityEvent(SecurityEvent.Kind.REFRESH_TOKEN_REUSED, TIME, "bob", "s1", null).describe());
    assertEquals("jwtsecured: REQUEST_DENIED at 2026-12-03T10:00:00Z subject=\"bob\" client=\"10.0.0.1\""
        + " failure=INSUFFICIENT_SCOPE request=\"GET /admin/%0d%0a\\u000a\"",
        new SecurityEvent(SecurityEvent.Kind.REQUEST_DENIED, TIME, "bob", null, "10.0.0.1",
            AuthFailure.INSUFFICIENT_SCOPE, "GET /admin/%0d%0a\n").describe());
  }

  @Test
  void theDefaultLogsAReusedRefreshTokenOnly() {
    SecurityEvents logging = SecurityEvents.logging();
    List<LogRecord> records = logged(() -> {
      for (SecurityEvent.Kind kind : SecurityEvent.Kind.values()) {
        logging.record(new SecurityEvent(kind, TIME, "bob", null, null));
      }
    });
    assertEquals(1, records.size(), records.toString());
    assertEquals(Level.WARNING, records.get(0).getLevel());
    assertEquals(new SecurityEvent(SecurityEvent.Kind.REFRESH_TOKEN_REUSED, TIME, "bob", null, null).describe(),
        records.get(0).getMessage());
  }

  @Test
  void aListenerThatThrowsIsLoggedAndTheCallerGoesOn() {
    JwtSettings settings = JwtSettings.builder().secret(JwtSettingsTest.SECRET).securityEvents(event -> {
      throw new IllegalStateException("the audit queue is full");
    }).build();
    List<LogRecord> records = logged(
        () -> SecurityEvent.report(settings, SecurityEvent.Kind.LOGIN_FAILED, "alice", null, null));
    assertEquals(1, records.size(), records.toString());
    assertEquals(Level.SEVERE, records.get(0).getLevel());
    assertEquals("jwtsecured: the securityEvents listener failed on LOGIN_FAILED", records.get(0).getMessage());
  }

  @Test
  void andThenKeepsTheDefaultBesideAListenerOfOnesOwn() {
    List<String> calls = new ArrayList<>();
    SecurityEvent reused = new SecurityEvent(SecurityEvent.Kind.REFRESH_TOKEN_REUSED, TIME, "bob", null, null);
    List<LogRecord> records = logged(() -> SecurityEvents.logging().andThen(e -> calls.add("own " + e.kind()))
        .record(reused));
    assertEquals(List.of("own REFRESH_TOKEN_REUSED"), calls);
    assertEquals(1, records.size(), "the default logged it too");

    SecurityEvents failing = e -> {
      throw new IllegalStateException("first");
    };
    JwtSettings settings = JwtSettings.builder().secret(JwtSettingsTest.SECRET)
        .securityEvents(failing.andThen(e -> calls.add("after a failure"))).build();
    List<LogRecord> failure = logged(
        () -> SecurityEvent.report(settings, SecurityEvent.Kind.LOGIN_FAILED, "alice", null, null));
    assertEquals(List.of("own REFRESH_TOKEN_REUSED", "after a failure"), calls);
    assertEquals("first", failure.get(0).getThrown().getMessage(), "the first listener's failure is logged");
  }

  /** What {@code action} logs to {@link SecurityEvents#LOGGER} (the JDK's {@code System.Logger} is JUL's here). */
  static List<LogRecord> logged(Runnable action) {
    Logger logger = Logger.getLogger(SecurityEvents.LOGGER);
    List<LogRecord> records = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(handler);
    logger.setUseParentHandlers(false);
    try {
      action.run();
    } finally {
      logger.setUseParentHandlers(true);
      logger.removeHandler(handler);
    }
    return records;
  }
}
