package com.example.app;

import com.example.catalog.Catalog;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/** The application: the generated classes, the catalog module's resource, the feature. */
@ApplicationPath("/api")
public final class AppApplication extends Application {
  private final AppSecurityJwtFeature jwt = new AppSecurityJwtFeature(new AppSecurity());

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(AppSecurityJwtFeature.classes());
    classes.add(Catalog.class);
    return classes;
  }

  @SuppressWarnings("deprecation") // still the portable way to register an instance without CDI
  @Override
  public Set<Object> getSingletons() {
    return Set.of(jwt);
  }
}
