package fish.payara.microprofile.jwtauth.jaxrs;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Stands in for the class of this name that Payara registers in every JAX-RS application while its own
 * {@code @RolesAllowed} enforcement is on ({@code ServerEnforcementTest}); jwtsecured looks at its name only. It binds
 * nothing: the real one asks the server's login, which the suite's servers do not have.
 */
public final class RolesAllowedDynamicFeature implements DynamicFeature {
  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {}
}
