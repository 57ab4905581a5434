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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads PEM keys: PKCS#8 private keys and SubjectPublicKeyInfo public keys, of the key types jwtsecured signs with. */
public final class Pem {
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

  private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");

  private static final String PRIVATE_NOT_PUBLIC =
      "a private key, which stays with its issuer: openssl pkey -pubout -in <file> writes its public key";

  /**
   * For a PEM block of another form than expected, by the form expected and the form found: what it is and the
   * command that converts it.
   */
  private static final Map<String, String> OTHER_FORMS = Map.of(
      "PRIVATE KEY/EC PRIVATE KEY",
      "SEC 1 (openssl ecparam -genkey writes it): openssl pkcs8 -topk8 -nocrypt -in <file>",
      "PRIVATE KEY/RSA PRIVATE KEY", "PKCS #1: openssl pkcs8 -topk8 -nocrypt -in <file>",
      "PRIVATE KEY/ENCRYPTED PRIVATE KEY", "encrypted: openssl pkcs8 -in <file> writes it decrypted",
      "PRIVATE KEY/PUBLIC KEY", "a public key, where the private key is needed",
      "PUBLIC KEY/CERTIFICATE", "a certificate: openssl x509 -pubkey -noout -in <file> writes its public key",
      "PUBLIC KEY/RSA PUBLIC KEY", "PKCS #1: openssl rsa -RSAPublicKey_in -pubout -in <file>",
      "PUBLIC KEY/PRIVATE KEY", PRIVATE_NOT_PUBLIC,
      "PUBLIC KEY/EC PRIVATE KEY", PRIVATE_NOT_PUBLIC,
      "PUBLIC KEY/RSA PRIVATE KEY", PRIVATE_NOT_PUBLIC);

  /**
   * Refuses {@code text}, a configuration's {@code what}, when it holds a PEM block of a known other form than
   * {@code label} ({@code "PRIVATE KEY"} or {@code "PUBLIC KEY"}), naming the form and the command that converts it:
   * an EC key as {@code openssl ecparam -genkey} writes it, a certificate where its public key is meant, and the like.
   *
   * @throws IllegalStateException for such a block
   */
  public static void requireForm(String text, String label, String what) {
    Matcher block = BEGIN.matcher(lines(text));
    while (block.find()) {
      String hint = OTHER_FORMS.get(label + "/" + block.group(1));
      if (hint != null) {
        throw new IllegalStateException("jwtsecured: the " + what + (what.endsWith("keys") ? " are" : " is")
            + " a PEM " + block.group(1) + ", not a " + (label.equals("PRIVATE KEY") ? "PKCS #8 " : "")
            + "-----BEGIN " + label + "-----: " + hint);
      }
    }
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
