package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.AuthFailure;
import dev.jwtsecured.runtime.Token;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import java.security.Key;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Verifies tokens signed with an asymmetric key of a {@link KeySource}: the tokens of an identity provider (a
 * {@link JwksKeySet}), or a configuration's own tokens signed with its private key ({@link KeyPairCodec}).
 *
 * <ol>
 *   <li>the shape and base64url checks of {@link TokenCodec};
 *   <li>the header is a strict JSON object whose {@code alg} is one of the accepted algorithms (never {@code none} or
 *       an HMAC), with a {@code kid} the key source knows (a single configured key needs none), and none of
 *       {@code jku}, {@code x5u}, {@code jwk}, {@code x5c}, {@code crit} or the other members {@link TokenCodec}
 *       refuses: keys come only from the configured set;
 *   <li>the first key {@code kid} names whose type fits the algorithm (keys of different types may share a
 *       {@code kid}, RFC 7517 section 4.5): an RSA key of at least 2048 bits for {@code RS*}/{@code PS*}, the curve of
 *       the algorithm for {@code ES*}, an Edwards key for {@code EdDSA}, and the JWK's own {@code alg}, when it names
 *       one, equal to the token's. An RSA public key can never become an HMAC secret: no HMAC algorithm is accepted
 *       here;
 *   <li>the payload is UTF-8, as the header must be ({@link TokenCodec#requireUtf8Payload});
 *   <li>jjwt, restricted to the accepted algorithms and that key, checks the signature;
 *   <li>the claim rules of {@link ClaimRules}.
 * </ol>
 *
 * <p>With a cache size above zero, verified tokens are remembered by their text as in {@link TokenCodec}; the cache is
 * emptied whenever the key set changes, so a token is never accepted from the cache after its key left the set.
 */
public final class KeySetVerifier {
  private final KeySource keys;
  private final Set<String> algorithms;
  private final ClaimRules rules;
  private final JwtParser parser;
  private final int cacheSize;
  private final int maxTokenLength;
  /** The cache and the key set generation its tokens were verified under; replaced together. */
  private volatile CacheOfGeneration cache;

  private record CacheOfGeneration(TokenCache tokens, long generation) {}

  /**
   * @param algorithms the accepted algorithms, from {@code RS256}, {@code RS384}, {@code RS512}, {@code PS256},
   *     {@code PS384}, {@code PS512}, {@code ES256}, {@code ES384}, {@code ES512} and {@code EdDSA}
   * @param maxTokenLength the longest token accepted, in characters
   *     ({@link dev.jwtsecured.runtime.JwtSettings#maxTokenLength()})
   * @throws IllegalArgumentException for an algorithm outside that list
   */
  public KeySetVerifier(KeySource keys, Set<String> algorithms, ClaimRules rules, Clock clock, int cacheSize,
      int maxTokenLength) {
    if (algorithms.isEmpty() || !algorithms.stream().allMatch(KeyFamilies::known)) {
      throw new IllegalArgumentException("jwtsecured: accepted algorithms must be among " + KeyFamilies.names()
          + ", not " + algorithms);
    }
    this.keys = keys;
    this.algorithms = Set.copyOf(algorithms);
    this.rules = rules;
    this.cacheSize = cacheSize;
    this.maxTokenLength = maxTokenLength;
    this.cache = new CacheOfGeneration(cacheSize > 0 ? new TokenCache(cacheSize) : null, keys.generation());
    var builder = Jwts.parser()
        .json(StrictJson.deserializer())
        .zip().clear().and()
        .keyLocator(new LocatorAdapter<Key>() {
          @Override
          protected Key locate(JwsHeader header) {
            return keyFor(header.getAlgorithm(), header.getKeyId());
          }
        })
        .clock(() -> Date.from(clock.instant()))
        .clockSkewSeconds(rules.leewaySeconds());
    var sig = builder.sig().clear();
    for (String algorithm : this.algorithms) {
      sig.add((SecureDigestAlgorithm<?, ?>) Jwts.SIG.get().get(algorithm));
    }
    this.parser = sig.and().build();
  }

  /**
   * Verifies {@code jwt} and returns its token.
   *
   * @throws AuthException with the failure class of the first check that failed; never any other exception
   */
  public Token verify(String jwt) {
    CacheOfGeneration current = cache;
    long generation = keys.generation();
    if (current.generation() != generation) {
      current = new CacheOfGeneration(cacheSize > 0 ? new TokenCache(cacheSize) : null, generation);
      cache = current;
    }
    TokenCache tokens = current.tokens();
    if (tokens == null || jwt == null) {
      return verifyFully(jwt);
    }
    Token cached = tokens.get(jwt);
    if (cached != null) {
      rules.checkTimes(cached);
      return cached;
    }
    boolean seenBefore = tokens.admit(jwt);
    Token token = verifyFully(jwt);
    // Only a token verified under the set the cache belongs to is remembered.
    if (seenBefore && keys.generation() == current.generation()) {
      tokens.put(jwt, token);
    }
    return token;
  }

  /**
   * The key fetch that verifying {@code jwt} would wait for ({@link KeySource#fetchFor}), or {@code null} when its
   * verification would not wait: a token verified before is taken from the cache, and one that is malformed or names
   * an algorithm not accepted is refused without a fetch.
   */
  public CompletableFuture<?> fetchFor(String jwt) {
    CacheOfGeneration current = cache;
    if (jwt == null || current.tokens() != null && current.generation() == keys.generation()
        && current.tokens().get(jwt) != null) {
      return null;
    }
    try {
      Map<?, ?> header = header(jwt);
      return header.get("alg") instanceof String alg && algorithms.contains(alg) ? keys.fetchFor(kid(header)) : null;
    } catch (AuthException e) {
      return null;
    }
  }

  /** The number of cached tokens (0 when caching is off); for tests and monitoring. */
  public int cachedTokens() {
    TokenCache tokens = cache.tokens();
    return tokens == null ? 0 : tokens.size();
  }

  /**
   * The header of a token of the right length and shape, every segment canonical base64url.
   *
   * @throws AuthException otherwise
   */
  private Map<?, ?> header(String jwt) {
    int second = TokenCodec.checkSegments(jwt, maxTokenLength);
    int first = jwt.indexOf('.');
    if (!StrictBase64Url.isCanonical(jwt, 0, first) || !StrictBase64Url.isCanonical(jwt, first + 1, second)) {
      throw new AuthException(AuthFailure.MALFORMED_TOKEN);
    }
    return TokenCodec.header(jwt, first);
  }

  private Token verifyFully(String jwt) {
    Map<?, ?> header = header(jwt);
    Object alg = header.get("alg");
    // Before jjwt: an unaccepted algorithm or an unknown key never reaches the parser.
    keyFor(alg instanceof String a ? a : null, kid(header));
    TokenCodec.requireUtf8Payload(jwt);
    Claims claims;
    try {
      claims = parser.parseSignedClaims(jwt).getPayload();
    } catch (RuntimeException e) {
      // As for a token signed with a secret: a claim of the wrong type is named as such.
      throw TokenCodec.classify(e, () -> StrictJson.hasBadClaimType(TokenCodec.payloadJson(jwt))
          ? AuthFailure.BAD_CLAIM : AuthFailure.MALFORMED_TOKEN);
    }
    return rules.toToken(claims);
  }

  /**
   * The {@code kid} a token's header names: {@code null} without one, {@code ""} (which names no key of a set) for one
   * that is no string.
   */
  private static String kid(Map<?, ?> header) {
    Object kid = header.get("kid");
    return kid instanceof String k ? k : header.containsKey("kid") ? "" : null;
  }

  /** The key for a token's {@code alg} and {@code kid} ({@code null}: none), or the failure that refuses it. */
  private PublicKey keyFor(String alg, String kid) {
    if (alg == null || !algorithms.contains(alg)) {
      throw new AuthException(AuthFailure.ALGORITHM_NOT_ACCEPTED);
    }
    // A set's keys by kid, a one-key set's also without; a single configured public key takes any token.
    List<JwksKeySet.Key> named = keys.keys(kid);
    if (named.isEmpty()) {
      throw new AuthException(AuthFailure.UNKNOWN_KEY);
    }
    // Keys of different types may share the kid (RFC 7517 section 4.5): the first that fits the algorithm.
    return named.stream()
        .filter(key -> key.algorithm().map(alg::equals).orElse(true) && KeyFamilies.fits(alg, key.key()))
        .findFirst()
        .orElseThrow(() -> new AuthException(AuthFailure.ALGORITHM_NOT_ACCEPTED))
        .key();
  }
}
