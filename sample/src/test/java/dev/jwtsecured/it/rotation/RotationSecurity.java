package dev.jwtsecured.it.rotation;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.RevocationCheck;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refresh tokens with header transport and the in-memory store: a token endpoint with scopes, users the tests delete,
 * and subjects they revoke.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/", tokenUrl = "/token", scopes = {"read", "write"},
    expiration = "PT15M", refreshExpiration = "P14D")
public final class RotationSecurity {
  /** What the application knows about its users: their roles, and the subjects whose tokens it refuses. */
  public static final class Directory {
    public final Map<String, Set<String>> users = new ConcurrentHashMap<>();
    public final Set<String> revokedSubjects = ConcurrentHashMap.newKeySet();
  }

  private final Directory directory;

  public RotationSecurity(Directory directory) {
    this.directory = directory;
  }

  @UserRetriever
  Optional<String> user(Token token) {
    return directory.users.containsKey(token.subject()) ? Optional.of(token.subject()) : Optional.empty();
  }

  @RevocationCheck
  boolean revoked(Token token) {
    return directory.revokedSubjects.contains(token.subject());
  }

  /** Password "pw" for every known user; grants the user's roles, the requested scopes and an extra claim. */
  @Authenticator
  Optional<Grant> authenticate(String username, String password, Set<String> requestedScopes) {
    Set<String> roles = directory.users.get(username);
    if (roles == null || !password.equals("pw")) {
      return Optional.empty();
    }
    return Optional.of(Grant.of(username).withRoles(roles).withScopes(requestedScopes)
        .withExtras(Map.of("plan", "gold")));
  }

  /** {@code GET /whoami}: protected; the user and the token's scopes. */
  @Path("/whoami")
  public static final class WhoAmI {
    @GET
    public String get(@Context SecurityContext security) {
      return RotationSecurityJwt.user(security) + " " + new TreeSet<>(RotationSecurityJwt.token(security).scopes());
    }
  }

  /**
   * {@code POST /logout_everywhere}: protected; revokes the refresh tokens of every login of the caller, as a "sign out
   * of all devices" (or a password change) does, and ends this login.
   */
  @Path("/logout_everywhere")
  public static final class LogoutEverywhere {
    @POST
    public Response logout(@Context Configuration application, @Context SecurityContext security) {
      RotationSecurityJwt.revokeRefreshTokens(application, RotationSecurityJwt.token(security).subject());
      return RotationSecurityJwt.logout(application, security).build();
    }
  }

  /** {@code POST /logout}: protected; ends the login, its refresh tokens included. */
  @Path("/logout")
  public static final class Logout {
    @POST
    public Response logout(@Context Configuration application, @Context SecurityContext security) {
      return RotationSecurityJwt.logout(application, security).build();
    }
  }
}
