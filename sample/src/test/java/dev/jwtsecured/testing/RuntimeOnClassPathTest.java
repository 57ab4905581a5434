package dev.jwtsecured.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ext.RuntimeDelegate;
import org.junit.jupiter.api.Test;

/** Each run of the behaviour suite has exactly the JAX-RS runtime it says it runs on. */
class RuntimeOnClassPathTest {
  @Test
  void theOnlyJaxRsRuntimeIsTheOneUnderTest() {
    String delegate = RuntimeDelegate.getInstance().getClass().getName();
    String expected = TestServer.runtime().equals("resteasy") ? "org.jboss.resteasy." : "org.glassfish.jersey.";
    assertTrue(delegate.startsWith(expected), delegate);
    String other = expected.equals("org.jboss.resteasy.") ? "org.glassfish.jersey.server.ResourceConfig"
        : "org.jboss.resteasy.core.ResteasyDeploymentImpl";
    assertEquals(null, RuntimeOnClassPathTest.class.getClassLoader().getResource(other.replace('.', '/') + ".class"),
        other + " is on the class path");
  }
}
