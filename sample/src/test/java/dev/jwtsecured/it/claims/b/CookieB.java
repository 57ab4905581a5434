package dev.jwtsecured.it.claims.b;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.Transport;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * The other configuration keeping its tokens in cookie {@code session}, at path {@code /b}, where {@code CookieA}'s
 * cookie at {@code /} is sent too; it verifies only ({@code GeneratedEndpointClaimsTest}).
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/", transport = Transport.COOKIE, cookieName = "session",
    cookiePath = "/b")
public final class CookieB {
  private CookieB() {}

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** GET /b/me. */
  @Path("/b/me")
  public static final class Me {
    @GET
    public String me() {
      return "b";
    }
  }
}
