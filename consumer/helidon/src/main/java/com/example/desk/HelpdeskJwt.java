package com.example.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/** How a Helidon MP application registers a feature: a provider bean Helidon finds, which installs the generated one. */
@ApplicationScoped
@Provider
public class HelpdeskJwt implements Feature {
  @Override
  public boolean configure(FeatureContext context) {
    return new HelpdeskSecurityJwtFeature().configure(context);
  }
}
