package dev.jwtsecured.testing;

import com.sun.net.httpserver.HttpServer;
import dev.jwtsecured.runtime.JwtSettings;
import dev.jwtsecured.sample.Example;
import dev.jwtsecured.sample.SampleServer;
import jakarta.ws.rs.core.Application;
import java.net.URI;
import java.util.function.UnaryOperator;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Jersey 4 on its JDK HTTP container. */
final class JerseyServer {
  private JerseyServer() {}

  static TestServer.Started example(Example example, UnaryOperator<JwtSettings.Builder> settings) {
    SampleServer server = SampleServer.start(example, "127.0.0.1", 0, settings);
    return new TestServer.Started() {
      @Override
      public int port() {
        return server.port();
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }

  static TestServer.Started start(String contextPath, Application application) {
    ResourceConfig config = ResourceConfig.forApplication(application)
        .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    HttpServer server = JdkHttpServerFactory.createHttpServer(
        URI.create("http://127.0.0.1:0" + contextPath + "/"), config, true);
    return new TestServer.Started() {
      @Override
      public int port() {
        return server.getAddress().getPort();
      }

      @Override
      public void close() {
        server.stop(0);
      }
    };
  }
}
