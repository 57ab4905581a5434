package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.jwtsecured.runtime.AuthFailure;
import dev.jwtsecured.runtime.MovableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An identity provider reached only through the network's HTTP proxy, as from many company networks: the key set is
 * fetched over {@code https} through a {@code CONNECT} tunnel when the JVM's {@code https.proxyHost} and
 * {@code https.proxyPort} name the proxy, as for any JDK client. The provider stands at {@code idp.example}, a name
 * only the proxy resolves (to a TLS server on loopback whose certificate, made by the JDK's {@code keytool}, is
 * trusted for the test); the proxy's own settings and the JVM's default {@link SSLContext} are restored after each.
 */
class KeySetThroughProxyTest {
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
  private final List<String> tunnels = new CopyOnWriteArrayList<>();
  private HttpsServer provider;
  private ServerSocket proxy;
  /** The {@code Proxy-Authorization} the proxy asks for with a 407, or {@code null} to tunnel every request. */
  private volatile String proxyCredentials;
  /** The {@code Authorization} or {@code Proxy-Authorization} header of each request the provider answered. */
  private final List<String> providerSaw = new CopyOnWriteArrayList<>();
  /** Whether the provider answers 401 with a Basic challenge. */
  private volatile boolean providerChallenges;
  private SSLContext defaultContext;
  private ECKey key;

  @BeforeEach
  void startProviderAndProxy(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("idp.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "idp", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=idp.example", "-ext", "san=dns:idp.example", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", "changeit").redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, keytool.waitFor(), output);
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, "changeit".toCharArray());
    SSLContext serverContext = SSLContext.getInstance("TLS");
    serverContext.init(keyManagers.getKeyManagers(), null, null);
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("idp", keys.getCertificate("idp"));
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trusted);
    SSLContext clientContext = SSLContext.getInstance("TLS");
    clientContext.init(null, trustManagers.getTrustManagers(), null);

