package dev.jwtsecured.it.rootlocator;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.it.alone.AloneSecurity;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application whose root resource at {@code /} leads every first segment to a bucket through a locator, as an
 * object store's API does ({@code /{bucket}/{key}}), beside the token endpoint, the OpenAPI document and a public
 * root resource. {@code RootLocatorTest} starts it, and {@code SharedRootsTest} beside another configuration.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/", tokenUrl = "/login", openApiPath = "/openapi.json")
public final class BucketsSecurity {
  /** How often the locator ran. */
  public static final AtomicInteger LOCATOR_RUNS = new AtomicInteger();

  private BucketsSecurity() {}

  /** {@code AloneSecurity}'s users: password "pw". */
  @Authenticator
  static Grant authenticate(String username, String password) {
    return AloneSecurity.authenticate(username, password);
  }

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** {@code /{bucket}} and below: a bucket, for anyone with a token. */
  @Path("/")
  public static final class Buckets {
    @Path("{bucket}")
    public Bucket bucket(@PathParam("bucket") String name) {
      LOCATOR_RUNS.incrementAndGet();
      return new Bucket(name);
    }
  }

  /** A bucket: its listing and its objects. */
  public static final class Bucket {
    private final String name;

    Bucket(String name) {
      this.name = name;
    }

    @GET
    public String list() {
      return "bucket " + name;
    }

    @GET
    @Path("{key}")
    public String object(@PathParam("key") String key) {
      return name + "/" + key;
    }
  }

  /** {@code GET /status}, for anyone: a root resource of its own, its template longer than the buckets'. */
  @Path("/status")
  public static final class Status {
    @GET
    @PermitAll
    public String status() {
      return "up";
    }
  }
}
