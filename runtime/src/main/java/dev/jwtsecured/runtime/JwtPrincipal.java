package dev.jwtsecured.runtime;

import java.security.Principal;
import java.util.Objects;

/**
 * The principal of a request that a jwtsecured configuration authenticated: named by the token's {@code sub}, and
 * carrying the verified {@link Token} and the user the retriever returned. Resources reach it through the standard
 * {@code @Context SecurityContext}, which every JAX-RS runtime injects (directly, or as a proxy to the request's own),
 * so the generated access point {@code FooJwt.user(security)} works on any of them.
 */
public final class JwtPrincipal implements Principal {
  private final Class<?> configuration;
  private final Token token;
  private final Object user;
  /** The raw path of the request's base URI, kept when a logout needs it to delete the refresh cookie; else null. */
  private final String basePath;

  JwtPrincipal(Class<?> configuration, Token token, Object user, String basePath) {
    this.configuration = Objects.requireNonNull(configuration);
    this.token = Objects.requireNonNull(token);
    this.user = Objects.requireNonNull(user);
    this.basePath = basePath;
  }

  /** The token's subject. */
  @Override
  public String getName() {
    return token.subject();
  }

  /** The verified token. */
  public Token token() {
    return token;
  }

  /** The user the retriever returned; the generated access point gives it its type. */
  public Object user() {
    return user;
  }

  String basePath() {
    return basePath;
  }

  /** Whether the configuration class {@code configuration} authenticated the request. */
  public boolean isOf(Class<?> configuration) {
    return this.configuration == configuration;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JwtPrincipal p && p.configuration == configuration && p.token.equals(token);
  }

  @Override
  public int hashCode() {
    return Objects.hash(configuration, token);
  }

  @Override
  public String toString() {
    return "JwtPrincipal[" + getName() + "]";
  }
}
