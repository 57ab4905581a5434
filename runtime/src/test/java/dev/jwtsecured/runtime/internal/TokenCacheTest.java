package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.Token;
import dev.jwtsecured.runtime.JwtSettings;
import dev.jwtsecured.runtime.AuthFailure;
import dev.jwtsecured.runtime.MovableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.JwtSecured;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The verified-token cache: what a hit still checks, what never gets in, and its bound. */
class TokenCacheTest {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");


  static TokenCodec codec(Clock clock, int cacheSize) {
    return new TokenCodec(JwtSettings.builder().secret(TokenCodecTest.SECRET).clock(clock).cacheSize(cacheSize)
        .build());
  }

  static String issue(TokenCodec codec, String subject, Instant iat, long lifetimeSeconds) {
    return codec.issue(Token.builder().subject(subject).issuedAt(iat).expiresAt(iat.plusSeconds(lifetimeSeconds))
        .build());
  }

  @Test
  void aTokenIsCachedOnItsSecondVerificationAndThenHits() {
    TokenCodec codec = codec(new MovableClock(START), 100);
    String jwt = issue(codec, "alice", START, 60);
    codec.verify(jwt);
    assertEquals(0, codec.cachedTokens(), "a token seen once is not cached");
    Token second = codec.verify(jwt);
    assertEquals(1, codec.cachedTokens());
    assertSame(second, codec.verify(jwt));
  }

  @Test
  void tokensUsedOnceNeverEvictATokenInUse() {
    TokenCodec codec = codec(new MovableClock(START), 100);
    String hot = issue(codec, "alice", START, 60);
    codec.verify(hot);
    Token cached = codec.verify(hot);
    for (int i = 0; i < 5_000; i++) {
      codec.verify(issue(codec, "once-" + i, START, 60));
    }
    assertSame(cached, codec.verify(hot), "the hot token is still a hit");
    assertTrue(codec.cachedTokens() <= 100);
  }

  @Test
  void aCachedTokenStillExpiresOnTime() {
    MovableClock clock = new MovableClock(START);
    TokenCodec codec = codec(clock, 100);
    String jwt = issue(codec, "alice", START, 60);
    codec.verify(jwt);
    codec.verify(jwt);
    assertEquals(1, codec.cachedTokens());
    clock.advance(Duration.ofSeconds(59));
    assertEquals("alice", codec.verify(jwt).subject());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(AuthFailure.EXPIRED, assertThrows(AuthException.class, () -> codec.verify(jwt)).failure());
    assertEquals(0, codec.cachedTokens(), "an expired token leaves the cache");
    assertEquals(AuthFailure.EXPIRED, assertThrows(AuthException.class, () -> codec.verify(jwt)).failure());
  }

  @Test
  void leewayAppliesToCachedTokensToo() {
    MovableClock clock = new MovableClock(START);
    TokenCodec codec = new TokenCodec(JwtSettings.builder().secret(TokenCodecTest.SECRET).clock(clock)
        .leeway(Duration.ofSeconds(5)).build());
    String jwt = issue(codec, "alice", START, 60);
    codec.verify(jwt);
    codec.verify(jwt);
    clock.advance(Duration.ofSeconds(64));
    codec.verify(jwt);
    clock.advance(Duration.ofSeconds(1));
    assertThrows(AuthException.class, () -> codec.verify(jwt));
  }

