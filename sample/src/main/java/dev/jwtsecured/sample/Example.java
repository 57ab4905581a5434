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
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The sample's applications, one per listing of the seed. */
public enum Example {
  /** "Using JWT Auth": the token in the {@code Authorization} header. */
  HEADER {
    @Override
    ResourceConfig application(UnaryOperator<JwtSettings.Builder> settings) {
      UserCache cache = new UserCache();
      return base(cache)
          .register(new HeaderSecurityJwtFeature(new HeaderSecurity(cache),
              settings.apply(HeaderSecurityJwtFeature.settings()).build()))
          .register(LoginResource.class)
          .register(SomePathResource.class)
          .register(HeaderSwaggerUi.class);
    }
  },

  /** {@code JWTCookieAuth}: the header or, without one, the {@code token} cookie. */
  COOKIE {
    @Override
    ResourceConfig application(UnaryOperator<JwtSettings.Builder> settings) {
      UserCache cache = new UserCache();
      return base(cache)
          .register(new CookieSecurityJwtFeature(new CookieSecurity(cache),
              settings.apply(CookieSecurityJwtFeature.settings()).build()))
          .register(CookieResources.Login.class)
          .register(CookieResources.SomePath.class)
          .register(CookieResources.Logout.class)
          .register(CookieSwaggerUi.class);
    }
  },

  /** "Using OAUTH2 Bearer Password": the generated token endpoint at {@code /login}. */
  OAUTH2 {
    @Override
    ResourceConfig application(UnaryOperator<JwtSettings.Builder> settings) {
      DemoUsers users = new DemoUsers();
      RevokedTokens revoked = new RevokedTokens();
      return base(users, revoked)
          .register(new OAuth2SecurityJwtFeature(new OAuth2Security(users, revoked),
              settings.apply(OAuth2SecurityJwtFeature.settings()).build()))
          .register(OAuth2Resources.SomePath.class)
          .register(OAuth2Resources.Admin.class)
          .register(OAuth2Resources.LoginCustom.class)
          .register(OAuth2Resources.Logout.class)
          .register(OAuth2SwaggerUi.class);
    }
  };

  /** What every example shares: its in-memory services, error mapping, no WADL. */
  static ResourceConfig base(Object... services) {
    ResourceConfig config = new ResourceConfig()
        .property(ServerProperties.WADL_FEATURE_DISABLE, true)
        .register(UnexpectedErrors.class);
    config.register(new AbstractBinder() {
      @Override
      protected void configure() {
        for (Object service : services) {
          bindService(service);
        }
      }

      @SuppressWarnings("unchecked") // binds each service to its own class
      private <T> void bindService(T service) {
        bind(service).to((Class<T>) service.getClass());
      }
    });
    return config;
  }

  /** The JAX-RS application; {@code settings} may adjust the generated defaults (secret source, clock). */
  abstract ResourceConfig application(UnaryOperator<JwtSettings.Builder> settings);

  /** Parses {@code header}, {@code cookie} or {@code oauth2}. */
  public static Example parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown example '" + name + "': use header, cookie or oauth2", e);
    }
  }
}
