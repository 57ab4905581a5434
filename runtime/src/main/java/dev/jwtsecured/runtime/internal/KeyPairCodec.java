package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.Token;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PrivateJwk;
import io.jsonwebtoken.security.PublicJwk;
import io.jsonwebtoken.security.SignatureAlgorithm;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Issues a configuration's tokens with its private key (ES256 for an EC P-256 key, RS256 for an RSA key of at least
 * 2048 bits), verifies them with the public key through {@link KeySetVerifier}, and publishes that key as a JWKS whose
 * {@code kid} is the key's RFC 7638 thumbprint, so that any number of services can verify the tokens without sharing a
 * secret.
 */
public final class KeyPairCodec implements KeySource {
  private final PrivateKey privateKey;
  private final SignatureAlgorithm algorithm;
  private final PublicJwk<?> publicJwk;
  private final JwksKeySet.Key key;
  private final String rolesClaim;
  private final KeySetVerifier verifier;

  /**
   * @param maxTokenLength the longest token accepted, in characters
   * @throws IllegalStateException when the key is neither EC P-256 nor RSA of at least 2048 bits
   */
  public KeyPairCodec(PrivateKey privateKey, ClaimRules rules, String rolesClaim, Clock clock, int cacheSize,
      int maxTokenLength) {
    this.privateKey = privateKey;
    if (privateKey instanceof ECPrivateKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
      this.algorithm = Jwts.SIG.ES256;
    } else if (privateKey instanceof RSAPrivateKey rsa && rsa.getModulus().bitLength() >= 2048) {
      this.algorithm = Jwts.SIG.RS256;
    } else {
      throw new IllegalStateException("jwtsecured: the private key must be EC P-256 (ES256) or RSA of at least 2048"
          + " bits (RS256)");
    }
    PrivateJwk<?, ?, ?> jwk = Jwks.builder().key(privateKey).idFromThumbprint().build();
    this.publicJwk = jwk.toPublicJwk();
    this.key = new JwksKeySet.Key(publicJwk.getId(), (PublicKey) publicJwk.toKey(), Optional.of(algorithm.getId()));
    this.rolesClaim = rolesClaim;
    this.verifier = new KeySetVerifier(this, Set.of(algorithm.getId()), rules, clock, cacheSize, maxTokenLength);
  }

  /** Reads a PEM PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}). */
  public static PrivateKey parsePem(String pem) {
    return Pem.privateKey(pem);
  }

  /** Signs {@code token}: header {@code kid} = the key's thumbprint, claims as {@link TokenCodec} writes them. */
  public String issue(Token token) {
    return TokenCodec.claims(token, rolesClaim).header().keyId(key.kid()).and()
        .signWith(privateKey, algorithm).compact();
  }

  /** Verifies a token this configuration issued. */
  public Token verify(String jwt) {
    return verifier.verify(jwt);
  }

  /** The number of cached tokens (0 when caching is off). */
  public int cachedTokens() {
    return verifier.cachedTokens();
  }

  /** The public key as a JSON Web Key Set: {@code {"keys":[{...}]}}, with {@code use} and {@code alg}. */
  public String jwks() {
    Map<String, Object> jwk = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : publicJwk.entrySet()) {
      jwk.put(e.getKey(), String.valueOf(e.getValue()));
    }
    jwk.put("use", "sig");
    jwk.put("alg", algorithm.getId());
    return Json.write(Map.of("keys", List.of(jwk)));
  }

  @Override
  public Optional<JwksKeySet.Key> key(String kid) {
    return key.kid().equals(kid) ? Optional.of(key) : Optional.empty();
  }

  @Override
  public long generation() {
    return 0;
  }
}