  /**
   * A hit answers as a fresh verification would: a token whose {@code nbf} has passed stays accepted, and a clock set
   * back before it (as a time service may step it) finds it not yet valid, the leeway counted as on first sight.
   */
  @Test
  void aCachedTokenWithNotBeforeAnswersAsAFreshVerification() {
    MovableClock clock = new MovableClock(START);
    TokenCodec codec = new TokenCodec(JwtSettings.builder().secret(TokenCodecTest.SECRET).clock(clock)
        .leeway(Duration.ofSeconds(5)).build());
    String jwt = codec.issue(Token.builder().subject("alice").issuedAt(START.minusSeconds(30)).notBefore(START)
        .expiresAt(START.plusSeconds(60)).build());
    codec.verify(jwt);
    codec.verify(jwt);
    assertEquals(1, codec.cachedTokens());
    assertEquals("alice", codec.verify(jwt).subject(), "a hit after nbf");
    clock.advance(Duration.ofSeconds(-5));
    assertEquals("alice", codec.verify(jwt).subject(), "nbf five seconds ahead: within the leeway");
    clock.advance(Duration.ofSeconds(-1));
    assertEquals(AuthFailure.NOT_YET_VALID, assertThrows(AuthException.class, () -> codec.verify(jwt)).failure());
  }

  /** With the cache off every verification reads the token again, and answers it as a cached one would. */
  @Test
  void withTheCacheOffEveryVerificationReturnsTheToken() {
    MovableClock clock = new MovableClock(START);
    TokenCodec codec = codec(clock, 0);
    String jwt = issue(codec, "alice", START, 60);
    for (int i = 0; i < 3; i++) {
      assertEquals("alice", codec.verify(jwt).subject());
    }
    assertEquals(0, codec.cachedTokens());
    clock.advance(Duration.ofSeconds(60));
    assertEquals(AuthFailure.EXPIRED, assertThrows(AuthException.class, () -> codec.verify(jwt)).failure());
  }

  @Test
  void rejectedTokensAreNeverCached() {
    TokenCodec codec = codec(new MovableClock(START), 100);
    String jwt = issue(codec, "alice", START, 60);
    for (int i = 0; i < 3; i++) {
      assertThrows(AuthException.class, () -> codec.verify(jwt + "="));
      assertThrows(AuthException.class, () -> codec.verify(KeySetVerifierTest.tampered(jwt)));
    }
    assertEquals(0, codec.cachedTokens());
  }

  @Test
  void aTamperedVariantOfACachedTokenIsNoHit() {
    TokenCodec codec = codec(new MovableClock(START), 100);
    String jwt = issue(codec, "alice", START, 60);
    codec.verify(jwt);
    codec.verify(jwt);
    assertEquals(AuthFailure.MALFORMED_TOKEN,
        assertThrows(AuthException.class, () -> codec.verify(jwt + "=")).failure());
    assertEquals(1, codec.cachedTokens());
  }

  @Test
  void aFloodOfDistinctValidTokensKeepsTheCacheAtItsBound() {
    TokenCodec codec = codec(new MovableClock(START), 1000);
    for (int i = 0; i < 20_000; i++) {
      String jwt = issue(codec, "user-" + i, START, 60);
      codec.verify(jwt);
      codec.verify(jwt); // a second use: admitted
      assertTrue(codec.cachedTokens() <= 1000, "over the bound after " + i);
    }
    assertEquals(1000, codec.cachedTokens());
  }

  @Test
  void boundsThatDoNotDivideEvenlyAreKeptExactly() {
    for (int bound : new int[] {1, 7, 33, 1001}) {
      TokenCache cache = new TokenCache(bound);
      Token t = Token.builder().subject("s").issuedAt(START).expiresAt(START.plusSeconds(9)).build();
      for (int i = 0; i < bound * 50; i++) {
        cache.put("jwt-" + i, t);
      }
      assertTrue(cache.size() <= bound, bound + " -> " + cache.size());
      assertTrue(cache.size() > bound * 3 / 4, bound + " -> " + cache.size() + ": the bound is badly used");
    }
  }

  @Test
  void theCapacityIsExactlyTheConfiguredBound() {
    for (int bound = 1; bound <= 300; bound++) {
      assertEquals(bound, new TokenCache(bound).capacity(), "bound " + bound);
    }
    for (int bound : new int[] {1000, 1023, 1024, 1025, 10_000, 12_345, 1_000_000}) {
      assertEquals(bound, new TokenCache(bound).capacity(), "bound " + bound);
    }
  }

