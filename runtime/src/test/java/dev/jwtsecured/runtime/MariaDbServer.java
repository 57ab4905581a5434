package dev.jwtsecured.runtime;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real MariaDB server (Debian's {@code mariadb-server} package) of its own: a new data directory in a temporary
 * folder, on a free loopback port, with no grant tables (any user may do anything: a test server, reachable from this
 * machine alone). {@code .ci/run} installs the package; under CI its absence fails the test instead of skipping it.
 */
record MariaDbServer(Path dir, Process process, int port) implements AutoCloseable {
  private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
  private static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");

  /** Starts a server, or skips the calling test where MariaDB is not installed (outside CI). */
  static MariaDbServer start() throws IOException, InterruptedException {
    if (!Files.isExecutable(SERVER) || !Files.isExecutable(INSTALL)) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("MariaDB is not installed; .ci/run installs Debian's mariadb-server package");
      }
      Assumptions.abort("MariaDB is not installed (apt-get install mariadb-server)");
    }
    Path dir = Files.createTempDirectory("jwtsecured-mariadb");
    Path data = dir.resolve("data");
    boolean root = "root".equals(System.getProperty("user.name"));
    List<String> install = new ArrayList<>(List.of(INSTALL.toString(), "--no-defaults", "--skip-test-db",
        "--datadir=" + data));
    if (root) {
      install.add("--user=root");
    }
    run(install, dir.resolve("install.log"));
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(SERVER.toString(), "--no-defaults", "--datadir=" + data,
        "--socket=" + dir.resolve("socket"), "--pid-file=" + dir.resolve("pid"), "--bind-address=127.0.0.1",
        "--port=" + port, "--skip-grant-tables", "--innodb-buffer-pool-size=32M", "--log-error=" + dir.resolve("log"),
        "--tmpdir=" + dir));
    if (root) {
      command.add("--user=root");
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out").toFile()).start();
    MariaDbServer server = new MariaDbServer(dir, process, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Connection c = DriverManager.getConnection(server.url(""))) {
        c.createStatement().execute("SELECT 1");
        return server;
      } catch (SQLException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          server.close();
          throw new IllegalStateException("MariaDB did not start: see " + dir.resolve("log"), notYet);
        }
        Thread.sleep(100);
      }
    }
  }

  /** The URL of {@code database} (empty for none) for MariaDB's driver, without TLS (a loopback test server). */
  String url(String database) {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?user=root&sslMode=disable";
  }

  /** The URL of {@code database} for MySQL's driver, without TLS. */
  String mySqlUrl(String database) {
    return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?user=root&sslMode=DISABLED";
  }

  /** Creates a new, empty database. */
  void createDatabase(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(""))) {
      c.createStatement().execute("CREATE DATABASE " + name);
    }
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void run(List<String> command, Path log) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("mariadb-install-db failed: " + Files.readString(log));
    }
  }
}
