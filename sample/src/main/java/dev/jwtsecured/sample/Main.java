package dev.jwtsecured.sample;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one example: {@code java -jar jwtsecured-sample.jar [--example header|cookie|oauth2|resource-server]
 * [--port N] [--host H]}.
 *
 * <p>The secret comes from {@code JWT_SECRET}; without it, a random per-process secret is used (tokens then die with the
 * process) and a warning says so on stderr. The resource-server example has no secret: it verifies with the keys of
 * the JWKS at {@code JWT_JWKS_URI}.
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
          System.err.println("usage: java -jar jwtsecured-sample.jar [--example header|cookie|oauth2|resource-server]"
              + " [--port N] [--host H]");
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
    SampleServer server =
        SampleServer.start(example, host, port, s -> randomSecret == null ? s : s.secret(randomSecret));
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

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      System.err.println("missing value after " + args[i - 1]);
      System.exit(2);
    }
    return args[i];
  }
}
