package dev.jwtsecured;

/**
 * What the generated feature does with a resource method the processor did not compile: one from another jar, or a
 * sub-resource returned by a locator whose class it could not see. Its {@code @PermitAll}, {@code @DenyAll} and
 * {@code @RolesAllowed} are not enforced, since the processor never read them; the feature logs each such method once
 * at start-up (or when JAX-RS first binds it). Nothing unseen is ever more open than "valid token required".
 */
public enum UnseenMethods {
  /** A valid token is required, and no role is checked. */
  REQUIRE_TOKEN,

  /** 403 {@code insufficient_scope} for everyone: for applications that want every route to be seen. */
  DENY
}
