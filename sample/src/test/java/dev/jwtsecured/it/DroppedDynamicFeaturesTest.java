package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtsecured.it.routes.users.Users;
import dev.jwtsecured.it.routes.users.UsersSecurity;
import dev.jwtsecured.it.routes.users.UsersSecurityJwtFeature;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Quarkus REST (3.33) drops, without a word, the dynamic features a {@code Feature} registers: its feature context
 * keeps only filters, interceptors and exception mappers. The generated feature's {@code FooJwtPolicies}, which gives
 * each resource method its filter, was then never asked, and every resource method ran with no token checked (seen:
 * an anonymous request got an admin-only method's answer, 200). Stood in for here by a feature that gives the
 * generated one such a context: every request of the application must answer 500, the protected method never run, and
 * one ERROR say why.
 */
class DroppedDynamicFeaturesTest {
  @Test
  void aRuntimeThatDropsTheDynamicFeatureFailsClosed() {
    List<LogRecord> records = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public synchronized void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger("dev.jwtsecured");
    logger.addHandler(handler);
    try (TestServer server = TestServer.startAt("/api", List.of(new DroppingDynamicFeatures(
        RouteBoundSecurityTest.usersFeature())), UsersSecurityJwtFeature.classes(), Users.class)) {
      int runs = UsersSecurity.PROTECTED_RUNS.get();
      for (int i = 0; i < 2; i++) {
        for (String[] request : List.of(new String[] {"GET", "/api/users/7"},
            new String[] {"POST", "/api/users/register"}, new String[] {"POST", "/api/users/login"})) {
          RawHttp.Response r = request[0].equals("GET") ? server.http.send("GET", request[1])
              : server.http.sendBody("POST", request[1], "grant_type=password&username=ada&password=pw",
                  "Content-Type: application/x-www-form-urlencoded");
          String what = request[0] + " " + request[1] + " -> " + r;
          assertEquals(500, r.status, what);
          assertEquals("{\"status_code\":500,\"detail\":\"Internal Server Error\"}", r.body, what);
        }
      }
      assertEquals(runs, UsersSecurity.PROTECTED_RUNS.get(), "the protected method ran");
    } finally {
      logger.removeHandler(handler);
    }
    List<LogRecord> reports = records.stream()
        .filter(r -> String.valueOf(r.getMessage()).contains("did not apply the dynamic feature")).toList();
    assertEquals(1, reports.size(), records.stream().map(LogRecord::getMessage).toList().toString());
    assertEquals(Level.SEVERE, reports.get(0).getLevel());
  }

  /** The same application with the feature registered as it is: secured, not failing. */
  @Test
  void theSameApplicationOnARuntimeThatAppliesItIsSecured() {
    try (TestServer server = TestServer.startAt("/api", List.of(RouteBoundSecurityTest.usersFeature()),
        UsersSecurityJwtFeature.classes(), Users.class)) {
      assertEquals(401, server.http.send("GET", "/api/users/7").status);
      assertEquals(200, server.http.sendBody("POST", "/api/users/register", "",
          "Content-Type: application/x-www-form-urlencoded").status);
    }
  }

  /** An application's feature that installs {@code feature} through a context that drops dynamic features. */
  static final class DroppingDynamicFeatures implements Feature {
    private final Feature feature;

    DroppingDynamicFeatures(Feature feature) {
      this.feature = feature;
    }

    @Override
    public boolean configure(FeatureContext context) {
      return feature.configure(new Dropping(context));
    }
  }

  /** Passes everything on to the runtime's context but dynamic features, as Quarkus REST's feature context does. */
  private record Dropping(FeatureContext context) implements FeatureContext {
    @Override
    public Configuration getConfiguration() {
      return context.getConfiguration();
    }

    @Override
    public FeatureContext property(String name, Object value) {
      context.property(name, value);
      return this;
    }

    @Override
    public FeatureContext register(Class<?> componentClass) {
      if (!DynamicFeature.class.isAssignableFrom(componentClass)) {
        context.register(componentClass);
      }
      return this;
    }

    @Override
    public FeatureContext register(Class<?> componentClass, int priority) {
      if (!DynamicFeature.class.isAssignableFrom(componentClass)) {
        context.register(componentClass, priority);
      }
      return this;
    }

    @Override
    public FeatureContext register(Class<?> componentClass, Class<?>... contracts) {
      throw new UnsupportedOperationException();
    }

    @Override
    public FeatureContext register(Class<?> componentClass, Map<Class<?>, Integer> contracts) {
      throw new UnsupportedOperationException();
    }

    @Override
    public FeatureContext register(Object component) {
      if (!(component instanceof DynamicFeature)) {
        context.register(component);
      }
      return this;
    }

    @Override
    public FeatureContext register(Object component, int priority) {
      if (!(component instanceof DynamicFeature)) {
        context.register(component, priority);
      }
      return this;
    }

    @Override
    public FeatureContext register(Object component, Class<?>... contracts) {
      throw new UnsupportedOperationException();
    }

    @Override
    public FeatureContext register(Object component, Map<Class<?>, Integer> contracts) {
      throw new UnsupportedOperationException();
    }
  }
}
