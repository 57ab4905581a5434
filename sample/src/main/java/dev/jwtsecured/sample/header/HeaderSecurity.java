package dev.jwtsecured.sample.header;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import java.util.Optional;

/**
 * The seed's "Using JWT Auth" listing: a token in the {@code Authorization} header, {@code /login} and the OpenAPI
 * documents excluded. The processor generates {@code HeaderSecurityJwtFeature}, {@code HeaderSecurityJwtFilter} and
 * {@code HeaderSecurityJwt} from this class.
 */
@JwtSecured(secret = "${JWT_SECRET}", exclude = {"/login", "/schema(/.*)?"}, openApiPath = "/schema/openapi.json",
    openApiTitle = "jwtsecured sample: header")
public final class HeaderSecurity {
  private final UserCache cache;

  public HeaderSecurity(UserCache cache) {
    this.cache = cache;
  }

  /** The seed's {@code retrieve_user_handler}: the user stored under the token's subject, if any. */
  @UserRetriever
  Optional<User> user(Token token) {
    return cache.find(token.subject());
  }
}
