package dev.jwtsecured.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class InMemoryRefreshTokenStoreTest extends RefreshTokenStoreContract {
  static final Clock AT_NOW = Clock.fixed(NOW, ZoneOffset.UTC);

  @Override
  RefreshTokenStore store() {
    return new InMemoryRefreshTokenStore(1000, AT_NOW);
  }

  @Override
  RefreshTokenStore storeWithLoginsOf(int tokens) {
    return new InMemoryRefreshTokenStore(1000, tokens, AT_NOW); // a subject's share bounds each of its logins
  }

  @Test
  void itIsBounded() {
    InMemoryRefreshTokenStore store = new InMemoryRefreshTokenStore(3, 3, AT_NOW);
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

  /**
   * A full store drops a login whole, never a spent token of a login that can still refresh. It dropped the oldest
   * token: a thief who refreshed a stolen token first, then filled the store with logins of an account of their own,
   * kept the login, and the client's later refresh with the spent token was merely unknown instead of ending it.
   */
  @Test
  void aFullStoreNeverForgetsASpentTokenOfALoginThatCanRefresh() {
    InMemoryRefreshTokenStore store = new InMemoryRefreshTokenStore(4, 4, AT_NOW); // no share: many accounts
    RefreshTokenStore.Entry stolen = entry("victim", "alice");
    store.create(stolen);
    List<String> thiefs = new ArrayList<>();
    assertInstanceOf(RefreshTokenStore.Rotated.class, store.rotate(stolen.hash(), NOW, successor(thiefs)));
    for (int i = 0; i < 3; i++) {
      store.create(entry("flood" + i, "mallory"));
    }
    assertEquals(3, store.size(), "the third login made room by dropping both tokens of the least recently active");
    RefreshTokenStore.Rotation clients = store.rotate(stolen.hash(), NOW, successor(new ArrayList<>()));
    assertInstanceOf(RefreshTokenStore.Invalid.class, clients, "the login went whole, its spent token with it");
    assertInstanceOf(RefreshTokenStore.Invalid.class, store.rotate(thiefs.get(0), NOW, successor(new ArrayList<>())),
        "the thief's token went with the spent one");
  }

  /**
   * One account that logs in, or refreshes one login, in a loop pushes out only its own logins: it pushed out every
   * other user's (a refresh costs no password check, so 100,000 of them took seconds). Its login that alone holds the
   * account's share ends at its next refresh, its spent tokens with it.
   */
  @Test
  void oneAccountCannotPushOtherUsersOut() {
    InMemoryRefreshTokenStore store = InMemoryRefreshTokenStore.withDefaults(AT_NOW);
    RefreshTokenStore.Entry alices = entry("alice's", "alice");
    store.create(alices);
    RefreshTokenStore.Entry first = entry("mallory0", "mallory");
    store.create(first);
    for (int i = 1; i < 100_000; i++) {
      store.create(entry("mallory" + i, "mallory"));
    }
    assertEquals(10_001, store.size(), "alice's token and mallory's share");
    assertInstanceOf(RefreshTokenStore.Invalid.class, store.rotate(first.hash(), NOW, successor(new ArrayList<>())),
        "mallory's least recently active login went");

    List<String> hashes = new ArrayList<>();
    RefreshTokenStore.Entry looping = entry("looping", "mallory");
    store.create(looping);
    String current = looping.hash();
    int refreshes = 0;
    RefreshTokenStore.Rotation r;
    while ((r = store.rotate(current, NOW, successor(hashes))) instanceof RefreshTokenStore.Rotated) {
      current = hashes.get(hashes.size() - 1);
      refreshes++;
      assertTrue(refreshes < 100_000, "the loop ends");
    }
    assertEquals(9_999, refreshes, "a login of 10,000 tokens cannot refresh");
    assertInstanceOf(RefreshTokenStore.Invalid.class, r);
    assertInstanceOf(RefreshTokenStore.Invalid.class, store.rotate(looping.hash(), NOW, successor(hashes)),
        "its spent tokens went with it, not before it");
    assertInstanceOf(RefreshTokenStore.Rotated.class, store.rotate(alices.hash(), NOW, successor(hashes)),
        "alice's login stayed");
  }

  @Test
  void theShareIsWithinTheCapacity() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new InMemoryRefreshTokenStore(10, 11, AT_NOW));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new InMemoryRefreshTokenStore(10, 0, AT_NOW));
  }

  /** When full, tokens expired by the store's clock (the configuration's) go before the oldest live one. */
  @Test
  void expiredTokensGoFirstByTheStoresClock() {
    InMemoryRefreshTokenStore store = new InMemoryRefreshTokenStore(3, 3, AT_NOW);
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
   * of unlike lifetimes, in stores of random capacities and shares, give the same answers as the plain algorithm the
   * store's indexes stand for ({@link Reference}: every token in a list scanned whole).
   */
  @Test
  void itAnswersAsThePlainAlgorithm() {
    Random random = new Random(20261203);
    for (int run = 0; run < 20; run++) {
      MovableClock clock = new MovableClock(NOW);
      int capacity = 1 + random.nextInt(12);
      int perSubject = 1 + random.nextInt(capacity);
      InMemoryRefreshTokenStore store = new InMemoryRefreshTokenStore(capacity, perSubject, clock);
      Reference reference = new Reference(capacity, perSubject, clock);
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

  /**
   * The plain algorithm: every token in a list; a revocation marks each of its family's tokens; a login's activity is
   * when its newest token was stored; making room drops whole logins, scanning for the least recently active.
   */
  private static final class Reference implements RefreshTokenStore {
    private record Stored(Entry entry, boolean spent, boolean revoked) {}

    private final int capacity;
    private final int perSubject;
    private final Clock clock;
    private final Map<String, Stored> tokens = new LinkedHashMap<>();
    /** When each family last had a token stored. */
    private final Map<String, Long> active = new HashMap<>();
    private long time;

    Reference(int capacity, int perSubject, Clock clock) {
      this.capacity = capacity;
      this.perSubject = perSubject;
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
      String family = stored.entry().family();
      if (stored.spent() || stored.revoked()) {
        revokeFamily(family);
        return new Reused(stored.entry(), stored.spent());
      }
      int bound = Math.min(capacity, perSubject);
      if (count(s -> s.entry().family().equals(family)) >= bound) {
        removeExpired();
        if (!tokens.containsKey(presentedHash)) {
          return new Invalid();
        }
        if (count(s -> s.entry().family().equals(family)) >= bound) {
          drop(family);
          return new Invalid();
        }
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
      tokens.remove(entry.hash());
      Predicate<Stored> ofSubject = s -> s.entry().subject().equals(entry.subject());
      if (count(ofSubject) >= perSubject || tokens.size() >= capacity) {
        removeExpired();
        while (count(ofSubject) >= perSubject) {
          drop(leastRecentlyActive(ofSubject, entry.family()));
        }
        while (tokens.size() >= capacity) {
          drop(leastRecentlyActive(s -> true, entry.family()));
        }
      }
      tokens.put(entry.hash(), new Stored(entry, false, false));
      active.put(entry.family(), time++);
    }

    private long count(Predicate<Stored> which) {
      return tokens.values().stream().filter(which).count();
    }

    private void removeExpired() {
      Instant now = clock.instant();
      tokens.values().removeIf(s -> !now.isBefore(s.entry().expiresAt()));
    }

    /** Of the families of the tokens {@code which} takes, the least recently active other than {@code keep}, if any. */
    private String leastRecentlyActive(Predicate<Stored> which, String keep) {
      List<String> held = tokens.values().stream().filter(which).map(s -> s.entry().family()).distinct()
          .sorted(Comparator.comparing(active::get)).toList();
      return held.get(0).equals(keep) && held.size() > 1 ? held.get(1) : held.get(0);
    }

    private void drop(String family) {
      tokens.values().removeIf(s -> s.entry().family().equals(family));
    }
  }
}
