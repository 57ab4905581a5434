package dev.jwtsecured.it.sharedstore;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.RefreshStorage;
import dev.jwtsecured.RefreshStore;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.RefreshTokenStore;
import dev.jwtsecured.runtime.Token;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The staff's logins beside the customers' of {@code RefreshCookieSecurity}, with a secret of their own and refresh
 * tokens in a store the application provides: in {@code SharedRefreshStoreTest}, a {@code JdbcRefreshTokenStore} on
 * the database that keeps the customers' too, as an application with one database writes it.
 */
@JwtSecured(secret = "${IT_STAFF_SECRET}", applicationPath = "/", tokenUrl = "/staff/token", refreshExpiration = "P7D",
    refreshStorage = RefreshStorage.PROVIDED)
public final class StaffSecurity {
  private final RefreshTokenStore store;

  public StaffSecurity(RefreshTokenStore store) {
    this.store = store;
  }

  @RefreshStore
  RefreshTokenStore refreshTokens() {
    return store;
  }

  @UserRetriever
  static String member(Token token) {
    return token.subject();
  }

  /** The one member of staff: {@code root}, password {@code staff-pw}. */
  @Authenticator
  static String authenticate(String username, String password) {
    return username.equals("root") && password.equals("staff-pw") ? username : null;
  }

  /** {@code GET /staff/me}: the member of staff calling, for staff tokens. */
  @Path("/staff/me")
  public static final class Me {
    @GET
    public String get(@Context SecurityContext security) {
      return StaffSecurityJwt.user(security);
    }
  }
}
