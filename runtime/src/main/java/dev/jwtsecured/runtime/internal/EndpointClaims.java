package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.Transport;
import dev.jwtsecured.runtime.JwtAuth;
import dev.jwtsecured.runtime.JwtSettings;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to install a generated feature when another configuration of the application, installed before it, answers
 * one of the requests its generated resources answer (its token endpoint, OpenAPI document or key set) or keeps its
 * tokens in a cookie a browser takes for this one's. The processor refuses both where it compiles the two
 * configurations together ({@code [JwtSecured.GeneratedPathCollides]}, {@code [JwtSecured.CookieShared]}); compiled
 * apart (one in a module the application depends on), nothing did: Jersey refused to start over the two token
 * endpoints, RESTEasy answered every token request with one of them in silence, and with one cookie a login to either
 * configuration ended the other's. Seen in every application the runtime shows a feature (not on Apache CXF, which
 * shows it nothing of the others).
 */
public final class EndpointClaims {
  /** Under this prefix and a configuration's name, the requests its generated resources answer. */
  private static final String PREFIX = "dev.jwtsecured.endpoints.";

  private EndpointClaims() {}

  /**
   * Claims {@code endpoints} (each {@code "<method> <path>"}, the path as the generated resource's {@code @Path}) and
   * the token cookie of {@code auth}'s configuration in the application of {@code context}.
   *
   * @throws IllegalStateException where a configuration installed before claimed one of them
   */
  public static void claim(FeatureContext context, JwtAuth auth, String... endpoints) {
    String ours = auth.configuration().getName();
    List<String> claimed = new ArrayList<>();
    for (String endpoint : endpoints) {
      claimed.add(normalized(endpoint));
    }
    Configuration application = context.getConfiguration();
    for (String property : application.getPropertyNames()) {
      Object value = application.getProperty(property);
      if (property.startsWith(PREFIX) && !property.equals(PREFIX + ours) && value instanceof List<?> theirs) {
        for (String endpoint : claimed) {
          if (theirs.contains(endpoint)) {
            throw new IllegalStateException("jwtsecured: " + ours + " and " + property.substring(PREFIX.length())
                + ", two configurations of this application, both answer " + endpoint + " with a generated resource:"
                + " JAX-RS would have two resources for one request (Jersey refuses to start, RESTEasy answers with"
                + " one of them). Give each configuration its own tokenUrl and openApiPath; an application publishes"
                + " one key set, so let one of them sign with a private key");
          }
        }
      }
      if (property.startsWith(JwtAuth.PROPERTY_PREFIX) && value instanceof JwtAuth other
          && !other.configuration().getName().equals(ours) && sharesCookie(auth.settings(), other.settings())) {
        throw new IllegalStateException("jwtsecured: " + ours + " keeps its tokens in cookie "
            + auth.settings().cookieName() + " at path " + auth.settings().cookiePath() + ", and "
            + other.configuration().getName() + ", another configuration of this application, in cookie "
            + other.settings().cookieName() + " at path " + other.settings().cookiePath() + ": a browser keeps one"
            + " cookie of a name per path, so a login to either ends the other's, and a request both cookies reach"
            + " is refused as carrying two tokens. Give each configuration its own cookieName");
      }
    }
    context.property(PREFIX + ours, List.copyOf(claimed));
  }

  private static boolean sharesCookie(JwtSettings ours, JwtSettings theirs) {
    return ours.transport() == Transport.COOKIE && theirs.transport() == Transport.COOKIE
        && CookieOverlap.collide(ours.cookieName(), ours.cookiePath(), ours.cookieDomain(), theirs.cookieName(),
            theirs.cookiePath(), theirs.cookieDomain());
  }

  /** {@code "<method> <path>"} with the path's slashes at either end dropped, as JAX-RS matches it. */
  private static String normalized(String endpoint) {
    int space = endpoint.indexOf(' ');
    String path = endpoint.substring(space + 1);
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') {
      start++;
    }
    while (end > start && path.charAt(end - 1) == '/') {
      end--;
    }
    return endpoint.substring(0, space) + " /" + path.substring(start, end);
  }
}
