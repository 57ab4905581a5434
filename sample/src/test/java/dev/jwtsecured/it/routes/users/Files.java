package dev.jwtsecured.it.routes.users;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;

/**
 * A root resource with a sub-resource locator, everything behind it protected, and beside it a public method at a
 * literal path that JAX-RS matches before the locator's template.
 */
@Path("/files")
public final class Files {
  private static final Set<String> NAMES = Set.of("notes.txt", "plan.txt");

  /** {@code GET /files/count}, for anyone: {@code count} has more literal characters than {@code {name}}. */
  @GET
  @Path("count")
  @PermitAll
  @Produces(MediaType.TEXT_PLAIN)
  public String count() {
    return String.valueOf(NAMES.size());
  }

  /** {@code POST /files/count} with a text body, for anyone: it answers how many lines the body has. */
  @POST
  @Path("count")
  @PermitAll
  @Consumes(MediaType.TEXT_PLAIN)
  @Produces(MediaType.TEXT_PLAIN)
  public String countLines(String text) {
    return String.valueOf(text.lines().count());
  }

  /** {@code GET /files/recent}, for anyone; no other request method is served there. */
  @GET
  @Path("recent")
  @PermitAll
  @Produces(MediaType.TEXT_PLAIN)
  public String recent() {
    return String.join(" ", new TreeSet<>(NAMES));
  }

  /** {@code /files/archive}: a locator of its own, matched before {@code {name}}, and as protected. */
  @Path("archive")
  public File archive() {
    UsersSecurity.LOCATOR_RUNS.incrementAndGet();
    return new File("archive");
  }

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
