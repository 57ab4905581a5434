package dev.jwtsecured.runtime;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.Transport;
import dev.jwtsecured.runtime.internal.AccessRule;
import dev.jwtsecured.runtime.internal.AuthException;
import dev.jwtsecured.runtime.internal.Cookies;
import dev.jwtsecured.runtime.internal.Credentials;
import dev.jwtsecured.runtime.internal.RefreshTokens;
import dev.jwtsecured.runtime.internal.RequestAuth;
import dev.jwtsecured.runtime.internal.RequestUris;
import dev.jwtsecured.runtime.internal.TokenRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The {@link RequestAuth} of one {@link JwtAuth}: in this package, because it sets the security context and finishes
 * logins through their package-private methods. The RFC 6750 challenges and bodies are built once, here.
 */
final class JwtRequestAuth implements RequestAuth {
  private static final Pattern SCOPE_TOKEN = Pattern.compile(JwtSecured.SCOPE_TOKEN);

  private final JwtAuth auth;
  private final JwtSettings settings;
  /** Verifies a request's token: decided once, from the configuration's source of keys. */
  private final Function<String, Token> verifier;
  /** The key fetch verifying a token would wait for; {@code null} unless keys come from a JWKS. */
  private final Function<String, CompletableFuture<?>> keyFetch;
  /** {@code null} unless the token endpoint issues refresh tokens. */
  private final RefreshTokens refresh;
  /** Whether a logout needs the request's base path: the refresh cookie's path follows it (decided once). */
  private final boolean keepsBasePath;
  private final Map<AuthFailure, String> challenges = new EnumMap<>(AuthFailure.class);
  private final Map<AuthFailure, String> bodies = new EnumMap<>(AuthFailure.class);

