package dev.jwtsecured.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The default {@link LoginThrottle}: bounded counters in this process, with exponential delays.
 *
 * <ul>
 *   <li><b>Per client address</b> (when known): after {@code freeClientFailures} failures within the window, whatever
 *       the user names, each further failure doubles the client's delay, from one second up to {@code maxDelay}.
 *   <li><b>Per user name</b>: after {@code freeUserFailures} failures within the window, from any address, each further
 *       failure doubles the name's delay the same way. The delay applies to the addresses that failed for this name
 *       in the window, not to an address that has not: so an attacker can slow down their own guesses but never lock
 *       the user out, who still gets in at once from another address. When the client address is unknown, or more
 *       than 64 addresses failed for the name in the window, the name's delay applies to every caller but capped at
 *       {@code maxDelayForUnknownClients}: the user waits a bounded time.
 * </ul>
 *
 * Names count by their {@link LoginThrottle#nameKey} (however they are spelled), addresses by their
 * {@link LoginThrottle#clientKey} (an IPv6 address by its /64 network). A success clears the name's failures (not the
 * address's: one valid account must not reset a guessing address). Counters expire with the window. At most
 * {@code maxEntries} names and as many addresses are tracked; beyond that, entries that delay no one are dropped first
 * (expired ones before others), and delaying ones only when nothing else is left: memory stays bounded under a flood
 * of distinct names or addresses, and such a flood does not lift a delay.
 *
 * <p>An attempt counts as a failure as soon as {@link #delay} lets it through, and {@link #succeeded} takes that back:
 * so guesses sent at once get no more password checks than guesses sent one after another (before, a burst of
 * concurrent requests all passed before the first failure was counted), and an attempt whose outcome never comes
 * counts as failed. Thread-safe: one lock, held for microseconds per attempt.
 */
public final class InMemoryLoginThrottle implements LoginThrottle {
  private static final int MAX_ADDRESSES_PER_NAME = 64;

  private final Clock clock;
  private final int freeUserFailures;
  private final int freeClientFailures;
  private final Duration window;
  private final Duration maxDelay;
  private final Duration maxDelayForUnknownClients;
  private final int maxEntries;
  /** Guards the maps and every counter: a delay and the count of its attempt are one step. */
  private final Object lock = new Object();
  private final Map<String, Counter> users = new HashMap<>();
  private final Map<String, Counter> clients = new HashMap<>();

  /** Failures, the window they count in, the end of the current delay, and the addresses that failed. */
  private static final class Counter {
    long windowStart;
    /** Failures, attempts under way included: they count when let through. */
    int failures;
    /** Attempts under way: let through and counted, their outcome not reported yet. */
    int reserved;
    long blockedUntil;
    /** The end of the delay for callers that have not failed themselves (or cannot be told apart): capped. */
    long blockedUntilForOthers;
    final Set<String> clients = new HashSet<>();
    boolean tooManyClients;
  }

  /**
   * @param clock the time source (tests inject one)
   * @param freeUserFailures failures per user name before delays start
   * @param freeClientFailures failures per client address before delays start
   * @param window how long failures count
   * @param maxDelay the longest delay
   * @param maxDelayForUnknownClients the longest delay of a user name when the client address is unknown
   * @param maxEntries how many names (and how many addresses) are tracked at most
   */
  public InMemoryLoginThrottle(Clock clock, int freeUserFailures, int freeClientFailures, Duration window,
      Duration maxDelay, Duration maxDelayForUnknownClients, int maxEntries) {
    if (freeUserFailures < 0 || freeClientFailures < 0 || maxEntries < 1 || window.isNegative() || window.isZero()
        || maxDelay.isNegative() || maxDelayForUnknownClients.isNegative()) {
      throw new IllegalArgumentException("throttle limits must be positive");
    }
    this.clock = clock;
    this.freeUserFailures = freeUserFailures;
    this.freeClientFailures = freeClientFailures;
    this.window = window;
    this.maxDelay = maxDelay;
    this.maxDelayForUnknownClients = maxDelayForUnknownClients;
    this.maxEntries = maxEntries;
  }

  /**
   * The defaults: 5 free failures per user name, 20 per client address, in a 15-minute window; delays up to 15
   * minutes, up to 30 seconds for a user name when addresses are unknown; 100,000 entries.
   */
  public static InMemoryLoginThrottle withDefaults(Clock clock) {
    return new InMemoryLoginThrottle(clock, 5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15),
        Duration.ofSeconds(30), 100_000);
  }

  /**
   * The wait, or zero; an attempt let through counts at once as a failure, which {@link #succeeded} takes back, so
   * that attempts sent at once cannot all pass before the first of them fails, and one whose outcome never comes (the
   * password check threw) counts as failed. Call it once per attempt.
   */
  @Override
  public Duration delay(String username, String address) {
    String client = LoginThrottle.clientKey(address); // the keys outside the lock: folding a long name takes a while
    String name = LoginThrottle.nameKey(username);
    synchronized (lock) {
      return admit(name, client, clock.millis());
    }
  }

  /** {@link #delay} by keys, under the lock: the wait, or zero after counting the attempt. */
  private Duration admit(String name, String client, long now) {
    long wait = 0;
    if (client != null) {
      Counter c = clients.get(client);
      if (c != null) {
        wait = Math.max(wait, c.blockedUntil - now);
      }
    }
    Counter u = users.get(name);
    if (u != null) {
      long nameWait = u.blockedUntil - now;
      if (client != null && u.clients.contains(client)) {
        wait = Math.max(wait, nameWait);
      } else if (client == null || u.tooManyClients) {
        // The user may be among these callers: the name's delay is theirs too, but short.
        wait = Math.max(wait, u.blockedUntilForOthers - now);
      }
    }
    if (wait > 0) {
      return Duration.ofMillis(wait);
    }
    count(users, name, now, freeUserFailures, client).reserved++;
    if (client != null) {
      count(clients, client, now, freeClientFailures, null).reserved++;
    }
    return Duration.ZERO;
  }

  @Override
  public void failed(String username, String address) {
    String client = LoginThrottle.clientKey(address);
    String name = LoginThrottle.nameKey(username);
    synchronized (lock) {
      long now = clock.millis();
      if (!takeReservation(users.get(name))) {
        count(users, name, now, freeUserFailures, client);
      }
      if (client != null && !takeReservation(clients.get(client))) {
        count(clients, client, now, freeClientFailures, null);
      }
    }
  }

  @Override
  public void succeeded(String username, String address) {
    String client = LoginThrottle.clientKey(address);
    String name = LoginThrottle.nameKey(username);
    synchronized (lock) {
      users.remove(name);
      Counter c = client == null ? null : clients.get(client);
      if (takeReservation(c)) {
        c.failures--; // it did not fail
        if (c.failures <= freeClientFailures) {
          c.blockedUntil = Math.min(c.blockedUntil, clock.millis());
        }
      }
    }
  }

  /** Whether {@code c} held an attempt counted in advance, which is now resolved. */
  private static boolean takeReservation(Counter c) {
    if (c == null || c.reserved == 0) {
      return false;
    }
    c.reserved--;
    return true;
  }

  /** Counts a failure of {@code key} (from {@code client}, for a name) and returns its counter. */
  private Counter count(Map<String, Counter> counters, String key, long now, int free, String client) {
    if (!counters.containsKey(key) && counters.size() >= maxEntries) {
      evict(counters, now);
    }
    Counter c = counters.computeIfAbsent(key, k -> new Counter());
    if (now - c.windowStart > window.toMillis()) {
      c.windowStart = now;
      c.failures = 0;
      c.reserved = 0;
      c.clients.clear();
      c.tooManyClients = false;
    }
    c.failures++;
    if (client != null && !c.tooManyClients) {
      if (c.clients.size() < MAX_ADDRESSES_PER_NAME) {
        c.clients.add(client);
      } else {
        c.tooManyClients = true; // a flood from many addresses: the name's delay applies to every address
      }
    }
    int over = c.failures - free;
    if (over > 0) {
      long delay = Math.min(maxDelay.toMillis(), 1000L << Math.min(over - 1, 30));
      c.blockedUntil = Math.max(c.blockedUntil, now + delay);
      c.blockedUntilForOthers = Math.max(c.blockedUntilForOthers,
          now + Math.min(delay, maxDelayForUnknownClients.toMillis()));
    }
    return c;
  }

  /**
   * Makes room: drops the entries whose window is over and that delay no one; then, while more than seven eighths of
   * {@code maxEntries} remain, others that delay no one; only then delaying ones. So a flood of new names or addresses
   * does not lift a delay, and the pass over all entries comes once per {@code maxEntries / 8} new ones, not per new
   * one.
   */
  private void evict(Map<String, Counter> counters, long now) {
    int target = maxEntries - Math.max(1, maxEntries / 8);
    counters.values().removeIf(c -> now - c.windowStart > window.toMillis() && c.blockedUntil <= now);
    removeWhileOver(counters, target, c -> c.blockedUntil <= now);
    removeWhileOver(counters, target, c -> true);
  }

  private static void removeWhileOver(Map<String, Counter> counters, int target, Predicate<Counter> which) {
    Iterator<Counter> all = counters.values().iterator();
    while (counters.size() > target && all.hasNext()) {
      if (which.test(all.next())) {
        all.remove();
      }
    }
  }

  /** How many names and addresses are tracked; for tests. */
  int entries() {
    synchronized (lock) {
      return users.size() + clients.size();
    }
  }
}
