package dev.jwtsecured.sample.oauth2;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The demo users, {@code alice}/{@code wonderland} and {@code bob}/{@code builder}, held as salted PBKDF2-HMAC-SHA256
 * hashes and checked in constant time. An unknown user name costs the same hashing as a wrong password, so timing does
 * not tell which one it was.
 */
public final class DemoUsers {
  /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256 is 600,000; the demo uses less to start quickly. */
  static final int ITERATIONS = 210_000;

  private record Entry(DemoUser user, byte[] salt, byte[] hash) {}

  private final Map<String, Entry> users;
  private final byte[] dummySalt = salt();
  private final byte[] dummyHash;

  public DemoUsers() {
    this.users = Map.of(
        "alice", entry(new DemoUser("alice", List.of("user")), "wonderland"),
        "bob", entry(new DemoUser("bob", List.of("user", "admin")), "builder"));
    this.dummyHash = hash("not a password", dummySalt);
  }

  private static Entry entry(DemoUser user, String password) {
    byte[] salt = salt();
    return new Entry(user, salt, hash(password, salt));
  }

  private static byte[] salt() {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return salt;
  }

  private static byte[] hash(String password, byte[] salt) {
    try {
      KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
    }
  }

  /** The user, when {@code password} is theirs. */
  public Optional<DemoUser> check(String username, String password) {
    Entry entry = users.get(username);
    byte[] salt = entry == null ? dummySalt : entry.salt();
    byte[] expected = entry == null ? dummyHash : entry.hash();
    boolean matches = MessageDigest.isEqual(expected, hash(password, salt));
    return entry != null && matches ? Optional.of(entry.user()) : Optional.empty();
  }

  /** The user named {@code username}, without a password check (for tokens already verified). */
  public Optional<DemoUser> find(String username) {
    return Optional.ofNullable(users.get(username)).map(Entry::user);
  }

}
