package dev.jwtsecured.runtime;

import dev.jwtsecured.Transport;
import dev.jwtsecured.runtime.internal.Cookies;
import dev.jwtsecured.runtime.internal.FeatureCheck;
import dev.jwtsecured.runtime.internal.JjwtVersions;
import dev.jwtsecured.runtime.internal.ClaimRules;
import dev.jwtsecured.runtime.internal.JwksKeySet;
import dev.jwtsecured.runtime.internal.KeyFetchWait;
import dev.jwtsecured.runtime.internal.KeyPairCodec;
import dev.jwtsecured.runtime.internal.KeySetVerifier;
import dev.jwtsecured.runtime.internal.KeySource;
import dev.jwtsecured.runtime.internal.LazyBinding;
import dev.jwtsecured.runtime.internal.PublicKeySource;
import dev.jwtsecured.runtime.internal.RefreshTokens;
import dev.jwtsecured.runtime.internal.RequestAuth;
import dev.jwtsecured.runtime.internal.TokenCodec;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The run-time half of one {@code @JwtSecured} configuration, which its generated feature creates and publishes: its
 * settings, the keys that sign and verify its tokens, logins ({@link #login}), logouts and cookies. What the generated
 * filters and token endpoint call per request is its {@link #requestAuth()}. Thread-safe, and immutable but for
 * whether its feature was configured; {@link #of} finds it in a resource's {@code @Context Configuration}.
 *
 * <p>It is a little over 300 lines because it holds every entry point an application calls (issuing, logins, logouts,
 * the revocation of a user's refresh tokens) beside the choice of keys that the constructor makes once.
 */
public final class JwtAuth {
  /** Prefix of the application property under which each configuration's feature publishes its {@code JwtAuth}. */
  public static final String PROPERTY_PREFIX = "dev.jwtsecured.auth.";

  private final JwtSettings settings;
  private final Class<?> configuration;
  private final Object instance;
  /** How many verified tokens the verifier remembers. */
  private final IntSupplier cachedTokens;
  /** {@code null} unless the configuration signs with a private key. */
  private final KeyPairCodec keyPair;
  /** Signs tokens; {@code null} for a verifier-only configuration ({@code jwksUri}, {@code publicKey}). */
  private final Function<Token, String> signer;
  /** {@code null} unless the token endpoint issues refresh tokens. */
  private final RefreshTokens refresh;
  /** What the generated filters and token endpoint call. */
  private final JwtRequestAuth requestAuth;
  /** Whether a JAX-RS runtime configured the feature holding this instance ({@link #publish}). */
  private volatile boolean published;

  /**
   * @param settings the configuration's settings
   * @param configuration the {@code @JwtSecured} class, which tags the principals this instance creates
   */
  public JwtAuth(JwtSettings settings, Class<?> configuration) {
    this(settings, configuration, null);
  }

  /**
   * @param settings the configuration's settings
   * @param configuration the {@code @JwtSecured} class, which tags the principals this instance creates
   * @param instance the instance of {@code configuration} whose methods the generated code calls, or {@code null}
   */
  public JwtAuth(JwtSettings settings, Class<?> configuration, Object instance) {
    this(settings, configuration, instance, null);
  }

  /**
   * @param settings the configuration's settings
   * @param configuration the {@code @JwtSecured} class, which tags the principals this instance creates
   * @param instance the instance of {@code configuration} whose methods the generated code calls, or {@code null}
   * @param refreshStore where refresh tokens live when {@code settings} turns them on; {@code null} for a bounded
   *     {@link InMemoryRefreshTokenStore} (one instance only)
   * @throws IllegalStateException when the class path holds a jjwt of another release line than the runtime's (0.13),
   *     which the application's build chose
   */
  public JwtAuth(JwtSettings settings, Class<?> configuration, Object instance, RefreshTokenStore refreshStore) {
    JjwtVersions.require();
    this.settings = settings;
    this.configuration = java.util.Objects.requireNonNull(configuration);
    this.instance = instance;
    ClaimRules rules = new ClaimRules(settings.clock(), settings.leeway(), settings.acceptedIssuers(),
        settings.audience(), settings.rolesClaim());
    // Verifies a request's token: decided once, from the configuration's source of keys.
    Function<String, Token> verifier;
    Function<String, java.util.concurrent.CompletableFuture<?>> keyFetch = null;
    if (settings.privateKey().isPresent()) {
      this.keyPair = new KeyPairCodec(settings.privateKey().get(), settings.rotationPublicKeys(), rules,
          settings.rolesClaim(), settings.clock(), settings.cacheSize(), settings.maxTokenLength());
      verifier = keyPair::verify;
      this.signer = keyPair::issue;
      this.cachedTokens = keyPair::cachedTokens;
    } else if (settings.jwksUri().isPresent() || settings.publicKey().isPresent()) {
      this.keyPair = null;
      KeySource keys = settings.publicKey().isPresent()
          ? new PublicKeySource(settings.publicKey().get())
          : new JwksKeySet(settings.jwksUri().get(), JwksKeySet.Options.DEFAULT
              .withClock(settings.clock()).withUnknownKidInterval(settings.jwksMinRefresh()));
      KeySetVerifier keySet = new KeySetVerifier(keys, settings.keyAlgorithms(), rules, settings.clock(),
          settings.cacheSize(), settings.maxTokenLength());
      verifier = keySet::verify;
      keyFetch = keySet::fetchFor;
      this.signer = null;
      this.cachedTokens = keySet::cachedTokens;
    } else {
      TokenCodec codec = new TokenCodec(settings);
      this.keyPair = null;
      verifier = codec::verify;
      this.signer = codec::issue;
      this.cachedTokens = codec::cachedTokens;
    }
    this.refresh = settings.refreshExpiration()
        .map(lifetime -> new RefreshTokens(
            refreshStore != null ? refreshStore : InMemoryRefreshTokenStore.withDefaults(settings.clock()), lifetime,
            configuration.getName()))
        .orElse(null);
    if (refreshStore != null && refresh == null) {
      throw new IllegalArgumentException("jwtsecured: a refresh token store without refreshExpiration is never used");
    }
    this.requestAuth = new JwtRequestAuth(this, verifier, keyFetch, refresh);
  }

  /** The settings this runtime was built with. */
  public JwtSettings settings() {
    return settings;
  }

  /**
   * What the generated filters and token endpoint call on this configuration: not for applications, whose code uses
   * the generated access point ({@code FooJwt}) and this class's logins and logouts.
   */
  public RequestAuth requestAuth() {
    return requestAuth;
  }

  /**
   * How many verified tokens this configuration remembers now (see {@link JwtSettings#cacheSize()}), whatever its
   * keys: for monitoring, and for tests that show a token was served from the cache. 0 when caching is off.
   */
  public int cachedTokens() {
    return cachedTokens.getAsInt();
  }

  /**
   * Signs {@code token} with the configuration's secret or private key.
   *
   * @throws IllegalStateException for a verifier-only configuration ({@code jwksUri}), which issues no tokens
   * @throws IllegalArgumentException when a scope is not an RFC 6749 scope token: the {@code scope} claim is
   *     space-separated, so {@code "orders:read admin"} would come back as two scopes
   * @throws jakarta.ws.rs.InternalServerErrorException when the signed token is longer than {@code maxTokenLength}:
   *     every request with it would be refused. A 500 with the usual JSON body; the cause is logged once
   */
  public String issue(Token token) {
    if (signer == null) {
      throw new IllegalStateException("jwtsecured: " + configuration.getSimpleName() + " verifies an identity"
          + " provider's tokens and issues none");
    }
    token.scopes().forEach(JwtSettings::requireScope);
    String jwt = signer.apply(token);
    if (jwt.length() > settings.maxTokenLength()) {
      throw FeatureCheck.misconfigured("maxTokenLength of " + configuration.getName(), "jwtsecured: a token of "
          + configuration.getName() + " came to " + jwt.length() + " characters, over its maxTokenLength of "
          + settings.maxTokenLength() + ", so it was not issued: every request with it would be refused. Raise"
          + " maxTokenLength (and the server's request header limit) or put fewer roles, scopes or extras in it");
    }
    return jwt;
  }

  /**
   * Whether a token's scopes count as roles: only for tokens the configuration issues itself, whose scopes and roles
   * the processor keeps apart; an identity provider's scopes ({@code "openid email"}) never pass for roles.
   */
  boolean scopesAreRoles() {
    return signer != null;
  }

  /** Now, to the second, on the configuration's clock: the {@code iat} of tokens issued now. */
  public java.time.Instant now() {
    return java.time.Instant.ofEpochSecond(settings.clock().instant().getEpochSecond());
  }

  /**
   * The public key of a configuration with {@code privateKey}, as the JSON Web Key Set its generated resource serves
   * at {@code /.well-known/jwks.json}.
   *
   * @throws IllegalStateException for a configuration without a private key
   */
  public String publicJwks() {
    if (keyPair == null) {
      throw new IllegalStateException("jwtsecured: " + configuration.getSimpleName() + " has no private key");
    }
    return keyPair.jwks();
  }

  /** The {@code @JwtSecured} class this instance belongs to. */
  public Class<?> configuration() {
    return configuration;
  }

  /** The instance of the configuration class the generated resources call, or {@code null} when all is static. */
  public Object instance() {
    return instance;
  }

  /** The application property the feature publishes this instance under. */
  public String property() {
    return PROPERTY_PREFIX + configuration.getName();
  }

  /**
   * Publishes this instance under {@link #property()} in the configuration of the application whose feature {@code
   * context} configures, and with a JWKS installs {@code KeyFetchWait}; called by the generated feature.
   */
  public void publish(jakarta.ws.rs.core.FeatureContext context) {
    context.property(property(), this);
    published = true;
    settings.jwksUri().ifPresent(uri -> KeyFetchWait.register(context, requestAuth));
  }

  /**
   * The {@code JwtAuth} of {@code configuration} in {@code application} (a resource's {@code @Context Configuration}):
   * where its feature published it or, on a runtime that does not show resources the properties a feature set (Apache
   * CXF), the one held by a {@link JwtFeature} among the application's instances that the runtime configured. An
   * instance the runtime did not configure is refused: an {@code Application.getSingletons()} that creates its
   * instances anew on each call would otherwise give each request a runtime of its own, with its own login throttle
   * and refresh tokens.
   *
   * @throws jakarta.ws.rs.InternalServerErrorException when there is none: a 500 with the usual JSON body, the cause
   *     logged once
   */
  public static JwtAuth of(jakarta.ws.rs.core.Configuration application, Class<?> configuration) {
    if (application != null) {
      if (application.getProperty(PROPERTY_PREFIX + configuration.getName()) instanceof JwtAuth jwt) {
        return jwt;
      }
      for (Object instance : application.getInstances()) {
        if (instance instanceof JwtFeature feature && feature.auth().configuration() == configuration) {
          if (feature.auth().published) {
            return feature.auth();
          }
          throw FeatureCheck.misconfigured("jwtsecured: the JAX-RS runtime did not configure the instance of "
              + instance.getClass().getName() + " that the application holds now: return the same instance from"
              + " each call of Application.getSingletons()");
        }
      }
    }
    throw FeatureCheck.misconfigured("jwtsecured: the feature of " + configuration.getName()
        + " is not registered with this application" + (application != null && LazyBinding.isCxf(application)
            ? " (on Apache CXF, return the generated feature itself from Application.getSingletons(): a feature of"
                + " your own that wraps it is not found there)" : ""));
  }

  /** {@code X-Content-Type-Options}, sent as {@code nosniff} on every response jwtsecured writes or guards. */
  public static final String NOSNIFF_HEADER = "X-Content-Type-Options";

  /**
   * The {@code Set-Cookie} value that stores {@code jwt} for {@code maxAgeSeconds}:
   * {@code <name>=<jwt>; Max-Age=<n>; Path=<path>[; Domain=<domain>][; Secure]; HttpOnly; SameSite=<s>}. A cookie whose
   * name and value pass 4096 bytes, which browsers drop, is logged once as a warning.
   */
  public String cookie(String jwt, long maxAgeSeconds) {
    return Cookies.tokenCookie(settings, configuration.getName(), jwt, maxAgeSeconds);
  }

  /** The {@code Set-Cookie} value that deletes the token cookie (logout). */
  public String clearedCookie() {
    return cookie("", 0);
  }

  /**
   * A logout response: 204, and for cookie transport the {@code Set-Cookie} that deletes the token cookie (and the
   * refresh cookie, under the configured application path). Logging out does not revoke the token; revoke its
   * {@code jti} in a {@code @RevocationCheck} for that.
   */
  public Response.ResponseBuilder logout() {
    return logout((String) null);
  }

  private Response.ResponseBuilder logout(String basePath) {
    Response.ResponseBuilder response = Response.noContent().header(HttpHeaders.CACHE_CONTROL, "no-store");
    if (settings.transport() == Transport.COOKIE) {
      response.header(HttpHeaders.SET_COOKIE, clearedCookie());
      if (refresh != null) {
        response.header(HttpHeaders.SET_COOKIE, RefreshTokens.cookie(settings, "", 0, basePath));
      }
    }
    return response;
  }

  /**
   * {@link #logout()}, and when the token endpoint issues refresh tokens, revokes every refresh token of the login
   * {@code principal}'s token belongs to (its {@code sid}), and deletes the refresh cookie at the path the token
   * endpoint set it under for that request's base path. {@code principal} may be {@code null} (nothing to revoke; the
   * refresh cookie is deleted under the configured application path).
   */
  public Response.ResponseBuilder logout(JwtPrincipal principal) {
    if (refresh != null && principal != null) {
      principal.token().sessionId().ifPresent(refresh.store()::revokeFamily);
    }
    return logout(principal == null ? null : principal.basePath());
  }

  /**
   * Revokes the refresh tokens of every login of {@code subject}, as after a password change or when the account is
   * disabled or was taken over: none of them buys an access token again. Access tokens already issued stay valid
   * until they expire, unless a {@code @RevocationCheck} refuses them. Nothing to revoke when refresh tokens are off.
   * The store knows subjects, not configurations: where several keep their refresh tokens in one store, the
   * subject's logins of each are revoked.
   */
  public void revokeRefreshTokens(String subject) {
    java.util.Objects.requireNonNull(subject, "subject");
    if (refresh != null) {
      refresh.store().revokeSubject(subject);
    }
  }

  /** Starts a programmatic login for {@code subject}. */
  public Login login(String subject) {
    return new Login(this, subject);
  }
}
