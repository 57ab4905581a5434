package dev.jwtsecured.runtime.internal;

import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * One configured public key (PEM {@code -----BEGIN PUBLIC KEY-----}, RSA, EC or Ed25519), for tokens with or without a
 * {@code kid}: the issuer that publishes no JWKS. {@link KeySetVerifier} still uses it only with the algorithms of its
 * family.
 */
public final class PublicKeySource implements KeySource {
  private final JwksKeySet.Key key;

  public PublicKeySource(PublicKey key) {
    this.key = new JwksKeySet.Key("", key, Optional.empty());
  }

  /** Reads a PEM SubjectPublicKeyInfo public key ({@code -----BEGIN PUBLIC KEY-----}): RSA, EC or Ed25519. */
  public static PublicKey parsePem(String pem) {
    return Pem.publicKey(pem);
  }

  /**
   * Reads every PEM public key block of {@code text}, in order: none when it is blank. Anything but whitespace around
   * the blocks is refused.
   */
  public static List<PublicKey> parsePems(String text) {
    return Pem.publicKeys(text);
  }

  @Override
  public List<JwksKeySet.Key> keys(String kid) {
    return List.of(key);
  }

  @Override
  public long generation() {
    return 0;
  }
}
