package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.AuthFailure;
import dev.jwtsecured.runtime.Token;
import io.jsonwebtoken.Claims;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The claim rules every verified token passes, whoever signed it, and its reading into a {@link Token}: {@code sub},
 * {@code exp} and {@code iat} present; {@code exp} after now, {@code nbf} and {@code iat} not after now, each with the
 * leeway; no claim that marks another kind of token (an ID or refresh token); the issuer one of the accepted ones and
 * the audience one of the expected ones, when configured; roles read
 * from the configured claim path ({@code roles}, {@code groups}, or a nested one such as {@code realm_access.roles}),
 * as an array of strings or a space-separated string.
 */
public final class ClaimRules {
  static final Set<String> REGISTERED_CLAIMS =
      Set.of("sub", "exp", "iat", "nbf", "iss", "aud", "jti", "sid", "extras", "roles", "scope");

  private final Clock clock;
  private final long leewaySeconds;
  private final Set<String> issuers;
  private final List<String> audience;
  private final List<String> rolesPath;

  /**
   * @param issuers the accepted {@code iss} values; empty accepts any
   * @param audience the expected {@code aud} values, one of which the token must name; empty accepts any
   * @param rolesClaim the claim holding roles, with {@code .} between the names of nested objects, or a URI naming one
   *     claim
   */
  public ClaimRules(Clock clock, Duration leeway, Set<String> issuers, List<String> audience, String rolesClaim) {
    this.clock = clock;
    this.leewaySeconds = leeway.getSeconds();
    this.issuers = Set.copyOf(issuers);
    this.audience = List.copyOf(audience);
    this.rolesPath = ClaimPaths.names(rolesClaim);
  }

  /** Whether a token naming {@code issuer} ({@code null}: none) passes where {@code issuers} (empty: any) pass. */
  static boolean issuerAccepted(java.util.Collection<String> issuers, String issuer) {
    return issuers.isEmpty() || issuer != null && issuers.contains(issuer);
  }

  /** Whether a token naming {@code tokenAudience} passes where {@code audience} is expected (empty: anything). */
  static boolean audienceAccepted(List<String> audience, List<String> tokenAudience) {
    return audience.isEmpty() || tokenAudience.stream().anyMatch(audience::contains);
  }

  long leewaySeconds() {
    return leewaySeconds;
  }

  /** The time claims of a token verified earlier, against the clock now. */
  void checkTimes(Token token) {
    long now = clock.instant().getEpochSecond();
    if (now >= token.expiresAt().getEpochSecond() + leewaySeconds) {
      throw new AuthException(AuthFailure.EXPIRED);
    }
    if (token.notBefore().isPresent() && token.notBefore().get().getEpochSecond() > now + leewaySeconds) {
      throw new AuthException(AuthFailure.NOT_YET_VALID);
    }
  }

