package dev.jwtsecured.it.scanned;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

/**
 * An application deployed on a server that scans for resources and providers instead of listing them (the default of
 * Jakarta EE servers when {@code Application.getClasses()} and {@code getSingletons()} are empty): it brings the
 * generated feature through a {@code Feature} of its own that the server finds as a {@code @Provider}.
 */
@JwtSecured(secret = "${IT_SECRET}", tokenUrl = "/login")
public final class ScannedSecurity {
  public static final String SECRET = "scanned-secret-scanned-secret-scanned-secret!";

  private ScannedSecurity() {}

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  @Authenticator
  static String authenticate(String username, String password) {
    return password.equals("pw") ? username : null;
  }

  /** {@code GET /whoami}: protected. */
  @Path("/whoami")
  public static final class WhoAmI {
    @GET
    public String get(@Context SecurityContext security) {
      return ScannedSecurityJwt.user(security);
    }
  }

  /** The generated feature, found by scanning; a real application reads its secret from the environment. */
  @Provider
  public static final class Security implements Feature {
    @Override
    public boolean configure(FeatureContext context) {
      return new ScannedSecurityJwtFeature(ScannedSecurityJwtFeature.settings().secret(SECRET).build())
          .configure(context);
    }
  }
}