  JwtRequestAuth(JwtAuth auth, Function<String, Token> verifier, Function<String, CompletableFuture<?>> keyFetch,
      RefreshTokens refresh) {
    this.auth = auth;
    this.settings = auth.settings();
    this.verifier = verifier;
    this.keyFetch = keyFetch;
    this.refresh = refresh;
    this.keepsBasePath = refresh != null && settings.transport() == Transport.COOKIE
        && settings.refreshCookiePath().isEmpty();
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

  @Override
  public JwtSecurityContext authenticatedBefore(ContainerRequestContext request) {
    return JwtSecurityContext.of(request)
        .filter(c -> c.auth() == auth && c.isAuthenticated())
        .orElse(null);
  }

  @Override
  public Token authenticate(ContainerRequestContext request) {
    // Whatever the route, a request whose URI cannot be built is not authenticated: its refusal, a logout and the
    // locator guard read the URI's path.
    if (RequestUris.rawPath(request.getUriInfo()) == null) {
      throw new AuthException(AuthFailure.MALFORMED_REQUEST);
    }
    return verifier.apply(readToken(request));
  }

  @Override
  public boolean carriesCredentials(ContainerRequestContext request) {
    MultivaluedMap<String, String> headers = request.getHeaders();
    return headers.get(settings.authHeader()) != null
        || settings.transport() == Transport.COOKIE && headers.get(HttpHeaders.COOKIE) != null;
  }

  @Override
  public CompletableFuture<?> keysFor(ContainerRequestContext request) {
    if (keyFetch == null) {
      return null;
    }
    try {
      return keyFetch.apply(readToken(request));
    } catch (AuthException e) {
      return null; // refused without a key
    }
  }

  private String readToken(ContainerRequestContext request) {
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

  @Override
  public JwtSecurityContext authenticated(ContainerRequestContext request, Token token, Object user) {
    // A logout deletes the refresh cookie where the token endpoint set it: under this request's base path.
    String basePath = keepsBasePath ? RequestUris.rawBasePath(request.getUriInfo()) : null;
    JwtSecurityContext context =
        JwtSecurityContext.authenticated(request.getSecurityContext(), auth, token, user, basePath);
    context.install(request);
    return context;
  }

  @Override
  public void skipped(ContainerRequestContext request) {
    JwtSecurityContext.anonymous(request.getSecurityContext(), auth).install(request);
  }

  @Override
  public void secureResponse(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putSingle(JwtAuth.NOSNIFF_HEADER, "nosniff");
    JwtSecurityContext context = JwtSecurityContext.of(request).orElse(null);
    if (context == null || context.auth() != auth || !context.isAuthenticated()) {
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

  @Override
  public Response reject(AuthFailure failure) {
    Response.ResponseBuilder response =
        Response.status(failure.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(bodies.get(failure));
    String challenge = challenges.get(failure);
    if (challenge != null) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }
    return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header(JwtAuth.NOSNIFF_HEADER, "nosniff").build();
  }

  @Override
  public Response reject(ContainerRequestContext request, AuthFailure failure) {
    report(request, failure == AuthFailure.DENIED ? SecurityEvent.Kind.REQUEST_DENIED
        : SecurityEvent.Kind.REQUEST_REFUSED, null, failure);
    return reject(failure);
  }

  @Override
  public Response forbidden(ContainerRequestContext request, JwtSecurityContext security, AccessRule rule) {
    report(request, SecurityEvent.Kind.REQUEST_DENIED, security.getUserPrincipal().getName(),
        AuthFailure.INSUFFICIENT_SCOPE);
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
        .header(JwtAuth.NOSNIFF_HEADER, "nosniff")
        .build();
  }

  /** A refusal or denial of {@code request} as a security event: its method, raw path and client address. */
  private void report(ContainerRequestContext request, SecurityEvent.Kind kind, String subject, AuthFailure failure) {
    String client = LoginAttempt.clientAddress(settings, request::getHeaderString);
    SecurityEvent.report(settings, new SecurityEvent(kind, settings.clock().instant(), subject, null, client, failure,
        request.getMethod() + " " + Objects.requireNonNullElse(RequestUris.rawPath(request.getUriInfo()), "?")));
  }

  @Override
  public void checkThrottle(TokenRequest request, HttpHeaders headers) {
    Duration wait = LoginAttempt.of(auth, request.username(), headers).delay();
    if (!wait.isZero()) {
      long seconds = LoginAttempt.retryAfterSeconds(wait);
      throw new TokenRequest.TokenError(429, "invalid_request",
          "Too many failed attempts; retry after " + seconds + " seconds", seconds);
    }
  }

  @Override
  public Response tokenResponse(TokenRequest request, Grant grant, HttpHeaders headers) {
    LoginAttempt attempt = LoginAttempt.of(auth, request.username(), headers);
    if (grant == null) {
      attempt.failed();
      // One answer for an unknown user and a wrong password: the endpoint does not tell which.
      return new TokenRequest.TokenError("invalid_grant", "The user name or password is wrong").response();
    }
    attempt.succeeded();
    Set<String> scopes = new LinkedHashSet<>(request.scopes());
    scopes.retainAll(grant.scopes());
    Login login = auth.login(grant.subject()).roles(grant.roles()).scopes(scopes).extras(grant.extras());
    if (refresh == null) {
      return login.tokenResponse(null, request.basePath(), false);
    }
    RefreshTokens.Issued first = refresh.first(grant.subject(), grant.roles(), scopes, grant.extras(), auth.now());
    // Signed before the refresh token is stored: a refused access token (over maxTokenLength) leaves nothing behind.
    login.sessionId(first.entry().family()).jwt();
    refresh.store().create(first.entry());
    return login.tokenResponse(first, request.basePath(), false);
  }

  @Override
  public Response refreshResponse(TokenRequest request, HttpHeaders headers, Predicate<Token> known) {
    if (refresh == null) {
      throw new TokenRequest.TokenError("unsupported_grant_type", "Only the password grant type is supported");
    }
    RefreshTokens.Refreshed refreshed = refresh.rotate(request.refreshToken(), request.scopes(), auth.now(), reused -> {
      if (reused.spent()) { // a token of a login that was merely revoked is no sign of theft
        SecurityEvent.report(settings, SecurityEvent.Kind.REFRESH_TOKEN_REUSED, reused.presented().subject(),
            reused.family(), LoginAttempt.clientAddress(settings, headers));
      }
    });
    RefreshTokenStore.Entry login = refreshed.previous();
    Login next = auth.login(login.subject()).roles(login.roles()).extras(login.extras()).sessionId(login.family())
        .scopes(request.scopes().isEmpty() ? login.scopes() : request.scopes());
    if (!known.test(next.token())) {
      refresh.store().revokeFamily(login.family());
      throw new TokenRequest.TokenError("invalid_grant", "The user of this refresh token is no longer accepted");
    }
    // A refresh by the refresh cookie may come from a script on the page (the browser adds the cookie): the new access
    // token goes in its HttpOnly cookie only, never in a body that script could read and take away.
    return next.tokenResponse(refreshed.next(), request.basePath(), request.refreshFromCookie());
  }
}
