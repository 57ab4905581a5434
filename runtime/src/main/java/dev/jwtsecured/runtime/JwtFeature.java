package dev.jwtsecured.runtime;

/**
 * What every generated {@code FooJwtFeature} is beside a JAX-RS {@code Feature} (which it names first among its
 * interfaces, where runtimes such as Apache CXF look for it): the installer of one {@code @JwtSecured}
 * configuration, holding its runtime. {@link JwtAuth#of} finds it among the application's instances where the JAX-RS
 * runtime does not show resources the properties a feature set (Apache CXF).
 */
public interface JwtFeature {
  /** The runtime of this feature's configuration: its settings and keys, logins and logouts. */
  JwtAuth auth();
}
