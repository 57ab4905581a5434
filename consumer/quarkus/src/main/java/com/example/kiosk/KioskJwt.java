package com.example.kiosk;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/** How a Quarkus application registers a feature: a provider Quarkus finds, which installs the generated one. */
@Provider
public class KioskJwt implements Feature {
  @Override
  public boolean configure(FeatureContext context) {
    return new KioskSecurityJwtFeature().configure(context);
  }
}
