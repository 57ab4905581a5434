package dev.jwtsecured.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.runtime.internal.LogBudget;
import dev.jwtsecured.runtime.internal.SecurityLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A security event's log line cannot be forged by the user name a client sends, and the default listener logs a reused
 * refresh token (a theft signal) and nothing else, so that a flood of guesses does not flood the log.
 */
class SecurityEventTest {
  static final Instant TIME = Instant.parse("2026-12-03T10:00:00Z");

  /** The budget for listener failures is the process's: each test starts with it full. */
  @BeforeEach
  void fullBudget() {
    SecurityEvent.LISTENER_FAILURES.reset();
  }

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
    JwtSettings settings = throwing(new IllegalStateException("the audit queue is full"));
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

  /**
   * One spent refresh token of an account of one's own, replayed in a loop, was a warning line a request: thousands a
   * second in the log. The default now logs ten at once and one every six seconds after that.
   */
  @Test
  void aFloodOfReusedTokensLogsAFewLines() {
    SecurityEvents logging = SecurityEvents.logging();
    assertAFewLines(10, () -> logging.record(
        new SecurityEvent(SecurityEvent.Kind.REFRESH_TOKEN_REUSED, TIME, "mallory", "s1", null)));
  }

  /** A listener that fails on every event (an anonymous request's {@code null} subject) logged a stack trace each. */
  @Test
  void aListenerThatAlwaysThrowsLogsAFewLines() {
    JwtSettings settings = throwing(new NullPointerException("subject"));
    assertAFewLines(1, () -> SecurityEvent.report(settings, SecurityEvent.Kind.REQUEST_REFUSED, null, null, null));
  }

  /** Settings whose listener throws {@code failure} on every event. */
  static JwtSettings throwing(RuntimeException failure) {
    return JwtSettings.builder().secret(JwtSettingsTest.SECRET).securityEvents(event -> {
      throw failure;
    }).build();
  }

  /** {@code event} 1,000 times logs at least {@code least} lines, at most ten and one for each six seconds taken. */
  static void assertAFewLines(int least, Runnable event) {
    long start = System.nanoTime();
    List<LogRecord> records = logged(() -> {
      for (int i = 0; i < 1_000; i++) {
        event.run();
      }
    });
    long refills = (System.nanoTime() - start) / 6_000_000_000L;
    assertTrue(records.size() >= least && records.size() <= 10 + refills, records.size() + " lines");
  }

  @Test
  void theLineAfterARefusalSaysHowManyWentUnlogged() {
    AtomicLong now = new AtomicLong();
    SecurityEvents log = new SecurityLog(new LogBudget(now::get));
    SecurityEvent reused = new SecurityEvent(SecurityEvent.Kind.REFRESH_TOKEN_REUSED, TIME, "mallory", "s1", null);
    List<LogRecord> records = logged(() -> {
      for (int i = 0; i < 1_000; i++) {
        log.record(reused);
      }
      now.addAndGet(6_000_000_000L);
      log.record(reused);
    });
    assertEquals(11, records.size());
    assertEquals(reused.describe(), records.get(0).getMessage());
    assertEquals(reused.describe() + " (990 more not logged before this one: at most 10 at once, then one every 6 s)",
        records.get(10).getMessage());
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
