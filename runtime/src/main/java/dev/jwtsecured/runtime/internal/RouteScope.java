package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.UnseenMethods;
import dev.jwtsecured.runtime.internal.AccessRule;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Which resource classes a configuration secures, so that several configurations coexist in one application and every
 * resource method is protected by exactly one of them. Each generated feature publishes its scope as an application
 * property ({@link #PROPERTY_PREFIX} + configuration class); the generated binding asks it about resource methods the
 * processor did not see.
 */
public final class RouteScope {
  /** Prefix of the application properties under which the feature of each configuration publishes its scope. */
  public static final String PROPERTY_PREFIX = "dev.jwtsecured.scope.";

  private static final System.Logger LOG = System.getLogger("dev.jwtsecured");

  private final String configuration;
  private final List<String> packages;
  private final Predicate<Class<?>> knows;
  private final UnseenMethods unseen;
  private final Configuration application;
  /** Whether the runtime is Apache CXF, which gives each feature a configuration of its own: see below. */
  private final boolean blind;
  /** There, the other configurations of the application, as {@link LazyBinding} learns them from requests. */
  private volatile List<RouteScope> neighbours = List.of();
  private final Set<String> logged = ConcurrentHashMap.newKeySet();
  /** Whether the runtime asked the configuration's dynamic feature about any resource method (see below). */
  private volatile boolean consulted;
  /**
   * The configuration's dynamic feature where the runtime dropped it, for {@link FeatureCheck#bind}, or where it was
   * not registered, for {@link LazyBinding}; else null.
   */
  private volatile DynamicFeature dropped;

  /**
   * @param configuration the configuration class's name
   * @param packages the packages it secures, with their subpackages
   * @param knows whether a class is one the processor saw for it
   * @param unseen what unseen methods require
   * @param application the application's configuration, as the feature sees it: the other configurations publish
   *     their scopes there
   */
  public RouteScope(String configuration, List<String> packages, Predicate<Class<?>> knows, UnseenMethods unseen,
      Configuration application) {
    this.application = application;
    this.blind = LazyBinding.isCxf(application);
    this.configuration = configuration;
    this.packages = List.copyOf(packages);
    this.knows = knows;
    this.unseen = unseen;
  }

  /**
   * Registers the configuration's dynamic feature ({@code FooJwtPolicies}, which gives each resource method its
   * filter) with the feature's {@code context}, and keeps it where the runtime dropped it: Quarkus REST drops the
   * dynamic features a {@code Feature} registers, without a word, and then its configuration does not list it. There
   * the generated {@code FooJwtFeatureCheck}, a dynamic feature the runtime finds among the application's classes,
   * passes each question on to it ({@link FeatureCheck#bind}); where the runtime keeps it, nothing is passed on, so
   * each method gets one filter. A runtime that lists it and drops it all the same leaves every method unbound, and
   * {@link FeatureCheck#guard} fails its requests closed; one that keeps it without listing it registers each
   * method's filter twice, which Jersey and RESTEasy ignore (RESTEasy with a warning). Where the runtime showed the
   * feature nothing of the application (Apache CXF, {@link #blind()}), it is not registered but kept for
   * {@link LazyBinding}: that runtime asks dynamic features about no method of a sub-resource.
   */
  public void register(FeatureContext context, DynamicFeature policies) {
    if (blind) {
      dropped = policies;
      return;
    }
    context.register(policies);
    if (!context.getConfiguration().isRegistered(policies)) {
      dropped = policies;
    }
  }

  /** Called by the configuration's dynamic feature each time the runtime (or the feature check) asks it. */
  public void markConsulted() {
    consulted = true;
  }

  /** The configuration's dynamic feature where the runtime dropped it or it was not registered, else {@code null}. */
  DynamicFeature dropped() {
    return dropped;
  }

  /**
   * Whether the runtime asked the configuration's dynamic feature about some resource method. Once a request has
   * matched a resource method it must have, or the runtime dropped the dynamic feature that the configuration's
   * feature registered, and no method got its filter ({@link FeatureCheck#guard}).
   */
  public boolean consulted() {
    return consulted;
  }

  /**
   * Whether the runtime gives each feature a configuration of its own, which shows nothing of the application and keeps
   * what the feature publishes from dynamic features and resources: Apache CXF, known by its configuration's class
   * (Quarkus REST, whose feature context shows no class or instance either, shows what a feature publishes).
   */
  boolean blind() {
    return blind;
  }

  /** Where {@link #blind()}, the other configurations' scopes of the application, which no property shows there. */
  void neighbours(List<RouteScope> scopes) {
    neighbours = scopes.stream().filter(scope -> scope != this).toList();
  }

  /** The application's configuration, as the feature saw it. */
  Configuration application() {
    return application;
  }

  /** The configuration class's name. */
  public String configuration() {
    return configuration;
  }

  /** The application property this scope is published under. */
  public String property() {
    return PROPERTY_PREFIX + configuration;
  }

  /** Whether {@code resourceClass} is this configuration's: seen by the processor for it, or in its packages. */
  public boolean owns(Class<?> resourceClass) {
    return knows.test(resourceClass) || inPackages(resourceClass);
  }

  private boolean inPackages(Class<?> resourceClass) {
    return within(resourceClass, packages);
  }

  /** Whether {@code resourceClass} lies in one of {@code packages} or their subpackages ({@code ""}: every package). */
  public static boolean within(Class<?> resourceClass, List<String> packages) {
    String name = resourceClass.getPackageName();
    for (String base : packages) {
      if (base.isEmpty() || name.equals(base) || name.startsWith(base + ".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The rule for a resource method the processor did not see, or {@code null} when another configuration secures it.
   *
   * <p>A class another configuration saw is that one's, its subclasses of this configuration's classes among them. A
   * subclass of a resource class a configuration saw belongs to that configuration, with that class's rules
   * ({@code seen} gives this configuration's): JAX-RS may report the class of a registered instance, an anonymous
   * subclass or the proxy class of an AOP library, and it serves the methods of the class it extends. Any other class
   * is this configuration's when it is in its packages, or when no configuration owns it and this one comes first by
   * name, so that exactly one filter guards it; the first time, it logs that the method's JSR-250 annotations are not
   * enforced.
   */
  public AccessRule unseen(Class<?> resourceClass, Method method, BiFunction<Class<?>, Method, AccessRule> seen) {
    if (GeneratedResource.class.isAssignableFrom(resourceClass) || knownElsewhere(resourceClass)) {
      return null;
    }
    for (Class<?> c = resourceClass.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
      if (knows.test(c)) {
        AccessRule rule = seen.apply(c, method);
        return rule != null ? rule : unclassified(resourceClass, method);
      }
      if (knownElsewhere(c)) {
        return null;
      }
    }
    return claims(resourceClass) ? unclassified(resourceClass, method) : null;
  }

  /** The rule of a method nobody classified, logged once. */
  private AccessRule unclassified(Class<?> resourceClass, Method method) {
    String name = resourceClass.getName() + "." + method.getName();
    // The JAX-RS runtime's own handlers (automatic OPTIONS answers) are guarded the same way, but not worth a line.
    boolean runtimeOwn = name.startsWith("org.glassfish.jersey.") || name.startsWith("org.jboss.resteasy.");
    if (!runtimeOwn && logged.add(name)) {
      LOG.log(System.Logger.Level.WARNING, "jwtsecured: " + name + " was not classified by the jwtsecured processor"
          + " (a class from another jar, outside every configuration's packages, or one it could not see); "
          + configuration + " "
          + (unseen == UnseenMethods.DENY ? "answers 403 for it" : "requires a valid token for it")
          + ", and its @RolesAllowed, @PermitAll and @DenyAll are not enforced; list a resource class compiled"
          + " elsewhere in @JwtSecured(resources = ...)");
    }
    return unseen == UnseenMethods.DENY ? AccessRule.DENY_ALL : AccessRule.AUTHENTICATED;
  }

  /**
   * The other configurations' scopes: published as application properties or, where the runtime shows a feature
   * nothing of the application (Apache CXF), those {@link LazyBinding} saw marking the same requests.
   */
  private List<RouteScope> others() {
    if (blind) {
      return neighbours;
    }
    List<RouteScope> others = new ArrayList<>();
    for (String property : application.getPropertyNames()) {
      Object other = property.startsWith(PROPERTY_PREFIX) ? application.getProperty(property) : null;
      if (other instanceof RouteScope scope && scope != this) {
        others.add(scope);
      }
    }
    return others;
  }

  /** Whether another configuration's processor saw {@code resourceClass}. */
  private boolean knownElsewhere(Class<?> resourceClass) {
    return others().stream().anyMatch(scope -> scope.knows.test(resourceClass));
  }

  /**
   * Whether the processor saw {@code resourceClass} for the configuration {@code knows} describes, or a class it
   * extends: what the configuration's resources are when its feature is missing.
   */
  public static boolean seenOrSubclass(Class<?> resourceClass, Predicate<Class<?>> knows) {
    for (Class<?> c = resourceClass; c != null; c = c.getSuperclass()) {
      if (knows.test(c)) {
        return true;
      }
    }
    return false;
  }

  private boolean claims(Class<?> resourceClass) {
    return inPackages(resourceClass) || others().stream()
        .noneMatch(scope -> scope.owns(resourceClass) || scope.configuration.compareTo(configuration) < 0);
  }
}
