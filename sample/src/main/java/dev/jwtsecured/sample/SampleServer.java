package dev.jwtsecured.sample;

import com.sun.net.httpserver.HttpServer;
import dev.jwtsecured.runtime.JwtSettings;
import java.net.URI;
import java.util.function.UnaryOperator;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** One example application on Jersey's JDK HTTP server. Tests start it on port 0 and read the port it got. */
public final class SampleServer implements AutoCloseable {
  private final HttpServer server;

  private SampleServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts {@code example} on {@code host:port} (port 0: any free port).
   *
   * @param settings adjusts the generated settings before they are built (the secret, a clock)
   */
  public static SampleServer start(Example example, String host, int port, UnaryOperator<JwtSettings.Builder> settings) {
    URI base = URI.create("http://" + host + ":" + port + "/");
    ResourceConfig application = ResourceConfig.forApplication(example.application(settings))
        .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    HttpServer server = JdkHttpServerFactory.createHttpServer(base, application, true);
    return new SampleServer(server);
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
