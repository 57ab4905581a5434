package com.example.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * How a Helidon MP application registers a feature: a provider bean Helidon finds, which installs the generated one.
 * Jersey creates it itself, and its injection there does not reach CDI beans: the configuration bean (whose handlers
 * use other beans) is asked of CDI here.
 */
@ApplicationScoped
@Provider
public class HelpdeskJwt implements Feature {
  @Override
  public boolean configure(FeatureContext context) {
    return new HelpdeskSecurityJwtFeature(CDI.current().select(HelpdeskSecurity.class).get()).configure(context);
  }
}
