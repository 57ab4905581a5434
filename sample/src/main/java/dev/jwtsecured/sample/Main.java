package dev.jwtsecured.sample;

import dev.jwtsecured.runtime.JwtSettings;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

/**
 * Runs one example: {@code java -jar jwtsecured-sample.jar [--example header|cookie|oauth2|issuer|resource-server]
 * [--port N] [--host H]}.
 *
 * <p>The secret comes from {@code JWT_SECRET}; without it, a random per-process secret is used (tokens then die with
 * the process) and a warning says so on stderr. The issuer example signs with {@code JWT_PRIVATE_KEY} (else a
 * per-process key, with a warning); the resource-server example verifies with the keys at {@code JWT_JWKS_URI}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    Example example = Example.OAUTH2;
    String host = "127.0.0.1";
    String portEnv = System.getenv("PORT");
    int port = portEnv == null || portEnv.isEmpty() ? 8080 : port(portEnv, "PORT");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--example":
          try {
            example = Example.parse(value(args, ++i));
          } catch (IllegalArgumentException e) {
            fail(2, e.getMessage());
          }
          break;
        case "--port":
          port = port(value(args, ++i), "--port");
          break;
        case "--host":
          host = value(args, ++i);
          break;
        default:
          fail(2, "usage: java -jar jwtsecured-sample.jar"
              + " [--example header|cookie|oauth2|issuer|resource-server] [--port N] [--host H]");
      }
    }
    String secret = System.getenv("JWT_SECRET");
    String randomSecret;
    if (!example.hasSecret()) {
      randomSecret = null; // verifies with the keys at JWT_JWKS_URI
    } else if (secret == null || secret.isEmpty()) {
      byte[] bytes = new byte[48];
      new SecureRandom().nextBytes(bytes);
      randomSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      System.err.println("WARNING: JWT_SECRET is not set; using a random secret for this process only."
          + " Tokens stop working when it exits.");
    } else {
      randomSecret = null;
    }
    UnaryOperator<JwtSettings.Builder> settings = s -> randomSecret == null ? s : s.secret(randomSecret);
    if (example == Example.ISSUER) {
      settings = issuerSettings(port);
    }
    SampleServer server = null;
    try {
      server = SampleServer.start(example, host, port, settings);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // A port in use, a host that is not this machine's, a setting from the environment the library or the example
      // refuses: one line, not a stack trace.
      StringBuilder why = new StringBuilder(e.getMessage());
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause.getMessage() != null) { // an unresolved host's has none
          why.append(": ").append(cause.getMessage());
        }
      }
      fail(1, why.toString());
    }
    SampleServer started = server;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      started.close();
      stopped.countDown();
    }, "jwtsecured-sample-shutdown"));
    System.err.println("jwtsecured sample: example " + example.cliName());
    System.out.println("Listening on " + url(host, started.port()));
    System.out.flush();
    stopped.await();
  }

  /**
   * The URL of the sample listening on {@code host}: {@code localhost} for the loopback and wildcard addresses, which
   * it reaches, else the host itself (an IPv6 address in brackets).
   */
  static String url(String host, int port) {
    String address = SampleServer.address(host);
    boolean local = List.of("127.0.0.1", "localhost", "0.0.0.0", "::").contains(address);
    return "http://" + (local ? "localhost" : SampleServer.uriHost(address)) + ":" + port;
  }

  /**
   * The issuer example's key ({@code JWT_PRIVATE_KEY}, else a new EC P-256 key for this process, with a warning),
   * {@code iss} ({@code JWT_ISSUER}, else {@code http://localhost:<port>}) and {@code aud} ({@code JWT_AUDIENCE}, none
   * when unset), which its tokens must then carry here too.
   */
  private static UnaryOperator<JwtSettings.Builder> issuerSettings(int port) {
    String key = System.getenv("JWT_PRIVATE_KEY");
    String pem;
    if (key == null || key.isEmpty()) {
      try {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        pem = "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(
                generator.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
      System.err.println("WARNING: JWT_PRIVATE_KEY is not set; using a new EC P-256 key for this process only."
          + " Tokens stop working when it exits.");
    } else {
      pem = null;
    }
    String issuer = System.getenv("JWT_ISSUER");
    String iss = issuer == null || issuer.isEmpty() ? "http://localhost:" + port : issuer;
    String audience = System.getenv("JWT_AUDIENCE");
    List<String> aud = audience == null || audience.isEmpty() ? List.of() : List.of(audience);
    return s -> (pem == null ? s : s.privateKey(pem)).issuer(iss).audience(aud);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      fail(2, "missing value after " + args[i - 1]);
    }
    return args[i];
  }

  /** {@code text} as a port number (0 for any free port), or a usage error naming {@code source}. */
  private static int port(String text, String source) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    fail(2, source + " must be a port number from 0 to 65535, not '" + text + "'");
    return -1;
  }

  /** Says {@code message} on stderr, prefixed with the program's name, and exits with {@code status}. */
  private static void fail(int status, String message) {
    System.err.println("jwtsecured sample: " + message);
    System.exit(status);
  }
}
