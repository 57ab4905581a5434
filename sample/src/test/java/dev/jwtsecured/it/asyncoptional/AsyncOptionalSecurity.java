package dev.jwtsecured.it.asyncoptional;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** An asynchronous retriever answering {@code Optional}: an empty one is an unknown (say, deleted) user. */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/")
public final class AsyncOptionalSecurity {
  private AsyncOptionalSecurity() {}

  @UserRetriever
  static CompletionStage<Optional<String>> user(Token token) {
    return CompletableFuture.supplyAsync(() -> token.subject().equals("deleted")
        ? Optional.empty()
        : Optional.of("user:" + token.subject()));
  }

  @Path("/whoami")
  public static final class WhoAmI {
    /** The typed access point gives the user type itself, not an {@code Optional}. */
    @GET
    public String get(@Context SecurityContext security) {
      String user = AsyncOptionalSecurityJwt.user(security);
      return user;
    }
  }
}
