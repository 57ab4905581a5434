package dev.jwtsecured.it.routes.users;

/** The concrete subclass of {@link CounterBase}, without a JAX-RS annotation of its own. */
public final class Counter extends CounterBase {
  @Override
  protected int amount() {
    return 3;
  }
}
