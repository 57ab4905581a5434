package dev.jwtsecured.it.routes.users;

import jakarta.ws.rs.Path;

/** Implements {@link ReportsApi} without repeating its annotations. */
@Path("/reports")
public final class Reports implements ReportsApi {
  @Override
  public String report(String year) {
    UsersSecurity.PROTECTED_RUNS.incrementAndGet();
    return "report " + year;
  }

  @Override
  public String summary() {
    return "summary";
  }
}
