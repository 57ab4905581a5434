package dev.jwtsecured.runtime;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A bounded {@link RefreshTokenStore} in this process's memory: for one instance only (a cluster needs
 * {@link JdbcRefreshTokenStore}), and lost on restart (users then log in again). At most {@code capacity} tokens,
 * spent and revoked ones included (reuse detection needs them until they expire); when full, expired tokens go first,
 * then the oldest.
 */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {
  private record Stored(Entry entry, boolean spent, boolean revoked) {}

  private final int capacity;
  private final Map<String, Stored> tokens = new LinkedHashMap<>();

  /** A store of at most {@code capacity} tokens (at least 1). */
  public InMemoryRefreshTokenStore(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  /** 100,000 tokens. */
  public static InMemoryRefreshTokenStore withDefaults() {
    return new InMemoryRefreshTokenStore(100_000);
  }

  @Override
  public synchronized void create(Entry entry) {
    put(entry);
  }

  @Override
  public synchronized Rotation rotate(String presentedHash, Instant now, Function<Entry, Entry> successor) {
    Stored stored = tokens.get(presentedHash);
    if (stored == null || !now.isBefore(stored.entry().expiresAt())) {
      return new Invalid();
    }
    if (stored.spent() || stored.revoked()) {
      revoke(stored.entry().family());
      return new Reused(stored.entry().family());
    }
    Entry next = successor.apply(stored.entry()); // may throw: then nothing changed
    tokens.put(presentedHash, new Stored(stored.entry(), true, false));
    put(next);
    return new Rotated(stored.entry());
  }

  @Override
  public synchronized void revokeFamily(String family) {
    revoke(family);
  }

  @Override
  public synchronized Optional<String> familyOf(String hash, Instant now) {
    Stored stored = tokens.get(hash);
    return stored == null || stored.spent() || stored.revoked() || !now.isBefore(stored.entry().expiresAt())
        ? Optional.empty() : Optional.of(stored.entry().family());
  }

  /** How many tokens are held, spent and revoked ones included; for tests and monitoring. */
  public synchronized int size() {
    return tokens.size();
  }

  private void revoke(String family) {
    tokens.replaceAll((hash, s) -> s.entry().family().equals(family) ? new Stored(s.entry(), s.spent(), true) : s);
  }

  private void put(Entry entry) {
    if (tokens.size() >= capacity) {
      Instant now = Instant.now();
      tokens.values().removeIf(s -> !now.isBefore(s.entry().expiresAt()));
      Iterator<String> oldest = tokens.keySet().iterator();
      while (tokens.size() >= capacity && oldest.hasNext()) {
        oldest.next();
        oldest.remove();
      }
    }
    tokens.put(entry.hash(), new Stored(entry, false, false));
  }
}
