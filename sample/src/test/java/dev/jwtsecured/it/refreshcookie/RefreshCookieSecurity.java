package dev.jwtsecured.it.refreshcookie;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.RefreshStorage;
import dev.jwtsecured.RefreshStore;
import dev.jwtsecured.Transport;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import dev.jwtsecured.runtime.JdbcRefreshTokenStore;
import dev.jwtsecured.runtime.RefreshTokenStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Refresh tokens with cookie transport, kept in a store that the application provides (a database through
 * {@link JdbcRefreshTokenStore}, or a small {@code InMemoryRefreshTokenStore}): the refresh token travels only in
 * its own {@code HttpOnly} cookie, scoped to the token endpoint.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/", transport = Transport.COOKIE, tokenUrl = "/auth/token",
    refreshExpiration = "P7D", refreshStorage = RefreshStorage.PROVIDED)
public final class RefreshCookieSecurity {
  private final RefreshTokenStore store;

  public RefreshCookieSecurity(RefreshTokenStore store) {
    this.store = store;
  }

  @RefreshStore
  RefreshTokenStore refreshTokens() {
    return store;
  }

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
      return RefreshCookieSecurityJwt.user(security);
    }
  }

  /** {@code POST /logout}: protected; deletes both cookies and revokes the login's refresh tokens. */
  @Path("/logout")
  public static final class Logout {
    @POST
    public Response logout(@Context Configuration application, @Context SecurityContext security) {
      return RefreshCookieSecurityJwt.logout(application, security).build();
    }
  }
}
