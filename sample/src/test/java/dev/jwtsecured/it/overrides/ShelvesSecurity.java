package dev.jwtsecured.it.overrides;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A root resource whose overrides annotate their parameters ({@code @QueryParam}) and repeat no HTTP method, beside a
 * locator at {@code ""}: by JAX-RS 3.6 the overrides inherit nothing, so Jersey and Apache CXF serve them not at all
 * and take {@code HEAD} and {@code PUT} to the locator, where RESTEasy serves them.
 * {@code OverrideWithoutHttpMethodTest} starts it.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/")
public final class ShelvesSecurity {
  /** How often the locator ran. */
  public static final AtomicInteger LOCATOR_RUNS = new AtomicInteger();

  private ShelvesSecurity() {}

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** What the shelves override: public operations. */
  public abstract static class ShelfBase {
    @HEAD
    public String look(@QueryParam("q") String q) {
      return "base look";
    }

    @PUT
    public String put(@QueryParam("q") String q) {
      return "base put";
    }
  }

  /** {@code /{shelf}}: the overrides, and a locator at the same path leading to a shelf. */
  @Path("{shelf}")
  @SuppressWarnings("JwtSecured.OverrideInheritsNoJaxRs")
  public static class Shelves extends ShelfBase {
    @Override
    @DenyAll
    public String look(@QueryParam("q") String q) {
      return "shelves look";
    }

    @Override
    @RolesAllowed("admin")
    public String put(@QueryParam("q") String q) {
      return "shelves put";
    }

    @Path("")
    public Shelf shelf() {
      LOCATOR_RUNS.incrementAndGet();
      return new Shelf();
    }
  }

  /** A shelf: operations for any valid token. */
  public static final class Shelf {
    @HEAD
    public String look() {
      return "shelf look";
    }

    @PUT
    public String put() {
      return "shelf put";
    }
  }
}
