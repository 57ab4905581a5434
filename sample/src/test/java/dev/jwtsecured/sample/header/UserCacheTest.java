package dev.jwtsecured.sample.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The header and cookie examples store the user at an anonymous {@code POST /login}: what they hold must stay bounded
 * (anyone may log in any number of users) and a user need not outlive the tokens issued for it.
 */
class UserCacheTest {
  static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  final MutableClock clock = new MutableClock(NOW);

  static User user(int i) {
    return new User(new UUID(0, i), "user " + i, "u" + i + "@example.com");
  }

  @Test
  void aUserIsKeptAsLongAsItsTokensLast() {
    UserCache cache = new UserCache(clock, Duration.ofDays(1), 100);
    cache.put(user(1));
    clock.advance(Duration.ofHours(23));
    assertEquals(Optional.of(user(1)), cache.get(user(1).id()));
    cache.put(user(1)); // a new login: its token lasts a day from now
    clock.advance(Duration.ofHours(2));
    assertEquals(Optional.of(user(1)), cache.get(user(1).id()));
    clock.advance(Duration.ofDays(1));
    assertEquals(Optional.empty(), cache.get(user(1).id()), "every token of the user has expired");
  }

  @Test
  void itHoldsAtMostItsCapacityTheOldestLoginGoingFirst() {
    UserCache cache = new UserCache(clock, Duration.ofDays(1), 100);
    for (int i = 0; i < 10_000; i++) {
      cache.put(user(i));
      assertTrue(cache.size() <= 100, cache.size() + " users held");
    }
    assertEquals(Optional.empty(), cache.get(user(0).id()));
    assertEquals(Optional.of(user(9_999)), cache.get(user(9_999).id()));
  }
}
