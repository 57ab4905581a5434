package dev.jwtsecured.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compile time with and without the processor: one {@code javac} process per compilation, as a build tool starts
 * it, median of several interleaved runs after a warm-up run: (1) the sample's sources; (2) a generated application
 * of 200 resource classes and one configuration; (3) that application with more and more {@code exclude} patterns.
 * "Without" compiles the same sources plus the files the processor generated, with {@code -proc:none}, so both compile
 * the same code; "extra round" compiles them with {@link EmptySourceProcessor}, which writes one empty class, as any
 * source-generating processor makes javac do. The processor's own share is (with - extra round) / with.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.jwtsecured.bench.BuildTime [repository directory] [runs]
 * [sample]} prints the tables (with {@code sample}, only its row) and writes {@code bench/results/build-time.csv} (the
 * exclusion rows) for the charts.
 */
public final class BuildTime {
  private BuildTime() {}

  public static void main(String[] args) throws IOException {
    Path repo = Path.of(args.length > 0 ? args[0] : ".");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    Path work = Files.createTempDirectory("jwtsecured-buildtime");
    try {
      System.out.println("| compilation | with processor (ms) | extra round only (ms) | without (ms) | processor's own"
          + " share | with the extra round |");
      System.out.println("|---|---|---|---|---|---|");
      measure("sample (" + javaFiles(repo.resolve("sample/src/main/java")).size() + " sources)",
          javaFiles(repo.resolve("sample/src/main/java")), work.resolve("sample"), runs);
      if (args.length > 2 && args[2].equals("sample")) {
        return;
      }
      Path generated = generateApplication(work.resolve("app-src"), 200, 2);
      measure("200 resource classes + 1 configuration", javaFiles(generated), work.resolve("app"), runs);
      StringBuilder csv = new StringBuilder("exclude_patterns,with_ms,extra_round_ms,without_ms\n");
      for (int patterns : new int[] {10, 100, 400}) {
        Path app = generateApplication(work.resolve("app-src-" + patterns), 200, patterns);
        double[] ms = measure("200 resource classes, " + patterns + " exclude patterns", javaFiles(app),
            work.resolve("app-" + patterns), runs);
        csv.append(String.format(Locale.ROOT, "%d,%.0f,%.0f,%.0f%n", patterns, ms[0], ms[1], ms[2]));
      }
      Path results = Files.createDirectories(repo.resolve("bench/results"));
      Files.writeString(results.resolve("build-time.csv"), csv);
    } finally {
      delete(work);
    }
  }

  /** Prints one row and returns the medians: with the processor, the extra round only, without. */
  private static double[] measure(String name, List<File> sources, Path out, int runs) throws IOException {
    Path generatedSources = out.resolve("generated");
    // Warm-up (file cache), which also leaves the generated sources for the runs without the processor.
    compile(sources, out, JWTSECURED);
    Path kept = Files.createDirectories(out.resolve("kept"));
    delete(kept);
    Files.move(generatedSources, kept);
    List<File> plain = withGenerated(sources, kept);
    compile(plain, out, NONE);
    long[] with = new long[runs];
    long[] extra = new long[runs];
    long[] without = new long[runs];
    for (int i = 0; i < runs; i++) {
      with[i] = compile(sources, out, JWTSECURED);
      extra[i] = compile(plain, out, EMPTY);
      without[i] = compile(plain, out, NONE);
    }
    double w = median(with) / 1e6;
    double e = median(extra) / 1e6;
    double wo = median(without) / 1e6;
    System.out.printf(Locale.ROOT,
        "| %s | %.0f [%.0f-%.0f] | %.0f [%.0f-%.0f] | %.0f [%.0f-%.0f] | %.1f%% | %.1f%% |%n",
        name, w, min(with) / 1e6, max(with) / 1e6, e, min(extra) / 1e6, max(extra) / 1e6, wo, min(without) / 1e6,
        max(without) / 1e6, 100 * (w - e) / w, 100 * (w - wo) / w);
    return new double[] {w, e, wo};
  }

