package dev.jwtsecured.bench;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * Serves the same secured application on one of Jersey's embedded containers, each with its defaults, for
 * {@code bench/server-choice.sh} to load with wrk: {@code jdk} (the JDK HTTP server), {@code jdk-nodelay} (the same
 * with {@code sun.net.httpserver.nodelay}), {@code grizzly}, {@code jetty}. Listens on 127.0.0.1 only.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.jwtsecured.bench.ServerChoice <container> <port>}
 */
public final class ServerChoice {
  private ServerChoice() {}

  public static void main(String[] args) throws Exception {
    String container = args[0];
    URI uri = URI.create("http://127.0.0.1:" + Integer.parseInt(args[1]) + "/");
    BenchSecurityJwtFeature feature =
        new BenchSecurityJwtFeature(BenchSecurityJwtFeature.settings().secret(Tokens.SECRET).build());
    ResourceConfig config = new ResourceConfig()
        .property(ServerProperties.WADL_FEATURE_DISABLE, true)
        .register(feature)
        .registerClasses(Set.of(BenchResources.Secured.class, BenchResources.Open.class));
    switch (container) {
      case "jdk" -> JdkHttpServerFactory.createHttpServer(uri, config, true);
      case "jdk-nodelay" -> {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        JdkHttpServerFactory.createHttpServer(uri, config, true);
      }
      case "grizzly" -> GrizzlyHttpServerFactory.createHttpServer(uri, config, true);
      case "jetty" -> JettyHttpContainerFactory.createServer(uri, config, true);
      default -> throw new IllegalArgumentException("container: jdk, jdk-nodelay, grizzly or jetty");
    }
    System.out.println("Listening on " + uri + " (" + container + ")");
    System.out.println("token " + Tokens.token());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
