package dev.jwtsecured.runtime.internal;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a JSON Web Key Set document into the keys {@link JwksKeySet} verifies with: strictly
 * ({@link StrictJson#keySet}), each JWK by jjwt on its own, and only public keys published for signatures.
 */
final class JwksDocument {
  private JwksDocument() {}

  /**
   * The public signature keys of a JWKS document, by {@code kid} (those without one under {@code ""}, which only a
   * token without {@code kid} reaches, when the set holds that key alone), in the document's order; a document that is
   * not a JWKS is an exception. Each JWK is read on its own: jjwt's {@code JwkSet} keeps one JWK per key material, so
   * a key published under several {@code kid}s (renamed, or once per algorithm) was found under its first alone.
   */
  static Map<String, List<JwksKeySet.Key>> keys(String json) {
    // An empty set is a set (RFC 7517 section 5), which jjwt's parser refuses: a provider withdrawing every key.
    if (!(StrictJson.keySet(json).get("keys") instanceof List<?> listed)) {
      throw new IllegalArgumentException("a JWKS has a \"keys\" array");
    }
    Map<String, List<JwksKeySet.Key>> keys = new LinkedHashMap<>();
    for (Object member : listed) {
      Jwk<?> jwk = jwk(member);
      if (!(jwk instanceof PublicJwk<?> publicJwk) || !forVerifying(jwk)) {
        continue;
      }
      String kid = jwk.getId() == null ? "" : jwk.getId();
      keys.computeIfAbsent(kid, k -> new ArrayList<>())
          .add(new JwksKeySet.Key(kid, publicJwk.toKey(), Optional.ofNullable(jwk.getAlgorithm())));
    }
    keys.replaceAll((kid, named) -> List.copyOf(named));
    return Map.copyOf(keys);
  }

  /**
   * jjwt's reading of one member of a set's {@code keys}, or {@code null} where it reads no key: a member that is no
   * object, has no {@code kty}, or that jjwt cannot read (an unsupported type or curve, a malformed key), which a set
   * skips (RFC 7517 section 5); and a public key whose first certificate ({@code x5c}) holds another key, which RFC
   * 7517 section 4.7 forbids and strict readers refuse, where jjwt reads the key of the other members (logged).
   */
  private static Jwk<?> jwk(Object member) {
    if (!(member instanceof Map<?, ?> map) || !(map.get("kty") instanceof String kty) || kty.isBlank()) {
      return null;
    }
    Jwk<?> jwk;
    try {
      @SuppressWarnings("unchecked") // Json reads an object as Map<String, Object>
      Map<String, ?> members = (Map<String, ?>) map;
      jwk = Jwks.builder().add(members).build();
    } catch (RuntimeException e) {
      return null;
    }
    if (jwk instanceof PublicJwk<?> publicJwk && publicJwk.getX509Chain() != null
        && !publicJwk.getX509Chain().isEmpty()
        && !sameKey(publicJwk.getX509Chain().get(0).getPublicKey(), publicJwk.toKey())) {
      StrictJson.skipped(map, "its first certificate (x5c) holds another key");
      return null;
    }
    return jwk;
  }

  /**
   * Whether two public keys are one: RSA keys of one modulus and exponent, EC keys of one point on curves of one order
   * (a certificate may spell its curve's parameters out), other keys of one encoding.
   */
  private static boolean sameKey(PublicKey a, PublicKey b) {
    if (a instanceof RSAPublicKey x && b instanceof RSAPublicKey y) {
      return x.getModulus().equals(y.getModulus()) && x.getPublicExponent().equals(y.getPublicExponent());
    }
    if (a instanceof ECPublicKey x && b instanceof ECPublicKey y) {
      return x.getW().equals(y.getW()) && x.getParams().getOrder().equals(y.getParams().getOrder())
          && x.getParams().getCurve().equals(y.getParams().getCurve());
    }
    return a.getAlgorithm().equals(b.getAlgorithm()) && a.getEncoded() != null
        && MessageDigest.isEqual(a.getEncoded(), b.getEncoded());
  }

  /**
   * Whether the set publishes {@code jwk} for verifying signatures: {@code use}, where present, is {@code sig}, and
   * {@code key_ops}, where present, has {@code verify} (RFC 7517 sections 4.2 and 4.3; jjwt reads an empty
   * {@code key_ops} as absent).
   */
  private static boolean forVerifying(Jwk<?> jwk) {
    Object use = jwk.get("use");
    Object operations = jwk.get("key_ops");
    return (use == null || "sig".equals(use)) && (operations == null
        || jwk.getOperations().stream().anyMatch(operation -> "verify".equals(operation.getId())));
  }
}