  /** jwtsecured's processors, found on the processor path as a user's build finds them. */
  private static final String JWTSECURED = "jwtsecured";
  private static final String EMPTY = EmptySourceProcessor.class.getName();
  private static final String NONE = "";

  private static List<File> withGenerated(List<File> sources, Path generated) throws IOException {
    List<File> all = new ArrayList<>(sources);
    all.addAll(javaFiles(generated));
    return all;
  }

  /** Compiles in a fresh {@code javac} process and returns the wall time in nanoseconds. */
  private static long compile(List<File> sources, Path out, String processor) throws IOException {
    Path classes = out.resolve("classes");
    Path generated = out.resolve("generated");
    delete(classes);
    delete(generated);
    Files.createDirectories(classes);
    Files.createDirectories(generated);
    String classPath = System.getProperty("java.class.path");
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    List<String> command = new ArrayList<>(List.of(javac.toString(), "--release", "17", "-nowarn", "-cp", classPath,
        "-d", classes.toString(), "-s", generated.toString()));
    if (processor.equals(JWTSECURED)) {
      // As a build runs it (maven-compiler-plugin's annotationProcessorPaths, Gradle's annotationProcessor): found
      // through the processor jar's service file, which names every processor it brings.
      command.addAll(List.of("-processorpath", classPath));
    } else if (!processor.isEmpty()) {
      command.addAll(List.of("-processor", processor, "-processorpath", classPath));
    } else {
      command.add("-proc:none");
    }
    Path argFile = out.resolve("sources.txt");
    Files.write(argFile, sources.stream().map(File::getPath).collect(Collectors.toList()));
    command.add("@" + argFile);
    long start = System.nanoTime();
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(out.resolve("javac.log").toFile()).start();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("compilation failed: " + Files.readString(out.resolve("javac.log")));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return System.nanoTime() - start;
  }

  /**
   * A package with one configuration and {@code count} resource classes of four operations each; the configuration
   * excludes {@code patterns} paths ({@code /rN/public}, then {@code /rN/\\{id\\}}), each matching one route.
   */
  private static Path generateApplication(Path dir, int count, int patterns) throws IOException {
    Path pkg = Files.createDirectories(dir.resolve("app"));
    List<String> exclude = new ArrayList<>();
    for (int i = 0; i < patterns; i++) {
      exclude.add(i < count ? "\"/r" + i + "/public\"" : "\"/r" + (i - count) + "/\\\\{id\\\\}\"");
    }
    Files.writeString(pkg.resolve("AppSecurity.java"), String.join("\n",
        "package app;",
        "import dev.jwtsecured.JwtSecured;",
        "import dev.jwtsecured.UserRetriever;",
        "import dev.jwtsecured.runtime.Token;",
        "@JwtSecured(secret = \"${APP_SECRET}\", exclude = {" + String.join(", ", exclude) + "})",
        "final class AppSecurity {",
        "  @UserRetriever static String user(Token token) { return token.subject(); }",
        "}", ""));
    for (int i = 0; i < count; i++) {
      Files.writeString(pkg.resolve("Resource" + i + ".java"), String.join("\n",
          "package app;",
          "import jakarta.annotation.security.*;",
          "import jakarta.ws.rs.*;",
          "@Path(\"/r" + i + "\")",
          "public final class Resource" + i + " {",
          "  @GET public String list() { return \"\"; }",
          "  @GET @Path(\"{id}\") public String one(@PathParam(\"id\") long id) { return \"\"; }",
          "  @POST @RolesAllowed(\"admin\") public String create(String body) { return body; }",
          "  @GET @Path(\"public\") @PermitAll public String open() { return \"\"; }",
          "}", ""));
    }
    return dir;
  }

  private static List<File> javaFiles(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().map(Path::toFile)
          .collect(Collectors.toList());
    }
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private static double median(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
  }

  private static long min(long[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }

  private static long max(long[] values) {
    return Arrays.stream(values).max().orElseThrow();
  }
}
