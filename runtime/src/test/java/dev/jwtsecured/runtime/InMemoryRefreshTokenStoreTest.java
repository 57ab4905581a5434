package dev.jwtsecured.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class InMemoryRefreshTokenStoreTest extends RefreshTokenStoreContract {
  static final Clock AT_NOW = Clock.fixed(NOW, ZoneOffset.UTC);

  @Override
  RefreshTokenStore store() {
    return new InMemoryRefreshTokenStore(1000, AT_NOW);
  }

  @Test
  void itIsBounded() {
    InMemoryRefreshTokenStore store = new InMemoryRefreshTokenStore(3, AT_NOW);
    RefreshTokenStore.Entry oldest = entry("a");
    store.create(oldest);
    for (int i = 0; i < 5; i++) {
      store.create(entry("f" + i));
    }
    assertEquals(3, store.size());
    assertInstanceOf(RefreshTokenStore.Invalid.class, store.rotate(oldest.hash(), NOW, successor(new ArrayList<>())),
        "the oldest went first");
    for (int i = 0; i < 50; i++) {
      store.create(entry("s" + i, "user" + i));
    }
    assertEquals(3, store.subjectsHeld(), "the index of subjects forgets those whose tokens went");
  }

  /** When full, tokens expired by the store's clock (the configuration's) go before the oldest live one. */
  @Test
  void expiredTokensGoFirstByTheStoresClock() {
    InMemoryRefreshTokenStore store = new InMemoryRefreshTokenStore(3, AT_NOW);
    RefreshTokenStore.Entry oldest = entry("a");
    store.create(oldest);
    store.create(new RefreshTokenStore.Entry("expired", "b", "bob", Set.of(), Set.of(), Map.of(), NOW));
    store.create(entry("c"));
    store.create(entry("d"));
    assertEquals(3, store.size());
    assertEquals(Optional.of("a"), store.familyOf(oldest.hash(), NOW), "the oldest live token stays");
  }

  /**
   * Random logins, refreshes (of current, spent and unknown tokens), logouts and lookups, with time passing and tokens
   * of unlike lifetimes, give the same answers as the plain algorithm the store's indexes stand for ({@link
   * Reference}: every token in a list scanned whole).
   */
  @Test
  void itAnswersAsThePlainAlgorithm() {
    Random random = new Random(20261203);
    for (int run = 0; run < 20; run++) {
      MovableClock clock = new MovableClock(NOW);
      int capacity = 1 + random.nextInt(12);
      InMemoryRefreshTokenStore store = new InMemoryRefreshTokenStore(capacity, clock);
      Reference reference = new Reference(capacity, clock);
      List<String> hashes = new ArrayList<>();
      List<String> families = new ArrayList<>();
      for (int step = 0; step < 2_000; step++) {
        clock.advance(Duration.ofSeconds(random.nextInt(30)));
        Instant now = clock.instant();
        int op = random.nextInt(10);
        String what = "run " + run + ", step " + step + ", op " + op;
        if (op < 3 || hashes.isEmpty()) {
          String family = "f" + step;
          families.add(family);
          RefreshTokenStore.Entry e = token("h" + step, family, SUBJECTS.get(random.nextInt(SUBJECTS.size())),
              now.plusSeconds(60 + random.nextInt(600)));
          hashes.add(e.hash());
          store.create(e);
          reference.create(e);
        } else if (op < 7) {
          String hash = random.nextInt(20) == 0 ? "unknown" : hashes.get(random.nextInt(hashes.size()));
          String next = "h" + step;
          long lifetime = 60 + random.nextInt(600);
          Function<RefreshTokenStore.Entry, RefreshTokenStore.Entry> successor =
              previous -> token(next, previous.family(), previous.subject(), now.plusSeconds(lifetime));
          RefreshTokenStore.Rotation got = store.rotate(hash, now, successor);
          assertEquals(reference.rotate(hash, now, successor), got, what);
          if (got instanceof RefreshTokenStore.Rotated) {
            hashes.add(next);
          }
        } else if (op < 8) {
          String family = families.get(random.nextInt(families.size()));
          store.revokeFamily(family);
          reference.revokeFamily(family);
        } else if (op < 9 && random.nextBoolean()) {
          String subject = SUBJECTS.get(random.nextInt(SUBJECTS.size()));
          store.revokeSubject(subject);
          reference.revokeSubject(subject);
        } else {
          String hash = hashes.get(random.nextInt(hashes.size()));
          assertEquals(reference.familyOf(hash, now), store.familyOf(hash, now), what);
        }
        assertEquals(reference.size(), store.size(), what);
        assertTrue(store.size() <= capacity, what);
      }
    }
  }

  /** The subjects of the random logins: few, so that each has several. */
  private static final List<String> SUBJECTS = List.of("alice", "bob", "carol");

  private static RefreshTokenStore.Entry token(String hash, String family, String subject, Instant expiresAt) {
    return new RefreshTokenStore.Entry(hash, family, subject, Set.of("user"), Set.of(), Map.of(), expiresAt);
  }

  /** The plain algorithm: every token in insertion order, a revocation marks each of its family's tokens. */
  private static final class Reference implements RefreshTokenStore {
    private record Stored(Entry entry, boolean spent, boolean revoked) {}

    private final int capacity;
    private final Clock clock;
    private final Map<String, Stored> tokens = new LinkedHashMap<>();

    Reference(int capacity, Clock clock) {
      this.capacity = capacity;
      this.clock = clock;
    }

    @Override
    public void create(Entry entry) {
      put(entry);
    }

    @Override
    public Rotation rotate(String presentedHash, Instant now, Function<Entry, Entry> successor) {
      Stored stored = tokens.get(presentedHash);
      if (stored == null || !now.isBefore(stored.entry().expiresAt())) {
        return new Invalid();
      }
      if (stored.spent() || stored.revoked()) {
        revokeFamily(stored.entry().family());
        return new Reused(stored.entry(), stored.spent());
      }
      Entry next = successor.apply(stored.entry());
      tokens.put(presentedHash, new Stored(stored.entry(), true, false));
      put(next);
      return new Rotated(stored.entry());
    }

    @Override
    public void revokeFamily(String family) {
      tokens.replaceAll((hash, s) -> s.entry().family().equals(family) ? new Stored(s.entry(), s.spent(), true) : s);
    }

    @Override
    public void revokeSubject(String subject) {
      tokens.replaceAll((hash, s) -> s.entry().subject().equals(subject) ? new Stored(s.entry(), s.spent(), true) : s);
    }

    @Override
    public Optional<String> familyOf(String hash, Instant now) {
      Stored s = tokens.get(hash);
      return s == null || s.spent() || s.revoked() || !now.isBefore(s.entry().expiresAt())
          ? Optional.empty() : Optional.of(s.entry().family());
    }

    int size() {
      return tokens.size();
    }

    private void put(Entry entry) {
      if (tokens.size() >= capacity) {
        Instant now = clock.instant();
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
}
