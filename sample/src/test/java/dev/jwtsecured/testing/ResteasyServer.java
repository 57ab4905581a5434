package dev.jwtsecured.testing;

import io.undertow.Undertow;
import jakarta.ws.rs.core.Application;
import java.net.InetSocketAddress;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;

/** RESTEasy 7 on Undertow. */
final class ResteasyServer extends UndertowJaxrsServer {
  private ResteasyServer() {}

  static TestServer.Started start(String contextPath, Application application) {
    ResteasyServer server = new ResteasyServer();
    server.start(Undertow.builder().addHttpListener(0, "127.0.0.1"));
    server.deploy(application, contextPath.isEmpty() ? "/" : contextPath);
    int port = ((InetSocketAddress) server.server.getListenerInfo().get(0).getAddress()).getPort();
    return new TestServer.Started() {
      @Override
      public int port() {
        return port;
      }

      @Override
      public void close() {
        server.stop();
      }
    };
  }
}
