package dev.jwtsecured.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each run of the behaviour suite has exactly the JAX-RS runtime, and the Jakarta REST and Servlet releases, it says it
 * runs on.
 */
class RuntimeOnClassPathTest {
  /** The system property naming the Jakarta REST release of a run: {@code 3.1}, else 4.0. */
  static final String REST_API_PROPERTY = "jwtsecured.test.restApi";

  @Test
  void theOnlyJaxRsRuntimeIsTheOneUnderTest() {
    // Each runtime by its package and a class of its own.
    Map<String, List<String>> runtimes = Map.of(
        "resteasy", List.of("org.jboss.resteasy.", "org.jboss.resteasy.core.ResteasyDeploymentImpl"),
        "jersey", List.of("org.glassfish.jersey.", "org.glassfish.jersey.server.ResourceConfig"),
        "cxf", List.of("org.apache.cxf.", "org.apache.cxf.jaxrs.JAXRSServerFactoryBean"));
    String runtime = TestServer.jersey() ? "jersey" : TestServer.runtime();
    String delegate = RuntimeDelegate.getInstance().getClass().getName();
    assertTrue(delegate.startsWith(runtimes.get(runtime).get(0)), delegate);
    for (Map.Entry<String, List<String>> each : runtimes.entrySet()) {
      String marker = each.getValue().get(1);
      boolean present = RuntimeOnClassPathTest.class.getClassLoader()
          .getResource(marker.replace('.', '/') + ".class") != null;
      assertEquals(each.getKey().equals(runtime), present,
          marker + (present ? " is" : " is not") + " on the class path");
    }
  }

  @Test
  void theJakartaRestReleaseIsTheOneUnderTest() {
    // HttpHeaders.containsHeaderString came with Jakarta REST 4.0.
    boolean rest40 = Arrays.stream(HttpHeaders.class.getMethods())
        .anyMatch(m -> m.getName().equals("containsHeaderString"));
    String release = System.getProperty(REST_API_PROPERTY, "4.0");
    assertEquals(release.equals("4.0"), rest40, "Jakarta REST " + release + " expected");
    if (TestServer.jersey()) {
      String jersey = org.glassfish.jersey.internal.Version.getVersion();
      assertTrue(jersey.startsWith(release.equals("3.1") ? "3.1." : "4.0."), "Jersey " + jersey);
    }
  }

  /** The servlet containers of a run (Undertow; Grizzly's, for Jersey's servlet) get their Jakarta EE's Servlet API. */
  @Test
  void theServletReleaseIsTheOneOfThatJakartaEe() throws ClassNotFoundException {
    // ServletResponse.setCharacterEncoding(Charset) came with Servlet 6.1 (Jakarta EE 11, with Jakarta REST 4.0).
    long setters = Arrays.stream(Class.forName("jakarta.servlet.ServletResponse").getMethods())
        .filter(m -> m.getName().equals("setCharacterEncoding")).count();
    String release = System.getProperty(REST_API_PROPERTY, "4.0");
    assertEquals(release.equals("4.0") ? 2 : 1, setters, "the Servlet API of Jakarta REST " + release + "'s release");
  }
}
