package dev.jwtsecured.runtime;

import dev.jwtsecured.Transport;
import dev.jwtsecured.runtime.internal.AccessRule;
import dev.jwtsecured.runtime.internal.AuthException;
import dev.jwtsecured.runtime.internal.Cookies;
import dev.jwtsecured.runtime.internal.Credentials;
import dev.jwtsecured.runtime.internal.TokenRequest;
import dev.jwtsecured.runtime.internal.ClaimRules;
import dev.jwtsecured.runtime.internal.JwksKeySet;
import dev.jwtsecured.runtime.internal.KeyPairCodec;
import dev.jwtsecured.runtime.internal.KeySetVerifier;
import dev.jwtsecured.runtime.internal.KeySource;
import dev.jwtsecured.runtime.internal.PublicKeySource;
import dev.jwtsecured.runtime.internal.RefreshTokens;
import dev.jwtsecured.runtime.internal.TokenCodec;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The run-time half of one {@code @JwtSecured} configuration: what the generated filter, access point and token
 * endpoint call. It reads credentials, verifies tokens, sets the security context, builds the RFC 6750 error responses
 * and starts logins. Immutable and thread-safe; the generated feature creates one.
 *
 * <p>It is longer than most classes here because it is the one object generated code holds per configuration: reading
 * credentials, the security context, RFC 6750 responses, logins and the token endpoint's answers all go through it.
 */
public final class JwtAuth {
  private static final Pattern QUOTABLE = Pattern.compile(dev.jwtsecured.JwtSecured.TEXT_CHARACTERS);
  private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

  /** Prefix of the application property under which each configuration's feature publishes its {@code JwtAuth}. */
  public static final String PROPERTY_PREFIX = "dev.jwtsecured.auth.";

  private final JwtSettings settings;
  private final Class<?> configuration;
  private final Object instance;
  /** {@code null} unless the configuration has a secret. */
  private final TokenCodec codec;
  /** {@code null} unless the configuration signs with a private key. */
  private final KeyPairCodec keyPair;
  /** Verifies a request's token: decided once, from the configuration's source of keys. */
  private final Function<String, Token> verifier;
  /** Signs tokens; {@code null} for a verifier-only configuration ({@code jwksUri}, {@code publicKey}). */
  private final Function<Token, String> signer;
  /** {@code null} unless the token endpoint issues refresh tokens. */
  private final RefreshTokens refresh;
  private final Map<AuthFailure, String> challenges = new EnumMap<>(AuthFailure.class);
  private final Map<AuthFailure, String> bodies = new EnumMap<>(AuthFailure.class);

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
   */
  public JwtAuth(JwtSettings settings, Class<?> configuration, Object instance, RefreshTokenStore refreshStore) {
    this.settings = settings;
    this.configuration = java.util.Objects.requireNonNull(configuration);
    this.instance = instance;
    ClaimRules rules = new ClaimRules(settings.clock(), settings.leeway(), settings.acceptedIssuers(),
        settings.audience(), settings.rolesClaim());
    if (settings.privateKey().isPresent()) {
      this.codec = null;
      this.keyPair = new KeyPairCodec(settings.privateKey().get(), rules, settings.rolesClaim(), settings.clock(),
          settings.cacheSize());
      this.verifier = keyPair::verify;
      this.signer = keyPair::issue;
    } else if (settings.jwksUri().isPresent() || settings.publicKey().isPresent()) {
      this.codec = null;
      this.keyPair = null;
      KeySource keys = settings.publicKey().isPresent()
          ? new PublicKeySource(settings.publicKey().get())
          : new JwksKeySet(settings.jwksUri().get(), JwksKeySet.Options.DEFAULT
              .withClock(settings.clock()).withUnknownKidInterval(settings.jwksMinRefresh()));
      this.verifier = new KeySetVerifier(keys, settings.keyAlgorithms(), rules, settings.clock(),
          settings.cacheSize())::verify;
      this.signer = null;
    } else {
      this.codec = new TokenCodec(settings);
      this.keyPair = null;
      this.verifier = codec::verify;
      this.signer = codec::issue;
    }
    this.refresh = settings.refreshExpiration()
        .map(lifetime -> new RefreshTokens(
            refreshStore != null ? refreshStore : InMemoryRefreshTokenStore.withDefaults(), lifetime))
        .orElse(null);
    if (refreshStore != null && refresh == null) {
      throw new IllegalArgumentException("jwtsecured: a refresh token store without refreshExpiration is never used");
    }
    if (!QUOTABLE.matcher(settings.realm()).matches()) {
      throw new IllegalArgumentException("realm must use only the characters RFC 6750 section 3 allows");
    }
    String realm = "Bearer realm=\"" + settings.realm() + "\"";
    for (AuthFailure f : AuthFailure.values()) {
      if (f.status() != 403 || f.error() != null) {
        challenges.put(f, f.error() == null ? realm : realm + ", error=\"" + f.error() + "\"" + description(f));
      }
      String detail = f == AuthFailure.NO_TOKEN ? noTokenDetail(settings.transport()) : f.detail();
      bodies.put(f, "{\"status_code\":" + f.status() + ",\"detail\":\"" + detail + "\"}");
    }
  }

