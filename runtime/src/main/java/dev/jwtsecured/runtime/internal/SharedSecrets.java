package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.JwtAuth;
import dev.jwtsecured.runtime.JwtSettings;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import java.security.MessageDigest;

/**
 * Looks, when a generated feature is installed, for another configuration of the application that signs with the
 * same secret and whose tokens nothing tells apart from this one's: a token either issues would pass the other's
 * checks, and the other's user retriever would take its subject for one of its own users (RFC 8725 section 2.8,
 * cross-JWT confusion). The processor warns of this where both secrets are written alike and one
 * {@code @ApplicationPath} class places both ({@code [JwtSecured.SecretShared]}); this sees the secrets as resolved,
 * in every application the runtime shows a feature (not on Apache CXF, which shows it nothing), and says it in the log
 * once per pair. A configuration that suppresses the warning means its secret for the other's logins too: neither
 * side logs then.
 */
public final class SharedSecrets {
  /** Under this prefix and a configuration's name, whether its secret is meant for other configurations too. */
  private static final String MEANT_PREFIX = "dev.jwtsecured.secretShared.";

  private static final System.Logger LOG = System.getLogger("dev.jwtsecured");

  private SharedSecrets() {}

  /**
   * Compares the configuration of {@code auth} with those installed in the application before it, and logs a warning
   * where their tokens pass each other's checks; {@code meant}: the configuration suppresses
   * {@code [JwtSecured.SecretShared]}.
   */
  public static void check(FeatureContext context, JwtAuth auth, boolean meant) {
    context.property(MEANT_PREFIX + auth.configuration().getName(), meant);
    if (meant) {
      return;
    }
    Configuration application = context.getConfiguration();
    for (String property : application.getPropertyNames()) {
      Object value = property.startsWith(JwtAuth.PROPERTY_PREFIX) ? application.getProperty(property) : null;
      if (!(value instanceof JwtAuth other) || other == auth
          || Boolean.TRUE.equals(application.getProperty(MEANT_PREFIX + other.configuration().getName()))) {
        continue;
      }
      boolean oursPassThere = accepts(other.settings(), auth.settings());
      boolean theirsPassHere = accepts(auth.settings(), other.settings());
      if (oursPassThere || theirsPassHere) {
        String ours = auth.configuration().getName();
        String theirs = other.configuration().getName();
        String passes = oursPassThere && theirsPassHere ? "a token either issues passes the other's checks"
            : "a token " + (oursPassThere ? ours : theirs) + " issues passes the checks of "
                + (oursPassThere ? theirs : ours);
        LOG.log(System.Logger.Level.WARNING, "jwtsecured: " + ours + " signs with a secret that " + theirs
            + " of this application verifies with, or the other way round, and nothing in their tokens tells them"
            + " apart: " + passes + ", whose user retriever takes its subject for one of its own users. Give each"
            + " configuration its own secret, or each its own audience; where one login is meant for both, suppress"
            + " [JwtSecured.SecretShared] on either configuration class");
      }
    }
  }

  /**
   * Whether a token the configuration of {@code issuing} signs passes the checks of the configuration of
   * {@code verifying}: a key of the one is the other's secret, with one algorithm, and the issuer and audience it
   * writes are accepted ({@link ClaimRules}).
   */
  static boolean accepts(JwtSettings verifying, JwtSettings issuing) {
    if (!withSecret(verifying) || !withSecret(issuing) || verifying.algorithm() != issuing.algorithm()) {
      return false;
    }
    byte[] key = issuing.secret();
    boolean verifies = MessageDigest.isEqual(verifying.secret(), key)
        || verifying.previousSecrets().stream().anyMatch(previous -> MessageDigest.isEqual(previous, key));
    return verifies && ClaimRules.issuerAccepted(verifying.acceptedIssuers(), issuing.issuer())
        && ClaimRules.audienceAccepted(verifying.audience(), issuing.audience());
  }

  /** Whether the configuration signs and verifies with a secret, as {@code JwtAuth} decides it. */
  private static boolean withSecret(JwtSettings settings) {
    return settings.privateKey().isEmpty() && settings.jwksUri().isEmpty() && settings.publicKey().isEmpty()
        && settings.secret().length > 0;
  }
}
