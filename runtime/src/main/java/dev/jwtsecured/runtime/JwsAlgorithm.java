package dev.jwtsecured.runtime;


/** The JWS algorithms jwtsecured signs and verifies with: HMAC with SHA-2 (RFC 7518 section 3.2). */
public enum JwsAlgorithm {
  HS256("HmacSHA256", 32),
  HS384("HmacSHA384", 48),
  HS512("HmacSHA512", 64);

  private final String jcaName;
  private final int minimumSecretBytes;

  JwsAlgorithm(String jcaName, int minimumSecretBytes) {
    this.jcaName = jcaName;
    this.minimumSecretBytes = minimumSecretBytes;
  }

  /** The secret must have at least as many bytes as the hash output. */
  public int minimumSecretBytes() {
    return minimumSecretBytes;
  }

  /** The JCA name of the MAC ({@code HmacSHA256}, ...). */
  public String jcaName() {
    return jcaName;
  }
}
