package dev.jwtsecured.it.secured;

import dev.jwtsecured.runtime.Token;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** The resources of {@link ItSecurity}. Every protected method counts its runs. */
final class Resources {
  private Resources() {}

  static String ran(String what) {
    ItSecurity.PROTECTED_RUNS.incrementAndGet();
    return what;
  }

  /** Excluded by the pattern {@code /login}: issues a token for {@code ?sub=} with optional roles. */
  @Path("/login")
  public static final class Login {
    @POST
    public Response login(@Context Configuration application, @QueryParam("sub") String subject,
        @QueryParam("role") List<String> roles) {
      if (subject == null || subject.isEmpty()) {
        return Response.status(400).entity("sub is required").build();
      }
      return ItSecurityJwt.login(application, subject).roles(roles).tokenInBody().response();
    }
  }

  @Path("/loginx")
  public static final class LoginX {
    @GET
    public String get() {
      return ran("loginx");
    }
  }

  @Path("/api/login")
  public static final class ApiLogin {
    @GET
    public String get() {
      return ran("api/login");
    }
  }

  @Path("/admin")
  public static final class Admin {
    @GET
    public String get() {
      return ran("admin");
    }
  }

  /** The typed access point: user and token without a cast, and the standard security context. */
  @Path("/me")
  public static final class Me {
    @GET
    public String me(@Context SecurityContext security) {
      Account account = ItSecurityJwt.user(security);
      Token token = ItSecurityJwt.token(security);
      ran("me");
      return account.name() + "|" + token.subject() + "|" + security.getUserPrincipal().getName() + "|"
          + security.getAuthenticationScheme() + "|" + ItSecurityJwt.isAuthenticated(security);
    }
  }

  @Path("/items/{id}")
  public static final class Items {
    @GET
    public String get(@PathParam("id") String id) {
      return ran("item " + id);
    }
  }

  @Path("/public")
  public static final class Public {
    @GET
    @PermitAll
    public String get(@Context SecurityContext security) {
      return "public|" + ItSecurityJwt.isAuthenticated(security) + "|"
          + ItSecurityJwt.currentUser(security).isPresent();
    }
  }

  @Path("/closed")
  public static final class Closed {
    @GET
    @DenyAll
    public String get() {
      return ran("closed");
    }
  }

  @Path("/admin-only")
  public static final class AdminOnly {
    @GET
    @RolesAllowed("admin")
    public String get() {
      return ran("admin-only");
    }
  }

  /** Class-level roles, one method opened with {@code @PermitAll}: the method annotation wins (JSR-250). */
  @Path("/staff")
  @RolesAllowed({"staff", "admin"})
  public static final class Staff {
    @GET
    public String get() {
      return ran("staff");
    }

    @GET
    @Path("/open")
    @PermitAll
    public String open() {
      return "staff-open";
    }
  }
}
