package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A key-set fetch started from an application's thread leaves no thread holding the application's class loader, as
 * a server that undeploys the application (Tomcat, WildFly) needs. Before, the JDK's HTTP client's threads and
 * {@code CompletableFuture}'s delay scheduler took it as their context class loader: Tomcat 11 warned of four threads
 * when a war verifying tokens with a {@code jwksUri} was undeployed, and the delay scheduler, which never ends, kept
 * the undeployed application's class loader.
 */
class FetchThreadsTest {
  private HttpServer server;

  @BeforeEach
  void startKeySet() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/jwks", exchange -> {
      byte[] body = "{\"keys\":[]}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stopKeySet() {
    server.stop(0);
  }

  @Test
  void noThreadKeepsTheClassLoaderOfTheApplicationThatFetched() throws IOException {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
    try (URLClassLoader application = new URLClassLoader(new URL[0], null)) { // a web application's, say
      Thread current = Thread.currentThread();
      ClassLoader before = current.getContextClassLoader();
      current.setContextClassLoader(application);
      JwksKeySet keys;
      try {
        keys = new JwksKeySet(uri, JwksKeySet.Options.DEFAULT);
        assertEquals(List.of(), keys.keys("k1"), "the set holds no key");
        assertEquals(1, keys.fetches(), "fetched");
      } finally {
        current.setContextClassLoader(before);
      }
      assertEquals(before, current.getContextClassLoader());
      List<String> holding = Thread.getAllStackTraces().keySet().stream()
          .filter(thread -> thread.getContextClassLoader() == application)
          .map(Thread::getName)
          .toList();
      assertEquals(List.of(), holding, "threads holding the application's class loader");
      assertEquals(0, FetchThreads.pendingDeadlines(), "the fetch is done, and its deadline with it");
    }
  }
}
