package dev.jwtsecured.it.folders;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * Folders within folders: a locator that returns its own class, with a rule of its own (only admins descend).
 * {@code RecursiveLocatorTest} starts it.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/")
@SuppressWarnings("JwtSecured.SharedResourceMethod")
public final class FoldersSecurity {
  private FoldersSecurity() {}

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /**
   * {@code /folders} and its subfolders, for admins: the listing is one resource method at every depth, so the
   * locator's rule binds to it at the top too (the processor warns, suppressed above).
   */
  @Path("/folders")
  public static final class Folder {
    private final String path;

    public Folder() {
      this("folders");
    }

    Folder(String path) {
      this.path = path;
    }

    @GET
    public String list() {
      return path;
    }

    @Path("{child}")
    @RolesAllowed("admin")
    public Folder child(@PathParam("child") String child) {
      return new Folder(path + "/" + child);
    }
  }
}
