package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.it.alone.AloneSecurity;
import dev.jwtsecured.it.alone.AloneSecurityJwtFeature;
import dev.jwtsecured.it.routes.users.Users;
import dev.jwtsecured.it.routes.users.UsersSecurityJwtFeature;
import dev.jwtsecured.testing.LibraryLog;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import jakarta.ws.rs.core.Application;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What differs on Apache CXF, which gives each feature a configuration of its own, shows it nothing of the application,
 * and asks dynamic features about no method of a sub-resource: there the generated feature binds each method's filter
 * at its first request. The rest of the behaviour suite runs on CXF unchanged. The cases that are not CXF's own run on
 * every runtime.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CxfTest {
  static final String SECRET = "alone-secret-alone-secret-alone-secret!!";
  static final ObjectMapper JSON = new ObjectMapper();

  static AloneSecurityJwtFeature feature() {
    return new AloneSecurityJwtFeature(AloneSecurityJwtFeature.settings().secret(SECRET).build());
  }

  static String bearer(RawHttp http, String user) throws Exception {
    RawHttp.Response login = http.sendBody("POST", "/login", "grant_type=password&username=" + user + "&password=pw",
        "Content-Type: application/x-www-form-urlencoded");
    assertEquals(200, login.status, login.toString());
    return "Authorization: Bearer " + JSON.readTree(login.body).get("access_token").asText();
  }

  /**
   * Without the feature, and before any feature of the configuration was configured in the JVM, the application does
   * not start on CXF: its check could not cover the methods of sub-resources, which no dynamic feature sees there. (On
   * the other runtimes it starts and answers 500: {@code UnregisteredFeatureTest}.)
   */
  @Test
  @Order(1)
  void withoutItsFeatureTheApplicationDoesNotStart() {
    assumeTrue(TestServer.runtime().equals("cxf"), "Apache CXF");
    RuntimeException refused = assertThrows(RuntimeException.class, () -> TestServer.startAt("", List.of(),
        AloneSecurityJwtFeature.classes(), AloneSecurity.Desks.class).close());
    StringBuilder messages = new StringBuilder();
    for (Throwable t = refused; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    assertTrue(messages.toString().contains("AloneSecurityJwtFeature is not registered with this application, so"
        + " nothing authenticates the resources of dev.jwtsecured.it.alone.AloneSecurity: the application does not"
        + " start"), messages::toString);
  }

  /** A sub-resource method's role, and the root method's token, each time (the binding is kept after the first). */
  @Test
  @Order(2)
  void aSubResourceMethodHasItsRoleEnforced() throws Exception {
    try (TestServer server = TestServer.startAt("", List.of(feature()), AloneSecurityJwtFeature.classes(),
        AloneSecurity.Desks.class)) {
      RawHttp http = server.http;
      String ada = bearer(http, "ada");
      String root = bearer(http, "root");
      for (int i = 0; i < 2; i++) {
        assertEquals(401, http.send("GET", "/desks/1").status);
        assertEquals(401, http.send("GET", "/desks/1/drawer").status);
        assertEquals(401, http.send("DELETE", "/desks/1/drawer").status);
        assertEquals("desk 1", http.send("GET", "/desks/1", ada).body);
        assertEquals("drawer of 1", http.send("GET", "/desks/1/drawer", ada).body);
        RawHttp.Response forbidden = http.send("DELETE", "/desks/1/drawer", ada);
        assertEquals(403, forbidden.status, forbidden.toString());
        assertEquals("emptied drawer of 1", http.send("DELETE", "/desks/1/drawer", root).body);
      }
    }
  }

  /**
   * Two configurations in one application, each guarding its own resources, sub-resources included: on CXF they learn
   * each other from the requests they both mark. (The suite's tests of two configurations run on CXF too.)
   */
  @Test
  @Order(3)
  void twoConfigurationsEachGuardTheirOwn() throws Exception {
    try (LibraryLog log = new LibraryLog(); TestServer server = TestServer.startAt("", List.of(feature(),
        RouteBoundSecurityTest.usersFeature()), TestServer.union(AloneSecurityJwtFeature.classes(),
        UsersSecurityJwtFeature.classes()), AloneSecurity.Desks.class, Users.class)) {
      RawHttp http = server.http;
      String root = bearer(http, "root");
      RawHttp.Response login = http.sendBody("POST", "/users/login", "grant_type=password&username=bob&password=pw",
          "Content-Type: application/x-www-form-urlencoded");
      assertEquals(200, login.status, login.toString());
      String bob = "Authorization: Bearer " + JSON.readTree(login.body).get("access_token").asText();
      for (int i = 0; i < 2; i++) {
        assertEquals("emptied drawer of 2", http.send("DELETE", "/desks/2/drawer", root).body);
        assertEquals(401, http.send("DELETE", "/desks/2/drawer", bob).status, "a token of the other configuration");
        assertEquals(401, http.send("GET", "/desks/2", bob).status);
        assertEquals("user 7", http.send("GET", "/users/7", bob).body);
        assertEquals(401, http.send("GET", "/users/7", root).status, "a token of the other configuration");
      }
      assertEquals(List.of(), log.containing("was not classified"), "each knows the other's resources");
    }
  }

  /**
   * CXF asks the application for its singletons again where resources look for the feature: one created anew at each
   * call is not the instance CXF configured, and would give each login a throttle and refresh tokens of its own. The
   * token endpoint refuses it, and one ERROR says what to do.
   */
  @Test
  @Order(4)
  void singletonsCreatedAnewAtEachCallAreRefused() throws Exception {
    assumeTrue(TestServer.runtime().equals("cxf"), "Apache CXF");
    Application fresh = new Application() {
      @Override
      public Set<Class<?>> getClasses() {
        return TestServer.union(AloneSecurityJwtFeature.classes(), Set.of(AloneSecurity.Desks.class));
      }

      @SuppressWarnings("deprecation")
      @Override
      public Set<Object> getSingletons() {
        return Set.of(feature());
      }
    };
    try (LibraryLog log = new LibraryLog(); TestServer server = TestServer.start("", fresh)) {
      for (int i = 0; i < 2; i++) {
        RawHttp.Response login = server.http.sendBody("POST", "/login", "grant_type=password&username=ada&password=pw",
            "Content-Type: application/x-www-form-urlencoded");
        assertEquals(500, login.status, login.toString());
        assertEquals("{\"status_code\":500,\"detail\":\"Internal Server Error\"}", login.body);
      }
      List<LogRecord> reports = log.containing("return the same instance from each call of");
      assertEquals(1, reports.size(), log::toString);
      assertEquals(Level.SEVERE, reports.get(0).getLevel());
    }
  }

  /**
   * A feature of the application's own that wraps the generated one (as on servers that scan for providers) secures the
   * resources there too, but the token endpoint does not find the generated feature among the application's instances:
   * it answers 500, and one ERROR says to register the generated feature itself.
   */
  @Test
  @Order(5)
  void aWrappedFeatureIsNamedInTheTokenEndpointsError() throws Exception {
    assumeTrue(TestServer.runtime().equals("cxf"), "Apache CXF");
    AloneSecurityJwtFeature generated = feature();
    jakarta.ws.rs.core.Feature wrapper = context -> generated.configure(context);
    try (LibraryLog log = new LibraryLog(); TestServer server = TestServer.startAt("", List.of(wrapper),
        AloneSecurityJwtFeature.classes(), AloneSecurity.Desks.class)) {
      assertEquals(401, server.http.send("GET", "/desks/1").status, "the resources are secured");
      RawHttp.Response login = server.http.sendBody("POST", "/login", "grant_type=password&username=ada&password=pw",
          "Content-Type: application/x-www-form-urlencoded");
      assertEquals(500, login.status, login.toString());
      List<LogRecord> reports = log.containing("return the generated feature itself");
      assertEquals(1, reports.size(), log::toString);
      assertEquals(Level.SEVERE, reports.get(0).getLevel());
    }
  }
}
