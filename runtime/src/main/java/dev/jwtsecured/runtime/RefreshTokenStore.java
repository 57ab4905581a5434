package dev.jwtsecured.runtime;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where refresh tokens live (RFC 6749 section 6, with the rotation and reuse detection of RFC 9700 section 4.14): only
 * a hash of each token, with its family (every token descended from one login), subject, the roles, scopes and extras
 * of the login, and expiry.
 *
 * <p>Implementations: {@link InMemoryRefreshTokenStore} (one process only) and {@link JdbcRefreshTokenStore} (a
 * database that several instances share). Each method is atomic: of two rotations of one token, exactly one
 * succeeds.
 *
 * <p>The generated token endpoint uses the configuration's store when {@code refreshExpiration} is set: a password
 * grant creates a family, each {@code refresh_token} grant rotates, a logout revokes the family. Implement this
 * interface for another shared store; {@code RefreshTokenStoreContract} in the project's tests states what each method
 * must do.
 */
public interface RefreshTokenStore {
  /**
   * A stored refresh token: a SHA-256 of its configuration's class name and its value (base64url), its family, and
   * what the access tokens it buys carry: subject, roles, the scopes originally granted (a refresh may only narrow
   * them) and extras; and its expiry.
   */
  record Entry(String hash, String family, String subject, Set<String> roles, Set<String> scopes,
      Map<String, Object> extras, Instant expiresAt) {
    /** Copies the collections. */
    public Entry {
      roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
      scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
      extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** Names the family and subject only: the hash is a credential's fingerprint, the extras the application's. */
    @Override
    public String toString() {
      return "Entry{family=" + family + ", sub=" + subject + ", exp=" + expiresAt + "}";
    }
  }

  /** What presenting a refresh token did. */
  sealed interface Rotation {}

  /** The token was active: it is now spent, {@code next} took its place in the family. */
  record Rotated(Entry previous) implements Rotation {}

  /**
   * The token was already spent, or its family revoked: the whole family is revoked now. A spent token presented again
   * is a sign that it was stolen (RFC 9700 section 4.14); a race of two refreshes with one token ends here for all but
   * one of them.
   *
   * @param presented the stored entry of the token presented
   * @param spent whether the token had been rotated before (the sign of theft); {@code false} when only its family
   *     had been revoked (a logout, a revoked subject, an earlier reuse), as when a client presents a token it still
   *     holds after a logout
   */
  record Reused(Entry presented, boolean spent) implements Rotation {
    /** The family now revoked. */
    public String family() {
      return presented.family();
    }
  }

  /** Unknown or expired. */
  record Invalid() implements Rotation {}

  /** Stores the first token of a new family (a login). */
  void create(Entry entry);

  /**
   * If {@code presentedHash} is active (not spent, not revoked, not expired at {@code now}), marks it spent and stores
   * {@code next} (same family) in one atomic step, and returns {@link Rotated}; if it was spent or revoked, revokes its
   * family and returns {@link Reused}; otherwise {@link Invalid}. {@code next} is built from the presented entry by
   * {@code successor}, which sees the stored entry. When {@code successor} throws, nothing changes: the presented
   * token stays active and the exception reaches the caller (the token endpoint refuses a wider scope this way).
   *
   * <p>A store bounds the tokens one login holds: a refresh costs no password check, so a client refreshing in a loop
   * would otherwise fill it. When an active token's family already holds the bound, the login ends: its tokens are
   * removed, no successor is made, and the answer is {@link Invalid} (not {@link Reused}: nothing was stolen).
   */
  Rotation rotate(String presentedHash, Instant now, java.util.function.Function<Entry, Entry> successor);

  /** Revokes every token of {@code family} (logout, or reuse detected). */
  void revokeFamily(String family);

  /**
   * Revokes every token of every family of {@code subject}: all of a user's logins, as after a password change or
   * when the account is disabled or was taken over.
   */
  void revokeSubject(String subject);

  /** The family of an active token, for logout by the token itself; empty when unknown, spent or expired. */
  java.util.Optional<String> familyOf(String hash, Instant now);
}
