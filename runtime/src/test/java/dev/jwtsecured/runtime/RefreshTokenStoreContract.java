package dev.jwtsecured.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What every {@link RefreshTokenStore} does; each implementation's test runs these against a real store. */
abstract class RefreshTokenStoreContract {
  static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  /** A new, empty store. */
  abstract RefreshTokenStore store();

  /** A new, empty store in which one login holds at most {@code tokens} tokens. */
  abstract RefreshTokenStore storeWithLoginsOf(int tokens);

  static RefreshTokenStore.Entry entry(String family) {
    return entry(family, "alice");
  }

  static RefreshTokenStore.Entry entry(String family, String subject) {
    return new RefreshTokenStore.Entry(UUID.randomUUID().toString(), family, subject, Set.of("admin", "user"),
        Set.of("read", "write"), Map.of("tenant", "acme", "level", 3, "tags", List.of("a", "b")),
        NOW.plusSeconds(3600));
  }

  /** The successor a token endpoint would store: a new hash, same family, subject and scopes. */
  static Function<RefreshTokenStore.Entry, RefreshTokenStore.Entry> successor(List<String> hashes) {
    return previous -> {
      RefreshTokenStore.Entry next = new RefreshTokenStore.Entry(UUID.randomUUID().toString(), previous.family(),
          previous.subject(), previous.roles(), previous.scopes(), previous.extras(), NOW.plusSeconds(7200));
      hashes.add(next.hash());
      return next;
    };
  }

  @Test
  void aTokenRotatesOnceAndItsSuccessorThen() {
    RefreshTokenStore store = store();
    RefreshTokenStore.Entry first = entry("f1");
    store.create(first);
    List<String> hashes = new ArrayList<>();
    RefreshTokenStore.Rotation r = store.rotate(first.hash(), NOW, successor(hashes));
    RefreshTokenStore.Entry previous = assertInstanceOf(RefreshTokenStore.Rotated.class, r).previous();
    assertEquals("alice", previous.subject());
    assertEquals(Set.of("read", "write"), previous.scopes());
    assertEquals(Set.of("admin", "user"), previous.roles());
    assertEquals(Map.of("tenant", "acme", "level", 3, "tags", List.of("a", "b")), previous.extras());
    assertEquals("f1", previous.family());
    assertInstanceOf(RefreshTokenStore.Rotated.class, store.rotate(hashes.get(0), NOW, successor(hashes)));
    assertEquals(Optional.of("f1"), store.familyOf(hashes.get(1), NOW));
  }

  /**
   * Whatever a login may carry is kept whole: a directory's hundreds of groups, a long subject (an X.500 name, say) in
   * any script, and extras of more than 64 KiB. A login that works without refresh tokens must not fail with them.
   */
  @Test
  void aLargeLoginIsKeptWhole() {
    RefreshTokenStore store = store();
    Set<String> roles = new java.util.LinkedHashSet<>();
    for (int i = 0; i < 400; i++) {
      roles.add("CN=group-" + i + ",OU=Groups,DC=example,DC=com");
    }
    String subject = "CN=Zoë \u6f22\ud83d\ude00 " + "x".repeat(2000) + ",OU=People,DC=example,DC=com";
    Map<String, Object> extras = Map.of("profile", "é".repeat(70_000), "groups", List.copyOf(roles));
    RefreshTokenStore.Entry big = new RefreshTokenStore.Entry(UUID.randomUUID().toString(), "f-big", subject, roles,
        Set.of("read"), extras, NOW.plusSeconds(3600));
    store.create(big);
    RefreshTokenStore.Rotation r = store.rotate(big.hash(), NOW, successor(new ArrayList<>()));
    RefreshTokenStore.Entry previous = assertInstanceOf(RefreshTokenStore.Rotated.class, r).previous();
    assertEquals(subject, previous.subject());
    assertEquals(List.copyOf(roles), List.copyOf(previous.roles()), "all roles, in order");
    assertEquals(extras, previous.extras());
  }

