package dev.jwtsecured.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The throttle's delays, and its bound on what it tracks under a flood of distinct names and addresses. Its delays
 * are also tested through HTTP on every runtime ({@code TokenEndpointLimitsTest} in the sample).
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
    Duration delayed = guessedAtTooOften("alice");
    for (int i = 0; i < 20 * MAX; i++) {
      throttle.failed("spray-" + i, null);
      assertTrue(throttle.entries() <= MAX, "bounded: " + throttle.entries()); // names only: no address is known
    }
    assertTrue(throttle.entries() >= MAX - MAX / 8, "an eviction keeps seven eighths: " + throttle.entries());
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

  /**
   * Authenticators often find the account however its name is spelled: SQL Server and MySQL compare without trailing
   * spaces, MySQL's default collation without case and accents, LDAP without case and surrounding spaces, and much
   * login code trims. Counted apart, each spelling of a name would bring its own free failures, and an attacker with
   * many addresses would guess at one account without the name ever being delayed.
   */
  @Test
  void aNameSpelledAnotherWayIsTheSameName() {
    Duration delayed = guessedAtTooOften("alice");
    List<String> variants = List.of("ALICE", "alice ", " alice", "alice\t", "alice\u00a0", "al\u200bice",
        "alice\u0000", "\uff41\uff4c\uff49\uff43\uff45", "alic\u00e9", "alice\u0301", "al\u0131ce", "AL\u0130CE",
        "alice" + " ".repeat(300));
    for (String variant : variants) {
      assertEquals(delayed, throttle.delay(variant, null), "not delayed: " + variant.strip() + " (" + variant.length()
          + " chars)");
    }
    // And a failure under any spelling counts for the name.
    throttle.failed("ALICE ", null);
    assertTrue(throttle.delay("alice", null).compareTo(delayed) > 0, "the delay doubled");
  }

  /** Folding names never makes different names share a count beyond their spelling: bob is not alice. */
  @Test
  void otherNamesAreNotDelayed() {
    guessedAtTooOften("alice");
    for (String other : List.of("bob", "alicia", "alice2", "malice", "")) {
      assertEquals(Duration.ZERO, throttle.delay(other, null), other);
    }
  }

  /**
   * An IPv6 client has a whole /64 network to itself (a home network, a cloud server), so counting each address apart
   * gave one host as many addresses as it wanted, each with its own free failures: spraying a password over many names
   * from one host was never delayed. Its addresses count as one client, however they are written.
   */
  @Test
  void theAddressesOfOneIpv6NetworkAreOneClient() {
    for (int i = 1; i <= 21; i++) {
      throttle.failed("name-" + i, "2001:db8:1:2::" + Integer.toHexString(i));
    }
    for (String same : List.of("2001:db8:1:2:ffff:ffff:ffff:ffff", "[2001:0DB8:0001:0002:0:0:0:abcd]",
        "2001:db8:1:2::5%eth0", "2001:db8:1:2:0:0:0.0.0.1", "[2001:db8:1:2::9]:443")) {
      assertTrue(throttle.delay("someone", same).compareTo(Duration.ZERO) > 0, "not delayed: " + same);
    }
    for (String other : List.of("2001:db8:1:3::1", "2001:db8::1:2:0:0", "::1", "203.0.113.7", "not an address")) {
      assertEquals(Duration.ZERO, throttle.delay("someone", other), other);
    }
  }

  /**
   * An IPv4 client a dual-stack server reports as an IPv4-mapped IPv6 address ({@code ::ffff:203.0.113.7}) is that
   * IPv4 address: every IPv4 client would otherwise share one network, and one of them could hold all others back.
   * And an address with the port some proxies add is the address.
   */
  @Test
  void anIpv4MappedAddressIsItsIpv4Address() {
    for (int i = 1; i <= 21; i++) {
      throttle.failed("name-" + i, "::ffff:203.0.113.7");
    }
    assertTrue(throttle.delay("someone", "203.0.113.7").compareTo(Duration.ZERO) > 0, "the address is delayed");
    assertTrue(throttle.delay("someone", "[::FFFF:cb00:7107]").compareTo(Duration.ZERO) > 0, "in hexadecimal");
    // Some proxies add the client's port, a new one for each connection.
    assertTrue(throttle.delay("someone", "203.0.113.7:51234").compareTo(Duration.ZERO) > 0, "with a port");
    assertEquals(Duration.ZERO, throttle.delay("someone", "::ffff:198.51.100.1"), "another IPv4 client");
    assertEquals(Duration.ZERO, throttle.delay("someone", "198.51.100.1"), "another IPv4 client");
  }

  /**
   * Guesses sent at once all asked for their delay before the first of them failed: each was let through, so one
   * burst of concurrent requests got as many password checks as the server had threads (88 of 200 on the sample). An
   * attempt now counts when it is let through; as many get through at once as would one after another.
   */
  @Test
  void guessesSentAtOnceGetNoMoreThroughThanOneAfterAnother() {
    InMemoryLoginThrottle sequential = new InMemoryLoginThrottle(clock, 5, 20, Duration.ofMinutes(15),
        Duration.ofMinutes(15), Duration.ofSeconds(30), MAX);
    int oneAfterAnother = 0;
    for (int i = 0; i < 50; i++) {
      if (sequential.delay("alice", "203.0.113.7").isZero()) {
        oneAfterAnother++;
        sequential.failed("alice", "203.0.113.7");
      }
    }
    int atOnce = 0;
    for (int i = 0; i < 50; i++) {
      if (throttle.delay("alice", "203.0.113.7").isZero()) {
        atOnce++;
      }
    }
    assertEquals(6, oneAfterAnother, "five free failures, then the sixth is let through and delays the next");
    assertEquals(oneAfterAnother, atOnce);
    for (int i = 0; i < atOnce; i++) {
      throttle.failed("alice", "203.0.113.7"); // their outcomes: counted once, not twice
    }
    assertEquals(sequential.delay("alice", "203.0.113.7"), throttle.delay("alice", "203.0.113.7"));
    assertEquals(sequential.delay("alice", "198.51.100.1"), throttle.delay("alice", "198.51.100.1"));
  }

  /** An attempt let through whose outcome never comes (the password check threw) counts as a failure. */
  @Test
  void anAttemptWithoutAnOutcomeCountsAsAFailure() {
    for (int i = 0; i < 6; i++) {
      assertEquals(Duration.ZERO, throttle.delay("bob", "203.0.113.8"));
    }
    assertTrue(throttle.delay("bob", "203.0.113.8").compareTo(Duration.ZERO) > 0, "the seventh waits");
  }

  /** A success takes its attempt back: logins that succeed never delay their address. */
  @Test
  void successesNeverDelayTheirAddress() {
    for (int i = 0; i < 19; i++) {
      throttle.delay("guess-" + i, "203.0.113.9");
      throttle.failed("guess-" + i, "203.0.113.9");
    }
    for (int i = 0; i < 50; i++) {
      assertEquals(Duration.ZERO, throttle.delay("user-" + i, "203.0.113.9"), "login " + i);
      throttle.succeeded("user-" + i, "203.0.113.9");
    }
    throttle.delay("guess", "203.0.113.9");
    throttle.failed("guess", "203.0.113.9");
    assertEquals(Duration.ZERO, throttle.delay("someone", "203.0.113.9"), "the twentieth failure is free");
    throttle.delay("guess", "203.0.113.9");
    throttle.failed("guess", "203.0.113.9");
    assertTrue(throttle.delay("someone", "203.0.113.9").compareTo(Duration.ZERO) > 0, "the 21st delays");
  }

  /** One guess as the token endpoint makes it: asks for the delay, and fails when let through. */
  Duration guess(String name, String address) {
    Duration wait = throttle.delay(name, address);
    if (wait.isZero()) {
      throttle.failed(name, address);
    }
    return wait;
  }

  /**
   * The delays as the class documents them, which the sample's HTTP tests see only in part: past the free failures
   * they double from one second; the guessing address waits, another address of the user does not, a caller of no
   * known address waits at most {@code maxDelayForUnknownClients}; a success clears the name.
   */
  @Test
  void delaysDoubleForTheGuessingAddressOnly() {
    for (int i = 0; i < 6; i++) {
      assertEquals(Duration.ZERO, guess("alice", "203.0.113.7"), "free failures, then the sixth is let through");
    }
    for (int seconds = 1; seconds <= 32; seconds *= 2) {
      assertEquals(Duration.ofSeconds(seconds), throttle.delay("alice", "203.0.113.7"));
      clock.advance(Duration.ofSeconds(seconds));
      assertEquals(Duration.ZERO, guess("alice", "203.0.113.7"));
    }
    assertEquals(Duration.ofSeconds(64), throttle.delay("alice", "203.0.113.7"));
    assertEquals(Duration.ofSeconds(30), throttle.delay("alice", null), "no known address: capped");
    assertEquals(Duration.ZERO, throttle.delay("alice", "198.51.100.1"), "the user elsewhere");
    throttle.succeeded("alice", "198.51.100.1");
    assertEquals(Duration.ZERO, throttle.delay("alice", "203.0.113.7"), "a success clears the name");
  }

  /** Failures count in their window: once it has passed, the name starts again with its free failures. */
  @Test
  void failuresCountInTheirWindowOnly() {
    for (int i = 0; i < 6; i++) {
      throttle.failed("alice", "203.0.113.7");
    }
    assertEquals(Duration.ofSeconds(1), throttle.delay("alice", "203.0.113.7"));
    clock.advance(Duration.ofMinutes(15).plusMillis(1));
    for (int i = 0; i < 5; i++) {
      assertEquals(Duration.ZERO, guess("alice", "203.0.113.7"), "a new window's free failure " + (i + 1));
    }
    assertEquals(Duration.ZERO, guess("alice", "203.0.113.7"), "the sixth is let through");
    assertEquals(Duration.ofSeconds(1), throttle.delay("alice", "203.0.113.7"), "and delays from one second again");
    clock.advance(Duration.ofMinutes(15).plusMillis(1));
    for (int i = 0; i < 6; i++) {
      throttle.failed("alice", "198.51.100.1");
    }
    assertEquals(Duration.ofSeconds(1), throttle.delay("alice", "198.51.100.1"));
    assertEquals(Duration.ZERO, throttle.delay("alice", "203.0.113.7"), "an address of an earlier window is forgotten");
  }

  /**
   * Guesses at one name from more than 64 addresses: any address may be the user's, so the name's delay applies to
   * every caller, capped as for an unknown one; up to 64, an address that has not failed still gets in at once.
   */
  @Test
  void aNameGuessedFromManyAddressesDelaysEveryCallerShortly() {
    for (int i = 1; i <= 64; i++) {
      throttle.failed("alice", "198.51.100." + i);
    }
    assertEquals(Duration.ZERO, throttle.delay("alice", "203.0.113.7"), "64 addresses: a new one is let through");
    throttle.failed("alice", "203.0.113.7");
    throttle.failed("alice", "198.51.100.65");
    assertEquals(Duration.ofSeconds(30), throttle.delay("alice", "203.0.113.8"), "a 66th address waits, capped");
    assertEquals(Duration.ofMinutes(15), throttle.delay("alice", "198.51.100.1"), "a guessing address the longest");
  }

  /**
   * A success from an address takes back its own attempt, and with it the delay that attempt set when it was the
   * address's first over its free failures.
   */
  @Test
  void aSuccessLiftsTheDelayItsOwnAttemptSet() {
    for (int i = 0; i < 20; i++) {
      throttle.failed("guess-" + i, "203.0.113.9");
    }
    assertEquals(Duration.ZERO, throttle.delay("carol", "203.0.113.9"), "the 21st attempt is let through");
    assertEquals(Duration.ofSeconds(1), throttle.delay("dave", "203.0.113.9"), "and counted at once");
    throttle.succeeded("carol", "203.0.113.9");
    assertEquals(Duration.ZERO, throttle.delay("dave", "203.0.113.9"), "carol got in: the address is not delayed");
  }

  /** Seven failures for the name from unknown addresses: the name is delayed. */
  Duration guessedAtTooOften(String name) {
    for (int i = 0; i < 7; i++) {
      throttle.failed(name, null);
    }
    Duration delayed = throttle.delay(name, null);
    assertTrue(delayed.compareTo(Duration.ZERO) > 0, name + " is delayed");
    return delayed;
  }
}
