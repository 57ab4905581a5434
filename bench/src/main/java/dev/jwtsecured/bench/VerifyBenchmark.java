package dev.jwtsecured.bench;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.jwtsecured.runtime.Token;
import dev.jwtsecured.runtime.internal.AuthException;
import dev.jwtsecured.runtime.internal.TokenCodec;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verifying one HS256 token (about 190 characters): jwtsecured's codec with a cache hit, a cache miss (distinct tokens
 * through a cache too small to keep them, so every lookup misses, and the doorkeeper admits a token whose hash it still
 * remembers from the previous round: a fifth of them, each evicting an entry) and no cache (the same token, and the
 * distinct tokens); plain jjwt with the same key (the same token, and the distinct tokens); auth0 java-jwt;
 * nimbus-jose-jwt; and the floor, one HMAC-SHA256 over the signing input plus base64url decoding of the signature and
 * a constant-time comparison. Every variant returns what it parsed, so the JIT cannot drop the work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
// Three forks: the JIT compiles jjwt's parser differently from one JVM to the next (single forks of the same benchmark
// measured from 6.0 to 8.6 us on this machine), and the targets here are ratios between benchmarks.
@Fork(3)
public class VerifyBenchmark {
  /** More distinct tokens than the miss cache holds, visited in turn: every lookup misses. */
  private static final int MISS_TOKENS = 50_000;

  private String token;
  private TokenCodec cached;
  private TokenCodec uncached;
  private TokenCodec missCache;
  private String[] missTokens;
  private int next;
  private int nextJjwt;
  private int nextNoCache;
  private JwtParser jjwt;
  private JWTVerifier auth0;
  private MACVerifier nimbus;
  private Mac mac;
  private byte[] signingInput;
  private String signature;
  /** Valid header and payload, the signature's first characters altered: what a flood of forged tokens sends. */
  private String forged;

  @Setup
  public void setUp() throws Exception {
    token = Tokens.token();
    cached = new TokenCodec(Tokens.settings().build());
    cached.verify(token);
    cached.verify(token); // a token is cached from its second use
    uncached = new TokenCodec(Tokens.settings().cacheSize(0).build());
    missCache = new TokenCodec(Tokens.settings().cacheSize(10_000).build());
    missTokens = new String[MISS_TOKENS];
    for (int i = 0; i < MISS_TOKENS; i++) {
      missTokens[i] = Tokens.token(uncached, "user-" + i);
    }
    jjwt = Jwts.parser().verifyWith(Keys.hmacShaKeyFor(Tokens.KEY)).build();
    auth0 = JWT.require(Algorithm.HMAC256(Tokens.KEY)).build();
    nimbus = new MACVerifier(Tokens.KEY);
    mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Tokens.KEY, "HmacSHA256"));
    int lastDot = token.lastIndexOf('.');
    signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
    signature = token.substring(lastDot + 1);
    char c = token.charAt(lastDot + 1);
    forged = token.substring(0, lastDot + 1) + (c == 'A' ? 'B' : 'A') + token.substring(lastDot + 2);
  }

  /** A forged token refused: the MAC check over the signing input, before any JSON. Compare with the floor. */
  @Benchmark
  public Object jwtsecuredForgedToken() {
    try {
      return uncached.verify(forged);
    } catch (AuthException refused) {
      return refused;
    }
  }

  @Benchmark
  public Token jwtsecuredCacheHit() {
    return cached.verify(token);
  }

  @Benchmark
  public Token jwtsecuredCacheMiss() {
    String t = missTokens[next];
    next = following(next);
    return missCache.verify(t);
  }

  /** Plain jjwt over the same stream of distinct tokens as {@link #jwtsecuredCacheMiss}: the fair peer of a miss. */
  @Benchmark
  public Claims jjwtDistinctTokens() {
    String t = missTokens[nextJjwt];
    nextJjwt = following(nextJjwt);
    return jjwt.parseSignedClaims(t).getPayload();
  }

  /** The codec without a cache over the same stream of distinct tokens: what a miss costs beyond the cache. */
  @Benchmark
  public Token jwtsecuredNoCacheDistinctTokens() {
    String t = missTokens[nextNoCache];
    nextNoCache = following(nextNoCache);
    return uncached.verify(t);
  }

  /** The index after {@code i} in {@link #missTokens}, round and round. */
  private static int following(int i) {
    return i + 1 == MISS_TOKENS ? 0 : i + 1;
  }

  @Benchmark
  public Token jwtsecuredNoCache() {
    return uncached.verify(token);
  }

  @Benchmark
  public Claims jjwt() {
    return jjwt.parseSignedClaims(token).getPayload();
  }

  @Benchmark
  public Object auth0() {
    return auth0.verify(token).getSubject();
  }

  @Benchmark
  public JWTClaimsSet nimbus() throws Exception {
    SignedJWT jwt = SignedJWT.parse(token);
    if (!jwt.verify(nimbus)) {
      throw new IllegalStateException("bad signature");
    }
    return jwt.getJWTClaimsSet();
  }

  @Benchmark
  public boolean floorHmacSha256() {
    byte[] expected = Base64.getUrlDecoder().decode(signature);
    return MessageDigest.isEqual(expected, mac.doFinal(signingInput));
  }
}
