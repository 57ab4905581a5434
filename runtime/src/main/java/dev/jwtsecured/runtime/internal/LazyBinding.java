package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.JwtAuth;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a configuration is enforced on a JAX-RS runtime that gives each feature a configuration of its own and shows it
 * nothing of the application (Apache CXF, {@link RouteScope#blind()}): what a feature publishes stays unseen by
 * dynamic features and resources, and the runtime asks dynamic features about no method of a sub-resource. There the
 * feature registers {@link Guard} instead of its dynamic feature: a filter for every request that asks the dynamic
 * feature about the matched resource method the first time it is called (root resource or sub-resource alike), keeps
 * the filter it binds, and runs it. The configurations of one application see each other nowhere else there: each
 * learns the others from the requests they all mark, before it binds a method.
 */
public final class LazyBinding {
  /** The request property under which the markers list the guards of a request. */
  private static final String SEEN_PROPERTY = "dev.jwtsecured.guard.seen";
  /** The prefix of the request property under which a guard keeps the filter it ran, for the response. */
  private static final String BOUND_PROPERTY = "dev.jwtsecured.guard.bound.";
  /** The configurations whose feature such a runtime configured in this JVM. */
  private static final Set<String> CONFIGURED = ConcurrentHashMap.newKeySet();

  private LazyBinding() {}

  /** Installs the guard of {@code scope} in its feature's {@code context}. */
  static void install(FeatureContext context, RouteScope scope) {
    CONFIGURED.add(scope.configuration());
    Object auth = context.getConfiguration().getProperty(JwtAuth.PROPERTY_PREFIX + scope.configuration());
    Guard guard = new Guard(scope, auth instanceof JwtAuth jwt ? jwt : null);
    // Before any configuration's guard runs its filter, which may answer first.
    context.register(new Marker(guard), Priorities.AUTHENTICATION - 1);
    context.register(guard, Priorities.AUTHENTICATION);
  }

  /**
   * Adds its configuration's guard to those that saw the request, before any guard runs: all the configurations of the
   * application, which see each other nowhere else there.
   */
  private static final class Marker implements ContainerRequestFilter {
    private final Guard guard;

    Marker(Guard guard) {
      this.guard = guard;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      Seen seen;
      if (request.getProperty(SEEN_PROPERTY) instanceof Seen known) {
        seen = known;
      } else {
        seen = new Seen();
        request.setProperty(SEEN_PROPERTY, seen);
      }
      seen.guards.add(guard);
    }
  }

  /** The guards that saw a request. */
  private static final class Seen {
    final List<Guard> guards = new ArrayList<>(2);

    boolean covers(String configuration) {
      return guards.stream().anyMatch(guard -> guard.scope.configuration().equals(configuration));
    }
  }

  /**
   * What the feature check does for a resource method of {@code configuration} whose feature it cannot see. Where a
   * runtime that gives each feature a configuration of its own configured a feature of the configuration in this JVM,
   * it may be this application's: the method gets a filter that answers 500 unless that feature's guard saw the
   * request. Where none did and the runtime is Apache CXF, the feature is missing, and the application refuses to
   * start: CXF would run the methods of its sub-resources, which no dynamic feature sees, unchecked.
   *
   * @return whether it decided; otherwise the feature is missing on a runtime that shows features the application
   * @throws IllegalStateException when the feature is missing on Apache CXF
   */
  static boolean require(FeatureContext context, String configuration, String feature) {
    if (CONFIGURED.contains(configuration)) {
      context.register(new Unseen(configuration, feature), Priorities.AUTHENTICATION + 1);
      return true;
    }
    if (isCxf(context.getConfiguration())) {
      throw new IllegalStateException(FeatureCheck.notRegistered(configuration, feature)
          .replace(": they answer 500", ": the application does not start"));
    }
    return false;
  }

  /** Whether {@code configuration} is Apache CXF's, by its class. */
  public static boolean isCxf(Configuration configuration) {
    return configuration.getClass().getName().startsWith("org.apache.cxf.");
  }

  /**
   * The guard of one configuration: for each request, the filter the dynamic feature binds to the matched method, for
   * the request and, when it is one, for the response.
   */
  private static final class Guard implements ContainerRequestFilter, ContainerResponseFilter {
    private final RouteScope scope;
    /** The configuration's runtime, as its feature published it. */
    private final JwtAuth auth;
    /**
     * The filter the dynamic feature bound to each resource method, or empty when it bound none: one entry per method
     * of a class the runtime served, as the runtime's own bindings.
     */
    private final Map<MethodOf, Optional<ContainerRequestFilter>> bound = new ConcurrentHashMap<>();

    @Context
    private ResourceInfo resourceInfo;

    Guard(RouteScope scope, JwtAuth auth) {
      this.scope = scope;
      this.auth = auth;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
      // The runtime injects the matched method; without it, or without the configuration's runtime, nothing is bound.
      if (!(request.getProperty(SEEN_PROPERTY) instanceof Seen seen) || !seen.guards.contains(this)
          || resourceInfo == null || auth == null) {
        FeatureCheck.failClosed(request);
        return;
      }
      MethodOf method = new MethodOf(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
      if (method.resourceClass() == null || method.method() == null) {
        FeatureCheck.failClosed(request);
        return;
      }
      if (GeneratedResource.class.isAssignableFrom(method.resourceClass()) && !readWithin(request)) {
        return;
      }
      Optional<ContainerRequestFilter> filter = bound.get(method);
      if (filter == null) {
        // The configurations of the application, which decide together who guards a class none of them saw.
        scope.neighbours(seen.guards.stream().map(guard -> guard.scope).toList());
        filter = bound.computeIfAbsent(method, this::bind);
      }
      if (filter.isPresent()) {
        request.setProperty(BOUND_PROPERTY + scope.configuration(), filter.get());
        filter.get().filter(request);
      }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
      if (request.getProperty(BOUND_PROPERTY + scope.configuration()) instanceof ContainerResponseFilter filter) {
        filter.filter(request, response);
      }
    }

    /**
     * Reads the body of a request to a generated resource (the token endpoint) within the configuration's
     * {@code maxTokenRequestBytes}, and hands the endpoint what was read: Apache CXF copies a form body whole into
     * memory before the resource method runs, which would otherwise let a client make it hold any size.
     *
     * @return whether the request goes on; else it was answered 413 or 400
     */
    private boolean readWithin(ContainerRequestContext request) {
      try {
        byte[] body = Bodies.bytes(request.getHeaderString(HttpHeaders.CONTENT_LENGTH), request.getEntityStream(),
            auth.settings().maxTokenRequestBytes());
        request.setEntityStream(new ByteArrayInputStream(body));
        return true;
      } catch (TokenRequest.TokenError e) {
        request.abortWith(e.response());
        return false;
      }
    }

    /** Asks the configuration's dynamic feature about {@code method} as a runtime would, keeping what it binds. */
    private Optional<ContainerRequestFilter> bind(MethodOf method) {
      BindingContext binding = new BindingContext(scope.application());
      scope.dropped().configure(method, binding);
      return binding.filters.isEmpty() ? Optional.empty() : Optional.of(binding.filters.get(0));
    }
  }

  /** A resource method as {@link ResourceInfo} reports it. */
  private record MethodOf(Class<?> resourceClass, Method method) implements ResourceInfo {
    @Override
    public Method getResourceMethod() {
      return method;
    }

    @Override
    public Class<?> getResourceClass() {
      return resourceClass;
    }
  }

  /**
   * The filter {@link #require} binds: it answers 500 unless the guard of its configuration saw the request first.
   */
  private static final class Unseen implements ContainerRequestFilter {
    private final String configuration;
    private final String feature;

    Unseen(String configuration, String feature) {
      this.configuration = configuration;
      this.feature = feature;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      if (request.getProperty(SEEN_PROPERTY) instanceof Seen seen && seen.covers(configuration)) {
        return;
      }
      // Logged once per configuration, as where the runtime shows the feature missing at deployment.
      FeatureCheck.errorOnce(configuration, FeatureCheck.notRegistered(configuration, feature));
      FeatureCheck.failClosed(request);
    }
  }
}
