package dev.jwtsecured.runtime.internal;

import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import java.util.List;

/**
 * Looks, when a generated feature is installed, for authorization that a server adds to every JAX-RS application and
 * that cannot know jwtsecured's tokens. Payara and GlassFish register their own {@code @RolesAllowed} enforcement in
 * each application; it asks the server's login, so every method carrying JSR-250 annotations answers the server's 401,
 * whatever token the caller sent. Such an application fails closed, and nothing in the answers says why: the log says
 * it once, with the fix. The features are recognised by class name only.
 */
public final class ServerEnforcement {
  /** A server's enforcement: the class it registers, the server's name and how an application turns it off. */
  record Known(String className, String server, String fix) {}

  static final List<Known> KNOWN = List.of(
      new Known("fish.payara.microprofile.jwtauth.jaxrs.RolesAllowedDynamicFeature", "Payara",
          "turn Payara's enforcement off with <jaxrs-roles-allowed-enabled>false</jaxrs-roles-allowed-enabled> in"
              + " WEB-INF/payara-web.xml"),
      new Known("org.omnifaces.jwt.jaxrs.RolesAllowedDynamicFeature", "GlassFish",
          "GlassFish loads its enforcement through META-INF/services: return the property"
              + " jersey.config.server.disableMetainfServicesLookup = true from Application.getProperties()"));
  /** Set in the application once it was reported, so that several configurations report it once. */
  private static final String REPORTED = "dev.jwtsecured.serverEnforcementReported";

  private static final System.Logger LOG = System.getLogger("dev.jwtsecured");

  private ServerEnforcement() {}

  /** Logs, at {@code ERROR} and once per application, that the server enforces JSR-250 with its own login. */
  public static void check(FeatureContext context) {
    Configuration application = context.getConfiguration();
    if (application.getProperty(REPORTED) != null) {
      return;
    }
    for (Class<?> registered : application.getClasses()) {
      for (Known known : KNOWN) {
        if (registered.getName().equals(known.className())) {
          context.property(REPORTED, Boolean.TRUE);
          LOG.log(System.Logger.Level.ERROR, "jwtsecured: " + known.server() + " applies @RolesAllowed, @PermitAll and"
              + " @DenyAll to this application's resources itself, with the server's login, which knows nothing of"
              + " jwtsecured's tokens: every call to a method carrying them gets the server's 401. jwtsecured applies"
              + " them; " + known.fix());
          return;
        }
      }
    }
  }
}
