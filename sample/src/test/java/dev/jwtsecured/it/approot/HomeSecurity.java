package dev.jwtsecured.it.approot;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * An application served under {@code /api} whose root resource answers at the application path itself.
 * {@code ApplicationRootTest} starts it.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/api")
public final class HomeSecurity {
  private HomeSecurity() {}

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** The application's home: read by anyone, written by callers with a token. */
  @Path("/")
  public static final class Home {
    @GET
    @PermitAll
    public String read() {
      return "home";
    }

    @POST
    public String write() {
      return "written";
    }
  }
}
