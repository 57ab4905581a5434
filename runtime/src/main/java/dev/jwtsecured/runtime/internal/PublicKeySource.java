package dev.jwtsecured.runtime.internal;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
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

  /** Reads a PEM SubjectPublicKeyInfo public key: RSA, EC or Ed25519. */
  public static PublicKey parsePem(String pem) {
    String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
        .replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("jwtsecured: the public key is not PEM (-----BEGIN PUBLIC KEY-----)");
    }
    for (String type : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
      } catch (java.security.GeneralSecurityException e) {
        // try the next type
      }
    }
    throw new IllegalStateException("jwtsecured: the public key is neither an RSA, an EC nor an Ed25519 key");
  }

  @Override
  public Optional<JwksKeySet.Key> key(String kid) {
    return Optional.of(key);
  }

  @Override
  public long generation() {
    return 0;
  }
}
