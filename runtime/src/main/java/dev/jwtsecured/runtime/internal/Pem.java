package dev.jwtsecured.runtime.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads PEM keys: PKCS#8 private keys and SubjectPublicKeyInfo public keys, of the key types jwtsecured signs with. */
final class Pem {
  /** The key types tried in order; the JDK's factories tell them apart by their encoding. */
  private static final List<String> TYPES = List.of("EC", "RSA", "Ed25519");

  private Pem() {}

  /**
   * {@code text} with each {@code \n} (a backslash and an {@code n}, and {@code \r\n}) a line break: a PEM key put
   * into an environment variable through an env file or a secret store often arrives so, and neither character is
   * base64, so nothing else can be meant.
   */
  private static String lines(String text) {
    return text.replace("\\r\\n", "\n").replace("\\n", "\n");
  }

  /** A {@code -----BEGIN PRIVATE KEY-----} block, EC, RSA or Ed25519. */
  static PrivateKey privateKey(String pem) {
    byte[] der = der(pem, "PRIVATE KEY");
    return (PrivateKey) first(type -> KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der)),
        "private");
  }

  /** A {@code -----BEGIN PUBLIC KEY-----} block, EC, RSA or Ed25519. */
  static PublicKey publicKey(String pem) {
    byte[] der = der(pem, "PUBLIC KEY");
    return (PublicKey) first(type -> KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der)),
        "public");
  }

  /** Every {@code -----BEGIN PUBLIC KEY-----} block of {@code text}; none for blank text. */
  static List<PublicKey> publicKeys(String text) {
    String begin = "-----BEGIN PUBLIC KEY-----";
    String end = "-----END PUBLIC KEY-----";
    List<PublicKey> keys = new ArrayList<>();
    String rest = lines(text).strip();
    while (!rest.isEmpty()) {
      int stop = rest.indexOf(end);
      if (!rest.startsWith(begin) || stop < 0) {
        throw new IllegalStateException("jwtsecured: the key is not PEM (-----BEGIN PUBLIC KEY-----)");
      }
      keys.add(publicKey(rest.substring(0, stop + end.length())));
      rest = rest.substring(stop + end.length()).strip();
    }
    return keys;
  }

  private interface Reader {
    java.security.Key read(String type) throws GeneralSecurityException;
  }

  private static java.security.Key first(Reader reader, String what) {
    for (String type : TYPES) {
      try {
        return reader.read(type);
      } catch (GeneralSecurityException e) {
        // not this type
      }
    }
    throw new IllegalStateException("jwtsecured: the " + what + " key is neither an EC, an RSA nor an Ed25519 key");
  }

  private static byte[] der(String pem, String label) {
    String base64 = lines(pem).replace("-----BEGIN " + label + "-----", "").replace("-----END " + label + "-----", "")
        .replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("jwtsecured: the key is not PEM (-----BEGIN " + label + "-----)");
    }
  }
}
