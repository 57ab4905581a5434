package dev.jwtsecured.testing;

import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Jersey 4 on Grizzly, the container of Jersey's own quickstart, with its defaults but a 16 KiB request header limit
 * (8 KiB by default), as the sample's Jetty: room for the 8 KiB token bound that the library itself answers.
 */
final class GrizzlyServer {
  private GrizzlyServer() {}

  static TestServer.Started start(String contextPath, Application application) {
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
        URI.create("http://127.0.0.1:0" + contextPath + "/"), ResourceConfig.forApplication(application), false);
    server.getListener("grizzly").setMaxHttpHeaderSize(16 * 1024);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int port = server.getListener("grizzly").getPort();
    return TestServer.Started.of(port, server::shutdownNow);
  }
}
