package dev.jwtsecured.it.secured;

import dev.jwtsecured.runtime.JwtSettings;
import java.util.function.UnaryOperator;

/** The application of {@link ItSecurity}: the generated feature and every resource, and hooks onto its state. */
public final class ItApplication {
  private final ItSecurityJwtFeature feature;

  public ItApplication(UnaryOperator<JwtSettings.Builder> settings) {
    this.feature = new ItSecurityJwtFeature(settings.apply(ItSecurityJwtFeature.settings()).build());
  }

  public ItSecurityJwtFeature feature() {
    return feature;
  }

  /** Test hooks onto the configuration's state. */
  public static void reset() {
    ItSecurity.KNOWN.clear();
    ItSecurity.REVOKED.clear();
    ItSecurity.PROTECTED_RUNS.set(0);
  }

  public static void know(String subject) {
    ItSecurity.KNOWN.add(subject);
  }

  public static void revoke(String tokenId) {
    ItSecurity.REVOKED.add(tokenId);
  }

  public static int protectedRuns() {
    return ItSecurity.PROTECTED_RUNS.get();
  }

  /** The resource classes. */
  public static Class<?>[] resources() {
    return new Class<?>[] {Resources.Login.class, Resources.LoginX.class, Resources.ApiLogin.class,
        Resources.Admin.class, Resources.Me.class, Resources.Items.class, Resources.Public.class,
        Resources.Closed.class, Resources.AdminOnly.class, Resources.Staff.class};
  }
}
