package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key set is fetched where the JVM's default TLS context cannot be made, as on GlassFish 8, which sets
 * {@code javax.net.ssl.keyStore} to its key store without its password: there the JDK's HTTP client could not be
 * built, and an application with a {@code jwksUri} failed to deploy. A JVM of its own, started as GlassFish starts its
 * server in that respect (the default context of this one may be made already), fetches a key set over HTTP.
 */
class FetchTlsTest {
  /** P-256's generator point, the public key of the private key 1: a key anyone can compute, for tests. */
  private static final String KEY_SET = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"g\",\"use\":\"sig\","
      + "\"alg\":\"ES256\",\"x\":\"axfR8uEsQkf4vOblY6RA8ncDfYEt6zOg9KE5RdiYwpY\","
      + "\"y\":\"T-NC4v4af5uO5-tKfA-eFivOM1drMV7Oy7ZAaDe_UfU\"}]}";

  @Test
  void aKeySetIsFetchedWhereTheDefaultTlsContextCannotBeMade(@TempDir Path dir) throws Exception {
    Path keyStore = dir.resolve("keystore.p12");
    String javaHome = System.getProperty("java.home");
    Process keytool = new ProcessBuilder(Path.of(javaHome, "bin", "keytool").toString(), "-genkeypair",
        "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit",
        "-alias", "s1as", "-keyalg", "EC", "-dname", "CN=localhost")
        .redirectErrorStream(true).start();
    String keytoolOutput = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, keytool.waitFor(), keytoolOutput);

    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/jwks", exchange -> {
      byte[] body = KEY_SET.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      Path output = dir.resolve("output.txt");
      Process fetch = new ProcessBuilder(Path.of(javaHome, "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"),
          "-Djavax.net.ssl.keyStore=" + keyStore, "-Djavax.net.ssl.keyStoreType=PKCS12",
          Fetch.class.getName(), "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks")
          .redirectErrorStream(true).redirectOutput(output.toFile()).start();
      boolean ended = fetch.waitFor(60, TimeUnit.SECONDS);
      String printed = Files.readString(output);
      assertEquals(List.of(true, 0, "keys named g: 1"),
          List.of(ended, ended ? fetch.exitValue() : -1, printed.strip()), printed);
    } finally {
      server.stop(0);
    }
  }

  /** Fetches the key set at {@code args[0]} and prints how many keys it names {@code g}. */
  static final class Fetch {
    private Fetch() {}

    public static void main(String[] args) {
      JwksKeySet keys = new JwksKeySet(URI.create(args[0]), JwksKeySet.Options.DEFAULT);
      System.out.println("keys named g: " + keys.keys("g").size());
    }
  }
}
