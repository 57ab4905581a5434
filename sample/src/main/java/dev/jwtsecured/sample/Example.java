package dev.jwtsecured.sample;

import dev.jwtsecured.runtime.JwtSettings;
import dev.jwtsecured.sample.cookie.CookieResources;
import dev.jwtsecured.sample.cookie.CookieSecurity;
import dev.jwtsecured.sample.cookie.CookieSecurityJwtFeature;
import dev.jwtsecured.sample.cookie.CookieSwaggerUi;
import dev.jwtsecured.sample.oauth2.DemoUsers;
import dev.jwtsecured.sample.oauth2.OAuth2Resources;
import dev.jwtsecured.sample.oauth2.OAuth2Security;
import dev.jwtsecured.sample.oauth2.OAuth2SecurityJwtFeature;
import dev.jwtsecured.sample.oauth2.OAuth2SwaggerUi;
import dev.jwtsecured.sample.oauth2.RevokedTokens;
import dev.jwtsecured.sample.header.HeaderSecurity;
import dev.jwtsecured.sample.header.HeaderSecurityJwtFeature;
import dev.jwtsecured.sample.header.HeaderSwaggerUi;
import dev.jwtsecured.sample.header.LoginResource;
import dev.jwtsecured.sample.header.SomePathResource;
import dev.jwtsecured.sample.header.UserCache;
import dev.jwtsecured.sample.issuer.IssuerResources;
import dev.jwtsecured.sample.issuer.IssuerSecurity;
import dev.jwtsecured.sample.issuer.IssuerSecurityJwtFeature;
import dev.jwtsecured.sample.resourceserver.ResourceServerResources;
import dev.jwtsecured.sample.resourceserver.ResourceServerSecurityJwtFeature;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Feature;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The sample's applications, one per listing of the seed. Each is a plain JAX-RS {@link Application}: the generated
 * feature's {@code singletons()} (the feature, its token endpoint and OpenAPI resource) and the example's resources,
 * created with the in-memory services they use. Any JAX-RS runtime can serve it.
 */
public enum Example {
  /** "Using JWT Auth": the token in the {@code Authorization} header. */
  HEADER {
    @Override
    public Application application(UnaryOperator<JwtSettings.Builder> settings) {
      JwtSettings built = settings.apply(HeaderSecurityJwtFeature.settings()).build();
      UserCache cache = users(built);
      HeaderSecurityJwtFeature jwt = new HeaderSecurityJwtFeature(new HeaderSecurity(cache), built);
      return application(jwt, HeaderSecurityJwtFeature.classes(), Services.properties(cache), LoginResource.class,
          SomePathResource.class, HeaderSwaggerUi.class);
    }
  },

  /** {@code JWTCookieAuth}: the header or, without one, the {@code token} cookie. */
  COOKIE {
    @Override
    public Application application(UnaryOperator<JwtSettings.Builder> settings) {
      JwtSettings built = settings.apply(CookieSecurityJwtFeature.settings()).build();
      UserCache cache = users(built);
      CookieSecurityJwtFeature jwt = new CookieSecurityJwtFeature(new CookieSecurity(cache), built);
      return application(jwt, CookieSecurityJwtFeature.classes(), Services.properties(cache),
          CookieResources.Login.class, CookieResources.SomePath.class, CookieResources.Logout.class,
          CookieSwaggerUi.class);
    }
  },

  /** "Using OAUTH2 Bearer Password": the generated token endpoint at {@code /login}. */
  OAUTH2 {
    @Override
    public Application application(UnaryOperator<JwtSettings.Builder> settings) {
      DemoUsers users = new DemoUsers();
      JwtSettings built = settings.apply(OAuth2SecurityJwtFeature.settings()).build();
      RevokedTokens revoked = new RevokedTokens(built.clock(), built.leeway());
      OAuth2SecurityJwtFeature jwt = new OAuth2SecurityJwtFeature(new OAuth2Security(users, revoked), built);
      return application(jwt, OAuth2SecurityJwtFeature.classes(), Services.properties(users, revoked),
          OAuth2Resources.SomePath.class, OAuth2Resources.Admin.class, OAuth2Resources.LoginCustom.class,
          OAuth2Resources.Logout.class, OAuth2Resources.Health.class, OAuth2SwaggerUi.class);
    }
  },

