package dev.jwtsecured.sample;

import dev.jwtsecured.runtime.JwtSettings;
import java.security.SecureRandom;
import java.util.Base64;
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
    int port = portEnv == null || portEnv.isEmpty() ? 8080 : Integer.parseInt(portEnv);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--example":
          example = Example.parse(value(args, ++i));
          break;
        case "--port":
          port = Integer.parseInt(value(args, ++i));
          break;
        case "--host":
          host = value(args, ++i);
          break;
        default:
          System.err.println("usage: java -jar jwtsecured-sample.jar"
              + " [--example header|cookie|oauth2|issuer|resource-server] [--port N] [--host H]");
          System.exit(2);
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
    SampleServer server = SampleServer.start(example, host, port, settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "jwtsecured-sample-shutdown"));
    System.err.println("jwtsecured sample: example " + example.cliName());
    System.out.println("Listening on http://localhost:" + server.port());
    System.out.flush();
    stopped.await();
  }

  /**
   * The issuer example's key ({@code JWT_PRIVATE_KEY}, else a new EC P-256 key for this process, with a warning) and
   * {@code iss} ({@code JWT_ISSUER}, else {@code http://localhost:<port>}).
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
    return s -> (pem == null ? s : s.privateKey(pem)).issuer(iss);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      System.err.println("missing value after " + args[i - 1]);
      System.exit(2);
    }
    return args[i];
  }
}
