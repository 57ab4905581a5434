package dev.jwtsecured.it.routes.users;

/** The implementation of {@link TillApi}, without a JAX-RS annotation of its own. */
public final class Till implements TillApi {
  @Override
  public String open() {
    UsersSecurity.PROTECTED_RUNS.incrementAndGet();
    return "till open";
  }

  @Override
  public String status() {
    return "till closed";
  }
}
