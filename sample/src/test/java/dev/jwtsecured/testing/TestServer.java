package dev.jwtsecured.testing;

import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.core.Feature;
import java.net.URI;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** A real Jersey server on Jersey's JDK HTTP container, on an ephemeral loopback port. */
public final class TestServer implements AutoCloseable {
  private final HttpServer server;
  public final RawHttp http;

  private TestServer(HttpServer server) {
    this.server = server;
    this.http = new RawHttp(server.getAddress().getPort());
  }

  /** An application of {@code feature} and the resource classes {@code resources}. */
  public static TestServer start(Feature feature, Class<?>... resources) {
    ResourceConfig config = new ResourceConfig()
        .property(ServerProperties.WADL_FEATURE_DISABLE, true)
        .register(feature)
        .registerClasses(resources);
    return new TestServer(JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config, true));
  }

  /**
   * An application served under {@code contextPath} (as an {@code @ApplicationPath} would place it) of several
   * features and resource classes.
   */
  public static TestServer startAt(String contextPath, Feature[] features, Class<?>... resources) {
    ResourceConfig config = new ResourceConfig()
        .property(ServerProperties.WADL_FEATURE_DISABLE, true)
        .registerClasses(resources);
    for (Feature feature : features) {
      config.register(feature);
    }
    return new TestServer(JdkHttpServerFactory.createHttpServer(
        URI.create("http://127.0.0.1:0" + contextPath + "/"), config, true));
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
