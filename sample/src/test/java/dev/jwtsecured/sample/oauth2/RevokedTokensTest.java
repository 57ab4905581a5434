package dev.jwtsecured.sample.oauth2;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The sample's list of logged-out token ids holds each only while its token could still pass: a server that runs for
 * months with users logging out all day must not keep every id it ever saw.
 */
class RevokedTokensTest {
  static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  static final Duration LEEWAY = Duration.ofSeconds(30);

  final MutableClock clock = new MutableClock(NOW);
  final RevokedTokens revoked = new RevokedTokens(clock, LEEWAY);

  @Test
  void anIdIsRevokedUntilItsTokenExpiresPlusTheLeeway() {
    revoked.revoke("a", NOW.plus(Duration.ofHours(1)));
    assertTrue(revoked.isRevoked("a"));
    clock.advance(Duration.ofHours(1).plusSeconds(29));
    assertTrue(revoked.isRevoked("a"), "within the leeway the token still passes the time checks");
    clock.advance(Duration.ofSeconds(1));
    assertFalse(revoked.isRevoked("a"));
    assertFalse(revoked.isRevoked("never-revoked"));
  }

  /** Five days of 10,000 logouts a day, tokens of one hour: what is held stays within twice a day's worth. */
  @Test
  void expiredIdsAreForgotten() {
    for (int day = 0; day < 5; day++) {
      for (int i = 0; i < 10_000; i++) {
        revoked.revoke("day" + day + "-" + i, clock.instant().plus(Duration.ofHours(1)));
        assertTrue(revoked.size() <= 2 * 10_000 + 1024, "day " + day + ": " + revoked.size() + " ids held");
      }
      assertTrue(revoked.isRevoked("day" + day + "-0"));
      clock.advance(Duration.ofDays(1));
    }
  }
}
