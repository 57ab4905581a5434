package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.Token;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PrivateJwk;
import io.jsonwebtoken.security.PublicJwk;
import io.jsonwebtoken.security.SignatureAlgorithm;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Issues a configuration's tokens with its private key (ES256 for an EC P-256 key, RS256 for an RSA key of at least
 * 2048 bits), verifies them with the public key through {@link KeySetVerifier}, and publishes that key as a JWKS whose
 * {@code kid} is the key's RFC 7638 thumbprint, so that any number of services can verify the tokens without sharing a
 * secret. During a rotation, further public keys (the next one, or the previous one) are published after it and
 * accepted like it, each with the algorithm of its type.
 */
public final class KeyPairCodec implements KeySource {
  private final PrivateKey privateKey;
  private final SignatureAlgorithm algorithm;
  /** The signing key's first, then the rotation keys, by {@code kid}. */
  private final Map<String, Published> keys = new LinkedHashMap<>();
  private final String kid;
  private final String rolesClaim;
  private final KeySetVerifier verifier;

  /** A published key: its JWK and the key the verifier uses, with its one algorithm. */
  private record Published(PublicJwk<?> jwk, JwksKeySet.Key key) {}

  /**
   * @param rotationKeys public keys published and accepted beside the private key's, each EC P-256 or RSA of at least
   *     2048 bits, none of them the private key's own
   * @param maxTokenLength the longest token accepted, in characters
   * @throws IllegalStateException when a key is neither EC P-256 nor RSA of at least 2048 bits, or a rotation key is
   *     the private key's own or given twice
   */
  public KeyPairCodec(PrivateKey privateKey, List<PublicKey> rotationKeys, ClaimRules rules, String rolesClaim,
      Clock clock, int cacheSize, int maxTokenLength) {
    this.privateKey = privateKey;
    this.algorithm = algorithm(privateKey, "the private key");
    PrivateJwk<?, ?, ?> jwk = Jwks.builder().key(privateKey).idFromThumbprint().build();
    this.kid = publish(jwk.toPublicJwk(), algorithm);
    for (PublicKey key : rotationKeys) {
      SignatureAlgorithm rotationAlgorithm = algorithm(key, "a rotation public key");
      PublicJwk<?> rotation = Jwks.builder().key(key).idFromThumbprint().build();
      if (keys.containsKey(rotation.getId())) {
        throw new IllegalStateException("jwtsecured: a rotation public key is " + (rotation.getId().equals(kid)
            ? "the private key's own: list the keys besides it (the next one before a rotation, the previous one"
                + " after it)"
            : "given twice"));
      }
      publish(rotation, rotationAlgorithm);
    }
    Set<String> algorithms = keys.values().stream().map(k -> k.key().algorithm().orElseThrow())
        .collect(java.util.stream.Collectors.toSet());
    this.rolesClaim = rolesClaim;
    this.verifier = new KeySetVerifier(this, algorithms, rules, clock, cacheSize, maxTokenLength);
  }

  private String publish(PublicJwk<?> jwk, SignatureAlgorithm algorithm) {
    keys.put(jwk.getId(), new Published(jwk, new JwksKeySet.Key(jwk.getId(), (PublicKey) jwk.toKey(),
        Optional.of(algorithm.getId()))));
    return jwk.getId();
  }

  /** ES256 for an EC P-256 key, RS256 for an RSA key of at least 2048 bits. */
  private static SignatureAlgorithm algorithm(java.security.Key key, String what) {
    if (key instanceof ECKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
      return Jwts.SIG.ES256;
    }
    if (key instanceof RSAKey rsa && rsa.getModulus().bitLength() >= 2048) {
      return Jwts.SIG.RS256;
    }
    throw new IllegalStateException("jwtsecured: " + what + " must be EC P-256 (ES256) or RSA of at least 2048"
        + " bits (RS256)");
  }

  /** Reads a PEM PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}). */
  public static PrivateKey parsePem(String pem) {
    return Pem.privateKey(pem);
  }

  /** Signs {@code token}: header {@code kid} = the key's thumbprint, claims as {@link TokenCodec} writes them. */
  public String issue(Token token) {
    return TokenCodec.claims(token, rolesClaim).header().keyId(kid).and()
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

  /**
   * The public keys as a JSON Web Key Set: {@code {"keys":[{...}]}}, the signing key's first, each with {@code use}
   * and {@code alg}.
   */
  public String jwks() {
    List<Map<String, Object>> published = new ArrayList<>();
    for (Published p : keys.values()) {
      Map<String, Object> jwk = new LinkedHashMap<>();
      for (Map.Entry<String, ?> e : p.jwk().entrySet()) {
        jwk.put(e.getKey(), String.valueOf(e.getValue()));
      }
      jwk.put("use", "sig");
      jwk.put("alg", p.key().algorithm().orElseThrow());
      published.add(jwk);
    }
    return Json.write(Map.of("keys", published));
  }

  @Override
  public List<JwksKeySet.Key> keys(String kid) {
    Published p = kid == null ? null : keys.get(kid);
    return p == null ? List.of() : List.of(p.key());
  }

  @Override
  public long generation() {
    return 0;
  }
}
