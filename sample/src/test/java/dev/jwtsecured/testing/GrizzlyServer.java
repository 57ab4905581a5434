package dev.jwtsecured.testing;

import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.servlet.WebappContext;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Jersey 4 on Grizzly, the container of Jersey's own quickstart, with its defaults but a 16 KiB request header limit
 * (8 KiB by default), as the sample's Jetty: room for the 8 KiB token bound that the library itself answers; and the
 * README's error pages ({@link GrizzlyErrorPages}): Grizzly's own answer a request target it cannot read with a 500 and
 * a stack trace.
 */
final class GrizzlyServer {
  private GrizzlyServer() {}

  /** {@code application}, and the README's filter for a Content-Type quality Jersey cannot read (its 500). */
  static ResourceConfig resources(Application application) {
    return ResourceConfig.forApplication(application).register(ContentTypeQualities.class);
  }

  static TestServer.Started start(String contextPath, Application application) {
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
        URI.create("http://127.0.0.1:0" + contextPath + "/"), resources(application), false);
    server.getListener("grizzly").setMaxHttpHeaderSize(16 * 1024);
    GrizzlyErrorPages.install(server);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int port = server.getListener("grizzly").getPort();
    return TestServer.Started.of(port, server::shutdownNow);
  }

  /**
   * {@code application} behind Jersey's {@code ServletContainer} in a Grizzly servlet context at {@code contextPath},
   * mapped to {@code servletPath + "/*"}, as a servlet container deploys a war with an {@code @ApplicationPath}.
   */
  static TestServer.Started startInServletContext(String contextPath, String servletPath, Application application) {
    HttpServer server = new HttpServer();
    NetworkListener listener = new NetworkListener("grizzly", "127.0.0.1", 0);
    listener.setMaxHttpHeaderSize(16 * 1024);
    server.addListener(listener);
    WebappContext context = new WebappContext("jwtsecured", contextPath);
    context.addServlet("jersey", new ServletContainer(resources(application)))
        .addMapping(servletPath + "/*");
    context.deploy(server);
    GrizzlyErrorPages.install(server);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return TestServer.Started.of(listener.getPort(), server::shutdownNow);
  }
}
