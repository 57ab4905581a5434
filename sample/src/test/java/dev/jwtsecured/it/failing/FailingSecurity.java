package dev.jwtsecured.it.failing;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A user store that fails, as a database does when it is down: the retriever and the authenticator throw for the user
 * {@code boom}, with a message holding what an exception from a driver may hold; the authenticator answers for
 * {@code busy} with a {@code WebApplicationException} of its own.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/", tokenUrl = "/token")
public final class FailingSecurity {
  /** What the failures say; it must never reach a client. */
  public static final String LEAK = "connection to db.internal:5432 refused, password=hunter2";

  private FailingSecurity() {}

  @UserRetriever
  static String user(Token token) {
    if (token.subject().equals("boom")) {
      throw new IllegalStateException(LEAK);
    }
    return token.subject();
  }

  @Authenticator
  static Grant authenticate(String username, String password) {
    if (username.equals("boom")) {
      throw new IllegalStateException(LEAK);
    }
    if (username.equals("busy")) {
      throw new ServiceUnavailableException(7L); // the application's own answer: 503 with Retry-After
    }
    return password.equals("pw") ? Grant.of(username) : null;
  }

  /** The application's own mapper for its store's failures: a 503. */
  public static final class StoreDown implements ExceptionMapper<IllegalStateException> {
    @Override
    public Response toResponse(IllegalStateException e) {
      return Response.status(503).entity("the user store is down").build();
    }
  }

  @Path("/whoami")
  public static final class WhoAmI {
    @GET
    public String get(@Context SecurityContext security) {
      return FailingSecurityJwt.user(security);
    }
  }
}
