package dev.jwtsecured.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the tests of random applications and configurations share: where a run writes, compiling with the processor as
 * a build would, request targets, and what a route report says an operation answers.
 */
final class RandomRuns {
  private static final String CLASS_PATH =
      System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));

  private RandomRuns() {}

  /**
   * The seeds of a random test: the one {@code -D<only>} names; else {@code -D<count>} of them ({@code usual} by
   * default) from {@code -D<first>} (1 by default), and where that starts at 1, the seeds past them that {@code found}
   * a defect.
   */
  static List<Long> seeds(String only, String count, int usual, String first, long... found) {
    Long one = Long.getLong(only);
    if (one != null) {
      return List.of(one);
    }
    long from = Long.getLong(first, 1L);
    java.util.stream.LongStream drawn =
        java.util.stream.LongStream.range(from, from + Integer.getInteger(count, usual));
    return (from == 1 ? java.util.stream.LongStream.concat(drawn, Arrays.stream(found)) : drawn).boxed().toList();
  }

  /** {@code temporary}, or with {@code -Djwtsecured.randomDir} a folder {@code name} there that stays. */
  static Path directory(Path temporary, String name) throws IOException {
    String kept = System.getProperty("jwtsecured.randomDir");
    return kept == null ? temporary : Files.createDirectories(Path.of(kept, name));
  }

  /**
   * Compiles {@code sources} with the processor into {@code classes}, its sources into {@code generated}; or, where an
   * earlier run of the suite compiled the same (the {@link CompileCache}), copies what that wrote.
   */
  static List<Diagnostic<? extends JavaFileObject>> compile(List<File> sources, Path classes, Path generated)
      throws IOException {
    // Every warning: javac keeps 100 by default, and the oracles read the processor's warnings.
    List<String> options = List.of("--release", "17", "-Xmaxwarns", "100000",
        "-processor", "dev.jwtsecured.processor.JwtSecuredProcessor", "-processorpath", CLASS_PATH,
        "-cp", CLASS_PATH, "-d", classes.toString(), "-s", generated.toString());
    Optional<String> key = CompileCache.key(sources, options, CLASS_PATH);
    if (key.isPresent()) {
      Optional<List<Diagnostic<? extends JavaFileObject>>> kept = CompileCache.read(key.get(), classes, generated);
      if (kept.isPresent()) {
        return kept.get();
      }
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromFiles(sources)).call();
    }
    if (key.isPresent()) {
      CompileCache.write(key.get(), classes, generated, diagnostics.getDiagnostics());
    }
    return diagnostics.getDiagnostics();
  }

  /** {@code path} as a request target: what is not printable ASCII, {@code %}, {@code ?} and {@code #} encoded. */
  static String target(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c > 0x20 && c < 0x7f && c != '%' && c != '?' && c != '#') {
        out.append((char) c);
      } else {
        out.append(String.format("%%%02X", c));
      }
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  /**
   * The status a route report's operation answers a caller with: {@code roles} of its token, or {@code null} for no
   * token.
   */
  static int expected(String access, JsonNode route, List<String> roles) {
    switch (access) {
      case "public", "excluded", "excluded-method", "token-endpoint":
        return 200;
      case "denied":
        return 403;
      case "protected":
        if (roles == null) {
          return 401;
        }
        boolean passes = allows(route.get("roles"), roles);
        JsonNode and = route.get("andRoles");
        for (int i = 0; and != null && i < and.size(); i++) {
          passes &= allows(and.get(i), roles);
        }
        return passes ? 200 : 403;
      default:
        throw new AssertionError("access " + access);
    }
  }

  private static boolean allows(JsonNode required, List<String> roles) {
    if (required.isEmpty()) {
      return true;
    }
    for (JsonNode role : required) {
      if (roles.contains(role.asText())) {
        return true;
      }
    }
    return false;
  }
}
