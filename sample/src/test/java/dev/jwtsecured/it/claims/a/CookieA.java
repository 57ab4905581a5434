package dev.jwtsecured.it.claims.a;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.Transport;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.it.alone.AloneSecurity;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * One of two configurations keeping their tokens in cookie {@code session}, at paths one request matches both of;
 * nothing places them in one application at compile time, so only the runtime sees them meet
 * ({@code GeneratedEndpointClaimsTest}).
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/", transport = Transport.COOKIE, cookieName = "session",
    tokenUrl = "/a/login")
public final class CookieA {
  private CookieA() {}

  /** {@code AloneSecurity}'s users. */
  @Authenticator
  static Grant authenticate(String username, String password) {
    return AloneSecurity.authenticate(username, password);
  }

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** GET /a/me: the user. */
  @Path("/a/me")
  public static final class Me {
    @GET
    public String me() {
      return "a";
    }
  }

  /** GET /a/notes/{title}: a note, for the user; its title may need escapes ({@code SharedRootsTest}). */
  @Path("/a/notes")
  public static final class Notes {
    @GET
    @Path("{title}")
    public String note(@PathParam("title") String title) {
      return "note " + title;
    }
  }
}
