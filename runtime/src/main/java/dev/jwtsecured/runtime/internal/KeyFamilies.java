package dev.jwtsecured.runtime.internal;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which public keys each algorithm of {@code keyAlgorithms} verifies with: an RSA key of at least 2048 bits for
 * {@code RS*} and {@code PS*}, the algorithm's curve for {@code ES*}, an Edwards key for {@code EdDSA}. One definition
 * for {@link KeySetVerifier}, the settings' check of a {@code publicKey} at start-up, and the processor's check of one
 * written in the source (which carries this class).
 */
public final class KeyFamilies {
  private static final Map<String, Family> FAMILIES = Map.of(
      "RS256", Family.RSA, "RS384", Family.RSA, "RS512", Family.RSA,
      "PS256", Family.RSA, "PS384", Family.RSA, "PS512", Family.RSA,
      "ES256", Family.EC256, "ES384", Family.EC384, "ES512", Family.EC521,
      "EdDSA", Family.EDWARDS);

  /** The key types an algorithm may use. */
  private enum Family {
    RSA, EC256, EC384, EC521, EDWARDS;

    boolean fits(PublicKey key) {
      return switch (this) {
        case RSA -> key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= 2048;
        case EC256 -> curveSize(key) == 256;
        case EC384 -> curveSize(key) == 384;
        case EC521 -> curveSize(key) == 521;
        case EDWARDS -> key instanceof EdECPublicKey;
      };
    }
  }

  private KeyFamilies() {}

  /** The algorithms of {@code keyAlgorithms}, sorted, for messages. */
  public static String names() {
    return String.join(", ", new TreeSet<>(FAMILIES.keySet()));
  }

  /** Whether {@code algorithm} is one of {@code keyAlgorithms}'s. */
  public static boolean known(String algorithm) {
    return FAMILIES.containsKey(algorithm);
  }

  /** Whether {@code algorithm}, one of {@code keyAlgorithms}'s, verifies with {@code key}. */
  public static boolean fits(String algorithm, PublicKey key) {
    Family family = FAMILIES.get(algorithm);
    return family != null && family.fits(key);
  }

  /**
   * What is wrong with verifying with {@code key} under {@code algorithms}, as the end of a sentence about the key
   * ("is an EC key on P-256, which none of keyAlgorithms [RS256] verifies with: add ES256"); {@code null} when one of
   * them fits it.
   */
  public static String misfit(PublicKey key, Collection<String> algorithms) {
    if (algorithms.stream().anyMatch(a -> fits(a, key))) {
      return null;
    }
    String fix;
    String what;
    if (key instanceof RSAPublicKey rsa) {
      int bits = rsa.getModulus().bitLength();
      what = "an RSA key of " + bits + " bits";
      fix = bits < 2048 ? "RS256, PS256 and the others need an RSA key of at least 2048 bits"
          : "add the one the issuer signs with, RS256 or PS256 (or RS384, RS512, PS384, PS512)";
    } else if (key instanceof ECPublicKey) {
      int size = curveSize(key);
      what = "an EC key on P-" + size;
      fix = size == 256 ? "add ES256" : size == 384 ? "add ES384" : size == 521 ? "add ES512"
          : "ES256, ES384 and ES512 need P-256, P-384 or P-521";
    } else if (key instanceof EdECPublicKey) {
      what = "an Ed25519 key";
      fix = "add EdDSA";
    } else {
      what = "a " + key.getAlgorithm() + " key";
      fix = "use an RSA, EC or Ed25519 key";
    }
    return "is " + what + ", which none of keyAlgorithms " + algorithms + " verifies with: " + fix;
  }

  private static int curveSize(PublicKey key) {
    return key instanceof ECPublicKey ec ? ec.getParams().getCurve().getField().getFieldSize() : 0;
  }
}
