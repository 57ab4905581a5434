package dev.jwtsecured.sample.oauth2;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.RevocationCheck;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import dev.jwtsecured.sample.SampleServer;
import java.util.Optional;

/**
 * The seed's "Using OAUTH2 Bearer Password" listing, with the token endpoint the seed leaves to the user generated at
 * {@code /login} (OAuth2 password grant, RFC 6749 section 4.3) with refresh tokens (section 6, rotated, 14 days), and
 * logout by revocation.
 */
@JwtSecured(secret = "${JWT_SECRET}", tokenUrl = "/login", refreshExpiration = "P14D",
    exclude = {"/login", "/schema(/.*)?"},
    clientAddressHeader = SampleServer.CLIENT_ADDRESS_HEADER,
    openApiPath = "/schema/openapi.json", openApiTitle = "jwtsecured sample: oauth2")
public final class OAuth2Security {
  private final DemoUsers users;
  private final RevokedTokens revoked;

  public OAuth2Security(DemoUsers users, RevokedTokens revoked) {
    this.users = users;
    this.revoked = revoked;
  }

  /** Checks the password; the token's subject is the user name and its {@code roles} claim the user's roles. */
  @Authenticator
  Optional<Grant> authenticate(String username, String password) {
    return users.check(username, password).map(u -> Grant.of(u.username()).withRoles(u.roles()));
  }

  @UserRetriever
  Optional<DemoUser> user(Token token) {
    return users.find(token.subject());
  }

  /** Tokens logged out through {@code POST /logout}. */
  @RevocationCheck
  boolean isRevoked(Token token) {
    return token.id().map(revoked::isRevoked).orElse(false);
  }
}