  private static String description(AuthFailure f) {
    return f.description() == null || f == AuthFailure.INSUFFICIENT_SCOPE
        ? ""
        : ", error_description=\"" + f.description() + "\"";
  }

  private static String noTokenDetail(Transport transport) {
    return transport == Transport.COOKIE
        ? "No JWT token found in request header or cookies"
        : "No JWT token found in request header";
  }

  public JwtSettings settings() {
    return settings;
  }

  /**
   * The codec that issues and verifies this configuration's own tokens.
   *
   * @throws IllegalStateException for a configuration without a secret
   */
  public TokenCodec codec() {
    if (codec == null) {
      throw new IllegalStateException("jwtsecured: " + configuration.getSimpleName() + " has no secret");
    }
    return codec;
  }

  /**
   * Signs {@code token} with the configuration's secret or private key.
   *
   * @throws IllegalStateException for a verifier-only configuration ({@code jwksUri}), which issues no tokens
   */
  public String issue(Token token) {
    if (signer == null) {
      throw new IllegalStateException("jwtsecured: " + configuration.getSimpleName() + " verifies an identity"
          + " provider's tokens and issues none");
    }
    return signer.apply(token);
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
   * The {@code JwtAuth} of {@code configuration} in {@code application} (a resource's {@code @Context Configuration}),
   * where its feature published it.
   *
   * @throws IllegalStateException when the configuration's feature is not registered
   */
  public static JwtAuth of(jakarta.ws.rs.core.Configuration application, Class<?> configuration) {
    Object auth = application == null ? null : application.getProperty(PROPERTY_PREFIX + configuration.getName());
    if (auth instanceof JwtAuth jwt) {
      return jwt;
    }
    throw new IllegalStateException("jwtsecured: the feature of " + configuration.getName()
        + " is not registered with this application");
  }

  /**
   * The security context this configuration already set on {@code request} when it authenticated it before matching
   * (in front of a protected sub-resource locator), or {@code null}.
   */
  public JwtSecurityContext authenticatedBefore(ContainerRequestContext request) {
    return JwtSecurityContext.of(request)
        .filter(c -> c.auth() == this && c.isAuthenticated())
        .orElse(null);
  }

  /**
   * Reads the request's token from the configured header (and, for cookie transport, the cookie) and verifies it.
   *
   * @throws AuthException when there is no token, more than one, or it fails verification
   */
  public Token authenticate(ContainerRequestContext request) {
    return verifier.apply(readToken(request));
  }

  /**
   * The raw token of the request (ARCHITECTURE.md, "What runs per request"): the {@code Bearer} header; for cookie transport, when there is no such
   * header, the cookie. With cookie transport, a header and a cookie that carry different tokens are refused.
   */
  public String readToken(ContainerRequestContext request) {
    String fromHeader = Credentials.fromHeader(request.getHeaders().get(settings.authHeader()));
    if (settings.transport() == Transport.COOKIE) {
      String fromCookie = Cookies.token(request.getHeaders().get(HttpHeaders.COOKIE), settings.cookieName());
      if (fromHeader != null && fromCookie != null && !fromHeader.equals(fromCookie)) {
        throw new AuthException(AuthFailure.MULTIPLE_TOKENS);
      }
      if (fromHeader == null) {
        fromHeader = fromCookie;
      }
    }
    if (fromHeader == null) {
      throw new AuthException(AuthFailure.NO_TOKEN);
    }
    return fromHeader;
  }

  /** Marks the request authenticated: the security context carries {@code token} and {@code user}. */
  public JwtSecurityContext authenticated(ContainerRequestContext request, Token token, Object user) {
    JwtSecurityContext context =
        JwtSecurityContext.authenticated(request.getSecurityContext(), this, token, user);
    context.install(request);
    return context;
  }

  /** Marks the request as one that skipped authentication; resources can still log in through it. */
  public void skipped(ContainerRequestContext request) {
    JwtSecurityContext.anonymous(request.getSecurityContext(), this).install(request);
  }

  /**
   * Adds the security headers to a response of a resource method this configuration guards: {@code nosniff} always;
   * on a response to an authenticated request, {@code Cache-Control: no-store} unless the resource set a
   * {@code Cache-Control} itself, in which case {@code Vary} names the credentials' header (and {@code Cookie} for
   * cookie transport), so that no shared cache hands one user's answer to another.
   */
  public void secureResponse(ContainerRequestContext request, jakarta.ws.rs.container.ContainerResponseContext response) {
    jakarta.ws.rs.core.MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putSingle(NOSNIFF_HEADER, "nosniff");
    JwtSecurityContext context = JwtSecurityContext.of(request).orElse(null);
    if (context == null || context.auth() != this || !context.isAuthenticated()) {
      return;
    }
    if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
      headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    } else {
      headers.add(HttpHeaders.VARY, settings.transport() == Transport.COOKIE
          ? settings.authHeader() + ", " + HttpHeaders.COOKIE
          : settings.authHeader());
    }
  }

  /** {@code X-Content-Type-Options}, sent as {@code nosniff} on every response jwtsecured writes or guards. */
  public static final String NOSNIFF_HEADER = "X-Content-Type-Options";

  /** The RFC 6750 response for {@code failure}. */
  public Response reject(AuthFailure failure) {
    Response.ResponseBuilder response =
        Response.status(failure.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(bodies.get(failure));
    String challenge = challenges.get(failure);
    if (challenge != null) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }
    return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header(NOSNIFF_HEADER, "nosniff").build();
  }

  /** The 403 {@code insufficient_scope} response for a request that lacks every role of {@code rule}. */
  public Response forbidden(AccessRule rule) {
    StringBuilder scope = new StringBuilder();
    for (String role : rule.roles()) {
      if (SCOPE_TOKEN.matcher(role).matches()) {
        scope.append(scope.length() == 0 ? "" : " ").append(role);
      }
    }
    return Response.status(403)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(bodies.get(AuthFailure.INSUFFICIENT_SCOPE))
        .header(
            HttpHeaders.WWW_AUTHENTICATE,
            challenges.get(AuthFailure.INSUFFICIENT_SCOPE)
                + ", error_description=\"" + AuthFailure.INSUFFICIENT_SCOPE.description() + "\""
                + ", scope=\"" + scope + "\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header(NOSNIFF_HEADER, "nosniff")
        .build();
  }

  /**
   * The {@code Set-Cookie} value that stores {@code jwt} for {@code maxAgeSeconds}:
   * {@code <name>=<jwt>; Max-Age=<n>; Path=<path>[; Domain=<domain>][; Secure]; HttpOnly; SameSite=<s>}.
   */
  public String cookie(String jwt, long maxAgeSeconds) {
    return Cookies.setCookie(settings, settings.cookieName(), jwt, maxAgeSeconds, settings.cookiePath());
  }

  /** The {@code Set-Cookie} value that deletes the token cookie (logout). */
  public String clearedCookie() {
    return cookie("", 0);
  }

  /**
   * A logout response: 204, and for cookie transport the {@code Set-Cookie} that deletes the token cookie. Logging out
   * does not revoke the token; revoke its {@code jti} in a {@code @RevocationCheck} for that.
   */
  public Response.ResponseBuilder logout() {
    Response.ResponseBuilder response = Response.noContent().header(HttpHeaders.CACHE_CONTROL, "no-store");
    if (settings.transport() == Transport.COOKIE) {
      response.header(HttpHeaders.SET_COOKIE, clearedCookie());
      if (refresh != null) {
        response.header(HttpHeaders.SET_COOKIE, RefreshTokens.cookie(settings, "", 0));
      }
    }
    return response;
  }

  /**
   * {@link #logout()}, and when the token endpoint issues refresh tokens, revokes every refresh token of the login
   * {@code token} belongs to (its {@code sid}). {@code token} may be {@code null} (nothing to revoke).
   */
  public Response.ResponseBuilder logout(Token token) {
    if (refresh != null && token != null) {
      token.sessionId().ifPresent(refresh.store()::revokeFamily);
    }
    return logout();
  }

  /**
   * Answers 429 with {@code Retry-After} when the login throttle holds this attempt back; call it before the
   * authenticator, so that a throttled guess costs no password check.
   *
   * @throws TokenRequest.TokenError the 429
   */
  public void checkThrottle(TokenRequest request, HttpHeaders headers) {
    java.time.Duration wait = settings.loginThrottle().delay(request.username(), clientAddress(headers));
    if (!wait.isZero() && !wait.isNegative()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      throw new TokenRequest.TokenError(429, "invalid_request",
          "Too many failed attempts; retry after " + seconds + " seconds", seconds);
    }
  }

  /** The client's address from {@code clientAddressHeader} (its last entry), or {@code null}. */
  String clientAddress(HttpHeaders headers) {
    String name = settings.clientAddressHeader();
    String value = name == null || headers == null ? null : headers.getHeaderString(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    String last = value.substring(value.lastIndexOf(',') + 1).trim();
    return last.isEmpty() || last.length() > 64 ? null : last;
  }

  /**
   * The token endpoint's answer (RFC 6749 section 5.1) for a password grant: 200, the OAuth2 body, {@code
   * Cache-Control: no-store}, {@code Pragma: no-cache}, and for cookie transport the cookie. The {@code scope} claim
   * holds the requested scopes that {@code grant} grants: none when it names none. The login throttle learns how the
   * attempt went, keyed by user name and by the client address from {@code headers} (which may be {@code null}).
   * With refresh tokens on, the login starts a refresh token family: the answer carries its first refresh token (in
   * the body, or for cookie transport in the refresh cookie) and the access token its {@code sid}.
   *
   * @param grant the authenticator's answer; {@code null} means bad credentials and gives {@code invalid_grant}
   */
  public Response tokenResponse(TokenRequest request, Grant grant, HttpHeaders headers) {
    String client = clientAddress(headers);
    if (grant == null) {
      settings.loginThrottle().failed(request.username(), client);
      // One answer for an unknown user and a wrong password: the endpoint does not tell which.
      return new TokenRequest.TokenError("invalid_grant", "The user name or password is wrong").response();
    }
    settings.loginThrottle().succeeded(request.username(), client);
    Set<String> scopes = new LinkedHashSet<>(request.scopes());
    scopes.retainAll(grant.scopes());
    Login login = login(grant.subject()).roles(grant.roles()).scopes(scopes).extras(grant.extras());
    if (refresh == null) {
      return login.tokenResponse(null);
    }
    RefreshTokens.Issued first = refresh.start(grant.subject(), grant.roles(), scopes, grant.extras(), now());
    return login.sessionId(first.entry().family()).tokenResponse(first);
  }

  /**
   * The token endpoint's answer to a refresh token grant (RFC 6749 section 6): rotates the presented refresh token and
   * answers 200 with a new access token and a new refresh token. The access token carries the login's subject, roles
   * and extras, and the requested scopes (all of the login's when none are requested). {@code known} is asked about
   * the new access token as a request with it would be (the user retriever, then the revocation check): when it says
   * no, the login is revoked and the answer is {@code invalid_grant}.
   *
   * @throws TokenRequest.TokenError {@code invalid_grant} for a spent (the login is then revoked), unknown, expired or
   *     malformed refresh token; {@code invalid_scope} for a scope wider than the login's (the token stays active)
   */
  public Response refreshResponse(TokenRequest request, java.util.function.Predicate<Token> known) {
    if (refresh == null) {
      throw new TokenRequest.TokenError("unsupported_grant_type", "Only the password grant type is supported");
    }
    RefreshTokens.Refreshed refreshed = refresh.rotate(request.refreshToken(), request.scopes(), now());
    RefreshTokenStore.Entry login = refreshed.previous();
    Login next = login(login.subject()).roles(login.roles()).extras(login.extras()).sessionId(login.family())
        .scopes(request.scopes().isEmpty() ? login.scopes() : request.scopes());
    if (!known.test(next.token())) {
      refresh.store().revokeFamily(login.family());
      throw new TokenRequest.TokenError("invalid_grant", "The user of this refresh token is no longer accepted");
    }
    return next.tokenResponse(refreshed.next());
  }

  /** Starts a programmatic login for {@code subject}. */
  public Login login(String subject) {
    return new Login(this, subject);
  }

  /** Waits for an asynchronous user retriever that answers {@code Optional}: empty (or {@code null}) gives {@code null}. */
  public static <U> U awaitOptional(CompletionStage<? extends java.util.Optional<U>> stage) {
    java.util.Optional<U> user = await(stage);
    return user == null ? null : user.orElse(null);
  }

  /**
   * Waits for an asynchronous user retriever. A stage completed exceptionally rethrows its cause unchanged when it is
   * unchecked, so the application's exception reaches the JAX-RS runtime as if the retriever were synchronous.
   */
  public static <U> U await(CompletionStage<U> stage) {
    if (stage == null) {
      return null;
    }
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw e;
    }
  }
}
