package dev.jwtsecured.runtime.internal;

import io.jsonwebtoken.Jwts;
import java.lang.module.ModuleDescriptor;

/**
 * Refuses to start on a jjwt other than the release line this runtime is built and tested with. A build resolves one
 * version of {@code jjwt-api} and {@code jjwt-impl}, and one the application or another dependency declares wins over
 * the runtime's: jjwt 0.12.6 then failed in jjwt's own code with "Collection of Identifiable instances may not be null
 * or empty", 0.11.5 with a {@code NoClassDefFoundError}, and a later line would run code whose lenient readings (see
 * {@link StrictBase64Url}, {@link StrictJson}) nobody has checked. Versions are read from the jars' manifests (or,
 * on the module path, from the automatic modules' versions); where neither names jjwt's version, as in a shaded jar
 * or a server's own class loader, nothing is refused.
 */
public final class JjwtVersions {
  /** The jjwt release line this runtime is built and tested with; {@code jjwt.version} in the parent pom. */
  public static final String LINE = "0.13";

  private static volatile boolean checked;

  private JjwtVersions() {}

  /**
   * Returns when the jjwt on the class path is of {@link #LINE}, or of no version its jars name.
   *
   * @throws IllegalStateException naming the versions found and what to declare
   */
  public static void require() {
    if (checked) {
      return;
    }
    String api = version(Jwts.class, "JJWT :: API");
    String impl;
    try {
      impl = version(Jwts.builder().getClass(), "JJWT :: Impl");
    } catch (RuntimeException | LinkageError e) {
      // Its version is on classes that could not be loaded: jjwt-api 0.13.0's Jwts fails to initialize beside
      // jjwt-impl 0.12.6, and where there is no jjwt-impl at all.
      throw new IllegalStateException(message("jjwt-api " + (api == null ? "of an unknown version" : api)
          + " and no jjwt-impl it can use (" + e.getClass().getSimpleName() + ")"), e);
    }
    String problem = problem(api, impl);
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
    checked = true;
  }

  /**
   * What is wrong with jjwt-api {@code api} beside jjwt-impl {@code impl} ({@code null} for a version not known), or
   * {@code null} where nothing is.
   */
  static String problem(String api, String impl) {
    if (inLine(api) && inLine(impl)) {
      return null;
    }
    return message("jjwt-api " + (api == null ? "of an unknown version" : api) + " and jjwt-impl "
        + (impl == null ? "of an unknown version" : impl));
  }

  private static boolean inLine(String version) {
    return version == null || version.equals(LINE) || version.startsWith(LINE + ".")
        || version.startsWith(LINE + "-");
  }

  private static String message(String found) {
    return "jwtsecured: this runtime needs jjwt " + LINE + ".x (jjwt-api and jjwt-impl), the release line it is "
        + "built and tested with, but it runs with " + found + ": the application's build, or one of its "
        + "dependencies, chose another jjwt. Declare io.jsonwebtoken:jjwt-api and io.jsonwebtoken:jjwt-impl " + LINE
        + ".0 (with Maven, in <dependencyManagement>), so that both resolve to it";
  }

  /** The version of the jjwt jar {@code type} came from, where that jar's manifest or module says it. */
  private static String version(Class<?> type, String title) {
    Package where = type.getPackage();
    if (where != null && title.equals(where.getImplementationTitle())) {
      return where.getImplementationVersion();
    }
    Module module = type.getModule();
    ModuleDescriptor descriptor = module.getDescriptor();
    if (module.isNamed() && descriptor != null && module.getName().contains("jjwt")) {
      return descriptor.rawVersion().orElse(null);
    }
    return null;
  }
}
