package com.example.keys;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/** The resource server's application. */
@ApplicationPath("/api")
public final class KeysApplication extends Application {
  private final KeysSecurityJwtFeature jwt = new KeysSecurityJwtFeature();

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(KeysSecurityJwtFeature.classes());
    classes.add(Things.class);
    return classes;
  }

  @SuppressWarnings("deprecation") // still the portable way to register an instance without CDI
  @Override
  public Set<Object> getSingletons() {
    return Set.of(jwt);
  }
}
