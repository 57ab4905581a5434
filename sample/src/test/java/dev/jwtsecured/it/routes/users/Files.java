package dev.jwtsecured.it.routes.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Set;

/** A root resource whose only route is a sub-resource locator; everything behind it is protected. */
@Path("/files")
public final class Files {
  private static final Set<String> NAMES = Set.of("notes.txt", "plan.txt");

  /** Answers 404 for an unknown name: run for an anonymous caller, it would tell which names exist. */
  @Path("{name}")
  public File file(@PathParam("name") String name) {
    UsersSecurity.LOCATOR_RUNS.incrementAndGet();
    if (!NAMES.contains(name)) {
      throw new NotFoundException();
    }
    return new File(name);
  }

  /** The sub-resource: reading needs a token, deleting the admin role. */
  public static final class File {
    private final String name;

    File(String name) {
      this.name = name;
    }

    @GET
    public String read() {
      UsersSecurity.PROTECTED_RUNS.incrementAndGet();
      return "file " + name;
    }

    @DELETE
    @RolesAllowed("admin")
    public String delete() {
      UsersSecurity.PROTECTED_RUNS.incrementAndGet();
      return "deleted " + name;
    }
  }
}
