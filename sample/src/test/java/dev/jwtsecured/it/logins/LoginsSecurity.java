package dev.jwtsecured.it.logins;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.SameSite;
import dev.jwtsecured.Transport;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Every login option at once: cookie transport with non-default cookie attributes, a token endpoint with scopes, an
 * issuer and an audience, and a resource that runs the programmatic login in each of its modes.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/", clientAddressHeader = "X-Test-Client",
    transport = Transport.COOKIE, cookieName = "sid", cookiePath = "/app",
    cookieDomain = "example.test", cookieSecure = true, cookieSameSite = SameSite.STRICT, tokenUrl = "/oauth/token",
    scopes = {"read", "write"}, issuer = "https://issuer.test", audience = "api", exclude = "/issue")
public final class LoginsSecurity {
  private LoginsSecurity() {}

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** How often the authenticator ran: a throttled attempt must not move it. */
  public static final java.util.concurrent.atomic.AtomicInteger CHECKS =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * Password "pw"; "reader" is granted only the read scope, "crowd" {@link #manyRoles}, everyone else the scopes they
   * ask for. Names starting with "slow" take 300 ms to check.
   */
  @Authenticator
  static Grant authenticate(String username, String password, Set<String> requestedScopes) {
    CHECKS.incrementAndGet();
    if (username.startsWith("slow")) {
      try {
        Thread.sleep(300); // a password hash that takes its time: concurrent attempts overlap
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!password.equals("pw")) {
      return null;
    }
    if (username.equals("crowd")) {
      return Grant.of(username).withRoles(manyRoles());
    }
    return username.equals("reader")
        ? Grant.of(username).withScopes(Set.of("read"))
        : Grant.of(username).withScopes(requestedScopes);
  }

  /** 700 roles: a token holding them is longer than the default {@code maxTokenLength} of 8 KiB. */
  static Set<String> manyRoles() {
    Set<String> roles = new java.util.TreeSet<>();
    for (int i = 0; i < 700; i++) {
      roles.add(String.format(java.util.Locale.ROOT, "group-%04d", i));
    }
    return roles;
  }

  /** {@code GET /whoami}: protected. */
  @Path("/whoami")
  public static final class WhoAmI {
    @jakarta.ws.rs.GET
    public String get(@Context SecurityContext security) {
      return LoginsSecurityJwt.user(security);
    }
  }

  /** {@code POST /issue?mode=...}: the programmatic login in one of its modes. */
  @Path("/issue")
  public static final class Issue {
    @POST
    public Response issue(@Context Configuration application, @QueryParam("mode") String mode) {
      var login = LoginsSecurityJwt.login(application, "carol");
      switch (mode) {
        case "body":
          return login.body("hello").response();
        case "token":
          return login.tokenInBody().response();
        case "status":
          return login.status(200).response();
        case "expiration":
          return login.expiration(Duration.ofSeconds(120)).response();
        case "crowd":
          return login.roles(manyRoles()).response();
        case "near":
          // Padded until the token is within 64 characters of the default maxTokenLength, 8192.
          for (int pad = 5_800; ; pad += 3) {
            var near = LoginsSecurityJwt.login(application, "carol").extras(Map.of("pad", "x".repeat(pad)));
            if (near.jwt().length() > 8192 - 64) {
              return near.response();
            }
          }
        case "claims":
          return login.id("fixed-id").extras(Map.of("plan", "gold")).tokenInBody().response();
        default:
          return login.response();
      }
    }
  }
}
