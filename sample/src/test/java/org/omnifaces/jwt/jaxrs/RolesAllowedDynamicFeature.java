package org.omnifaces.jwt.jaxrs;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Stands in for the class of this name that GlassFish registers in every JAX-RS application (from its
 * {@code META-INF/services}) to enforce {@code @RolesAllowed} itself ({@code ServerEnforcementTest}); jwtsecured looks
 * at its name only. It binds nothing.
 */
public final class RolesAllowedDynamicFeature implements DynamicFeature {
  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {}
}