  /**
   * Tokens signed ES256 with a private key ({@code JWT_PRIVATE_KEY}), the public key published at
   * {@code /.well-known/jwks.json}; the oauth2 example's users.
   */
  ISSUER {
    @Override
    public Application application(UnaryOperator<JwtSettings.Builder> settings) {
      DemoUsers users = new DemoUsers();
      IssuerSecurityJwtFeature jwt = new IssuerSecurityJwtFeature(new IssuerSecurity(users),
          settings.apply(IssuerSecurityJwtFeature.settings()).build());
      return application(jwt, IssuerSecurityJwtFeature.classes(), Services.properties(users),
          IssuerResources.SomePath.class, IssuerResources.Admin.class);
    }
  },

  /**
   * A verifier-only configuration: tokens from an identity provider, checked with the keys of its JWKS
   * ({@code JWT_JWKS_URI}); {@code JWT_ISSUER}, {@code JWT_AUDIENCE} and {@code JWT_JWKS_MIN_REFRESH} when set, a
   * warning on stderr for each of the first two unset.
   */
  RESOURCE_SERVER {
    @Override
    public Application application(UnaryOperator<JwtSettings.Builder> settings) {
      JwtSettings.Builder builder = ResourceServerSecurityJwtFeature.settings();
      String issuer = System.getenv("JWT_ISSUER");
      if (issuer != null && !issuer.isEmpty()) {
        builder.issuer(issuer);
      } else {
        System.err.println("WARNING: JWT_ISSUER is not set; tokens of any issuer the keys at JWT_JWKS_URI sign are"
            + " accepted.");
      }
      String audience = System.getenv("JWT_AUDIENCE");
      if (audience != null && !audience.isEmpty()) {
        builder.audience(List.of(audience));
      } else {
        System.err.println("WARNING: JWT_AUDIENCE is not set; tokens the identity provider issued for any API or"
            + " client are accepted.");
      }
      String minRefresh = System.getenv("JWT_JWKS_MIN_REFRESH");
      if (minRefresh != null && !minRefresh.isEmpty()) {
        try {
          builder.jwksMinRefresh(java.time.Duration.parse(minRefresh));
        } catch (java.time.format.DateTimeParseException e) {
          throw new IllegalArgumentException("JWT_JWKS_MIN_REFRESH must be an ISO-8601 duration such as PT30S, not '"
              + minRefresh + "'");
        }
      }
      ResourceServerSecurityJwtFeature jwt = new ResourceServerSecurityJwtFeature(settings.apply(builder).build());
      return application(jwt, ResourceServerSecurityJwtFeature.classes(), Map.of(),
          ResourceServerResources.SomePath.class, ResourceServerResources.Admin.class,
          ResourceServerResources.Health.class);
    }
  };

  /**
   * The application as the README shows it: the generated feature as its one singleton, the resources the feature
   * generated and the example's own as classes, the example's services as properties, and its error mapping.
   */
  static Application application(Feature jwt, Set<Class<?>> generated, Map<String, Object> services,
      Class<?>... resources) {
    Set<Class<?>> classes = new LinkedHashSet<>(generated);
    classes.addAll(List.of(resources));
    classes.add(UnexpectedErrors.class);
    Set<Class<?>> allClasses = Set.copyOf(classes);
    return new Application() {
      @Override
      public Set<Class<?>> getClasses() {
        return allClasses;
      }

      // Deprecated in Jakarta REST 4.0 in favour of CDI, and still part of the specification: every runtime
      // honours it, which makes it the portable way to hand JAX-RS a configured instance without CDI.
      @SuppressWarnings("deprecation")
      @Override
      public Set<Object> getSingletons() {
        return Set.of(jwt);
      }

      @Override
      public Map<String, Object> getProperties() {
        return services;
      }
    };
  }

  /**
   * The header and cookie examples' users: each held as long as its login's token can pass, at most 10,000 (anyone may
   * log users in).
   */
  static UserCache users(JwtSettings settings) {
    return new UserCache(settings.clock(), settings.expiration().plus(settings.leeway()), 10_000);
  }

  /** The JAX-RS application; {@code settings} may adjust the generated defaults (secret source, clock). */
  public abstract Application application(UnaryOperator<JwtSettings.Builder> settings);

  /** Parses {@code header}, {@code cookie}, {@code oauth2}, {@code issuer} or {@code resource-server}. */
  public static Example parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown example '" + name
          + "': use header, cookie, oauth2, issuer or resource-server", e);
    }
  }

  /** Whether the example issues its own tokens with a secret ({@code JWT_SECRET}). */
  public boolean hasSecret() {
    return this != RESOURCE_SERVER && this != ISSUER;
  }

  /** The name on the command line. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
