package dev.jwtsecured.runtime;

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
 * and {@code scope}; the scheme is {@code Bearer}. {@link #isSecure()} is the container's answer.
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
  private final Principal principal;

  private JwtSecurityContext(SecurityContext container, JwtAuth auth, Token token, Object user) {
    this.container = container;
    this.auth = Objects.requireNonNull(auth);
    this.token = token;
    this.user = user;
    this.principal = token == null ? null : new JwtPrincipal(token.subject());
  }

  /** The context of a request that was authenticated with {@code token} as {@code user}. */
  static JwtSecurityContext authenticated(SecurityContext container, JwtAuth auth, Token token, Object user) {
    return new JwtSecurityContext(container, auth, Objects.requireNonNull(token), Objects.requireNonNull(user));
  }

  /** The context of a request that skipped authentication. */
  static JwtSecurityContext anonymous(SecurityContext container, JwtAuth auth) {
    return new JwtSecurityContext(container, auth, null, null);
  }

  /**
   * The jwtsecured context of a request, or empty when the generated filter did not handle it. Resources get the request
   * with {@code @Context ContainerRequestContext request}; the filter stores the context as a request property, which
   * also reaches resources that JAX-RS gives a proxy rather than the request's own security context.
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
      throw new NotAuthorizedException(context.auth.reject(AuthFailure.NO_TOKEN));
    }
    return context;
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

  public boolean isAuthenticated() {
    return token != null;
  }

  @Override
  public Principal getUserPrincipal() {
    return principal;
  }

  @Override
  public boolean isUserInRole(String role) {
    return token != null && (token.roles().contains(role) || token.scopes().contains(role));
  }

  @Override
  public boolean isSecure() {
    return container != null && container.isSecure();
  }

  @Override
  public String getAuthenticationScheme() {
    return token == null ? null : BEARER;
  }

  /** A principal named by the token's subject. */
  private static final class JwtPrincipal implements Principal {
    private final String name;

    JwtPrincipal(String name) {
      this.name = name;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof JwtPrincipal && ((JwtPrincipal) o).name.equals(name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }

    @Override
    public String toString() {
      return "JwtPrincipal[" + name + "]";
    }
  }
}
