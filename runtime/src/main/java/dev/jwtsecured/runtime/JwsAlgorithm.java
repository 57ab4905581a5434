package dev.jwtsecured.runtime;

/** The JWS algorithms jwtsecured signs and verifies with: HMAC with SHA-2 (RFC 7518 section 3.2). */
public enum JwsAlgorithm {
  HS256(256),
  HS384(384),
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
