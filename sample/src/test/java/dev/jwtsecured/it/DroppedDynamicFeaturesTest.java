package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtsecured.it.routes.users.Files;
import dev.jwtsecured.it.routes.users.Reports;
import dev.jwtsecured.it.routes.users.Users;
import dev.jwtsecured.it.routes.users.UsersSecurity;
import dev.jwtsecured.it.routes.users.UsersSecurityJwtFeature;
import dev.jwtsecured.it.routes.users.UsersSecurityJwtFeatureCheck;
import dev.jwtsecured.testing.LibraryLog;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * Quarkus REST (3.33) drops, without a word, the dynamic features a {@code Feature} registers: its feature context
 * keeps only filters, interceptors and exception mappers. The generated feature's {@code FooJwtPolicies}, which gives
 * each resource method its filter, was then never asked, and every resource method ran with no token checked (seen:
 * an anonymous request got an admin-only method's answer, 200). Such a runtime still applies the dynamic features it
 * finds among the application's classes, {@code FooJwtFeatureCheck} among them, which now passes the question on.
 * Stood in for here by a feature that gives the generated one a context dropping dynamic features.
 */
class DroppedDynamicFeaturesTest {
  /** With {@code FooJwtFeatureCheck} among the classes, as {@code classes()} lists it: secured as anywhere. */
  @Test
  void aRuntimeThatDropsTheFeaturesDynamicFeatureIsSecuredThroughTheCheck() throws Exception {
    assumeNotCxf();
    try (TestServer server = TestServer.startAt("/api", List.of(new DroppingDynamicFeatures(
        RouteBoundSecurityTest.usersFeature())), UsersSecurityJwtFeature.classes(), Users.class, Reports.class,
        Files.class)) {
      int runs = UsersSecurity.PROTECTED_RUNS.get();
      int locatorRuns = UsersSecurity.LOCATOR_RUNS.get();
      assertEquals(401, server.http.send("GET", "/api/users/7").status);
      assertEquals(401, server.http.send("GET", "/api/reports/2026").status);
      assertEquals(401, server.http.send("GET", "/api/files/notes.txt").status);
      assertEquals(runs, UsersSecurity.PROTECTED_RUNS.get(), "a protected method ran");
      assertEquals(locatorRuns, UsersSecurity.LOCATOR_RUNS.get(), "the protected locator ran");
      assertEquals(200, server.http.send("GET", "/api/reports/summary").status);
      String alice = "Authorization: Bearer " + token(server, "alice");
      String bob = "Authorization: Bearer " + token(server, "bob");
      RawHttp.Response user = server.http.send("GET", "/api/users/7", alice);
      assertEquals(200, user.status, user.toString());
      assertEquals("user 7", user.body);
      assertEquals(403, server.http.send("GET", "/api/reports/2026", alice).status);
      assertEquals(200, server.http.send("GET", "/api/reports/2026", bob).status);
      assertEquals(403, server.http.send("DELETE", "/api/files/notes.txt", alice).status);
      assertEquals(200, server.http.send("DELETE", "/api/files/notes.txt", bob).status);
    }
  }

  /**
   * Without {@code FooJwtFeatureCheck} among the classes nothing gives the methods their filters there: every request
   * of the application must answer 500, the protected method never run, and one ERROR say why.
   */
  @Test
  void withoutTheCheckAmongItsClassesItFailsClosed() {
    assumeNotCxf();
    Set<Class<?>> withoutCheck = new HashSet<>(UsersSecurityJwtFeature.classes());
    withoutCheck.remove(UsersSecurityJwtFeatureCheck.class);
    try (LibraryLog log = new LibraryLog(); TestServer server = TestServer.startAt("/api",
        List.of(new DroppingDynamicFeatures(RouteBoundSecurityTest.usersFeature())), withoutCheck, Users.class)) {
      for (int i = 0; i < 2; i++) {
        UnregisteredFeatureTest.assertFailsClosed(server, "GET /api/users/7", "POST /api/users/register",
            "POST /api/users/login");
      }
      List<LogRecord> reports = log.containing("did not apply the dynamic feature");
      assertEquals(1, reports.size(), log::toString);
      assertEquals(Level.SEVERE, reports.get(0).getLevel());
    }
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

  private static String token(TestServer server, String user) throws Exception {
    RawHttp.Response r = server.http.sendBody("POST", "/api/users/login",
        "grant_type=password&username=" + user + "&password=pw", "Content-Type: application/x-www-form-urlencoded");
    assertEquals(200, r.status, r.toString());
    return ServletContextPathTest.JSON.readTree(r.body).get("access_token").asText();
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

  /**
   * Apache CXF gives each feature a context of its own, where the generated feature registers no dynamic feature but
   * binds each method's filter at its first request ({@code CxfTest}); the stand-in context changes nothing there, and
   * the wrapper hides the generated feature from the token endpoint, which finds it among the application's instances.
   */
  private static void assumeNotCxf() {
    org.junit.jupiter.api.Assumptions.assumeFalse(TestServer.runtime().equals("cxf"), "a runtime that drops dynamic"
        + " features, stood in for on the others");
  }
}
