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
 * it, median of several alternating runs after a warm-up run: (1) the sample's sources; (2) a generated application of
 * 200 resource classes and one configuration. "Without" compiles the same sources plus the files the processor
 * generated, with {@code -proc:none}, so both compile the same code and the difference is the processor's work
 * (including the extra compiler round any source-generating processor causes).
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.jwtsecured.bench.BuildTime [repository directory] [runs]}
 */
public final class BuildTime {
  private BuildTime() {}

  public static void main(String[] args) throws IOException {
    Path repo = Path.of(args.length > 0 ? args[0] : ".");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    Path work = Files.createTempDirectory("jwtsecured-buildtime");
    try {
      System.out.println("| compilation | with processor (ms) | without (ms) | processor share |");
      System.out.println("|---|---|---|---|");
      measure("sample (" + javaFiles(repo.resolve("sample/src/main/java")).size() + " sources)",
          javaFiles(repo.resolve("sample/src/main/java")), work.resolve("sample"), runs);
      Path generated = generateApplication(work.resolve("app-src"), 200);
      measure("200 resource classes + 1 configuration", javaFiles(generated), work.resolve("app"), runs);
    } finally {
      delete(work);
    }
  }

  private static void measure(String name, List<File> sources, Path out, int runs) throws IOException {
    Path generatedSources = out.resolve("generated");
    // Warm-up (file cache), which also leaves the generated sources for the runs without the processor.
    for (int i = 0; i < 1; i++) {
      compile(sources, out, true);
      compile(withGenerated(sources, generatedSources), out, false);
    }
    List<File> plain = withGenerated(sources, generatedSources);
    long[] with = new long[runs];
    long[] without = new long[runs];
    for (int i = 0; i < runs; i++) {
      with[i] = compile(sources, out, true);
      without[i] = compile(plain, out, false);
    }
    double w = median(with) / 1e6;
    double wo = median(without) / 1e6;
    System.out.printf(Locale.ROOT, "| %s | %.0f [%.0f-%.0f] | %.0f [%.0f-%.0f] | %.1f%% |%n", name, w,
        min(with) / 1e6, max(with) / 1e6, wo, min(without) / 1e6, max(without) / 1e6, 100 * (w - wo) / w);
  }

  private static List<File> withGenerated(List<File> sources, Path generated) throws IOException {
    List<File> all = new ArrayList<>(sources);
    all.addAll(javaFiles(generated));
    return all;
  }

  /** Compiles in a fresh {@code javac} process and returns the wall time in nanoseconds. */
  private static long compile(List<File> sources, Path out, boolean processor) throws IOException {
    Path classes = out.resolve("classes");
    Path generated = out.resolve("generated");
    delete(classes);
    if (processor) {
      delete(generated);
    }
    Files.createDirectories(classes);
    Files.createDirectories(generated);
    String classPath = System.getProperty("java.class.path");
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    List<String> command = new ArrayList<>(List.of(javac.toString(), "--release", "17", "-nowarn", "-cp", classPath,
        "-d", classes.toString(), "-s", generated.toString()));
    if (processor) {
      command.addAll(List.of("-processor", "dev.jwtsecured.processor.JwtSecuredProcessor",
          "-processorpath", classPath));
    } else {
      command.add("-proc:none");
    }
    Path argFile = out.resolve("sources.txt");
    Files.write(argFile, sources.stream().map(File::getPath).collect(Collectors.toList()));
    command.add("@" + argFile);
    long start = System.nanoTime();
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.resolve("javac.log").toFile())
          .start();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("compilation failed: " + Files.readString(out.resolve("javac.log")));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return System.nanoTime() - start;
  }

  /** A package with one configuration and {@code count} resource classes of four operations each. */
  private static Path generateApplication(Path dir, int count) throws IOException {
    Path pkg = Files.createDirectories(dir.resolve("app"));
    Files.writeString(pkg.resolve("AppSecurity.java"), String.join("\n",
        "package app;",
        "import dev.jwtsecured.JwtSecured;",
        "import dev.jwtsecured.UserRetriever;",
        "import dev.jwtsecured.runtime.Token;",
        "@JwtSecured(secret = \"${APP_SECRET}\", exclude = {\"/r0/public\", \"/r1/.*\"})",
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
