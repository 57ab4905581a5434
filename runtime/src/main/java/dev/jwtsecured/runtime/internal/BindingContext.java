package dev.jwtsecured.runtime.internal;

import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The feature context {@link LazyBinding}'s guard hands a configuration's dynamic feature: it keeps the filters
 * registered, which is all that dynamic feature does with it.
 */
final class BindingContext implements FeatureContext {
  private final Configuration application;
  final List<ContainerRequestFilter> filters = new ArrayList<>();

  BindingContext(Configuration application) {
    this.application = application;
  }

  @Override
  public Configuration getConfiguration() {
    return application;
  }

  @Override
  public FeatureContext register(Object component, int priority) {
    return register(component);
  }

  @Override
  public FeatureContext register(Object component) {
    if (!(component instanceof ContainerRequestFilter filter)) {
      throw new UnsupportedOperationException("jwtsecured: only a filter is bound here, not " + component);
    }
    filters.add(filter);
    return this;
  }

  @Override
  public FeatureContext property(String name, Object value) {
    throw unsupported();
  }

  @Override
  public FeatureContext register(Class<?> componentClass) {
    throw unsupported();
  }

  @Override
  public FeatureContext register(Class<?> componentClass, int priority) {
    throw unsupported();
  }

  @Override
  public FeatureContext register(Class<?> componentClass, Class<?>... contracts) {
    throw unsupported();
  }

  @Override
  public FeatureContext register(Class<?> componentClass, Map<Class<?>, Integer> contracts) {
    throw unsupported();
  }

  @Override
  public FeatureContext register(Object component, Class<?>... contracts) {
    throw unsupported();
  }

  @Override
  public FeatureContext register(Object component, Map<Class<?>, Integer> contracts) {
    throw unsupported();
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException("jwtsecured: only a filter is bound here");
  }
}
