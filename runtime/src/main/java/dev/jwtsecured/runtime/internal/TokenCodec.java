package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.AuthFailure;
import dev.jwtsecured.runtime.JwsAlgorithm;
import dev.jwtsecured.runtime.JwtSettings;
import dev.jwtsecured.runtime.Token;
import dev.jwtsecured.runtime.internal.Json;
import dev.jwtsecured.runtime.internal.StrictBase64Url;
import dev.jwtsecured.runtime.internal.StrictJson;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.security.SecurityException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies tokens on jjwt (ARCHITECTURE.md, "What runs per request").
 *
 * <p>Verification, in order; the first failure decides the {@link AuthFailure}:
 *
 * <ol>
 *   <li>length at most {@link JwtSettings#maxTokenLength()}; exactly three segments (a JWE's five are refused);
 *   <li>every segment canonical unpadded base64url ({@link StrictBase64Url});
 *   <li>the header is a strict JSON object whose {@code alg} is exactly the configured algorithm, with no {@code crit},
 *       {@code zip}, {@code b64}, {@code jwk}, {@code jku}, {@code x5u}, {@code x5c} or {@code enc} member: jwtsecured
 *       understands no JWS extension, and keys come only from the configuration; header and payload are UTF-8;
 *   <li>jjwt, restricted to that one algorithm and the configured key, checks the signature, with the strict JSON
 *       deserializer of {@link StrictJson};
 *   <li>{@code sub} present and not empty, {@code exp} and {@code iat} present; {@code exp} after now, {@code nbf} and
 *       {@code iat} not after now, each with the configured leeway; issuer and audience when configured.
 * </ol>
 *
 * <p>With {@link JwtSettings#cacheSize()} above zero, a token verified a second time is remembered by its exact text
 * ({@link TokenCache}); later uses of the same text skip steps 1 to 4 and the claim parsing, and repeat the time
 * checks of step 5. Issuer and audience are fixed by the signed payload, so they need no second look.
 *
 * <p>Instances are thread-safe.
 *
 * <p>It is longer than most classes here because verification is one ordered sequence of checks (shape, base64url,
 * header, signature and claims through jjwt, claim types, times, issuer, audience) and issuing its mirror; keeping them
 * together keeps the order visible.
 */
public final class TokenCodec {
  private final JwtSettings settings;
  /** The secret tokens are signed with. */
  private final SecretKey key;
  /** The current secret, then the previous ones still accepted (rotation), each with its parser. */
  private final List<SecretKey> keys;
  private final List<JwtParser> parsers;
  private final ClaimRules rules;
  /** {@code null} when caching is off. */
  private final TokenCache cache;
  /**
   * Header segments that already passed {@link #checkHeader} in a token with a valid signature. Issuers write few
   * distinct headers (usually one), so a small set spares the header's JSON parsing for the rest; identical text means
   * identical checks.
   */
  private final Set<String> checkedHeaders = ConcurrentHashMap.newKeySet();
  /** One MAC per key and thread, initialised: {@code Mac} is not thread-safe and costly to create. */
  private final ThreadLocal<Mac[]> macs = ThreadLocal.withInitial(this::newMacs);
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final int MAX_CHECKED_HEADERS = 16;

  public TokenCodec(JwtSettings settings) {
    this.settings = settings;
    this.key = new SecretKeySpec(settings.secret(), settings.algorithm().jcaName());
    List<SecretKey> all = new ArrayList<>(List.of(key));
    for (byte[] previous : settings.previousSecrets()) {
      all.add(new SecretKeySpec(previous, settings.algorithm().jcaName()));
    }
    this.keys = List.copyOf(all);
    Clock clock = settings.clock();
    long leewaySeconds = settings.leeway().getSeconds();
    this.rules = new ClaimRules(clock, settings.leeway(),
        settings.acceptedIssuers(), settings.audience(), "roles");
    this.cache = settings.cacheSize() > 0 ? new TokenCache(settings.cacheSize()) : null;
    this.parsers = keys.stream().map(k -> Jwts.parser()
            .json(StrictJson.deserializer())
            .sig().clear().add(jjwt(settings.algorithm())).and()
            .zip().clear().and()
            .verifyWith(k)
            .clock(() -> Date.from(clock.instant()))
            .clockSkewSeconds(leewaySeconds)
            .build())
        .toList();
  }

  /**
   * Verifies {@code jwt} and returns its token.
   *
   * @throws AuthException with the failure class of the first check that failed; never any other exception
   */
  public Token verify(String jwt) {
    if (cache == null || jwt == null) {
      return verifyFully(jwt);
    }
    Token cached = cache.get(jwt);
    if (cached != null) {
      // Only parsing and the signature are saved: time claims are checked again on every use.
      checkTimes(cached, jwt);
      return cached;
    }
    boolean seenBefore = cache.admit(jwt);
    Token token = verifyFully(jwt);
    if (seenBefore) {
      // Only a token that passed every check gets here.
      cache.put(jwt, token);
    }
    return token;
  }

  /** The number of cached tokens (0 when caching is off); for tests and monitoring. */
  public int cachedTokens() {
    return cache == null ? 0 : cache.size();
  }

  private void checkTimes(Token token, String jwt) {
    try {
      rules.checkTimes(token);
    } catch (AuthException e) {
      if (e.failure() == AuthFailure.EXPIRED) {
        cache.remove(jwt);
      }
      throw e;
    }
  }

  private Token verifyFully(String jwt) {
    int second = checkSegments(jwt, settings.maxTokenLength());
    // Before the header and payload are decoded or parsed: a forged or altered token costs one HMAC per accepted
    // secret (one, unless previous secrets are kept for a rotation) and nothing more.
    int signedWith = checkSignature(jwt, second);
    int first = jwt.indexOf('.');
    if (!StrictBase64Url.isCanonical(jwt, 0, first) || !StrictBase64Url.isCanonical(jwt, first + 1, second)) {
      throw new AuthException(AuthFailure.MALFORMED_TOKEN);
    }
    String header = jwt.substring(0, first);
    boolean knownHeader = checkedHeaders.contains(header);
    if (!knownHeader) {
      checkHeader(jwt, first);
    }
    requireUtf8Payload(jwt);
    Claims claims;
    try {
      Jws<Claims> jws = parsers.get(signedWith).parseSignedClaims(jwt);
      if (!settings.algorithm().name().equals(jws.getHeader().getAlgorithm())) {
        throw new AuthException(AuthFailure.ALGORITHM_NOT_ACCEPTED);
      }
      claims = jws.getPayload();
      if (!knownHeader && checkedHeaders.size() < MAX_CHECKED_HEADERS) {
        checkedHeaders.add(header);
      }
    } catch (RuntimeException e) {
      // jjwt does not always keep the deserializer's exception as the cause; classify on this cold path instead.
      throw classify(e, () -> StrictJson.hasBadClaimType(payloadJson(jwt))
          ? AuthFailure.BAD_CLAIM : AuthFailure.MALFORMED_TOKEN);
    }
    return rules.toToken(claims);
  }

  /** The failure of a token that jjwt (or a check inside its parse) refused; {@code other} classifies the rest. */
  static AuthException classify(RuntimeException e, java.util.function.Supplier<AuthFailure> other) {
    if (e instanceof AuthException a) {
      return a;
    }
    if (e.getCause() instanceof AuthException a) {
      return a; // thrown by a key locator inside jjwt
    }
    if (e instanceof ExpiredJwtException) {
      return new AuthException(AuthFailure.EXPIRED);
    }
    if (e instanceof PrematureJwtException) {
      return new AuthException(AuthFailure.NOT_YET_VALID);
    }
    if (e instanceof SecurityException) {
      return new AuthException(AuthFailure.BAD_SIGNATURE);
    }
    return new AuthException(other.get());
  }

  /**
   * Compares the MAC of the exact signing input ({@code header.payload} as sent) with the signature segment, in
   * constant time: the expected MAC is encoded rather than the signature decoded, which the canonical check makes
   * equivalent. jjwt checks the signature again on the tokens that pass; this check only makes the refusal of a bad
   * one cheap: no decoding of header or payload, no JSON, no claims objects.
   */
  private int checkSignature(String jwt, int second) {
    byte[] ascii = jwt.getBytes(StandardCharsets.ISO_8859_1); // anything else than ASCII fails the MAC or a later check
    Mac[] all = macs.get();
    for (int k = 0; k < all.length; k++) {
      Mac mac = all[k];
      mac.update(ascii, 0, second);
      byte[] expected = BASE64URL.encode(mac.doFinal());
      int length = ascii.length - second - 1;
      // Constant time over the expected length: which byte differs is not told by the time taken.
      int differs = expected.length ^ length;
      for (int i = 0; i < expected.length; i++) {
        differs |= expected[i] ^ (i < length ? ascii[second + 1 + i] : 0);
      }
      if (differs == 0) {
        return k;
      }
    }
    throw new AuthException(AuthFailure.BAD_SIGNATURE);
  }

  private Mac[] newMacs() {
    Mac[] all = new Mac[keys.size()];
    for (int i = 0; i < all.length; i++) {
      SecretKey k = keys.get(i);
      try {
        all[i] = Mac.getInstance(k.getAlgorithm());
        all[i].init(k);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK offers no " + k.getAlgorithm(), e);
      }
    }
    return all;
  }

  /**
   * Returns the index of the second dot, after checking the length, the segment count and the signature segment's
   * base64url (canonical: one encoding per signature, so the MAC comparison below may compare encodings). The header
   * and payload segments are checked after the signature.
   */
  static int checkSegments(String jwt, int maxLength) {
    if (jwt == null || jwt.isEmpty()) {
      throw new AuthException(AuthFailure.MALFORMED_TOKEN);
    }
    if (jwt.length() > maxLength) {
      throw new AuthException(AuthFailure.TOKEN_TOO_LONG);
    }
    int first = jwt.indexOf('.');
    int second = first < 0 ? -1 : jwt.indexOf('.', first + 1);
    if (second < 0 || jwt.indexOf('.', second + 1) >= 0
        || !StrictBase64Url.isCanonical(jwt, second + 1, jwt.length())) {
      throw new AuthException(AuthFailure.MALFORMED_TOKEN);
    }
    return second;
  }

  private void checkHeader(String jwt, int firstDot) {
    if (!settings.algorithm().name().equals(header(jwt, firstDot).get("alg"))) {
      throw new AuthException(AuthFailure.ALGORITHM_NOT_ACCEPTED);
    }
  }

  /**
   * Header members that refuse a token: extensions and compression, keys carried or referenced ({@code jwk},
   * {@code jku}, {@code x5u}, {@code x5c}) and encryption's. The certificate thumbprints {@code x5t} and
   * {@code x5t#S256} pass: they only name a key, as {@code kid} does (keys are found by {@code kid} alone), and
   * Microsoft Entra ID puts {@code x5t} in every token.
   */
  private static final Set<String> FORBIDDEN_HEADER_MEMBERS =
      Set.of("crit", "zip", "b64", "jwk", "jku", "x5u", "x5c", "enc", "epk", "p2s", "p2c");

  /**
   * The {@code typ} values of a token that may be used as an access token, in lower case (media types compare without
   * regard to case, and may drop their {@code application/} prefix: RFC 7515 section 4.1.9): a JWT (RFC 7519) or a JWT
   * access token (RFC 9068). Tokens typed as anything else (an OpenID back-channel logout token, {@code logout+jwt}; a
   * security event, {@code secevent+jwt}) are not access tokens, even when an issuer this configuration trusts signed
   * them with every claim an access token has (RFC 8725 section 3.11). Identity providers type their access tokens
   * {@code JWT} or {@code at+jwt}, or not at all.
   */
  private static final Set<String> ACCESS_TOKEN_TYPES =
      Set.of("jwt", "application/jwt", "at+jwt", "application/at+jwt");

  /**
   * The header of a token whose segments passed the canonical base64url checks, as a JSON object with none of the
   * {@link #FORBIDDEN_HEADER_MEMBERS} and, if it has a {@code typ}, one of the {@link #ACCESS_TOKEN_TYPES}.
   *
   * @throws AuthException {@link AuthFailure#MALFORMED_TOKEN} or {@link AuthFailure#TYPE_NOT_ACCEPTED} otherwise
   */
  static Map<?, ?> header(String jwt, int firstDot) {
    Map<?, ?> header;
    try {
      byte[] json = Base64.getUrlDecoder().decode(jwt.substring(0, firstDot));
      header = Json.parseObject(Json.utf8(json));
    } catch (RuntimeException e) {
      throw new AuthException(AuthFailure.MALFORMED_TOKEN);
    }
    if (header == null || header.keySet().stream().anyMatch(FORBIDDEN_HEADER_MEMBERS::contains)) {
      throw new AuthException(AuthFailure.MALFORMED_TOKEN);
    }
    if (header.containsKey("typ")) {
      if (!(header.get("typ") instanceof String typ)) {
        throw new AuthException(AuthFailure.MALFORMED_TOKEN);
      }
      if (!ACCESS_TOKEN_TYPES.contains(typ.toLowerCase(Locale.ROOT))) {
        throw new AuthException(AuthFailure.TYPE_NOT_ACCEPTED);
      }
    }
    return header;
  }

  /**
   * Refuses a token whose payload is not UTF-8 (RFC 7519 section 7.2, step 10), as {@link #header} refuses such a
   * header: jjwt reads the payload through a decoder that turns bytes that are not UTF-8 into U+FFFD, so that a
   * claim signed as {@code a} and byte {@code FF} was read as the text {@code a\uFFFD}, which those bytes are not.
   *
   * @throws AuthException {@link AuthFailure#MALFORMED_TOKEN}
   */
  static void requireUtf8Payload(String jwt) {
    byte[] payload = payloadJson(jwt);
    for (byte b : payload) {
      if (b < 0) { // not ASCII, which is UTF-8 as it stands: decode
        try {
          Json.utf8(payload);
          return;
        } catch (RuntimeException e) {
          throw new AuthException(AuthFailure.MALFORMED_TOKEN);
        }
      }
    }
  }

  /** The decoded payload of a token whose segments passed the canonical base64url checks. */
  static byte[] payloadJson(String jwt) {
    int first = jwt.indexOf('.');
    return Base64.getUrlDecoder().decode(jwt.substring(first + 1, jwt.indexOf('.', first + 1)));
  }

  /**
   * Signs {@code token} with the secret; its claims are written as {@link #claims} says, roles at {@code roles}.
   */
  public String issue(Token token) {
    return claims(token, "roles").signWith(key, jjwt(settings.algorithm())).compact();
  }

  /**
   * An unsigned builder with the token's claims: {@code aud} as an array (RFC 7519 allows a string or an array;
   * readers take both), extras as the nested {@code "extras"} object (always present, possibly empty), roles as an
   * array at {@code rolesClaim} ({@code .} between nested names) and scopes as a space-separated {@code scope}, each
   * only when not empty.
   */
  static JwtBuilder claims(Token token, String rolesClaim) {
    JwtBuilder b =
        Jwts.builder()
            .json(StrictJson.serializer())
            .header().type("JWT").and()
            .subject(token.subject())
            .issuedAt(Date.from(token.issuedAt()))
            .expiration(Date.from(token.expiresAt()));
    token.notBefore().ifPresent(nbf -> b.notBefore(Date.from(nbf)));
    token.issuer().ifPresent(b::issuer);
    token.id().ifPresent(b::id);
    token.sessionId().ifPresent(sid -> b.claim("sid", sid));
    if (!token.audience().isEmpty()) {
      b.audience().add(token.audience()).and();
    }
    if (!token.roles().isEmpty()) {
      List<String> path = ClaimPaths.names(rolesClaim);
      Object value = List.copyOf(token.roles());
      for (int i = path.size() - 1; i > 0; i--) {
        value = Map.of(path.get(i), value);
      }
      b.claim(path.get(0), value);
    }
    if (!token.scopes().isEmpty()) {
      b.claim("scope", String.join(" ", token.scopes()));
    }
    b.claim("extras", token.extras());
    return b;
  }

  private static io.jsonwebtoken.security.MacAlgorithm jjwt(JwsAlgorithm algorithm) {
    return switch (algorithm) {
      case HS256 -> Jwts.SIG.HS256;
      case HS384 -> Jwts.SIG.HS384;
      case HS512 -> Jwts.SIG.HS512;
    };
  }
}
