package dev.jwtsecured.it.wide;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * A configuration whose root resource's template takes several segments ({@code /files/{path: .*}}), which JAX-RS
 * matches before {@code BucketsSecurity}'s locator at {@code /{bucket}}: which requests it takes is not known from the
 * templates, so that locator's guard leaves none to it. No {@code applicationPath}: the processor does not compare it
 * with {@code BucketsSecurity} ({@code applicationPath = "/"}), and only the runtime sees them meet
 * ({@code SharedRootsTest}).
 */
@JwtSecured(secret = "${IT_SECRET}")
public final class WideSecurity {
  private WideSecurity() {}

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** {@code GET /files/...}: any file, for anyone. */
  @Path("/files/{path: .*}")
  public static final class Files {
    @GET
    @PermitAll
    public String file(@PathParam("path") String path) {
      return "file " + path;
    }
  }
}
