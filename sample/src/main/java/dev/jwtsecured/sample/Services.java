package dev.jwtsecured.sample;

import jakarta.ws.rs.core.Configuration;
import java.util.Map;

/**
 * The examples' in-memory services, handed to resources without a dependency-injection container: the application
 * returns them from {@code getProperties()} under their class names, and a resource reads them from its
 * {@code @Context Configuration}, which every JAX-RS runtime injects.
 */
public final class Services {
  private Services() {}

  /** The properties that publish {@code services}. */
  static Map<String, Object> properties(Object... services) {
    Map<String, Object> properties = new java.util.LinkedHashMap<>();
    for (Object service : services) {
      properties.put(service.getClass().getName(), service);
    }
    return Map.copyOf(properties);
  }

  /** The service of type {@code type} the application published. */
  public static <T> T get(Configuration application, Class<T> type) {
    Object service = application.getProperty(type.getName());
    if (service == null) {
      throw new IllegalStateException("no " + type.getSimpleName() + " in the application's properties");
    }
    return type.cast(service);
  }
}
