package dev.jwtsecured.runtime;

import java.time.Instant;
import java.util.Set;

/**
 * Where refresh tokens live (RFC 6749 section 6, with the rotation and reuse detection of RFC 9700 section 4.14): only
 * a hash of each token, with its family (every token descended from one login), subject, scopes and expiry.
 *
 * <p>Implementations: {@link InMemoryRefreshTokenStore} (one process only) and {@link JdbcRefreshTokenStore} (a
 * database that several instances share). Each method is atomic: of two rotations of one token, exactly one
 * succeeds.
 *
 * <p>The generated token endpoint does not use a store yet (no {@code refresh_token} grant so far); the store and its
 * contract are in place and tested for that step.
 */
public interface RefreshTokenStore {
  /** A stored refresh token: the SHA-256 of its value (base64url), its family, subject, scopes and expiry. */
  record Entry(String hash, String family, String subject, Set<String> scopes, Instant expiresAt) {
    public Entry {
      scopes = Set.copyOf(scopes);
    }
  }

  /** What presenting a refresh token did. */
  sealed interface Rotation {}

  /** The token was active: it is now spent, {@code next} took its place in the family. */
  record Rotated(Entry previous) implements Rotation {}

  /**
   * The token was already spent (or its family revoked): a sign that it was stolen, so the whole family is revoked
   * now. A race of two refreshes with one token ends here for all but one of them.
   */
  record Reused(String family) implements Rotation {}

  /** Unknown or expired. */
  record Invalid() implements Rotation {}

  /** Stores the first token of a new family (a login). */
  void create(Entry entry);

  /**
   * If {@code presentedHash} is active (not spent, not revoked, not expired at {@code now}), marks it spent and stores
   * {@code next} (same family) in one atomic step, and returns {@link Rotated}; if it was spent or revoked, revokes its
   * family and returns {@link Reused}; otherwise {@link Invalid}. {@code next} is built from the presented entry by
   * {@code successor}, which sees the stored subject, scopes and family.
   */
  Rotation rotate(String presentedHash, Instant now, java.util.function.Function<Entry, Entry> successor);

  /** Revokes every token of {@code family} (logout, or reuse detected). */
  void revokeFamily(String family);

  /** The family of an active token, for logout by the token itself; empty when unknown, spent or expired. */
  java.util.Optional<String> familyOf(String hash, Instant now);
}