    key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
    provider = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    provider.setHttpsConfigurator(new HttpsConfigurator(serverContext));
    provider.createContext("/jwks", exchange -> {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      String proxyAuthorization = exchange.getRequestHeaders().getFirst("Proxy-Authorization");
      providerSaw.add(authorization != null ? authorization : proxyAuthorization != null ? proxyAuthorization : "none");
      if (providerChallenges) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"idp\"");
        exchange.sendResponseHeaders(401, -1);
        exchange.close();
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
      exchange.sendResponseHeaders(200, jwks.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(jwks);
      }
    });
    provider.start();

    proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accepting = new Thread(this::acceptTunnels, "proxy");
    accepting.setDaemon(true);
    accepting.start();

    defaultContext = SSLContext.getDefault();
    SSLContext.setDefault(clientContext);
    System.setProperty("https.proxyHost", "127.0.0.1");
    System.setProperty("https.proxyPort", Integer.toString(proxy.getLocalPort()));
  }

  @AfterEach
  void stopProviderAndProxy() throws IOException {
    Authenticator.setDefault(null);
    System.clearProperty("https.proxyHost");
    System.clearProperty("https.proxyPort");
    SSLContext.setDefault(defaultContext);
    proxy.close();
    provider.stop(0);
  }

  @Test
  void theKeySetIsFetchedThroughTheProxyTheJvmNames() throws Exception {
    assertEquals("alice", verifier().verify(token()).subject());
    assertEquals(List.of("CONNECT idp.example:443 HTTP/1.1 (no credentials)"), tunnels);
    assertEquals(List.of("none"), providerSaw);
  }

  /**
   * A proxy that asks for credentials (407) gets what the application's default {@link Authenticator} gives for a
   * proxy, as {@code HttpURLConnection} would (the JDK's {@code HttpClient} asks only an authenticator of its own, so
   * the fetch failed); they go to the proxy alone, not through the tunnel to the provider. The JDK sends Basic
   * credentials in a {@code CONNECT} only where {@code jdk.http.auth.tunneling.disabledSchemes} allows it: this
   * module's tests run with it empty.
   */
  @Test
  void aProxyThatAsksForCredentialsGetsThoseOfTheDefaultAuthenticator() throws Exception {
    proxyCredentials = "Basic " + Base64.getEncoder().encodeToString("office:s3cret".getBytes(StandardCharsets.UTF_8));
    Authenticator.setDefault(new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return getRequestorType() == RequestorType.PROXY
            ? new PasswordAuthentication("office", "s3cret".toCharArray()) : null;
      }
    });
    assertEquals("alice", verifier().verify(token()).subject());
    assertEquals(List.of("CONNECT idp.example:443 HTTP/1.1 (no credentials)",
        "CONNECT idp.example:443 HTTP/1.1 (credentials)"), tunnels);
    assertEquals(List.of("none"), providerSaw);
  }

  /**
   * The default authenticator is asked for the proxy only: a provider that challenges (401) gets no credentials, even
   * from an authenticator that would give them to any host, and the token is refused.
   */
  @Test
  void aProviderThatChallengesGetsNoCredentials() throws Exception {
    providerChallenges = true;
    Authenticator.setDefault(new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication("office", "s3cret".toCharArray());
      }
    });
    assertEquals(AuthFailure.UNKNOWN_KEY, assertThrows(AuthException.class, () -> verifier().verify(token()))
        .failure());
    assertEquals(List.of("none"), providerSaw);
  }

  /** Without a default authenticator the 407 stands: the fetch fails and the token is refused, its key unknown. */
  @Test
  void aProxyThatAsksForCredentialsNoOneGivesLeavesTheTokenRefused() throws Exception {
    proxyCredentials = "Basic b2ZmaWNlOnMzY3JldA==";
    assertEquals(AuthFailure.UNKNOWN_KEY, assertThrows(AuthException.class, () -> verifier().verify(token()))
        .failure());
    assertEquals(List.of("CONNECT idp.example:443 HTTP/1.1 (no credentials)"), tunnels);
  }

  private KeySetVerifier verifier() {
    JwksKeySet keySet = new JwksKeySet(URI.create("https://idp.example/jwks"),
        JwksKeySet.Options.DEFAULT.withClock(clock));
    return new KeySetVerifier(keySet, Set.of("ES256"),
        new ClaimRules(clock, Duration.ZERO, Set.of(), List.of(), "roles"), clock, 100, 8 * 1024);
  }

  private String token() throws Exception {
    return KeySetVerifierTest.sign(new ECDSASigner(key), KeySetVerifierTest.header(JWSAlgorithm.ES256, "k1"),
        new JWTClaimsSet.Builder().subject("alice")
            .issueTime(Date.from(clock.instant().minusSeconds(10)))
            .expirationTime(Date.from(clock.instant().plusSeconds(600))).build());
  }

  /** A proxy that tunnels every {@code CONNECT} to the provider, whatever host it names. */
  private void acceptTunnels() {
    while (!proxy.isClosed()) {
      try {
        Socket client = proxy.accept();
        Thread tunnel = new Thread(() -> tunnel(client), "tunnel");
        tunnel.setDaemon(true);
        tunnel.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void tunnel(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      String head = readHead(in);
      String expected = proxyCredentials;
      boolean credentials = expected != null && head.contains("\r\nProxy-Authorization: " + expected + "\r\n");
      tunnels.add(head.substring(0, head.indexOf("\r\n")) + (credentials ? " (credentials)" : " (no credentials)"));
      OutputStream out = client.getOutputStream();
      if (expected != null && !credentials) {
        out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"office\"\r\n"
            + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return;
      }
      try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), provider.getAddress().getPort())) {
        out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread back = new Thread(() -> {
          try {
            upstream.getInputStream().transferTo(out);
          } catch (IOException e) {
            // either side closed
          }
        }, "tunnel-back");
        back.setDaemon(true);
        back.start();
        in.transferTo(upstream.getOutputStream());
        back.join(5_000);
      }
    } catch (IOException e) {
      // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0 || head.size() > 8192) {
        throw new IOException("no request head");
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }
}