  @Test
  void aSuccessorThatThrowsLeavesThePresentedTokenActive() {
    RefreshTokenStore store = store();
    RefreshTokenStore.Entry first = entry("f6");
    store.create(first);
    IllegalStateException refused = new IllegalStateException("scope too wide");
    assertSame(refused, assertThrows(IllegalStateException.class, () -> store.rotate(first.hash(), NOW, previous -> {
      throw refused;
    })));
    assertEquals(Optional.of("f6"), store.familyOf(first.hash(), NOW), "not spent");
    assertInstanceOf(RefreshTokenStore.Rotated.class, store.rotate(first.hash(), NOW, successor(new ArrayList<>())));
  }

  @Test
  void presentingASpentTokenRevokesTheWholeFamily() {
    RefreshTokenStore store = store();
    RefreshTokenStore.Entry first = entry("f2");
    store.create(first);
    RefreshTokenStore.Entry other = entry("other");
    store.create(other);
    List<String> hashes = new ArrayList<>();
    store.rotate(first.hash(), NOW, successor(hashes)); // the legitimate client
    RefreshTokenStore.Reused reused = assertInstanceOf(RefreshTokenStore.Reused.class,
        store.rotate(first.hash(), NOW, successor(hashes)), "the thief presents the spent token");
    assertEquals(first, reused.presented(), "the entry presented, for the report of the reuse");
    assertEquals("f2", reused.family());
    assertTrue(reused.spent(), "it had been rotated: the sign of theft");
    assertInstanceOf(RefreshTokenStore.Reused.class, store.rotate(hashes.get(0), NOW, successor(hashes)),
        "the legitimate client's current token is revoked too");
    assertEquals(Optional.empty(), store.familyOf(hashes.get(0), NOW));
    assertInstanceOf(RefreshTokenStore.Rotated.class, store.rotate(other.hash(), NOW, successor(hashes)),
        "another family is untouched");
  }

  /**
   * A login that holds its bound of tokens ends at its next refresh, its tokens with it: they are unknown, not reused
   * (no theft happened). One account refreshing in a loop otherwise filled the store, or the database, a row a refresh.
   */
  @Test
  void aLoginThatHoldsItsBoundEndsAtItsNextRefresh() {
    RefreshTokenStore store = storeWithLoginsOf(3);
    RefreshTokenStore.Entry first = entry("looping");
    store.create(first);
    RefreshTokenStore.Entry other = entry("other", "bob");
    store.create(other);
    List<String> hashes = new ArrayList<>();
    assertInstanceOf(RefreshTokenStore.Rotated.class, store.rotate(first.hash(), NOW, successor(hashes)));
    assertInstanceOf(RefreshTokenStore.Rotated.class, store.rotate(hashes.get(0), NOW, successor(hashes)));
    assertInstanceOf(RefreshTokenStore.Invalid.class, store.rotate(hashes.get(1), NOW, successor(hashes)),
        "three tokens held: the login ends");
    assertEquals(2, hashes.size(), "no successor was made");
    for (String hash : List.of(first.hash(), hashes.get(0), hashes.get(1))) {
      assertInstanceOf(RefreshTokenStore.Invalid.class, store.rotate(hash, NOW, successor(hashes)), hash);
      assertEquals(Optional.empty(), store.familyOf(hash, NOW));
    }
    assertInstanceOf(RefreshTokenStore.Rotated.class, store.rotate(other.hash(), NOW, successor(hashes)),
        "another login goes on");
  }

  @Test
  void unknownAndExpiredTokensAreInvalid() {
    RefreshTokenStore store = store();
    RefreshTokenStore.Entry first = entry("f3");
    store.create(first);
    assertInstanceOf(RefreshTokenStore.Invalid.class, store.rotate("unknown", NOW, successor(new ArrayList<>())));
    assertInstanceOf(RefreshTokenStore.Invalid.class,
        store.rotate(first.hash(), first.expiresAt(), successor(new ArrayList<>())), "expired at its expiry");
    assertEquals(Optional.empty(), store.familyOf(first.hash(), first.expiresAt()));
  }

