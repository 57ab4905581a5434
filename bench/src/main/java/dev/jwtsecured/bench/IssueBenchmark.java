package dev.jwtsecured.bench;

import dev.jwtsecured.runtime.Token;
import dev.jwtsecured.runtime.internal.TokenCodec;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
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

/** Issuing the same token with jwtsecured's codec and with plain jjwt. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IssueBenchmark {
  private TokenCodec codec;
  private SecretKey key;
  private Token token;
  private Date iat;
  private Date exp;

  @Setup
  public void setUp() {
    codec = new TokenCodec(Tokens.settings().build());
    key = Keys.hmacShaKeyFor(Tokens.KEY);
    Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
    token = Token.builder().subject(Tokens.SUBJECT).issuedAt(now).expiresAt(now.plusSeconds(86_400))
        .id("7d8f0b1c-2f6e-4d7a-9a51-2b6c9e4f0a11").extras(Map.of()).build();
    iat = Date.from(now);
    exp = Date.from(now.plusSeconds(86_400));
  }

  @Benchmark
  public String jwtsecured() {
    return codec.issue(token);
  }

  @Benchmark
  public String jjwt() {
    return Jwts.builder().header().type("JWT").and().subject(Tokens.SUBJECT).issuedAt(iat).expiration(exp)
        .id("7d8f0b1c-2f6e-4d7a-9a51-2b6c9e4f0a11").claim("extras", Map.of()).signWith(key, Jwts.SIG.HS256)
        .compact();
  }
}
