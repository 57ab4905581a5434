package dev.jwtsecured.testing;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import jakarta.ws.rs.core.Application;
import java.net.InetSocketAddress;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;

/** RESTEasy on Undertow: 7.0 (Jakarta REST 4.0), or 6.2 (3.1) in the suite's run on that release. */
final class ResteasyServer extends UndertowJaxrsServer {
  private ResteasyServer() {}

  static TestServer.Started start(String contextPath, Application application) {
    ResteasyServer server = new ResteasyServer();
    // Undertow 2.3.24 (RESTEasy 6.2.16's) refuses a body declared over 2 MiB itself, with a 500, before any JAX-RS
    // code runs; the suite tests the library's own bound, so that limit is lifted here as the others' are.
    server.start(Undertow.builder().addHttpListener(0, "127.0.0.1")
        .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, -1L));
    server.deploy(application, contextPath.isEmpty() ? "/" : contextPath);
    int port = ((InetSocketAddress) server.server.getListenerInfo().get(0).getAddress()).getPort();
    return TestServer.Started.of(port, server::stop);
  }
}
