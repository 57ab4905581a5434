package dev.jwtsecured.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.testing.LibraryLog;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.ServerPerClass;
import dev.jwtsecured.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample's own server, as {@code java -jar} starts it (the oauth2 example on Jetty with {@link
 * SampleServer.Limits#DEFAULT}), against malformed and hostile HTTP sent byte by byte: every case is a 4xx from the
 * server or the application, never a 500, and nothing runs that should not.
 */
class ProductionServerTest {
  static final String SECRET = "production-secret-production-secret-prod!";
  static final ObjectMapper JSON = new ObjectMapper();
  TestServer server;
  RawHttp http;

  @RegisterExtension
  static final ServerPerClass SERVER =
      new ServerPerClass(() -> TestServer.production(Example.OAUTH2, s -> s.secret(SECRET)));

  @BeforeEach
  void connect(TestServer server) {
    this.server = server;
    this.http = server.http;
  }

  String token() throws Exception {
    RawHttp.Response r = http.sendBody("POST", "/login", "grant_type=password&username=alice&password=wonderland",
        "Content-Type: application/x-www-form-urlencoded");
    return JSON.readTree(r.body).get("access_token").asText();
  }

  static final String START = "GET /some-path HTTP/1.1\r\n";

  // Finding 5: header injection and ambiguous framing refused by the parser.
  static List<String> malformed() {
    List<String> all = new ArrayList<>(malformedHeads());
    all.addAll(List.of(
      // Bodies the token endpoint reads (a form: it answers any other type 415 before reading).
      "POST /login HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded\r\n"
          + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
          + "f".repeat(10_000) + "\r\n",                                                    // an oversized chunk size
      "POST /login HTTP/1.1\nHost: a\nContent-Type: application/x-www-form-urlencoded\nTransfer-Encoding: chunked\n"
          + "Connection: close\n\n5\nhello\n0\n\n"));                                    // LF-only lines
    return all;
  }

