package dev.jwtsecured.it.sharedorder.drives;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.it.alone.AloneSecurity;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives at {@code /{drive: [a-z]+}}, their folders behind a locator and the entries of a folder's archives behind
 * another, a drive's identity behind a third, and its crossed keys at {@code /{drive: [a-z]+}/x/x/{k}}, all for callers
 * with a token; {@code SharedRootsTest} starts it beside {@code TagsSecurity}, a configuration that nothing places
 * beside it at compile time, whose public root resource at {@code /t} JAX-RS matches first for some of these paths and
 * RESTEasy not for others.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/", tokenUrl = "/login")
public final class DrivesSecurity {
  /** How often a locator ran. */
  public static final AtomicInteger LOCATOR_RUNS = new AtomicInteger();

  private DrivesSecurity() {}

  /** {@code AloneSecurity}'s users: password "pw". */
  @Authenticator
  static Grant authenticate(String username, String password) {
    return AloneSecurity.authenticate(username, password);
  }

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** A drive: its folders, and its identity. */
  @Path("{drive: [a-z]+}")
  public static final class Drives {
    @Path("{folder}")
    public Folder folder(@PathParam("drive") String drive, @PathParam("folder") String folder) {
      LOCATOR_RUNS.incrementAndGet();
      return new Folder(drive + "/" + folder);
    }

    @Path("id")
    public Identity identity(@PathParam("drive") String drive) {
      LOCATOR_RUNS.incrementAndGet();
      return new Identity(drive);
    }
  }

  /** {@code /{drive: [a-z]+}/x/x/{k}}: a drive's crossed keys, behind a locator. */
  @Path("{drive: [a-z]+}/x/x")
  public static final class Crossed {
    @Path("{k}")
    public Identity crossed(@PathParam("drive") String drive) {
      LOCATOR_RUNS.incrementAndGet();
      return new Identity(drive);
    }
  }

  /** A folder's listing, and the entries of its archives at {@code {file}/{entry: .*}}. */
  public static final class Folder {
    private final String name;

    Folder(String name) {
      this.name = name;
    }

    @GET
    public String list() {
      return "folder " + name;
    }

    @Path("{file}/{entry: .*}")
    public Entry entry(@PathParam("file") String file, @PathParam("entry") String entry) {
      LOCATOR_RUNS.incrementAndGet();
      return new Entry(name + " " + file + " " + entry);
    }
  }

  /** An entry of an archive. */
  public static final class Entry {
    private final String name;

    Entry(String name) {
      this.name = name;
    }

    @GET
    public String get() {
      return "entry " + name;
    }
  }

  /** A drive's identity, and its numbered keys. */
  public static final class Identity {
    private final String drive;

    Identity(String drive) {
      this.drive = drive;
    }

    @GET
    @Path("{n}")
    public String key(@PathParam("n") String n) {
      return "key " + drive + " " + n;
    }
  }
}
