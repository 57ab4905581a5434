package dev.jwtsecured.testing;

import dev.jwtsecured.runtime.JwtSettings;
import dev.jwtsecured.sample.Example;
import dev.jwtsecured.sample.SampleServer;
import jakarta.ws.rs.core.Application;
import java.util.function.UnaryOperator;

/** Jersey 4 on the sample's production Jetty 12 server, with its default limits. */
final class JerseyServer {
  private JerseyServer() {}

  static TestServer.Started example(Example example, UnaryOperator<JwtSettings.Builder> settings) {
    return started(SampleServer.start(example, "127.0.0.1", 0, settings));
  }

  static TestServer.Started start(String contextPath, Application application) {
    return started(SampleServer.serve(application, contextPath, "127.0.0.1", 0, SampleServer.Limits.DEFAULT));
  }

  private static TestServer.Started started(SampleServer server) {
    return TestServer.Started.of(server.port(), server::close);
  }
}
