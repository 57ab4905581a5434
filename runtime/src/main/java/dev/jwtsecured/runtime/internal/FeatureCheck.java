package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.JwtAuth;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a configuration's generated {@code FooJwtFeatureCheck} binds to each of the configuration's resource methods
 * when the application did not register {@code FooJwtFeature}: then nothing would authenticate their requests, so they
 * fail closed, answering 500 with the usual JSON body and no detail, instead of running for anyone. Logged once per
 * configuration, with the fix. Likewise, through {@link #guard}, where the feature is registered but the
 * runtime drops the dynamic feature it registers.
 */
public final class FeatureCheck implements ContainerRequestFilter {
  private static final System.Logger LOG = System.getLogger("dev.jwtsecured");
  private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();
  private static final String BODY;

  static {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status_code", 500);
    body.put("detail", "Internal Server Error");
    BODY = Json.write(body);
  }

  private FeatureCheck() {}

  /**
   * Asks the dynamic feature of {@code configuration}'s feature about the resource method {@code context} configures,
   * where the runtime dropped it (Quarkus REST drops those a {@code Feature} registers, and applies those it finds as
   * providers, as it finds {@code FooJwtFeatureCheck}): each method gets its filter all the same
   * ({@link RouteScope#register}).
   *
   * @return whether it did
   */
  public static boolean bind(ResourceInfo method, FeatureContext context, Class<?> configuration) {
    if (context.getConfiguration().getProperty(RouteScope.PROPERTY_PREFIX + configuration.getName())
        instanceof RouteScope scope && scope.dropped() != null) {
      scope.dropped().configure(method, context);
      return true;
    }
    return false;
  }

  /**
   * Binds the failing filter to the resource method {@code context} configures unless {@code feature}, the feature of
   * {@code configuration}, published its runtime in the application's configuration, which a runtime that gives each
   * feature a configuration of its own (Apache CXF) does not show: {@link LazyBinding#require} decides there.
   */
  public static void require(FeatureContext context, Class<?> configuration, Class<?> feature) {
    if (context.getConfiguration().getProperty(JwtAuth.PROPERTY_PREFIX + configuration.getName()) != null) {
      return;
    }
    if (LazyBinding.require(context, configuration.getName(), feature.getName())) {
      return;
    }
    errorOnce(configuration.getName(), notRegistered(configuration.getName(), feature.getName()));
    context.register(new FeatureCheck(), Priorities.AUTHENTICATION);
  }

  /** Logs {@code message} as an ERROR the first time something logs under {@code key} in this JVM. */
  static void errorOnce(String key, String message) {
    if (LOGGED.add(key)) {
      LOG.log(System.Logger.Level.ERROR, message);
    }
  }

  /** Logs {@code message} as a WARNING the first time something logs under {@code key} in this JVM. */
  static void warnOnce(String key, String message) {
    if (LOGGED.add(key)) {
      LOG.log(System.Logger.Level.WARNING, message);
    }
  }

  static String notRegistered(String configuration, String feature) {
    return "jwtsecured: " + feature + " is not registered with this application, so nothing authenticates the"
        + " resources of " + configuration + ": they answer 500. Return new "
        + feature.substring(feature.lastIndexOf('.') + 1) + "(...) from Application.getSingletons() (or register it"
        + " with the runtime)";
  }

  @Override
  public void filter(ContainerRequestContext request) {
    failClosed(request);
  }

  static void failClosed(ContainerRequestContext request) {
    request.abortWith(failure());
  }

  private static Response failure() {
    return Response.serverError()
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(BODY)
        .header(JwtAuth.NOSNIFF_HEADER, "nosniff")
        .build();
  }

  /**
   * What a resource throws when it finds no runtime of its configuration: the failing answer, with {@code message}
   * logged once.
   */
  public static InternalServerErrorException misconfigured(String message) {
    return misconfigured(message, message);
  }

  /** The same, logging {@code message} only the first time something is logged under {@code key} in this JVM. */
  public static InternalServerErrorException misconfigured(String key, String message) {
    errorOnce(key, message);
    return new InternalServerErrorException(failure());
  }

  /** The application property under which the first feature publishes the guard the others join. */
  private static final String GUARD_PROPERTY = "dev.jwtsecured.guard";

  /**
   * What a configuration's generated feature installs beside its dynamic feature ({@code FooJwtPolicies}, which gives
   * each resource method its filter): a filter for every request that answers 500 unless the runtime asked that
   * dynamic feature about some method, itself or through {@code FooJwtFeatureCheck} ({@link #bind}). A runtime that
   * drops the dynamic features a feature registers (Quarkus REST does, without a word: its feature context keeps only
   * filters, interceptors and exception mappers) and has no {@code FooJwtFeatureCheck} among the application's classes
   * would otherwise run every resource method with no token checked. One filter serves every configuration of the
   * application: the first feature registers it, the others join it (runtimes keep one instance of a provider class,
   * and RESTEasy warns about the second). Logged once per configuration.
   */
  public static void guard(FeatureContext context, RouteScope scope, Class<?> feature) {
    if (scope.blind()) {
      LazyBinding.install(context, scope);
      return;
    }
    if (context.getConfiguration().getProperty(GUARD_PROPERTY) instanceof Unconsulted guard) {
      guard.add(scope, feature.getName());
      return;
    }
    Unconsulted guard = new Unconsulted();
    guard.add(scope, feature.getName());
    context.property(GUARD_PROPERTY, guard);
    context.register(guard, Priorities.AUTHENTICATION);
  }

  /** The filter of {@link #guard}. */
  private static final class Unconsulted implements ContainerRequestFilter {
    /** Each configuration's scope, with its feature's name. */
    private final Map<RouteScope, String> scopes = new ConcurrentHashMap<>();
    /** Set once every scope was consulted, which stays so: then a request costs one read. */
    private volatile boolean allConsulted;

    void add(RouteScope scope, String feature) {
      scopes.put(scope, feature);
      allConsulted = false;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      if (allConsulted) {
        return;
      }
      if (scopes.keySet().stream().allMatch(RouteScope::consulted)) {
        allConsulted = true;
        return;
      }
      for (Map.Entry<RouteScope, String> entry : scopes.entrySet()) {
        RouteScope scope = entry.getKey();
        if (scope.consulted()) {
          continue;
        }
        String feature = entry.getValue();
        errorOnce("consulted " + scope.configuration(), "jwtsecured: this JAX-RS runtime did not apply the"
            + " dynamic feature that " + feature + " registered (Quarkus REST drops the dynamic features a Feature"
            + " registers), and no " + feature + "Check among the application's classes did it instead, so nothing"
            + " would check tokens and roles on the resources of " + scope.configuration() + ": every request answers"
            + " 500. Add the classes of " + feature + ".classes() to the application's");
        failClosed(request);
        return;
      }
    }
  }
}
