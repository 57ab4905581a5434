package dev.jwtsecured.it.later;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.it.alone.AloneSecurity;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Resources that answer later, on another thread: a suspended {@link AsyncResponse} and a {@link CompletionStage}. Each
 * reads the user on the request's thread, as the README says (a runtime's injected {@code SecurityContext} may answer
 * only there). {@code AsyncResourcesTest} starts it on every runtime.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/", tokenUrl = "/login")
public final class LaterSecurity {
  private LaterSecurity() {}

  /** {@code AloneSecurity}'s users: password "pw"; "root" is an admin. */
  @Authenticator
  static Grant authenticate(String username, String password) {
    return AloneSecurity.authenticate(username, password);
  }

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** {@code /later/suspended} for admins, {@code /later/stage} for any user, {@code /later/open} for anyone. */
  @Path("/later")
  public static final class Later {
    @GET
    @Path("suspended")
    @RolesAllowed("admin")
    public void suspended(@Suspended AsyncResponse response, @Context SecurityContext security) {
      String name = LaterSecurityJwt.user(security);
      CompletableFuture.runAsync(() -> response.resume("suspended for " + name));
    }

    @GET
    @Path("stage")
    public CompletionStage<String> stage(@Context SecurityContext security) {
      String name = LaterSecurityJwt.user(security);
      return CompletableFuture.supplyAsync(() -> "stage for " + name);
    }

    @GET
    @Path("open")
    @PermitAll
    public CompletionStage<String> open(@Context SecurityContext security) {
      String name = LaterSecurityJwt.currentUser(security).orElse("nobody");
      return CompletableFuture.supplyAsync(() -> "open for " + name);
    }
  }
}
