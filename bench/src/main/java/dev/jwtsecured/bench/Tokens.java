package dev.jwtsecured.bench;

import dev.jwtsecured.runtime.JwtSettings;
import dev.jwtsecured.runtime.Token;
import dev.jwtsecured.runtime.internal.TokenCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The secret and the tokens every benchmark shares: HS256, a typical payload, about 190 characters. */
final class Tokens {
  static final String SECRET = "bench-secret-bench-secret-bench-secret-0123";
  static final byte[] KEY = SECRET.getBytes(StandardCharsets.UTF_8);
  static final String SUBJECT = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

  private Tokens() {}

  static JwtSettings.Builder settings() {
    return JwtSettings.builder().secret(SECRET);
  }

  /** A token for {@code subject} valid for a day, with a random {@code jti} and empty extras. */
  static String token(TokenCodec codec, String subject) {
    Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
    return codec.issue(Token.builder().subject(subject).issuedAt(now).expiresAt(now.plusSeconds(86_400))
        .id(UUID.randomUUID().toString()).extras(Map.of()).build());
  }

  static String token() {
    return token(new TokenCodec(settings().cacheSize(0).build()), SUBJECT);
  }

  /** A token like {@link #token()} whose {@code roles} claim holds {@code roles}. */
  static String tokenWithRoles(String... roles) {
    Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
    return new TokenCodec(settings().cacheSize(0).build()).issue(Token.builder().subject(SUBJECT).issuedAt(now)
        .expiresAt(now.plusSeconds(86_400)).id(UUID.randomUUID().toString()).roles(Set.of(roles)).extras(Map.of())
        .build());
  }
}
