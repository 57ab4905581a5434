package dev.jwtsecured.runtime;

import dev.jwtsecured.JwtSecured;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link SecurityContext} the generated filter sets on every request it handles. On an authenticated request it
 * carries the verified {@link Token} and the user the retriever returned; on a request that skipped authentication
 * (excluded path or method, {@code @PermitAll}) it carries neither, but still gives the typed access point its login.
 *
 * <p>The principal's name is the token's {@code sub}; {@link #isUserInRole(String)} reads the token's {@code roles}
 * and {@code scope} (only the roles, from {@code rolesClaim}, for tokens of an identity provider), and takes
 * {@code "**"} for any authenticated user ({@link JwtSecured#ANY_AUTHENTICATED_USER}); the scheme is
 * {@code Bearer}. {@link #isSecure()} is the container's answer.
 */
public final class JwtSecurityContext implements SecurityContext {
  /** The request property that holds the context. */
  public static final String PROPERTY = "dev.jwtsecured.runtime.JwtSecurityContext";

  /** The authentication scheme reported for authenticated requests. */
  public static final String BEARER = "Bearer";

  private final SecurityContext container;
  private final JwtAuth auth;
  private final Token token;
  private final Object user;
  private final JwtPrincipal principal;

  private JwtSecurityContext(SecurityContext container, JwtAuth auth, Token token, Object user, String basePath) {
    this.container = container;
    this.auth = Objects.requireNonNull(auth);
    this.token = token;
    this.user = user;
    this.principal = token == null ? null : new JwtPrincipal(auth.configuration(), token, user, basePath);
  }

  /**
   * The context of a request that was authenticated with {@code token} as {@code user}; {@code basePath}, the raw path
   * of its base URI, when a logout may need it, else {@code null}.
   */
  static JwtSecurityContext authenticated(SecurityContext container, JwtAuth auth, Token token, Object user,
      String basePath) {
    return new JwtSecurityContext(container, auth, Objects.requireNonNull(token), Objects.requireNonNull(user),
        basePath);
  }

  /** The context of a request that skipped authentication. */
  static JwtSecurityContext anonymous(SecurityContext container, JwtAuth auth) {
    return new JwtSecurityContext(container, auth, null, null, null);
  }

  /**
   * The jwtsecured context of a request, or empty when the generated filter did not handle it. Resources get the
   * request with {@code @Context ContainerRequestContext request}; the filter stores the context as a request property,
   * which also reaches resources that JAX-RS gives a proxy rather than the request's own security context.
   */
  public static Optional<JwtSecurityContext> of(ContainerRequestContext request) {
    Object context = request.getProperty(PROPERTY);
    return context instanceof JwtSecurityContext ? Optional.of((JwtSecurityContext) context) : Optional.empty();
  }

  /**
   * The jwtsecured context of a request.
   *
   * @throws IllegalStateException when the request did not pass the generated filter: the feature is not registered
   */
  public static JwtSecurityContext require(ContainerRequestContext request) {
    return of(request).orElseThrow(() -> new IllegalStateException(
        "jwtsecured: this request did not pass a jwtsecured filter; register the generated *JwtFeature"));
  }

  /**
   * The context of an authenticated request.
   *
   * @throws NotAuthorizedException with the 401 response of {@link AuthFailure#NO_TOKEN} when the request skipped
   *     authentication (an excluded path or method, or {@code @PermitAll})
   */
  public static JwtSecurityContext requireAuthenticated(ContainerRequestContext request) {
    JwtSecurityContext context = require(request);
    if (!context.isAuthenticated()) {
      throw new NotAuthorizedException(context.auth.requestAuth().reject(AuthFailure.NO_TOKEN));
    }
    return context;
  }

  /**
   * The principal of {@code security} when {@code configuration} authenticated the request, else {@code null}. Works
   * through the proxies JAX-RS runtimes inject for {@code @Context SecurityContext}: only the principal is read.
   */
  public static JwtPrincipal principal(SecurityContext security, Class<?> configuration) {
    Principal p = security == null ? null : security.getUserPrincipal();
    return p instanceof JwtPrincipal jwt && jwt.isOf(configuration) ? jwt : null;
  }

  /**
   * The principal of an authenticated request.
   *
   * @throws NotAuthorizedException a 401 with a {@code Bearer} challenge when {@code configuration} did not
   *     authenticate the request (a public operation called without a valid token)
   */
  public static JwtPrincipal requirePrincipal(SecurityContext security, Class<?> configuration) {
    JwtPrincipal p = principal(security, configuration);
    if (p == null) {
      throw new NotAuthorizedException(jakarta.ws.rs.core.Response.status(401)
          .header(jakarta.ws.rs.core.HttpHeaders.WWW_AUTHENTICATE, BEARER)
          .header(jakarta.ws.rs.core.HttpHeaders.CACHE_CONTROL, "no-store")
          .type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
          .entity("{\"status_code\":401,\"detail\":\"No JWT token found in request\"}")
          .build());
    }
    return p;
  }

  /** Stores this context on {@code request}: as its security context and as the property {@link #PROPERTY}. */
  void install(ContainerRequestContext request) {
    request.setSecurityContext(this);
    request.setProperty(PROPERTY, this);
  }

  /** The verified token, when the request was authenticated. */
  public Optional<Token> token() {
    return Optional.ofNullable(token);
  }

  /** The user the retriever returned, or {@code null}. The generated access point gives it its type. */
  public Object user() {
    return user;
  }

  /** The configuration's runtime, for login. */
  public JwtAuth auth() {
    return auth;
  }

  /**
   * Whether a valid token of a known user authenticated the request; {@code false} on a public operation called
   * without one.
   */
  public boolean isAuthenticated() {
    return token != null;
  }

  @Override
  public Principal getUserPrincipal() {
    return principal;
  }

  @Override
  public boolean isUserInRole(String role) {
    if (token == null) {
      return false;
    }
    if (JwtSecured.ANY_AUTHENTICATED_USER.equals(role)) {
      return true; // Jakarta's any authenticated user
    }
    return token.roles().contains(role) || auth.scopesAreRoles() && token.scopes().contains(role);
  }

  @Override
  public boolean isSecure() {
    return container != null && container.isSecure();
  }

  @Override
  public String getAuthenticationScheme() {
    return token == null ? null : BEARER;
  }

}
