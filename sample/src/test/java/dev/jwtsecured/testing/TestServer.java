package dev.jwtsecured.testing;

import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.core.Application;
import java.net.URI;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** A real Jersey server on Jersey's JDK HTTP container, on an ephemeral loopback port. */
public final class TestServer implements AutoCloseable {
  private final HttpServer server;
  public final RawHttp http;

  private TestServer(HttpServer server) {
    this.server = server;
    this.http = new RawHttp(server.getAddress().getPort());
  }

  public static TestServer start(Application application) {
    ResourceConfig config = ResourceConfig.forApplication(application);
    return new TestServer(JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config, true));
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
