package dev.jwtsecured.it.optional;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Optional;

/** A static retriever returning {@code Optional} of a parameterized user type. */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/")
public final class OptionalSecurity {
  private OptionalSecurity() {}

  @UserRetriever
  static Optional<List<String>> user(Token token) {
    return token.subject().equals("nobody") ? Optional.empty() : Optional.of(List.of("opt", token.subject()));
  }

  @Path("/whoami")
  public static final class WhoAmI {
    @GET
    public String get(@Context SecurityContext security) {
      List<String> user = OptionalSecurityJwt.user(security);
      return String.join(":", user);
    }
  }
}
