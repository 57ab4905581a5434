package dev.jwtsecured.it.routes.users;

import jakarta.ws.rs.Path;

/** Overrides {@link ShelfBase#put} for {@code String} entries without repeating its annotations. */
@Path("/shelves")
public final class Shelves extends ShelfBase<String> {
  @Override
  public String put(String shelf, String entry) {
    UsersSecurity.PROTECTED_RUNS.incrementAndGet();
    return "put " + entry + " on " + shelf;
  }
}
