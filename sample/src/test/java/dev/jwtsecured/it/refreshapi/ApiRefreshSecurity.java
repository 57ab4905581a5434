package dev.jwtsecured.it.refreshapi;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.SameSite;
import dev.jwtsecured.Transport;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Cookie transport with refresh tokens under an application path, with the cookie attributes a production site sets:
 * the refresh cookie's {@code Path} must be the token endpoint's full path, {@code /api/session/token}.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/api", transport = Transport.COOKIE, cookieName = "at",
    cookieDomain = "example.test", cookieSecure = true, cookieSameSite = SameSite.STRICT,
    tokenUrl = "/session/token", refreshExpiration = "P30D")
public final class ApiRefreshSecurity {
  private ApiRefreshSecurity() {}

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  @Authenticator
  static String authenticate(String username, String password) {
    return password.equals("pw") ? username : null;
  }

  /** {@code GET /api/me}: protected. */
  @Path("/me")
  public static final class Me {
    @GET
    public String get(@Context SecurityContext security) {
      return ApiRefreshSecurityJwt.user(security);
    }
  }

  /** {@code POST /api/logout}: protected; deletes both cookies and revokes the login's refresh tokens. */
  @Path("/logout")
  public static final class Logout {
    @POST
    public Response logout(@Context Configuration application, @Context SecurityContext security) {
      return ApiRefreshSecurityJwt.logout(application, security).build();
    }
  }
}
