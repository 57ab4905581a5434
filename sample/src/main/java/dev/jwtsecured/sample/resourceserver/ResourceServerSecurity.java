package dev.jwtsecured.sample.resourceserver;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;

/**
 * The resource-server example: verifies the tokens of an identity provider with the keys its JWKS publishes
 * ({@code JWT_JWKS_URI}), RS256, PS256, ES256 or EdDSA, each only with a key of its family, and reads roles where
 * Keycloak writes them. It issues no tokens and keeps no users: the caller is made from the token. Tokens of up to
 * 12 KiB are accepted, room for a user with hundreds of roles, within the 16 KiB of request headers the sample's server
 * reads. Its issuer and audience come from {@code JWT_ISSUER} and {@code JWT_AUDIENCE} at start-up, as the sample's
 * contract says, hence the two warnings turned off: without them, tokens of any issuer and audience these keys sign
 * pass.
 */
@SuppressWarnings({"JwtSecured.KeySetWithoutIssuer", "JwtSecured.KeySetWithoutAudience"})
@JwtSecured(
    jwksUri = "${JWT_JWKS_URI}",
    keyAlgorithms = {"RS256", "PS256", "ES256", "EdDSA"},
    rolesClaim = "realm_access.roles",
    maxTokenLength = 12 * 1024,
    exclude = {"/health", "/schema(/.*)?"},
    openApiPath = "/schema/openapi.json",
    openApiTitle = "jwtsecured sample: resource-server")
public final class ResourceServerSecurity {
  private ResourceServerSecurity() {}

  @UserRetriever
  static Caller caller(Token token) {
    return new Caller(token.subject(), token.roles().stream().sorted().toList());
  }
}
