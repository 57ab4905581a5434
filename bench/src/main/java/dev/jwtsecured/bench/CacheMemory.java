package dev.jwtsecured.bench;

import dev.jwtsecured.runtime.JwtSettings;
import dev.jwtsecured.runtime.Token;
import dev.jwtsecured.runtime.internal.TokenCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the verified-token cache holds in memory for large tokens: 10,000 distinct tokens (the default
 * {@code cacheSize}), each with {@code groups} role ids of 36 characters (as an identity provider's group ids), each
 * verified three times so that it is admitted; then the heap growth after garbage collection, which counts the claims
 * the cache keeps but not the tokens' text (held by this program's list before and after). Usage: {@code java -cp
 * bench/target/benchmarks.jar dev.jwtsecured.bench.CacheMemory 200}.
 */
public final class CacheMemory {
  private CacheMemory() {}

  public static void main(String[] args) {
    int groups = Integer.parseInt(args[0]);
    TokenCodec codec = new TokenCodec(JwtSettings.builder()
        .secret("cache-memory-secret-cache-memory-secret-1234").maxTokenLength(65_536).build());
    List<String> tokens = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = 0; i < 10_000; i++) {
      Set<String> roles = new LinkedHashSet<>();
      for (int g = 0; g < groups; g++) {
        roles.add(new UUID(i * 1000L + g, g).toString());
      }
      tokens.add(codec.issue(Token.builder().subject("user-" + i).roles(roles).issuedAt(now)
          .expiresAt(now.plusSeconds(3600)).build()));
    }
    long before = usedHeap();
    for (String t : tokens) {
      for (int use = 0; use < 3; use++) {
        codec.verify(t);
      }
    }
    long grown = usedHeap() - before;
    System.out.printf(
        "%d groups, tokens of %d characters: %d cached, heap grew %.1f MB (%.1f KB a token, text apart)%n",
        groups, tokens.get(0).length(), codec.cachedTokens(), grown / 1e6, grown / 1e3 / codec.cachedTokens());
  }

  private static long usedHeap() {
    for (int i = 0; i < 5; i++) {
      System.gc();
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
