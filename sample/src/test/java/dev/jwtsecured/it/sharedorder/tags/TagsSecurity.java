package dev.jwtsecured.it.sharedorder.tags;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * A public list of tagged pages at {@code /t/{tag}/{page}}, and public crosses at {@code /x/{a}/{b}/{c}/x}, of a
 * configuration that nothing places beside {@code DrivesSecurity} at compile time ({@code SharedRootsTest}).
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/")
public final class TagsSecurity {
  private TagsSecurity() {}

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** {@code GET /t/{tag}/{page}}, for anyone. */
  @Path("t")
  public static final class Tags {
    @GET
    @Path("{tag}/{page}")
    @PermitAll
    public String page(@PathParam("tag") String tag, @PathParam("page") String page) {
      return "tag " + tag + " page " + page;
    }
  }

  /** {@code GET /x/{a}/{b}/{c}/x}, for anyone. */
  @Path("x/{a}/{b}/{c}")
  public static final class Crosses {
    @GET
    @Path("x")
    @PermitAll
    public String cross(@PathParam("a") String a, @PathParam("b") String b, @PathParam("c") String c) {
      return "cross " + a + b + c;
    }
  }
}
