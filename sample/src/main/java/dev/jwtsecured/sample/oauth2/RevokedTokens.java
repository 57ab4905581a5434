package dev.jwtsecured.sample.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token ids ({@code jti}) revoked by {@code POST /logout}, each held only while its token could still pass: until its
 * expiry plus the configuration's leeway. In memory, per process: an application of several instances shares them (a
 * table, a cache with expiry).
 */
public final class RevokedTokens {
  private static final int FIRST_SWEEP = 1024;

  private final Clock clock;
  private final Duration leeway;
  /** Each id with the instant it may be forgotten. */
  private final Map<String, Instant> ids = new ConcurrentHashMap<>();
  /** The size at which expired ids are next swept out: twice what the last sweep left, so sweeps cost little. */
  private volatile int sweepAt = FIRST_SWEEP;

  /** Ids held until their token's expiry plus {@code leeway}, by {@code clock}: the configuration's. */
  public RevokedTokens(Clock clock, Duration leeway) {
    this.clock = clock;
    this.leeway = leeway;
  }

  /** Revokes the token {@code id}, which expires at {@code expiresAt}. */
  public void revoke(String id, Instant expiresAt) {
    ids.put(id, expiresAt.plus(leeway));
    if (ids.size() >= sweepAt) {
      sweep();
    }
  }

  public boolean isRevoked(String id) {
    Instant until = ids.get(id);
    return until != null && clock.instant().isBefore(until);
  }

  /** How many ids are held; for tests. */
  int size() {
    return ids.size();
  }

  private synchronized void sweep() {
    if (ids.size() < sweepAt) {
      return; // another thread swept meanwhile
    }
    Instant now = clock.instant();
    ids.values().removeIf(until -> !now.isBefore(until));
    sweepAt = Math.max(FIRST_SWEEP, 2 * ids.size());
  }
}