  /** The malformed requests the server refuses by their head, before the application. */
  static List<String> malformedHeads() {
    return List.of(
      START + "Host: a\r\nX-A: one\rInjected: two\r\nConnection: close\r\n\r\n",           // a bare CR as a line end
      START + "Host: a\r\nHost: b\r\nConnection: close\r\n\r\n",                           // two Host headers
      START + "Connection: close\r\n\r\n",                                                  // HTTP/1.1 without Host
      "POST /login HTTP/1.1\r\nHost: a\r\nContent-Length: +55\r\nConnection: close\r\n\r\n", // a signed length
      "POST /login HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\nConnection: close\r\n\r\nhello",
      START + "Host: a\r\nX-A: \u0001value\r\nConnection: close\r\n\r\n",                   // a control character
      START + "Host: a\r\nX-A\t: value\r\nConnection: close\r\n\r\n");                     // whitespace before ':'
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void malformedRequestsAre400(String request) {
    RawHttp.Response r = http.raw(request);
    assertEquals(400, r.status, request.replace("\r", "\\r").replace("\n", "\\n") + " -> " + r);
  }

  /** Requests the server refuses itself, before the application, and the status each gets. */
  static List<Arguments> refusedByTheServer() {
    List<Arguments> cases = new ArrayList<>();
    for (String request : malformedHeads()) {
      cases.add(Arguments.of(request, 400));
    }
    cases.add(Arguments.of("GET /<script>alert(1)</script> HTTP/1.1\r\nHost: a\r\nAccept: text/html\r\n\r\n", 400));
    cases.add(Arguments.of(START + "Host: a\r\n<script>alert(1)</script>\r\n\r\n", 400));
    cases.add(Arguments.of(START + "Host: a\r\nX-Script: <script>" + "x".repeat(20_000) + "\r\n\r\n", 431));
    cases.add(Arguments.of("POST /login?<script> HTTP/1.1\r\nHost: a\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1073741824\r\n\r\n", 413));
    cases.add(Arguments.of(
        "GET /some-path?<script> HTTP/1.1\r\nHost: a\r\nExpect: <script>\r\nAccept: text/html\r\n\r\n", 417));
    cases.add(Arguments.of("GET /some-path?<script> HTTP/1.2\r\nHost: a\r\n\r\n", 505));
    return cases;
  }

  /**
   * What the server answers itself is the library's JSON error shape, naming the status alone, whatever the client
   * accepts. Jetty's answer was an HTML page, without {@code nosniff}, that repeated the request's target and the
   * parser's message: to clients of a JSON API, and for a browser to render.
   */
  @ParameterizedTest
  @MethodSource("refusedByTheServer")
  void theServersOwnRefusalsAreJsonThatRepeatsNothing(String request, int status) throws Exception {
    RawHttp.Response r = http.raw(request);
    String shown = request.replace("\r", "\\r").replace("\n", "\\n");
    shown = shown.substring(0, Math.min(200, shown.length())) + " -> " + r;
    assertEquals(status, r.status, shown);
    assertEquals("application/json", r.header("Content-Type"), shown);
    assertEquals("nosniff", r.header("X-Content-Type-Options"), shown);
    assertEquals(JSON.createObjectNode().put("status_code", status)
        .put("detail", HttpStatus.getMessage(status)), JSON.readTree(r.body), shown);
  }

  /**
   * An expectation the server cannot meet gets 417 (RFC 9110 section 10.1.1). Jetty 12.0 under RFC 7230 compliance
   * failed on its own error path and closed the connection with no answer at all.
   */
  @ParameterizedTest
  @ValueSource(strings = {"bogus", "100-continue, bogus"})
  void anExpectationTheServerCannotMeetIs417(String expect) {
    RawHttp.Response r = http.raw(START + "Host: a\r\nExpect: " + expect + "\r\nConnection: close\r\n\r\n");
    assertEquals(417, r.status, "Expect: " + expect + " -> " + r);
  }

  /**
   * Jetty logs a warning, with the client's own text, for some malformed requests (two {@code Host} headers, a
   * malformed authority): one line per request, up to the 16 KiB of a header, let any client flood the log. A burst is
   * logged, cut short, and then they are counted, not logged.
   */
  @Test
  void malformedRequestsCannotFloodTheLog() {
    int sent = 60;
    for (String name : List.of("org.eclipse.jetty.http.HttpParser", "org.eclipse.jetty.util.HostPort")) {
      assertTrue(java.util.logging.Logger.getLogger(name).getFilter() instanceof ClientWarnings, name);
    }
    try (LibraryLog jetty = new LibraryLog("org.eclipse.jetty")) {
      for (int i = 0; i < sent / 2; i++) {
        assertEquals(400, http.raw(START + "Host: a\r\nHost: b" + "x".repeat(8_000) + "\r\nConnection: close\r\n\r\n")
            .status);
        assertEquals(400, http.raw(START + "Host: a b " + "y".repeat(8_000) + "\r\nConnection: close\r\n\r\n").status);
      }
      List<LogRecord> warnings = jetty.records().stream()
          .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).toList();
      // A minute's budget (less if other tests in this JVM spent some), or two when the requests straddle a minute.
      assertTrue(warnings.size() <= 2 * ClientWarnings.PER_MINUTE, warnings.size() + " of " + sent);
      for (LogRecord w : warnings) {
        assertTrue(w.getMessage().length() <= ClientWarnings.MAX_LENGTH + 200, w.getMessage());
      }
    }
  }

  /**
   * A request target that Jetty's parser passes but Jersey's Jetty container cannot read as a URI (a query holding
   * {@code <} or {@code "}, a path parameter holding {@code ^}): the container answered 400, handing Jetty the
   * exception, which Jetty logged as a warning with its stack trace, some 33 lines per request for any client, without
   * a bound (300 such requests wrote 9,882 lines). The server answers them itself now, in the library's shape, and
   * logs nothing; a query Jersey reads by escaping its characters ({@code { } | ^ `}) is still served.
   */
  @Test
  void targetsJerseyCannotReadAre400AndLogNothing() throws Exception {
    try (LibraryLog jetty = new LibraryLog("org.eclipse.jetty")) {
      for (String target : List.of("/some-path?x=<1>", "/some-path?q=\"a\"", "/some;a=b^c",
          "/health?x=%zz", "/health?x=%")) {
        RawHttp.Response r = http.raw("GET " + target + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        assertEquals(400, r.status, target + " -> " + r);
        assertEquals(JSON.createObjectNode().put("status_code", 400).put("detail", "Bad Request"),
            JSON.readTree(r.body), target);
      }
      List<String> warnings = jetty.records().stream()
          .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).map(LogRecord::getMessage).toList();
      assertEquals(List.of(), warnings);
    }
    RawHttp.Response json = http.raw("GET /health?filter={a:1}|^`x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n"
        + "\r\n");
    assertEquals(200, json.status, json.toString());
  }

