package dev.jwtsecured.sample.issuer;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import dev.jwtsecured.sample.SampleServer;
import dev.jwtsecured.sample.oauth2.DemoUser;
import dev.jwtsecured.sample.oauth2.DemoUsers;
import java.util.Optional;

/**
 * The issuer example: the oauth2 example's users and token endpoint, but tokens signed ES256 with a private key
 * ({@code JWT_PRIVATE_KEY}) instead of a shared secret, roles written at {@code realm_access.roles}, and the public key
 * published at {@code /.well-known/jwks.json}, so that the resource-server example (or any JWKS verifier) accepts its
 * tokens without sharing a secret. During a key rotation, {@code JWT_ROTATION_PUBLIC_KEYS} holds the other public keys
 * to publish and accept (PEM blocks; unset for none).
 */
@JwtSecured(privateKey = "${JWT_PRIVATE_KEY}", rotationPublicKeys = "${JWT_ROTATION_PUBLIC_KEYS:}",
    tokenUrl = "/login", rolesClaim = "realm_access.roles",
    exclude = {"/login", "/schema(/.*)?"}, clientAddressHeader = SampleServer.CLIENT_ADDRESS_HEADER,
    openApiPath = "/schema/openapi.json", openApiTitle = "jwtsecured sample: issuer")
public final class IssuerSecurity {
  private final DemoUsers users;

  public IssuerSecurity(DemoUsers users) {
    this.users = users;
  }

  @Authenticator
  Optional<Grant> authenticate(String username, String password) {
    return users.check(username, password).map(u -> Grant.of(u.username()).withRoles(u.roles()));
  }

  @UserRetriever
  Optional<DemoUser> user(Token token) {
    return users.find(token.subject());
  }
}