  /** Checks the claims of a token whose signature verified, and reads them. */
  Token toToken(Claims claims) {
    String subject = claims.getSubject();
    Date exp = claims.getExpiration();
    Date iat = claims.getIssuedAt();
    if (subject == null || subject.isEmpty() || exp == null || iat == null) {
      throw new AuthException(AuthFailure.MISSING_CLAIM);
    }
    long now = clock.instant().getEpochSecond();
    // RFC 7519 4.1.4: the current time must be before exp; jjwt accepts exp == now, so check here too.
    if (now >= exp.toInstant().getEpochSecond() + leewaySeconds) {
      throw new AuthException(AuthFailure.EXPIRED);
    }
    if (iat.toInstant().getEpochSecond() > now + leewaySeconds) {
      throw new AuthException(AuthFailure.ISSUED_IN_FUTURE);
    }
    Date nbf = claims.getNotBefore();
    if (nbf != null && nbf.toInstant().getEpochSecond() > now + leewaySeconds) {
      throw new AuthException(AuthFailure.NOT_YET_VALID);
    }
    if (markedAsAnotherKind(claims)) {
      throw new AuthException(AuthFailure.TYPE_NOT_ACCEPTED);
    }
    String issuer = claims.getIssuer();
    if (!issuerAccepted(issuers, issuer)) {
      throw new AuthException(AuthFailure.ISSUER_NOT_ACCEPTED);
    }
    List<String> aud = strings(claims.get("aud"));
    if (!audienceAccepted(audience, aud)) {
      throw new AuthException(AuthFailure.AUDIENCE_NOT_ACCEPTED);
    }
    // An identity provider's roles are read as strings only: [1, null, {"name":"admin"}] were read as "1", "null" and
    // "{name=admin}", roles no token held: a claim of another type refuses the token. An object names its roles by its
    // members, as ZITADEL writes them: {"admin": {"<org id>": "<org domain>"}}. Only the claim read here is checked.
    Object roles = at(claims, rolesPath);
    if (roles instanceof Map<?, ?> object) {
      roles = List.copyOf(object.keySet());
    } else if (roles != null && !StrictJson.isStringOrStrings(roles)) {
      throw new AuthException(AuthFailure.BAD_CLAIM);
    } else if (roles == null && claims.get("_claim_names") instanceof Map<?, ?> elsewhere
        && elsewhere.containsKey(rolesPath.get(0))) {
      overage();
    }
    Map<String, Object> extras = new LinkedHashMap<>(4);
    for (Map.Entry<String, Object> claim : claims.entrySet()) {
      if (!REGISTERED_CLAIMS.contains(claim.getKey())) {
        extras.put(claim.getKey(), claim.getValue());
      }
    }
    Object nested = claims.get("extras");
    if (nested instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) nested).entrySet()) {
        extras.put(String.valueOf(e.getKey()), e.getValue());
      }
    }
    return Token.builder()
        .subject(subject)
        .expiresAt(exp.toInstant())
        .issuedAt(iat.toInstant())
        .notBefore(nbf == null ? null : nbf.toInstant())
        .issuer(issuer)
        .audience(aud)
        .id(claims.getId())
        .sessionId(claims.get("sid") instanceof String sid ? sid : null)
        .roles(asSet(words(roles)))
        .scopes(asSet(words(claims.get("scope"))))
        .extras(extras)
        .build();
  }

  /** Claims that only ID tokens carry: hashes of what came with them (OpenID Connect Core 1.0, FAPI 1.0 Advanced). */
  private static final Set<String> ID_TOKEN_CLAIMS = Set.of("at_hash", "c_hash", "s_hash");
  /** Keycloak's {@code typ} claim values, in lower case, of tokens other than access tokens ({@code Bearer}, DPoP). */
  private static final Set<String> OTHER_KEYCLOAK_TYPES = Set.of("id", "refresh", "offline", "logout");

  /**
   * Whether a token's own claims say it is no access token, whatever its header's {@code typ} (providers type ID
   * tokens {@code JWT} too, and sign them with the keys of their access tokens): an ID token's {@code at_hash},
   * {@code c_hash} or {@code s_hash}; Keycloak's claim {@code typ} of {@code ID}, {@code Refresh}, {@code Offline} or
   * {@code Logout}; Amazon Cognito's {@code token_use} other than {@code access}; a refresh token's
   * {@code "token_type": "refresh"} (Django REST framework SimpleJWT) or {@code "type": "refresh"}
   * (Flask-JWT-Extended), from a service that shares the secret. Only top-level claims count: an application's
   * {@code extras} are its own. {@code nonce} is not among them: it is the client's, and a provider may copy it into
   * an access token.
   */
  private static boolean markedAsAnotherKind(Claims claims) {
    for (String name : ID_TOKEN_CLAIMS) {
      if (claims.containsKey(name)) {
        return true;
      }
    }
    if (claims.get("typ") instanceof String typ && OTHER_KEYCLOAK_TYPES.contains(typ.toLowerCase(Locale.ROOT))) {
      return true;
    }
    if (claims.containsKey("token_use") && !"access".equals(claims.get("token_use"))) {
      return true;
    }
    return isRefresh(claims.get("token_type")) || isRefresh(claims.get("type"));
  }

  private static boolean isRefresh(Object claim) {
    return claim instanceof String name && name.equalsIgnoreCase("refresh");
  }

  /**
   * Says that a token's issuer left the roles claim out and named it in {@code _claim_names} (OpenID Connect Core 1.0
   * section 5.6.2, aggregated and distributed claims): Microsoft Entra ID does so for a user in more than 200 groups.
   * Within a log budget: any such user's requests reach here.
   */
  private void overage() {
    long refused = OVERAGE.take();
    if (refused >= 0) {
      LOG.log(System.Logger.Level.WARNING, LogBudget.withRefused("jwtsecured: a token carries no \""
          + rolesPath.get(0) + "\": its issuer named the claim in _claim_names instead, to be fetched elsewhere"
          + " (Microsoft Entra ID does so for a user in more than 200 groups), so its holder has no roles here and"
          + " every rule on them denies; use app roles (\"roles\"), or fetch the groups in the user retriever",
          refused));
    }
  }

  private static final System.Logger LOG = System.getLogger(ClaimRules.class.getName());
  /** Shared by every configuration: any holder of such a token can make lines. */
  private static final LogBudget OVERAGE = new LogBudget();

  /** The value at {@code path} through nested objects, or {@code null}. */
  private static Object at(Map<String, ?> claims, List<String> path) {
    Object value = claims;
    for (String name : path) {
      if (!(value instanceof Map<?, ?> object)) {
        return null;
      }
      value = object.get(name);
    }
    return value;
  }

  private static Set<String> asSet(List<String> words) {
    return words.isEmpty() ? Set.of() : new LinkedHashSet<>(words);
  }

  /** A string or collection of strings as a list; anything else (already refused by the deserializer) as empty. */
  private static List<String> strings(Object value) {
    if (value instanceof String) {
      return List.of((String) value);
    }
    if (value instanceof Collection) {
      return ((Collection<?>) value).stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  /** A space-separated string split into words, or a collection of strings. */
  private static List<String> words(Object value) {
    if (value instanceof String) {
      return List.of(((String) value).trim().split(" +")).stream().filter(s -> !s.isEmpty()).toList();
    }
    return strings(value);
  }
}
