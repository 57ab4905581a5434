package dev.jwtsecured.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The throttle's bound on what it tracks, under a flood of distinct names and addresses. Its delays themselves are
 * tested through HTTP on every runtime ({@code TokenEndpointLimitsTest} in the sample).
 */
class InMemoryLoginThrottleTest {
  static final int MAX = 100;

  final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
  final InMemoryLoginThrottle throttle = new InMemoryLoginThrottle(clock, 5, 20, Duration.ofMinutes(15),
      Duration.ofMinutes(15), Duration.ofSeconds(30), MAX);

  /**
   * Failing once for each of many new names must not make the throttle forget a name it is delaying: it would lift the
   * delay on the guesses at that name. Names that delay no one go first.
   */
  @Test
  void aFloodOfNewNamesDoesNotLiftADelay() {
    for (int i = 0; i < 7; i++) {
      throttle.failed("alice", null);
    }
    Duration delayed = throttle.delay("alice", null);
    assertTrue(delayed.compareTo(Duration.ZERO) > 0, "alice is delayed");
    for (int i = 0; i < 20 * MAX; i++) {
      throttle.failed("spray-" + i, null);
      assertTrue(throttle.entries() <= MAX, "bounded: " + throttle.entries()); // names only: no address is known
    }
    assertEquals(delayed, throttle.delay("alice", null));
  }

  /** The same for a client address that is delayed, under a flood of failures from new addresses. */
  @Test
  void aFloodOfNewAddressesDoesNotLiftADelay() {
    for (int i = 0; i < 22; i++) {
      throttle.failed("name-" + i, "203.0.113.7");
    }
    Duration delayed = throttle.delay("someone", "203.0.113.7");
    assertTrue(delayed.compareTo(Duration.ZERO) > 0, "the address is delayed");
    for (int i = 0; i < 20 * MAX; i++) {
      throttle.failed("x", "198.51.100." + i);
      // At most MAX addresses, beside the 23 names of this test.
      assertTrue(throttle.entries() <= MAX + 23, "bounded: " + throttle.entries());
    }
    assertEquals(delayed, throttle.delay("someone", "203.0.113.7"));
  }

  /** When every tracked name is delaying, memory still stays bounded: then delayed names go too. */
  @Test
  void itStaysBoundedWhenEveryNameIsDelayed() {
    for (int i = 0; i < 3 * MAX; i++) {
      for (int j = 0; j < 6; j++) {
        throttle.failed("delayed-" + i, null);
      }
      assertTrue(throttle.entries() <= MAX, "bounded: " + throttle.entries());
    }
  }
}
