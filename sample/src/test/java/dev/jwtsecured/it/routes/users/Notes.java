package dev.jwtsecured.it.routes.users;

import jakarta.ws.rs.Path;

/** A root resource extending the generic {@link CrudBase}. */
@Path("/notes")
public final class Notes extends CrudBase<String> {
  @Override
  public String get(String id) {
    return "note " + id;
  }

  @Override
  public String create(String body) {
    UsersSecurity.PROTECTED_RUNS.incrementAndGet();
    return "created " + body;
  }
}
