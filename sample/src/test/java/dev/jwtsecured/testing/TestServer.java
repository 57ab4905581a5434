package dev.jwtsecured.testing;

import dev.jwtsecured.runtime.JwtSettings;
import dev.jwtsecured.sample.Example;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Feature;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A real JAX-RS server on an ephemeral loopback port, on the runtime the system property
 * {@value #RUNTIME_PROPERTY} names: {@code jersey} (Jersey on the sample's Jetty 12 server, the default),
 * {@code jersey-grizzly} (Jersey on its Grizzly container), {@code resteasy} (RESTEasy on Undertow) or {@code cxf}
 * (Apache CXF's servlet on Undertow). The application
 * is a plain {@link Application} of singletons and classes, registered the way the README tells users to, so the same
 * behaviour tests run unchanged on each.
 */
public final class TestServer implements AutoCloseable {
  /** The system property that picks the JAX-RS runtime. */
  public static final String RUNTIME_PROPERTY = "jwtsecured.test.runtime";

  /**
   * The system property that, set to {@code true} while a server starts on RESTEasy, starts it with
   * {@code resteasy.wider.request.matching}: RESTEasy then sorts the templates of every root resource's methods and
   * locators together, where by default it picks the root resource class first, as JAX-RS does.
   */
  public static final String RESTEASY_WIDER_MATCHING = "jwtsecured.test.resteasyWiderMatching";

  /** A started server: its port and how to stop it. */
  interface Started extends AutoCloseable {
    int port();

    @Override
    void close();

    /** A server listening on {@code port} that {@code stop} stops. */
    static Started of(int port, Runnable stop) {
      return new Started() {
        @Override
        public int port() {
          return port;
        }

        @Override
        public void close() {
          stop.run();
        }
      };
    }
  }

  private final Started server;
  public final RawHttp http;

  private TestServer(Started server) {
    this.server = server;
    this.http = new RawHttp(server.port());
  }

  /** The runtime the tests run on: {@code jersey}, {@code jersey-grizzly}, {@code resteasy} or {@code cxf}. */
  public static String runtime() {
    return System.getProperty(RUNTIME_PROPERTY, "jersey").toLowerCase(Locale.ROOT);
  }

  /** Whether the tests run on Jersey (on any server). */
  public static boolean jersey() {
    return runtime().startsWith("jersey");
  }

  /**
   * An application at the root, registered as the README tells users to: the generated {@code feature} as a
   * singleton, the resources it generated ({@code FooJwtFeature.classes()}) and the application's resource classes.
   */
  public static TestServer start(Feature feature, Set<Class<?>> generated, Class<?>... resources) {
    return startAt("", List.of(feature), generated, resources);
  }

  /** The same with several features, under {@code contextPath} as an {@code @ApplicationPath} would place it. */
  public static TestServer startAt(String contextPath, List<Feature> features, Set<Class<?>> generated,
      Class<?>... resources) {
    Set<Class<?>> classes = new LinkedHashSet<>(generated);
    classes.addAll(List.of(resources));
    return start(contextPath, application(Set.copyOf(features), classes));
  }

  /**
   * The same in a servlet context at {@code contextPath} (as a war deployed under that name), the application mapped to
   * {@code servletPath} (its {@code @ApplicationPath}): a real servlet deployment, whose base URI the container builds
   * from the context path and the servlet path (RESTEasy's servlet on Undertow; Jersey's {@code ServletContainer} on
   * Grizzly's servlet container); on the sample's Jetty, which serves Jersey without servlets, the same base URI.
   */
  public static TestServer startInServletContext(String contextPath, String servletPath, List<Feature> features,
      Set<Class<?>> generated, Class<?>... resources) {
    Set<Class<?>> classes = new LinkedHashSet<>(generated);
    classes.addAll(List.of(resources));
    Application application = application(Set.copyOf(features), classes);
    return switch (runtime()) {
      case "resteasy" -> new TestServer(ResteasyServer.start(contextPath, servletPath, application));
      case "cxf" -> new TestServer(CxfServer.start(contextPath, servletPath, application));
      case "jersey-grizzly" -> new TestServer(GrizzlyServer.startInServletContext(contextPath, servletPath,
          application));
      default -> start(contextPath + servletPath, application);
    };
  }

  /**
   * An application that lists nothing and lets Jersey scan {@code pkg} for {@code @Path} and {@code @Provider} classes
   * ({@code ResourceConfig.packages}), under {@code contextPath}; on the Jersey runs only.
   */
  public static TestServer scanning(String contextPath, String pkg) {
    if (!jersey()) {
      throw new UnsupportedOperationException("Jersey's package scanning, on " + runtime());
    }
    return start(contextPath, JerseyScanning.of(pkg));
  }

  /**
   * One of the sample's examples: on Jersey exactly as {@code java -jar} starts it ({@code SampleServer}), on RESTEasy
   * the same {@code Application}.
   */
  public static TestServer example(Example example, UnaryOperator<JwtSettings.Builder> settings) {
    return new TestServer(switch (runtime()) {
      case "jersey" -> JerseyServer.example(example, settings);
      case "jersey-grizzly" -> GrizzlyServer.start("", example.application(settings));
      case "resteasy" -> ResteasyServer.start("", example.application(settings));
      case "cxf" -> CxfServer.start("", "", example.application(settings));
      default -> throw new IllegalArgumentException("unknown " + RUNTIME_PROPERTY + " " + runtime());
    });
  }

  /**
   * The sample's production server itself ({@code SampleServer}: Jersey on Jetty, as {@code java -jar} starts it), for
   * suites about that server; they run only in the Jersey execution.
   */
  public static TestServer production(Example example, UnaryOperator<JwtSettings.Builder> settings) {
    return new TestServer(JerseyServer.example(example, settings));
  }

  /** {@code application} served under {@code contextPath} ({@code ""} for the root). */
  public static TestServer start(String contextPath, Application application) {
    return new TestServer(switch (runtime()) {
      case "jersey" -> JerseyServer.start(contextPath, application);
      case "jersey-grizzly" -> GrizzlyServer.start(contextPath, application);
      case "resteasy" -> ResteasyServer.start(contextPath, application);
      case "cxf" -> CxfServer.start(contextPath, "", application);
      default -> throw new IllegalArgumentException("unknown " + RUNTIME_PROPERTY + " " + runtime());
    });
  }

  /** An application of {@code singletons} and {@code classes}. */
  public static Application application(Set<Object> singletons, Set<Class<?>> classes) {
    Set<Object> instances = Set.copyOf(singletons);
    Set<Class<?>> types = Set.copyOf(classes);
    return new Application() {
      @SuppressWarnings("deprecation") // the portable way to register instances without CDI; see the sample's Example
      @Override
      public Set<Object> getSingletons() {
        return instances;
      }

      @Override
      public Set<Class<?>> getClasses() {
        return types;
      }
    };
  }

  /** The union of several sets of generated classes. */
  @SafeVarargs
  public static Set<Class<?>> union(Set<Class<?>>... sets) {
    Set<Class<?>> all = new LinkedHashSet<>();
    for (Set<Class<?>> s : sets) {
      all.addAll(s);
    }
    return all;
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }
}
