package dev.jwtsecured.it.classlocator;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.it.alone.AloneSecurity;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * Sub-resource locators that return a class rather than an object, which Jersey instantiates (a Jersey feature; the
 * other runtimes serve no such locator). {@code ClassLocatorTest} starts it on Jersey.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/", tokenUrl = "/login")
public final class BinsSecurity {
  private BinsSecurity() {}

  /** {@code AloneSecurity}'s users: password "pw"; "root" is an admin. */
  @Authenticator
  static Grant authenticate(String username, String password) {
    return AloneSecurity.authenticate(username, password);
  }

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** {@code /bins/{id}}: a bin; {@code /bins/steel/{id}}: a steel bin, declared as any bin. */
  @Path("/bins")
  public static final class Bins {
    @Path("{id}")
    public Class<Bin> bin() {
      return Bin.class;
    }

    @Path("steel/{id}")
    public Class<? extends Bin> steelBin() {
      return SteelBin.class;
    }
  }

  /** Looking needs a token, emptying the admin role. */
  public static class Bin {
    @PathParam("id")
    String id;

    @GET
    public String look() {
      return "bin " + id;
    }

    @DELETE
    @RolesAllowed("admin")
    public String empty() {
      return "emptied " + id;
    }
  }

  /** A bin the processor sees only as the subclass a locator may return. */
  public static final class SteelBin extends Bin {
    @Override
    public String empty() {
      return "emptied steel " + id;
    }
  }
}
