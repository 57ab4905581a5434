package dev.jwtsecured.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A bounded {@link RefreshTokenStore} in this process's memory: for one instance only (a cluster needs
 * {@link JdbcRefreshTokenStore}), and lost on restart (users then log in again). At most {@code capacity} tokens,
 * spent and revoked ones included (reuse detection needs them until they expire), and at most {@code perSubject} of
 * them for one subject.
 *
 * <p>When a bound is reached, expired tokens go first; then whole logins (families), the least recently active first
 * (a login is active when it starts and at each refresh): a subject's own when the subject holds its share, anyone's
 * when the store is full. A login goes whole, never one spent token of it, so that reuse detection is never lost while
 * the login can still refresh: its tokens are then merely unknown ({@code invalid_grant}) and its user logs in again.
 * A login that alone holds a bound's worth of tokens ends at its next refresh. The share keeps one account, logging in
 * or refreshing in a loop, from pushing every other user's login out.
 *
 * <p>Every operation takes time logarithmic in the number of tokens at most (amortised over the tokens a dropped
 * login held), under one lock: tokens are indexed by hash, by expiry, by family, and families by subject in the order
 * of their activity; revoking a family is one mark.
 */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {
  private static final int DEFAULT_CAPACITY = 100_000;

  /** A stored token; {@code order} tells tokens of one expiry apart in {@link #byExpiry}. */
  private record Stored(Entry entry, long order, boolean spent) {
    Stored spend() {
      return new Stored(entry, order, true);
    }
  }

  /**
   * The tokens held of one family, oldest first, and whether it is revoked; dropped with its last token. Most families
   * hold one token, and a family's tokens usually expire oldest first: a small deque is both lean and quick.
   */
  private static final class Family {
    final String name;
    final String subject;
    final ArrayDeque<String> hashes = new ArrayDeque<>(1);
    boolean revoked;

    Family(String name, String subject) {
      this.name = name;
      this.subject = subject;
    }
  }

  /** The families held of one subject, least recently active first, and how many tokens they hold together. */
  private static final class Subject {
    final Map<String, Family> families = new LinkedHashMap<>();
    int tokens;
  }

  private static final Comparator<Stored> EXPIRY =
      Comparator.comparing((Stored s) -> s.entry().expiresAt()).thenComparingLong(Stored::order);

  private final int capacity;
  private final int perSubject;
  private final Clock clock;
  private final Map<String, Stored> tokens = new HashMap<>();
  /** The same tokens, soonest expiry first. */
  private final TreeSet<Stored> byExpiry = new TreeSet<>(EXPIRY);
  /** Every family held, least recently active first. */
  private final Map<String, Family> families = new LinkedHashMap<>();
  private final Map<String, Subject> subjects = new HashMap<>();
  /** The {@code order} of the next token stored. */
  private long nextOrder;

  /**
   * A store of at most {@code capacity} tokens (at least 1; a login refreshes only in a store of at least 2), a tenth
   * of them (at least 2) for one subject, judging expiry by the system clock.
   */
  public InMemoryRefreshTokenStore(int capacity) {
    this(capacity, Clock.systemUTC());
  }

  /**
   * A store of at most {@code capacity} tokens (at least 1), a tenth of them (at least 2) for one subject, that judges
   * which tokens have expired by {@code clock}: the configuration's clock, the one the token endpoint passes as
   * {@code now}.
   */
  public InMemoryRefreshTokenStore(int capacity, Clock clock) {
    this(capacity, Math.min(capacity, Math.max(2, capacity / 10)), clock);
  }

  /**
   * A store of at most {@code capacity} tokens (at least 1) and at most {@code perSubject} of them for one subject
   * (1 to {@code capacity}): size it above the tokens one user holds within {@code refreshExpiration}, one per login
   * and refresh. {@code clock} judges which tokens have expired (see {@link #InMemoryRefreshTokenStore(int, Clock)}).
   */
  public InMemoryRefreshTokenStore(int capacity, int perSubject, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    if (perSubject < 1 || perSubject > capacity) {
      throw new IllegalArgumentException("perSubject must be between 1 and the capacity");
    }
    this.capacity = capacity;
    this.perSubject = perSubject;
    this.clock = Objects.requireNonNull(clock);
  }

  /** 100,000 tokens, 10,000 of them for one subject, the system clock. */
  public static InMemoryRefreshTokenStore withDefaults() {
    return withDefaults(Clock.systemUTC());
  }

  /** 100,000 tokens, 10,000 for one subject, expiry judged by {@code clock} (see the constructors). */
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
    Family family = families.get(presented.entry().family());
    if (presented.spent() || family.revoked) {
      family.revoked = true;
      return new Reused(presented.entry(), presented.spent());
    }
    if (family.hashes.size() >= Math.min(capacity, perSubject)) {
      removeExpired();
      if (!tokens.containsKey(presentedHash)) {
        return new Invalid(); // expired by the store's clock
      }
      if (family.hashes.size() >= Math.min(capacity, perSubject)) {
        drop(family); // it cannot keep its spent tokens and one more
        return new Invalid();
      }
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
    Family f = families.get(family);
    if (f != null) {
      f.revoked = true;
    }
  }

  @Override
  public synchronized void revokeSubject(String subject) {
    Subject s = subjects.get(subject);
    if (s != null) {
      s.families.values().forEach(f -> f.revoked = true);
    }
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
    return subjects.size();
  }

  /**
   * Stores {@code entry} as the newest token of its family, which becomes the most recently active, after making room:
   * expired tokens, then the subject's least recently active other logins while it holds its share, then anyone's
   * while the store is full.
   */
  private void put(Entry entry) {
    if (tokens.containsKey(entry.hash())) {
      remove(entry.hash());
    }
    Family existing = families.get(entry.family());
    String owner = existing != null ? existing.subject : entry.subject();
    Subject subject = subjects.get(owner);
    boolean subjectFull = subject != null && subject.tokens >= perSubject;
    if (subjectFull || tokens.size() >= capacity) {
      removeExpired();
      while ((subject = subjects.get(owner)) != null && subject.tokens >= perSubject) {
        drop(leastRecentlyActive(subject.families, entry.family()));
      }
      while (tokens.size() >= capacity) {
        drop(leastRecentlyActive(families, entry.family()));
      }
    }
    Stored s = new Stored(entry, nextOrder++, false);
    tokens.put(entry.hash(), s);
    byExpiry.add(s);
    Family family = families.remove(entry.family());
    if (family == null) {
      family = new Family(entry.family(), owner);
    }
    families.put(family.name, family); // now the most recently active
    family.hashes.add(entry.hash());
    subject = subjects.computeIfAbsent(family.subject, name -> new Subject());
    subject.families.remove(family.name);
    subject.families.put(family.name, family);
    subject.tokens++;
  }

  /** Removes the tokens expired by the store's clock. */
  private void removeExpired() {
    Instant now = clock.instant();
    while (!byExpiry.isEmpty() && !now.isBefore(byExpiry.first().entry().expiresAt())) {
      remove(byExpiry.first().entry().hash());
    }
  }

  /**
   * The first of {@code active} (least recently active first) that is not {@code keep}, or {@code keep}'s family when
   * it is the only one: a rotation never comes to that (it ends a login too large first), only a second login created
   * with one family's name.
   */
  private static Family leastRecentlyActive(Map<String, Family> active, String keep) {
    Iterator<Family> it = active.values().iterator();
    Family first = it.next();
    return first.name.equals(keep) && it.hasNext() ? it.next() : first;
  }

  /** Drops every token of {@code family}: they are unknown from now on. */
  private void drop(Family family) {
    for (String hash : List.copyOf(family.hashes)) {
      remove(hash);
    }
  }

  private void remove(String hash) {
    Stored s = tokens.remove(hash);
    byExpiry.remove(s);
    Family family = families.get(s.entry().family());
    family.hashes.remove(hash);
    Subject subject = subjects.get(family.subject);
    subject.tokens--;
    if (family.hashes.isEmpty()) {
      families.remove(family.name);
      subject.families.remove(family.name);
      if (subject.families.isEmpty()) {
        subjects.remove(family.subject);
      }
    }
  }
}
