package com.example.partners;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/** The partners' configuration, registered as the kiosk's is. */
@Provider
public class PartnerJwt implements Feature {
  @Override
  public boolean configure(FeatureContext context) {
    return new PartnerSecurityJwtFeature().configure(context);
  }
}
