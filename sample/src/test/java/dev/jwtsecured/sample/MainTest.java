package dev.jwtsecured.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The sample's command line, run as a process as a user runs it: a mistake is one line on stderr and an exit status,
 * never a stack trace; a normal start says only what the user needs.
 */
class MainTest {
  /** Runs {@code Main} with {@code args} in a JVM of its own; its exit status and stderr. */
  record Run(int status, String stderr) {}

  /** {@code java Main args} on this test's class path, without {@code JWT_SECRET} or {@code PORT}. */
  static ProcessBuilder main(String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("JWT_SECRET");
    builder.environment().remove("PORT");
    return builder;
  }

  static Process start(String... args) throws IOException {
    return main(args).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  static Run run(String... args) throws Exception {
    Process p = start(args);
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ended");
    return new Run(p.exitValue(), stderr);
  }

  static void assertOneLine(Run run, int status, String expected) {
    assertEquals(status, run.status(), run.stderr());
    assertEquals("jwtsecured sample: " + expected, run.stderr().strip(), "one line, no stack trace");
  }

  @Test
  void aBadPortIsAUsageError() throws Exception {
    assertOneLine(run("--port", "abc"), 2, "--port must be a port number from 0 to 65535, not 'abc'");
    assertOneLine(run("--port", "99999"), 2, "--port must be a port number from 0 to 65535, not '99999'");
    assertOneLine(run("--port"), 2, "missing value after --port");
  }

  @Test
  void anUnknownExampleIsAUsageError() throws Exception {
    assertOneLine(run("--example", "nope"), 2,
        "unknown example 'nope': use header, cookie, oauth2, issuer or resource-server");
  }

  @Test
  void aPortInUseIsOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Run run = run("--port", String.valueOf(taken.getLocalPort()));
      assertEquals(1, run.status(), run.stderr());
      List<String> lines = run.stderr().strip().lines().filter(l -> !l.startsWith("WARNING: JWT_SECRET")).toList();
      assertEquals(1, lines.size(), run.stderr());
      assertTrue(lines.get(0).startsWith("jwtsecured sample: the server did not start on 127.0.0.1:"
          + taken.getLocalPort()), run.stderr());
    }
  }

  /** A host name that does not resolve is one line that says so, without a trailing ": null". */
  @Test
  void anUnknownHostIsOneLine() throws Exception {
    Run run = run("--host", "nosuch.invalid", "--port", "0");
    assertEquals(1, run.status(), run.stderr());
    List<String> lines = run.stderr().strip().lines().filter(l -> !l.startsWith("WARNING: JWT_SECRET")).toList();
    assertEquals(1, lines.size(), run.stderr());
    assertTrue(lines.get(0).startsWith("jwtsecured sample: the server did not start on nosuch.invalid:0"),
        run.stderr());
    assertFalse(lines.get(0).endsWith("null"), run.stderr());
  }

  /**
   * A bad value in the resource server's environment is one line and status 1, as a bad secret is: a JWKS URI that is
   * no URI and a minimum refresh that is no duration each ended in a stack trace; an audience or issuer a token cannot
   * carry as written started a server that refused every token.
   */
  @Test
  void aBadResourceServerEnvironmentIsOneLine() throws Exception {
    Map<String, String> expected = Map.of(
        "JWT_JWKS_URI=https://", "jwtsecured: the JWKS URI from ${JWT_JWKS_URI} is not a URI: Expected authority at"
            + " index 8",
        "JWT_JWKS_URI=ftp://idp.example/jwks", "jwtsecured: the JWKS URI from ${JWT_JWKS_URI} must be https (http"
            + " only on a loopback address)",
        "JWT_JWKS_MIN_REFRESH=thirty seconds", "JWT_JWKS_MIN_REFRESH must be an ISO-8601 duration such as PT30S, not"
            + " 'thirty seconds'",
        "JWT_JWKS_MIN_REFRESH=PT0S", "jwtsecured: jwksMinRefresh must be more than zero",
        "JWT_JWKS_MIN_REFRESH=P7D", "jwksMinRefresh must be at most P1D",
        // An audience or issuer read with white space or a line end matched no token: every request answered 401.
        "JWT_AUDIENCE= api", "jwtsecured: audience must be text without white space at either end and without"
            + " control characters: tokens carry it as written",
        "JWT_ISSUER=https://idp.example\r", "jwtsecured: issuer must be text without white space at either end and"
            + " without control characters: tokens carry it as written");
    for (Map.Entry<String, String> bad : expected.entrySet()) {
      ProcessBuilder builder = main("--example", "resource-server", "--port", "0")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.environment().put("JWT_ISSUER", "https://idp.example");
      builder.environment().put("JWT_AUDIENCE", "api");
      builder.environment().put("JWT_JWKS_URI", "https://idp.example/jwks");
      String[] setting = bad.getKey().split("=", 2);
      builder.environment().put(setting[0], setting[1]);
      Process p = builder.start();
      String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ended");
      assertOneLine(new Run(p.exitValue(), stderr), 1, bad.getValue());
    }
  }

  /**
   * The issuer example takes the keys of a rotation from {@code JWT_ROTATION_PUBLIC_KEYS}, as an operator sets it: one
   * variable of PEM blocks, published after the signing key; and the audience it writes from {@code JWT_AUDIENCE}.
   */
  @Test
  void theIssuerPublishesTheRotationKeysItsEnvironmentNames() throws Exception {
    java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    String keys = IssuerAndResourceServerTest.pem("PUBLIC KEY", rsa.generateKeyPair().getPublic().getEncoded())
        + IssuerAndResourceServerTest.pem("PUBLIC KEY", IssuerAndResourceServerTest.ecKeyPair().getPublic()
            .getEncoded());
    Path out = Files.createTempFile("sample-out", ".txt");
    ProcessBuilder builder = main("--example", "issuer", "--port", "0").redirectErrorStream(true)
        .redirectOutput(out.toFile());
    builder.environment().put("JWT_PRIVATE_KEY", IssuerAndResourceServerTest.pem());
    builder.environment().put("JWT_ROTATION_PUBLIC_KEYS", keys);
    builder.environment().put("JWT_AUDIENCE", "sample-api");
    Process sample = builder.start();
    try {
      String listening = listening(out);
      java.net.http.HttpResponse<String> login = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(listening + "/login"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=password&username=bob"
                  + "&password=builder")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      String token = IssuerAndResourceServerTest.JSON.readTree(login.body()).get("access_token").asText();
      assertEquals(IssuerAndResourceServerTest.JSON.readTree("[\"sample-api\"]"), IssuerAndResourceServerTest.JSON
          .readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("aud"), "JWT_AUDIENCE is written");
      java.net.http.HttpResponse<String> jwks = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(listening + "/.well-known/jwks.json")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, jwks.statusCode(), jwks.body());
      com.fasterxml.jackson.databind.JsonNode published = IssuerAndResourceServerTest.JSON.readTree(jwks.body())
          .get("keys");
      assertEquals(List.of("EC", "RSA", "EC"), List.of(published.get(0).get("kty").asText(),
          published.get(1).get("kty").asText(), published.get(2).get("kty").asText()), jwks.body());
      assertEquals(List.of("ES256", "RS256", "ES256"), published.findValuesAsText("alg"), jwks.body());
    } finally {
      sample.destroy();
      sample.waitFor(30, TimeUnit.SECONDS);
      Files.delete(out);
    }
  }

  /**
   * An IPv6 address for {@code --host}, as written or in brackets: the server listens there on the port asked for, and
   * says a URL that reaches it. It listened on port 80 (the address and port went into a URL without brackets).
   */
  @Test
  void anIpv6HostListensOnThePortAskedFor() throws Exception {
    for (String host : List.of("::1", "[::1]")) {
      int port;
      try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
        port = probe.getLocalPort();
      } catch (IOException e) {
        Assumptions.abort("no IPv6 loopback on this machine: " + e);
        return;
      }
      Path out = Files.createTempFile("sample-out", ".txt");
      Process sample = main("--host", host, "--port", String.valueOf(port)).redirectErrorStream(true)
          .redirectOutput(out.toFile()).start();
      try {
        String listening = listening(out);
        assertEquals("http://[::1]:" + port, listening, host);
        java.net.http.HttpResponse<String> health = java.net.http.HttpClient.newHttpClient().send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(listening + "/health")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), host + ": " + health.body());
      } finally {
        sample.destroy();
        sample.waitFor(30, TimeUnit.SECONDS);
        Files.delete(out);
      }
    }
  }

  /** The URL the sample names for other hosts: the address it listens on, {@code localhost} for the usual ones. */
  @Test
  void theUrlNamesTheHost() {
    assertEquals("http://localhost:8080", Main.url("127.0.0.1", 8080));
    assertEquals("http://localhost:8080", Main.url("0.0.0.0", 8080));
    assertEquals("http://localhost:8080", Main.url("::", 8080));
    assertEquals("http://localhost:8080", Main.url("localhost", 8080));
    assertEquals("http://192.0.2.7:8080", Main.url("192.0.2.7", 8080));
    assertEquals("http://[2001:db8::7]:8080", Main.url("2001:db8::7", 8080));
    assertEquals("http://[2001:db8::7]:8080", Main.url("[2001:db8::7]", 8080));
    assertEquals("http://api.example:8080", Main.url("api.example", 8080));
  }

  /** Waits for the sample's "Listening on" line in {@code out}; the URL it names. */
  static String listening(Path out) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (String line : Files.readAllLines(out)) {
        if (line.startsWith("Listening on ")) {
          return line.substring("Listening on ".length()).strip();
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the sample did not start: " + Files.readString(out));
  }

  /** Jetty logs through SLF4J: without a provider, three lines of SLF4J warnings opened every start. */
  @Test
  void aNormalStartSaysOnlyWhatTheUserNeeds() throws Exception {
    Path out = Files.createTempFile("sample-out", ".txt");
    Process sample = main("--port", "0").redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(out).contains("Listening on") && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      String said = Files.readString(out);
      assertTrue(said.contains("Listening on http://localhost:"), said);
      assertFalse(said.contains("SLF4J"), said);
      assertEquals(List.of("WARNING: JWT_SECRET is not set; using a random secret for this process only. Tokens stop"
              + " working when it exits.", "jwtsecured sample: example oauth2"),
          said.lines().filter(l -> !l.startsWith("Listening on")).toList(), said);
    } finally {
      sample.destroy();
      sample.waitFor(30, TimeUnit.SECONDS);
      Files.delete(out);
    }
  }
}
