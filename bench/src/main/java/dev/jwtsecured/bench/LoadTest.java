package dev.jwtsecured.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * HTTP load on loopback: requests per second and latency percentiles for an authenticated {@code GET /secured}, an
 * excluded {@code GET /open} with the same body on the same server, and {@code GET /secured} on a server without the
 * filter. Keep-alive connections, each driven by one client thread sending requests back to back. Bounded: each run
 * lasts a fixed time and stops at a request cap; only 127.0.0.1 is contacted.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.jwtsecured.bench.LoadTest [seconds per run] [connections]
 * [rounds]}
 */
public final class LoadTest {
  private static final int MAX_REQUESTS_PER_CONNECTION = 5_000_000;

  private LoadTest() {}

  record Result(double requestsPerSecond, double p50Micros, double p99Micros) {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int connections = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;

    BenchSecurityJwtFeature feature = new BenchSecurityJwtFeature(BenchSecurityJwtFeature.settings()
        .secret(Tokens.SECRET).build());
    Server secured = start(new ResourceConfig().register(feature));
    Server plain = start(new ResourceConfig());
    String token = Tokens.token();
    try {
      String[] names = {"authenticated GET /secured", "excluded GET /open (same server)",
          "GET /secured, no filter installed"};
      String[][] requests = {
          {"/secured", "Authorization: Bearer " + token},
          {"/open", null},
          {"/secured", null}};
      Server[] servers = {secured, secured, plain};
      // Warm up every scenario once, then interleave the measured rounds.
      for (int s = 0; s < names.length; s++) {
        run(servers[s], requests[s], connections, Math.max(2, seconds / 2));
      }
      List<List<Result>> results = new ArrayList<>();
      for (int s = 0; s < names.length; s++) {
        results.add(new ArrayList<>());
      }
      for (int r = 0; r < rounds; r++) {
        for (int s = 0; s < names.length; s++) {
          results.get(s).add(run(servers[s], requests[s], connections, seconds));
        }
      }
      System.out.printf(Locale.ROOT, "%d connections, %d s per run, %d rounds (median, [min-max])%n%n", connections,
          seconds, rounds);
      System.out.println("| scenario | requests/s | p50 latency (µs) | p99 latency (µs) |");
      System.out.println("|---|---|---|---|");
      double[] medianRps = new double[names.length];
      for (int s = 0; s < names.length; s++) {
        List<Result> rs = results.get(s);
        medianRps[s] = median(rs.stream().mapToDouble(Result::requestsPerSecond).toArray());
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", names[s],
            summary(rs.stream().mapToDouble(Result::requestsPerSecond).toArray(), "%.0f"),
            summary(rs.stream().mapToDouble(Result::p50Micros).toArray(), "%.0f"),
            summary(rs.stream().mapToDouble(Result::p99Micros).toArray(), "%.0f"));
      }
      System.out.printf(Locale.ROOT, "%nauthenticated / no filter: %.3f; excluded / no filter: %.3f%n",
          medianRps[0] / medianRps[2], medianRps[1] / medianRps[2]);
    } finally {
      secured.stop();
      plain.stop();
    }
  }

  /** Jersey on Jetty 12 with its defaults (TCP_NODELAY on), the container the sample runs on. */
  private static Server start(ResourceConfig config) {
    config.property(ServerProperties.WADL_FEATURE_DISABLE, true)
        .register(BenchResources.Secured.class)
        .register(BenchResources.Open.class);
    return JettyHttpContainerFactory.createServer(URI.create("http://127.0.0.1:0/"), config, true);
  }

  private static Result run(Server server, String[] request, int connections, int seconds) throws Exception {
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    StringBuilder text = new StringBuilder("GET ").append(request[0]).append(" HTTP/1.1\r\nHost: 127.0.0.1:")
        .append(port).append("\r\n");
    if (request[1] != null) {
      text.append(request[1]).append("\r\n");
    }
    byte[] bytes = text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    long[][] latencies = new long[connections][];
    int[] counts = new int[connections];
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    CountDownLatch done = new CountDownLatch(connections);
    Throwable[] failure = new Throwable[1];
    for (int c = 0; c < connections; c++) {
      int id = c;
      Thread t = new Thread(() -> {
        long[] own = new long[1 << 20];
        int n = 0;
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress("127.0.0.1", port));
          socket.setTcpNoDelay(true);
          OutputStream out = socket.getOutputStream();
          InputStream in = new BufferedInputStream(socket.getInputStream());
          while (System.nanoTime() < deadline && n < MAX_REQUESTS_PER_CONNECTION) {
            long start = System.nanoTime();
            out.write(bytes);
            out.flush();
            readResponse(in);
            if (n == own.length) {
              own = Arrays.copyOf(own, own.length * 2);
            }
            own[n++] = System.nanoTime() - start;
          }
        } catch (Throwable e) {
          failure[0] = e;
        } finally {
          latencies[id] = own;
          counts[id] = n;
          done.countDown();
        }
      }, "load-" + c);
      t.start();
    }
    done.await();
    if (failure[0] != null) {
      throw new IllegalStateException("load generator failed", failure[0]);
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < connections; c++) {
      System.arraycopy(latencies[c], 0, all, at, counts[c]);
      at += counts[c];
    }
    Arrays.sort(all);
    return new Result(total / (double) seconds, all[total / 2] / 1000.0, all[(int) (total * 0.99)] / 1000.0);
  }

  /** Reads one response and checks that it is a 200; needs Content-Length (Jersey sets it for these bodies). */
  private static void readResponse(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int contentLength = -1;
    boolean chunked = false;
    boolean first = true;
    while (true) {
      line.setLength(0);
      int c;
      while ((c = in.read()) != '\n') {
        if (c < 0) {
          throw new IOException("connection closed");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      if (first) {
        if (!line.toString().startsWith("HTTP/1.1 200")) {
          throw new IOException("unexpected status: " + line);
        }
        first = false;
      } else if (line.length() == 0) {
        break;
      } else if (line.toString().toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        contentLength = Integer.parseInt(line.substring(15).trim());
      } else if (line.toString().toLowerCase(Locale.ROOT).startsWith("transfer-encoding:")) {
        chunked = line.toString().toLowerCase(Locale.ROOT).contains("chunked");
      }
    }
    if (chunked) {
      while (true) {
        int size = Integer.parseInt(readLine(in, line).split(";")[0].trim(), 16);
        in.readNBytes(size);
        readLine(in, line); // the CRLF after the chunk (or after the last, empty one)
        if (size == 0) {
          return;
        }
      }
    }
    if (contentLength < 0) {
      throw new IOException("no Content-Length");
    }
    in.readNBytes(contentLength);
  }

  private static String readLine(InputStream in, StringBuilder line) throws IOException {
    line.setLength(0);
    for (int c; (c = in.read()) != '\n'; ) {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static String summary(double[] values, String format) {
    double[] v = values.clone();
    Arrays.sort(v);
    return String.format(Locale.ROOT, format + " [" + format + "-" + format + "]", median(v), v[0], v[v.length - 1]);
  }
}
