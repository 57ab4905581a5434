package dev.jwtsecured.testing;

import jakarta.ws.rs.core.Application;
import org.glassfish.jersey.server.ResourceConfig;

/** Jersey's own package scanning, in a class of its own that only the Jersey runs load. */
final class JerseyScanning {
  private JerseyScanning() {}

  /** What {@code ResourceConfig.packages(pkg)} finds there: {@code @Path} and {@code @Provider} classes. */
  static Application of(String pkg) {
    return new ResourceConfig().packages(pkg);
  }
}
