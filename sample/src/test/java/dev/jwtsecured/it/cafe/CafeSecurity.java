package dev.jwtsecured.it.cafe;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.Transport;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Optional;

/**
 * A configuration under {@link CafeApplication}'s application path, with a token endpoint, refresh tokens in a
 * cookie and an OpenAPI document.
 */
@JwtSecured(secret = "${IT_SECRET}", tokenUrl = "/token", expiration = "PT15M", refreshExpiration = "P1D",
    transport = Transport.COOKIE, cookieName = "cafe", openApiPath = "/openapi.json")
public final class CafeSecurity {
  private CafeSecurity() {}

  @Authenticator
  static Optional<Grant> authenticate(String username, String password) {
    return username.equals("ines") && password.equals("pw") ? Optional.of(Grant.of("ines")) : Optional.empty();
  }

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** The menu, for callers with a token. */
  @Path("menu")
  public static final class Menu {
    @GET
    public String menu() {
      return "espresso";
    }
  }
}
