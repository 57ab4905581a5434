package dev.jwtsecured.runtime;

/**
 * The HMAC algorithms with SHA-2 (RFC 7518 section 3.2) that a configuration with a secret signs and verifies with. A
 * configuration with a private key signs with the key's algorithm; one with a JWKS or public key accepts its
 * {@link JwtSettings#keyAlgorithms()}.
 */
public enum JwsAlgorithm {
  /** HMAC with SHA-256; its secret has at least 32 bytes. */
  HS256(256),
  /** HMAC with SHA-384; its secret has at least 48 bytes. */
  HS384(384),
  /** HMAC with SHA-512; its secret has at least 64 bytes. */
  HS512(512);

  /** The SHA-2 variant's output size. */
  private final int bits;

  JwsAlgorithm(int bits) {
    this.bits = bits;
  }

  /** The secret must have at least as many bytes as the hash output. */
  public int minimumSecretBytes() {
    return bits / 8;
  }

  /** The JCA name of the MAC ({@code HmacSHA256}, ...). */
  public String jcaName() {
    return "HmacSHA" + bits;
  }
}
