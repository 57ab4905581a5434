package dev.jwtsecured.it.orgs;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Root resources whose templates overlap, as an API grows them: {@code /orgs} leads to an organisation through a
 * locator and to a public directory through another, and {@code /orgs/{org}} leads to an organisation's members
 * through a locator of its own. JAX-RS takes {@code /orgs/directory/members} to the second root resource (its template
 * has more literal characters), so the members' locator runs for it. {@code OverlappingRootsTest} starts it.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/")
public final class OrgsSecurity {
  /** How often each locator leading to protected operations ran. */
  public static final AtomicInteger ORG_RUNS = new AtomicInteger();
  public static final AtomicInteger MEMBERS_RUNS = new AtomicInteger();

  private OrgsSecurity() {}

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** {@code /orgs/{org}}, for anyone with a token, and {@code /orgs/directory}, for anyone. */
  @Path("/orgs")
  public static final class Orgs {
    @Path("{org}")
    public Org org(@PathParam("org") String name) {
      ORG_RUNS.incrementAndGet();
      return new Org(name);
    }

    @Path("directory")
    public Directory directory() {
      return new Directory();
    }
  }

  /** {@code /orgs/{org}/members}, for anyone with a token. */
  @Path("/orgs/{org}")
  public static final class OrgMembers {
    @Path("members")
    public Members members(@PathParam("org") String org) {
      MEMBERS_RUNS.incrementAndGet();
      return new Members(org);
    }
  }

  /** An organisation. */
  public static final class Org {
    private final String name;

    Org(String name) {
      this.name = name;
    }

    @GET
    public String read() {
      return "org " + name;
    }
  }

  /** The members of an organisation. */
  public static final class Members {
    private final String org;

    Members(String org) {
      this.org = org;
    }

    @GET
    public String list() {
      return "members of " + org;
    }
  }

  /** The public directory of organisations. */
  public static final class Directory {
    @GET
    @PermitAll
    public String list() {
      return "directory";
    }
  }
}
