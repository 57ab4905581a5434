package dev.jwtsecured.it.routes.users;

import jakarta.ws.rs.Path;

/** Implements {@link ArchiveApi} for {@code String} entries without repeating its annotations. */
@Path("/archive")
public final class Archive implements ArchiveApi<String> {
  @Override
  public String store(String shelf, String entry) {
    UsersSecurity.PROTECTED_RUNS.incrementAndGet();
    return "stored " + entry + " on " + shelf;
  }
}
