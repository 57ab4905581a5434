package dev.jwtsecured.it.front;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application whose root resource leads every path to a page through a locator without a path of its own.
 * {@code OverlappingRootsTest} starts it.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/")
public final class FrontSecurity {
  /** How often the locator ran. */
  public static final AtomicInteger RUNS = new AtomicInteger();

  private FrontSecurity() {}

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** Every other path: a page, for anyone with a token, through a locator without a path of its own. */
  @Path("/")
  public static final class Front {
    @Path("/")
    public Pages pages() {
      RUNS.incrementAndGet();
      return new Pages();
    }
  }

  /** The pages. */
  public static final class Pages {
    @GET
    @Path("{page}")
    public String page(@PathParam("page") String page) {
      return "page " + page;
    }
  }
}
