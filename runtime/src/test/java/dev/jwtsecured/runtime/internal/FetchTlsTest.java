package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key set is fetched where the JVM's default TLS context cannot be made, as on GlassFish 8, which sets
 * {@code javax.net.ssl.keyStore} to its key store without its password: there the JDK's HTTP client could not be
 * built, and an application with a {@code jwksUri} failed to deploy. A JVM of its own, started as GlassFish starts its
 * server in that respect (the default context of this one may be made already), fetches a key set over HTTP, and over
 * https trusts what {@code javax.net.ssl.trustStore} holds, and nothing else.
 */
class FetchTlsTest {
  /** P-256's generator point, the public key of the private key 1: a key anyone can compute, for tests. */
  private static final String KEY_SET = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"g\",\"use\":\"sig\","
      + "\"alg\":\"ES256\",\"x\":\"axfR8uEsQkf4vOblY6RA8ncDfYEt6zOg9KE5RdiYwpY\","
      + "\"y\":\"T-NC4v4af5uO5-tKfA-eFivOM1drMV7Oy7ZAaDe_UfU\"}]}";
  private static final String JAVA_HOME = System.getProperty("java.home");

  @TempDir
  Path dir;

  @Test
  void aKeySetIsFetchedWhereTheDefaultTlsContextCannotBeMade() throws Exception {
    Path keyStore = glassFishKeyStore();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    serveKeySet(server);
    try {
      String printed = fetch("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks",
          "-Djavax.net.ssl.keyStore=" + keyStore, "-Djavax.net.ssl.keyStoreType=PKCS12");
      assertTrue(printed.endsWith("keys named g: 1\n"), printed);
    } finally {
      server.stop(0);
    }
  }

  /**
   * There, a key set served over https is trusted as the JVM's default context would trust it: with the certificate in
   * {@code javax.net.ssl.trustStore}, and not without.
   */
  @Test
  void thereTheTrustStoreDecidesAsEverywhere() throws Exception {
    Path keyStore = glassFishKeyStore();
    keytool("-genkeypair", "-keystore", "server.p12", "-alias", "server", "-keyalg", "EC", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1");
    keytool("-exportcert", "-keystore", "server.p12", "-alias", "server", "-rfc", "-file", "server.pem");
    keytool("-importcert", "-noprompt", "-keystore", "trust.p12", "-alias", "server", "-file", "server.pem");
    Path serverKeys = dir.resolve("server.p12");
    Path trustStore = dir.resolve("trust.p12");
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(serverKeys)) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    managers.init(keys, "changeit".toCharArray());
    SSLContext serverContext = SSLContext.getInstance("TLS");
    serverContext.init(managers.getKeyManagers(), null, null);
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
    serveKeySet(server);
    try {
      String uri = "https://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
      String unusable = "-Djavax.net.ssl.keyStore=" + keyStore;
      String trusted = fetch(uri, unusable, "-Djavax.net.ssl.keyStoreType=PKCS12",
          "-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStoreType=PKCS12",
          "-Djavax.net.ssl.trustStorePassword=changeit");
      assertTrue(trusted.endsWith("keys named g: 1\n"), trusted);
      // The JDK's own trust store does not hold the server's certificate.
      String untrusted = fetch(uri, unusable, "-Djavax.net.ssl.keyStoreType=PKCS12");
      assertTrue(untrusted.contains("(PKIX path building failed: ") && untrusted.endsWith("keys named g: 0\n"),
          untrusted);
    } finally {
      server.stop(0);
    }
  }

  /** A key store with a key, as GlassFish names in {@code javax.net.ssl.keyStore} without its password. */
  private Path glassFishKeyStore() throws IOException, InterruptedException {
    keytool("-genkeypair", "-keystore", "glassfish.p12", "-alias", "s1as", "-keyalg", "EC", "-dname", "CN=localhost");
    return dir.resolve("glassfish.p12");
  }

  /** Runs keytool in {@link #dir} with {@code arguments}, on PKCS12 stores whose password is "changeit". */
  private void keytool(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(JAVA_HOME, "bin", "keytool").toString()));
    command.addAll(List.of(arguments));
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", "changeit"));
    Process keytool = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, keytool.waitFor(), output);
  }

  private static void serveKeySet(HttpServer server) {
    server.createContext("/jwks", exchange -> {
      byte[] body = KEY_SET.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  /** What {@link Fetch} prints (and logs) for {@code uri} in a JVM of its own started with {@code properties}. */
  private String fetch(String uri, String... properties) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(JAVA_HOME, "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path")));
    command.addAll(List.of(properties));
    command.addAll(List.of(Fetch.class.getName(), uri));
    Path output = Files.createTempFile(dir, "fetch", ".txt");
    Process fetch = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    boolean ended = fetch.waitFor(60, TimeUnit.SECONDS);
    String printed = Files.readString(output);
    assertEquals(List.of(true, 0), List.of(ended, ended ? fetch.exitValue() : -1), printed);
    assertTrue(printed.startsWith("the default TLS context: cannot be made\n"), "as on GlassFish: " + printed);
    return printed;
  }

  /**
   * Says whether this JVM's default TLS context can be made, then fetches the key set at {@code args[0]} and prints
   * how many keys it names {@code g}.
   */
  static final class Fetch {
    private Fetch() {}

    public static void main(String[] args) {
      try {
        SSLContext.getDefault();
        System.out.println("the default TLS context: made");
      } catch (NoSuchAlgorithmException e) {
        System.out.println("the default TLS context: cannot be made");
      }
      JwksKeySet keys = new JwksKeySet(URI.create(args[0]), JwksKeySet.Options.DEFAULT);
      System.out.println("keys named g: " + keys.keys("g").size());
    }
  }
}
