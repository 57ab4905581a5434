package dev.jwtsecured.it.async;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** An instance retriever that takes the request and answers asynchronously. */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/")
public final class AsyncSecurity {
  private final String prefix;

  public AsyncSecurity(String prefix) {
    this.prefix = prefix;
  }

  /** Subjects starting with "user-" are users; the header {@code X-Tenant} is read from the request. */
  @UserRetriever
  CompletionStage<String> user(Token token, ContainerRequestContext request) {
    return CompletableFuture.supplyAsync(() -> token.subject().startsWith("user-")
        ? prefix + token.subject() + "@" + request.getHeaderString("X-Tenant")
        : null);
  }

  @Path("/whoami")
  public static final class WhoAmI {
    @GET
    public String get(@Context SecurityContext security) {
      String user = AsyncSecurityJwt.user(security);
      return user;
    }
  }
}
