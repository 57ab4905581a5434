package dev.jwtsecured.runtime;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.MacAlgorithm;

/** The JWS algorithms jwtsecured signs and verifies with: HMAC with SHA-2 (RFC 7518 section 3.2). */
public enum JwsAlgorithm {
  HS256(Jwts.SIG.HS256, "HmacSHA256", 32),
  HS384(Jwts.SIG.HS384, "HmacSHA384", 48),
  HS512(Jwts.SIG.HS512, "HmacSHA512", 64);

  private final MacAlgorithm jjwt;
  private final String jcaName;
  private final int minimumSecretBytes;

  JwsAlgorithm(MacAlgorithm jjwt, String jcaName, int minimumSecretBytes) {
    this.jjwt = jjwt;
    this.jcaName = jcaName;
    this.minimumSecretBytes = minimumSecretBytes;
  }

  /** The secret must have at least as many bytes as the hash output. */
  public int minimumSecretBytes() {
    return minimumSecretBytes;
  }

  MacAlgorithm jjwt() {
    return jjwt;
  }

  String jcaName() {
    return jcaName;
  }
}
