package dev.jwtsecured.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A bounded {@link RefreshTokenStore} in this process's memory: for one instance only (a cluster needs
 * {@link JdbcRefreshTokenStore}), and lost on restart (users then log in again). At most {@code capacity} tokens,
 * spent and revoked ones included (reuse detection needs them until they expire); when full, expired tokens go first,
 * then the oldest.
 *
 * <p>Every operation takes time logarithmic in the number of tokens at most (a login when full, a refresh, a logout, a
 * replayed token), under one lock: tokens are indexed by hash in the order they came, by expiry, and by family, whose
 * revocation is one mark.
 */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {
  private static final int DEFAULT_CAPACITY = 100_000;

  /** A stored token; {@code order} tells tokens of one expiry apart in {@link #byExpiry}. */
  private record Stored(Entry entry, long order, boolean spent) {
    Stored spend() {
      return new Stored(entry, order, true);
    }
  }

  /** How many tokens of a family are held, and whether it is revoked; dropped with its last token. */
  private static final class Family {
    final String subject;
    int tokens;
    boolean revoked;

    Family(String subject) {
      this.subject = subject;
    }
  }

  private static final Comparator<Stored> EXPIRY =
      Comparator.comparing((Stored s) -> s.entry().expiresAt()).thenComparingLong(Stored::order);

  private final int capacity;
  private final Clock clock;
  /** By hash, oldest first (spending a token keeps its place). */
  private final Map<String, Stored> tokens = new LinkedHashMap<>();
  /** The same tokens, soonest expiry first. */
  private final TreeSet<Stored> byExpiry = new TreeSet<>(EXPIRY);
  private final Map<String, Family> families = new HashMap<>();
  /** The families held of each subject. */
  private final Map<String, Set<String>> familiesOf = new HashMap<>();
  /** The {@code order} of the next token stored. */
  private long nextOrder;

  /** A store of at most {@code capacity} tokens (at least 1), judging expiry for eviction by the system clock. */
  public InMemoryRefreshTokenStore(int capacity) {
    this(capacity, Clock.systemUTC());
  }

  /**
   * A store of at most {@code capacity} tokens (at least 1) that judges, when full, which tokens have expired by
   * {@code clock}: the configuration's clock, the one the token endpoint passes as {@code now}.
   */
  public InMemoryRefreshTokenStore(int capacity, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
    this.clock = Objects.requireNonNull(clock);
  }

  /** 100,000 tokens, the system clock. */
  public static InMemoryRefreshTokenStore withDefaults() {
    return withDefaults(Clock.systemUTC());
  }

  /** 100,000 tokens, expiry judged by {@code clock} (see {@link #InMemoryRefreshTokenStore(int, Clock)}). */
  public static InMemoryRefreshTokenStore withDefaults(Clock clock) {
    return new InMemoryRefreshTokenStore(DEFAULT_CAPACITY, clock);
  }

  @Override
  public synchronized void create(Entry entry) {
    put(entry);
  }

  @Override
  public synchronized Rotation rotate(String presentedHash, Instant now, Function<Entry, Entry> successor) {
    Stored presented = tokens.get(presentedHash);
    if (presented == null || !now.isBefore(presented.entry().expiresAt())) {
      return new Invalid();
    }
    String family = presented.entry().family();
    if (presented.spent() || families.get(family).revoked) {
      revoke(family);
      return new Reused(presented.entry(), presented.spent());
    }
    Entry next = successor.apply(presented.entry()); // may throw: then nothing changed
    Stored spent = presented.spend();
    tokens.put(presentedHash, spent);
    byExpiry.remove(presented);
    byExpiry.add(spent);
    put(next);
    return new Rotated(presented.entry());
  }

  @Override
  public synchronized void revokeFamily(String family) {
    revoke(family);
  }

  @Override
  public synchronized void revokeSubject(String subject) {
    familiesOf.getOrDefault(subject, Set.of()).forEach(this::revoke);
  }

  @Override
  public synchronized Optional<String> familyOf(String hash, Instant now) {
    Stored s = tokens.get(hash);
    return s == null || s.spent() || families.get(s.entry().family()).revoked
        || !now.isBefore(s.entry().expiresAt()) ? Optional.empty() : Optional.of(s.entry().family());
  }

  /** How many tokens are held, spent and revoked ones included; for tests and monitoring. */
  public synchronized int size() {
    return tokens.size();
  }

  /** How many subjects have a family held: at most the tokens held; for tests. */
  synchronized int subjectsHeld() {
    return familiesOf.size();
  }

  /** Marks {@code family} revoked; a family of which no token is held has nothing to revoke. */
  private void revoke(String family) {
    Family f = families.get(family);
    if (f != null) {
      f.revoked = true;
    }
  }

  private void put(Entry entry) {
    if (tokens.containsKey(entry.hash())) {
      remove(entry.hash());
    }
    if (tokens.size() >= capacity) {
      Instant now = clock.instant();
      while (!byExpiry.isEmpty() && !now.isBefore(byExpiry.first().entry().expiresAt())) {
        remove(byExpiry.first().entry().hash());
      }
      while (tokens.size() >= capacity) {
        remove(tokens.keySet().iterator().next());
      }
    }
    Stored s = new Stored(entry, nextOrder++, false);
    tokens.put(entry.hash(), s);
    byExpiry.add(s);
    families.computeIfAbsent(entry.family(), f -> {
      familiesOf.computeIfAbsent(entry.subject(), subject -> new HashSet<>()).add(f);
      return new Family(entry.subject());
    }).tokens++;
  }

  private void remove(String hash) {
    Stored s = tokens.remove(hash);
    byExpiry.remove(s);
    Family f = families.get(s.entry().family());
    if (--f.tokens == 0) {
      families.remove(s.entry().family());
      Set<String> ofSubject = familiesOf.get(f.subject);
      ofSubject.remove(s.entry().family());
      if (ofSubject.isEmpty()) {
        familiesOf.remove(f.subject);
      }
    }
  }
}
