package dev.jwtsecured.sample.cookie;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.Transport;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import dev.jwtsecured.sample.header.User;
import dev.jwtsecured.sample.header.UserCache;
import java.util.Optional;

/**
 * The seed's {@code JWTCookieAuth}: as the header example, but login also sets the {@code token} cookie, and requests
 * may carry the token in the {@code Authorization} header or, without one, in the cookie.
 */
@JwtSecured(secret = "${JWT_SECRET}", transport = Transport.COOKIE, exclude = {"/login", "/schema(/.*)?"},
    openApiPath = "/schema/openapi.json", openApiTitle = "jwtsecured sample: cookie")
public final class CookieSecurity {
  private final UserCache cache;

  public CookieSecurity(UserCache cache) {
    this.cache = cache;
  }

  @UserRetriever
  Optional<User> user(Token token) {
    return cache.find(token.subject());
  }
}