  @Test
  void aTokenInUseSurvivesAFloodOfAdmittedTokens() {
    TokenCache cache = new TokenCache(64);
    Token hot = token("hot");
    cache.put("hot-jwt", hot);
    for (int i = 0; i < 20_000; i++) {
      cache.put("flood-" + i, token("flood-" + i));
      assertSame(hot, cache.get("hot-jwt"), "evicted after " + i + " admissions");
    }
    assertEquals(64, cache.size());
  }

  @Test
  void tokensWithTheSameHashAreKeptApart() {
    // "Aa" and "BB" have the same String.hashCode, and so does every pair built from them with the same suffix.
    String a = "Aa.payload.signature";
    String b = "BB.payload.signature";
    assertEquals(a.hashCode(), b.hashCode());
    TokenCache cache = new TokenCache(16);
    Token ta = token("a");
    cache.put(a, ta);
    assertNull(cache.get(b), "same hash, other text: a miss");
    Token tb = token("b");
    cache.put(b, tb);
    assertSame(ta, cache.get(a));
    assertSame(tb, cache.get(b));
    cache.remove(a);
    assertNull(cache.get(a));
    assertSame(tb, cache.get(b));
  }

  @Test
  void aTokenPutTwiceTakesOneEntry() {
    TokenCache cache = new TokenCache(16);
    cache.put("jwt", token("first"));
    Token second = token("second");
    cache.put("jwt", second);
    assertEquals(1, cache.size());
    assertSame(second, cache.get("jwt"));
  }

  /**
   * Lookups take no lock, so readers race with admissions and removals in the same sets. Whatever they see, a
   * lookup returns the token stored for exactly that text, or nothing.
   */
  @Test
  void concurrentReadersNeverSeeAnotherTokensEntry() throws Exception {
    TokenCache cache = new TokenCache(32); // a few small sets: constant eviction under the writers
    int keys = 400;
    String[] jwts = new String[keys];
    Token[] tokens = new Token[keys];
    for (int i = 0; i < keys; i++) {
      jwts[i] = "jwt-" + i;
      tokens[i] = token("subject-" + i);
    }
    AtomicReference<String> wrong = new AtomicReference<>();
    AtomicLong hits = new AtomicLong();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      int seed = t;
      threads[t] = new Thread(() -> {
        SplittableRandom random = new SplittableRandom(seed);
        long found = 0;
        for (int n = 0; n < 400_000; n++) {
          int k = random.nextInt(keys);
          int op = random.nextInt(10);
          if (op < 7) {
            Token got = cache.get(jwts[k]);
            if (got != null) {
              found++;
              if (got != tokens[k]) {
                wrong.compareAndSet(null, jwts[k] + " returned " + got.subject());
              }
            }
          } else if (op < 9) {
            cache.put(jwts[k], tokens[k]);
          } else {
            cache.remove(jwts[k]);
          }
        }
        hits.addAndGet(found);
      });
    }
    for (Thread thread : threads) {
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertNull(wrong.get());
    assertTrue(hits.get() > 0, "the readers never hit, so the race was not exercised");
    assertTrue(cache.size() <= 32);
  }

  private static Token token(String subject) {
    return Token.builder().subject(subject).issuedAt(START).expiresAt(START.plusSeconds(60)).build();
  }

  @Test
  void cacheSizesOutsideTheRangeAreRefused() {
    JwtSettings.Builder b = JwtSettings.builder().secret(TokenCodecTest.SECRET);
    assertEquals(JwtSecured.MAX_CACHE_SIZE, b.cacheSize(1_000_000).build().cacheSize());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.cacheSize(1_000_001).build());
    assertEquals("cacheSize must be between 0 (off) and 1000000, not 1000001", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.cacheSize(-1).build());
  }

  @Test
  void cacheSizeZeroTurnsItOff() {
    TokenCodec codec = codec(new MovableClock(START), 0);
    String jwt = issue(codec, "alice", START, 60);
    codec.verify(jwt);
    codec.verify(jwt);
    assertEquals(0, codec.cachedTokens());
  }
}