  /**
   * A {@code Content-Type} whose {@code q} parameter is no quality value ({@code q=2}, {@code q=abc}): Jersey reads it
   * while matching the resource method, before any filter, and failed with a 500 whatever the route, logging the
   * exception with its stack trace (and one that is no media type, {@code a}, got an empty 400). The sample's server
   * answers 400 itself, in the library's shape ({@code ContentTypes}); a valid one passes.
   */
  @Test
  void contentTypesWithAQualityJerseyCannotReadAre400AndLogNothing() throws Exception {
    try (LibraryLog jetty = new LibraryLog("org.eclipse.jetty"); LibraryLog jersey = new LibraryLog("org.glassfish")) {
      for (String type : List.of("a/b;q=2", "a/b;q=abc", "a/b;q=-1", "a/b;q=1.0001", "*/*;q=0.12345678",
          "text/plain; Q=3.0.1", "a/b;x=1;q=\"2\"", "a", "a/b;q=", "/")) {
        for (String target : List.of("/health", "/some-path")) {
          RawHttp.Response r = http.raw("GET " + target + " HTTP/1.1\r\nHost: a\r\nContent-Type: " + type
              + "\r\nConnection: close\r\n\r\n");
          assertEquals(400, r.status, type + " " + target + " -> " + r);
          assertEquals(JSON.createObjectNode().put("status_code", 400).put("detail", "Bad Request"),
              JSON.readTree(r.body), type);
        }
      }
      List<String> warnings = Stream.concat(jetty.records().stream(), jersey.records().stream())
          .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).map(LogRecord::getMessage).toList();
      assertEquals(List.of(), warnings);
    }
    for (String type : List.of("text/plain;q=0.5", "a/b;q=1", "a/b;q=0", "a/b;q=1.000", "a/b", "a/b;qs=2")) {
      RawHttp.Response r = http.raw("GET /health HTTP/1.1\r\nHost: a\r\nContent-Type: " + type
          + "\r\nConnection: close\r\n\r\n");
      assertEquals(200, r.status, type + " -> " + r);
    }
  }

  /** The bound itself: a burst a minute, cut short, then a count of what was left out on the next line. */
  @Test
  void clientWarningsLogABurstAMinuteAndCountTheRest() {
    ClientWarnings bound = new ClientWarnings();
    Instant start = Instant.parse("2026-12-03T10:00:00Z");
    for (int i = 0; i < ClientWarnings.PER_MINUTE; i++) {
      assertTrue(bound.isLoggable(warning("Bad Authority: [a b]", start.plusSeconds(i))), "line " + i);
    }
    for (int i = 0; i < 25; i++) {
      assertFalse(bound.isLoggable(warning("Bad Authority: [a b]", start.plusSeconds(30))), "line " + i);
    }
    LogRecord next = warning("Bad Authority: [" + "z".repeat(10_000) + "]", start.plusSeconds(60));
    assertTrue(bound.isLoggable(next));
    assertEquals("Bad Authority: [" + "z".repeat(ClientWarnings.MAX_LENGTH - 16) + "... (9817 more characters) (25 more"
        + " warnings about malformed requests not logged before this one: at most 10 a minute)", next.getMessage());
    LogRecord after = warning("Bad port [99999999]", start.plusSeconds(61));
    assertTrue(bound.isLoggable(after));
    assertEquals("Bad port [99999999]", after.getMessage());
  }

  static LogRecord warning(String message, Instant at) {
    LogRecord record = new LogRecord(Level.WARNING, message);
    record.setInstant(at);
    return record;
  }

  // Finding 1: no body limit. The server answers 413 from the declared length, before any of it is sent.
  @Test
  void aGigabyteBodyIs413BeforeItIsSent() {
    for (String target : new String[] {"/login", "/login_custom"}) {
      RawHttp.Response r = http.raw("POST " + target + " HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
          + "Content-Length: 1073741824\r\nConnection: close\r\n\r\n");
      assertEquals(413, r.status, target + " -> " + r);
    }
  }

  // Finding 4: 500s instead of 400s.
  @Test
  void aBogusCharsetIs400() {
    RawHttp.Response custom = http.sendBody("POST", "/login_custom", "{\"username\":\"alice\",\"password\":\"x\"}",
        "Content-Type: application/json; charset=bogus");
    assertEquals(400, custom.status, custom.toString());
    RawHttp.Response token = http.sendBody("POST", "/login", "grant_type=password&username=alice&password=x",
        "Content-Type: application/x-www-form-urlencoded; charset=bogus");
    assertEquals(400, token.status, token.toString());
  }

  // Finding 7: /login_custom parses JSON as strictly as the token endpoint.
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"username\":\"mallory\",\"username\":\"alice\",\"password\":\"wonderland\"}",
      "{\"username\":\"alice\",\"password\":\"wonderland\"} trailing",
      "{\"username\":\"alice\",\"password\":\"wonderland\"}{}",
      "/* comment */ {\"username\":\"alice\",\"password\":\"wonderland\"}"})
  void loginCustomRefusesLaxJson(String body) {
    RawHttp.Response r = http.sendBody("POST", "/login_custom", body, "Content-Type: application/json");
    assertEquals(400, r.status, body + " -> " + r);
  }

  // Finding 6: security headers.
  @Test
  void authenticatedAnswersAreNotCachedAndNothingIsSniffed() throws Exception {
    RawHttp.Response ok = http.send("GET", "/some-path", "Authorization: Bearer " + token());
    assertEquals(200, ok.status, ok.toString());
    assertEquals("no-store", ok.header("Cache-Control"));
    assertEquals("nosniff", ok.header("X-Content-Type-Options"));
    RawHttp.Response refused = http.send("GET", "/some-path");
    assertEquals(401, refused.status);
    assertEquals("nosniff", refused.header("X-Content-Type-Options"));
    assertEquals("no-store", refused.header("Cache-Control"));
    RawHttp.Response tokenResponse = http.sendBody("POST", "/login",
        "grant_type=password&username=alice&password=wonderland", "Content-Type: application/x-www-form-urlencoded");
    assertEquals("nosniff", tokenResponse.header("X-Content-Type-Options"));
    assertEquals("nosniff", http.send("GET", "/schema/openapi.json").header("X-Content-Type-Options"));
  }

  @Test
  void swaggerUiHasAPolicyAndTheStockPagesAreGone() {
    RawHttp.Response page = http.send("GET", "/schema/swagger");
    assertEquals(200, page.status, page.toString());
    String policy = page.header("Content-Security-Policy");
    assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'"), policy);
    assertEquals("DENY", page.header("X-Frame-Options"));
    assertEquals("nosniff", page.header("X-Content-Type-Options"));
    assertTrue(!page.body.contains("<script>"), "an inline script the policy would block");
    for (String stock : new String[] {"index.html", "swagger-initializer.js", "oauth2-redirect.html", "index.css"}) {
      assertEquals(404, http.send("GET", "/schema/swagger/" + stock).status, stock);
    }
    assertEquals(200, http.send("GET", "/schema/swagger/swagger-ui-bundle.js").status);
  }

  // Finding 2: slow-loris. Bounded: 40 connections, each dripping a header byte every 200 ms, for at most 6 s.
  @Test
  void connectionsThatNeverFinishTheirHeaderAreClosedAndOthersAreServed() throws Exception {
    SampleServer.Limits quick = SampleServer.Limits.DEFAULT.withFirstRequestDeadline(Duration.ofSeconds(2));
    try (SampleServer loris = SampleServer.serve(Example.OAUTH2.application(s -> s.secret(SECRET)), "",
        "127.0.0.1", 0, quick)) {
      List<Socket> sockets = new ArrayList<>();
      try {
        for (int i = 0; i < 40; i++) {
          Socket s = new Socket();
          s.connect(new InetSocketAddress("127.0.0.1", loris.port()), 5_000);
          s.getOutputStream().write("GET /some-path HTTP/1.1\r\nHost: a\r\n".getBytes(StandardCharsets.ISO_8859_1));
          sockets.add(s);
        }
        RawHttp.Response meanwhile = new RawHttp(loris.port()).send("GET", "/schema/openapi.json");
        assertEquals(200, meanwhile.status, "a normal request during the attack");
        long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        int closed = 0;
        List<Socket> open = new ArrayList<>(sockets);
        while (!open.isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(200);
          for (Socket s : new ArrayList<>(open)) {
            if (!drip(s)) {
              open.remove(s);
              closed++;
            }
          }
        }
        assertEquals(sockets.size(), closed, "connections still held after the first-request deadline");
      } finally {
        for (Socket s : sockets) {
          s.close();
        }
      }
    }
  }

  /** Sends one more header byte; false once the server has closed the connection. */
  private static boolean drip(Socket s) {
    try {
      OutputStream out = s.getOutputStream();
      out.write('X');
      out.flush();
      s.setSoTimeout(1);
      InputStream in = s.getInputStream();
      try {
        return in.read() != -1;
      } catch (java.net.SocketTimeoutException stillOpen) {
        return true;
      }
    } catch (SocketException closed) {
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Jersey's Jetty 12 container sends every answer without its length (chunked on a connection kept alive: its head
   * and body in one write, the closing chunk in a second); the server holds an answer up to {@link
   * SampleServer#RESPONSE_BUFFER_BYTES}, which then goes out with its length, as Jersey's other containers send it.
   */
  @Test
  void smallAnswersCarryTheirLength() throws Exception {
    String token = token();
    List<RawHttp.Response> answers = List.of(
        http.sendBody("POST", "/login", "grant_type=password&username=alice&password=wonderland",
            "Content-Type: application/x-www-form-urlencoded"),
        http.sendBody("POST", "/login", "grant_type=password&username=alice&password=nope",
            "Content-Type: application/x-www-form-urlencoded"),
        http.send("GET", "/some-path", "Authorization: Bearer " + token),
        http.send("GET", "/some-path"),
        http.send("GET", "/schema/openapi.json"));
    for (RawHttp.Response r : answers) {
      assertNull(r.header("Transfer-Encoding"), r.toString());
      assertEquals(String.valueOf(r.body.getBytes(StandardCharsets.UTF_8).length), r.header("Content-Length"),
          r.toString());
    }
  }

  /**
   * An answer over the buffer is streamed as it is written, not held in memory whole: it goes out without a length
   * (chunked on a connection kept alive, up to the close here, where the request says {@code Connection: close}).
   */
  @Test
  void aLargeAnswerIsStreamed() {
    RawHttp.Response bundle = http.send("GET", "/schema/swagger/swagger-ui-bundle.js");
    assertEquals(200, bundle.status);
    assertNull(bundle.header("Content-Length"));
    assertTrue(bundle.body.length() > SampleServer.RESPONSE_BUFFER_BYTES, "the whole file arrives");
  }

  /**
   * A HEAD answer may carry a {@code Content-Length} only if it is the length the GET answer's body would have (RFC
   * 9110 section 8.6); Jersey's Jetty container sent 0, large answer or small.
   */
  @Test
  void headAnswersTellTheLengthOfTheGetAnswer() {
    for (String path : new String[] {"/schema/openapi.json", "/schema/swagger/swagger-ui-bundle.js"}) {
      RawHttp.Response get = http.send("GET", path);
      RawHttp.Response head = http.send("HEAD", path);
      assertEquals(200, head.status, head.toString());
      assertEquals(String.valueOf(get.body.getBytes(StandardCharsets.UTF_8).length), head.header("Content-Length"),
          path);
    }
  }

  /** A resource whose answer fails halfway through writing its body. */
  @jakarta.ws.rs.Path("/half")
  @SuppressWarnings("JwtSecured.ResourceOutsideConfigurations") // served without jwtsecured
  public static final class HalfWritten {
    @jakarta.ws.rs.GET
    public jakarta.ws.rs.core.StreamingOutput get() {
      return out -> {
        out.write("{\"items\":[".getBytes(StandardCharsets.UTF_8));
        out.flush();
        throw new IllegalStateException("the store went away");
      };
    }
  }

  /**
   * An answer whose body fails before the buffer is full has sent nothing yet, so the client gets the whole error
   * answer (the application's 500), not a 200 with half a body.
   */
  @Test
  void aBodyThatFailsHalfwayBecomesAWholeErrorAnswer() {
    jakarta.ws.rs.core.Application app = new jakarta.ws.rs.core.Application() {
      @Override
      public java.util.Set<Class<?>> getClasses() {
        return java.util.Set.of(HalfWritten.class, UnexpectedErrors.class);
      }
    };
    try (SampleServer half = SampleServer.serve(app, "", "127.0.0.1", 0, SampleServer.Limits.DEFAULT)) {
      RawHttp.Response r = new RawHttp(half.port()).send("GET", "/half");
      assertEquals(500, r.status, r.toString());
      assertEquals("{\"status_code\":500,\"detail\":\"Internal Server Error\"}", r.body);
    }
  }

  /** A resource that takes its time, as a login hashing a password under load does. */
  @jakarta.ws.rs.Path("/slow")
  @SuppressWarnings("JwtSecured.ResourceOutsideConfigurations") // served without jwtsecured
  public static final class Slow {
    /** A permit for each request that has begun. */
    static final java.util.concurrent.Semaphore STARTED = new java.util.concurrent.Semaphore(0);

    @jakarta.ws.rs.GET
    public String get() throws InterruptedException {
      STARTED.release();
      Thread.sleep(1_500);
      return "done";
    }
  }

  /**
   * Runs each task on a thread of its own. {@code CompletableFuture}'s default runs them on the common pool, which on
   * JDK 25 with two processors has one thread: stopping the server then began only once the slow request it was to
   * wait for had ended, and {@link #aRequestWhileStoppingIs503InTheSameShape} failed there (JDK 17 gave each task a
   * thread while the pool's parallelism was one).
   */
  private static final java.util.concurrent.Executor OWN_THREAD = task -> new Thread(task).start();

  /**
   * Stopping the server (a shutdown hook on SIGTERM, as a container stops it) lets requests already being served
   * finish, instead of cutting their connections.
   */
  @Test
  void stoppingLetsRequestsInFlightFinish() throws Exception {
    jakarta.ws.rs.core.Application app = new jakarta.ws.rs.core.Application() {
      @Override
      public java.util.Set<Class<?>> getClasses() {
        return java.util.Set.of(Slow.class, UnexpectedErrors.class);
      }
    };
    SampleServer slow = SampleServer.serve(app, "", "127.0.0.1", 0, SampleServer.Limits.DEFAULT);
    RawHttp client = new RawHttp(slow.port());
    java.util.concurrent.CompletableFuture<RawHttp.Response> inFlight =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> client.send("GET", "/slow"), OWN_THREAD);
    Thread.sleep(500);
    slow.close();
    RawHttp.Response r = inFlight.get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(200, r.status, r.toString());
    assertEquals("done", r.body);
  }

  /** While stopping, a request on a kept-alive connection is refused with 503, in the JSON shape of the others. */
  @Test
  void aRequestWhileStoppingIs503InTheSameShape() throws Exception {
    jakarta.ws.rs.core.Application app = new jakarta.ws.rs.core.Application() {
      @Override
      public java.util.Set<Class<?>> getClasses() {
        return java.util.Set.of(Slow.class);
      }
    };
    SampleServer slow = SampleServer.serve(app, "", "127.0.0.1", 0, SampleServer.Limits.DEFAULT);
    int port = slow.port();
    RawHttp client = new RawHttp(port);
    try (Socket kept = new Socket("127.0.0.1", port)) {
      kept.setSoTimeout(10_000);
      OutputStream out = kept.getOutputStream();
      out.write("GET /nothing HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String first = head(kept.getInputStream());
      assertTrue(first.startsWith("HTTP/1.1 404 ") && first.contains("\r\nContent-Length: 0\r\n"), first);
      Slow.STARTED.drainPermits();
      java.util.concurrent.CompletableFuture<RawHttp.Response> inFlight =
          java.util.concurrent.CompletableFuture.supplyAsync(() -> client.send("GET", "/slow"), OWN_THREAD);
      assertTrue(Slow.STARTED.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS), "in flight");
      // A request begun on the kept connection: stopping closes idle connections at once.
      out.write("GET /slow HTTP/1.1\r\nHost: a\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(50);
      java.util.concurrent.CompletableFuture<Void> stopping =
          java.util.concurrent.CompletableFuture.runAsync(slow::close, OWN_THREAD);
      // Stopping has begun once new connections are refused.
      for (boolean accepted = true; accepted; ) {
        try {
          new Socket("127.0.0.1", port).close();
          Thread.sleep(5);
        } catch (java.net.ConnectException e) {
          accepted = false;
        }
      }
      out.write("Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String refused = new String(kept.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(refused.startsWith("HTTP/1.1 503 "), refused);
      assertTrue(refused.contains("\r\nContent-Type: application/json\r\n"), refused);
      assertTrue(refused.endsWith("\r\n\r\n{\"status_code\":503,\"detail\":\"Service Unavailable\"}"), refused);
      assertEquals("done", inFlight.get(30, java.util.concurrent.TimeUnit.SECONDS).body);
      stopping.get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  /** A response's head, read up to and with its blank line. */
  static String head(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }

  @Test
  void theServerDoesNotAnnounceItself() {
    assertNull(http.send("GET", "/some-path").header("Server"));
  }
}