  @Test
  void logoutRevokesTheFamily() {
    RefreshTokenStore store = store();
    RefreshTokenStore.Entry first = entry("f4");
    store.create(first);
    store.revokeFamily(store.familyOf(first.hash(), NOW).orElseThrow());
    RefreshTokenStore.Reused reused = assertInstanceOf(RefreshTokenStore.Reused.class,
        store.rotate(first.hash(), NOW, successor(new ArrayList<>())));
    assertEquals(false, reused.spent(), "a token kept after a logout was never rotated: no sign of theft");
  }

  @Test
  void revokingASubjectRevokesEveryLoginOfItAndNoOther() {
    RefreshTokenStore store = store();
    RefreshTokenStore.Entry phone = entry("f7", "carol");
    RefreshTokenStore.Entry laptop = entry("f8", "carol");
    RefreshTokenStore.Entry other = entry("f9", "dave");
    List.of(phone, laptop, other).forEach(store::create);
    List<String> hashes = new ArrayList<>();
    assertInstanceOf(RefreshTokenStore.Rotated.class, store.rotate(phone.hash(), NOW, successor(hashes)));
    store.revokeSubject("carol");
    RefreshTokenStore.Reused current = assertInstanceOf(RefreshTokenStore.Reused.class,
        store.rotate(hashes.get(0), NOW, successor(hashes)), "the phone's current token");
    assertEquals(false, current.spent());
    assertInstanceOf(RefreshTokenStore.Reused.class, store.rotate(laptop.hash(), NOW, successor(hashes)));
    assertEquals(Optional.empty(), store.familyOf(laptop.hash(), NOW));
    assertEquals(Optional.of("f9"), store.familyOf(other.hash(), NOW), "another subject is untouched");
    assertInstanceOf(RefreshTokenStore.Rotated.class, store.rotate(other.hash(), NOW, successor(hashes)));
    store.revokeSubject("nobody");
    RefreshTokenStore.Entry later = entry("f10", "carol");
    store.create(later);
    assertEquals(Optional.of("f10"), store.familyOf(later.hash(), NOW), "a later login of the subject is active");
  }

  /**
   * A subject is the user's name exactly as the retriever knows it: one that differs in case, an accent or a trailing
   * space is another user, whose logins a revocation leaves alone. A table compared as MySQL and MariaDB compare text
   * by default revoked them too.
   */
  @Test
  void revokingASubjectLeavesSubjectsThatDifferInCaseAccentOrSpace() {
    RefreshTokenStore store = store();
    RefreshTokenStore.Entry zoe = entry("z0", "zoe");
    List<RefreshTokenStore.Entry> others = List.of(entry("z1", "Zoe"), entry("z2", "zo\u00eb"), entry("z3", "zoe "),
        entry("z4", "ZOE"));
    store.create(zoe);
    others.forEach(store::create);
    store.revokeSubject("zoe");
    assertEquals(Optional.empty(), store.familyOf(zoe.hash(), NOW));
    for (RefreshTokenStore.Entry other : others) {
      assertEquals(Optional.of(other.family()), store.familyOf(other.hash(), NOW), "'" + other.subject() + "'");
    }
  }

  @Test
  void ofConcurrentRefreshesWithOneTokenExactlyOneSucceedsAndTheRaceRevokesTheFamily() throws Exception {
    RefreshTokenStore store = store();
    RefreshTokenStore.Entry first = entry("f5");
    store.create(first);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<String> hashes = java.util.Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<RefreshTokenStore.Rotation>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<RefreshTokenStore.Rotation> task = () -> {
          start.await();
          return store.rotate(first.hash(), NOW, successor(hashes));
        };
        results.add(pool.submit(task));
      }
      start.countDown();
      int rotated = 0;
      int reused = 0;
      for (Future<RefreshTokenStore.Rotation> f : results) {
        RefreshTokenStore.Rotation r = f.get();
        rotated += r instanceof RefreshTokenStore.Rotated ? 1 : 0;
        reused += r instanceof RefreshTokenStore.Reused ? 1 : 0;
      }
      assertEquals(1, rotated, "exactly one refresh wins");
      assertEquals(threads - 1, reused, "the others see a spent token");
      assertEquals(1, hashes.size(), "only the winner stored a successor");
      assertTrue(store.familyOf(hashes.get(0), NOW).isEmpty(), "the race revoked the family, the winner's too");
    } finally {
      pool.shutdownNow();
    }
  }
}
