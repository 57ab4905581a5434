package dev.jwtsecured.it.twoconfigs.store;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The buckets of an object store ({@code /{bucket}/{key}}), behind a locator at the application's root, for callers
 * with this configuration's tokens (issued elsewhere).
 */
@JwtSecured(secret = "${IT_STORE_SECRET}")
public final class StoreSecurity {
  /** How often the locator ran. */
  public static final AtomicInteger LOCATOR_RUNS = new AtomicInteger();

  private StoreSecurity() {}

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** {@code /{bucket}} and below. */
  @Path("/")
  public static final class Buckets {
    @Path("{bucket}")
    public Bucket bucket(@PathParam("bucket") String name) {
      LOCATOR_RUNS.incrementAndGet();
      return new Bucket(name);
    }
  }

  /** {@code GET /shelf}: what is on it, for callers with this configuration's tokens. */
  @Path("/shelf")
  public static class Shelf {
    @GET
    public String list() {
      return "shelf of " + getClass().getSimpleName();
    }
  }

  /** A bucket's objects. */
  public static final class Bucket {
    private final String name;

    Bucket(String name) {
      this.name = name;
    }

    @GET
    @Path("{key}")
    public String object(@PathParam("key") String key) {
      return name + "/" + key;
    }
  }
}
