package dev.jwtsecured.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Compiles the sample's sources and the behaviour tests' applications with the processor twice, from scratch, with
 * {@code -Xlint:all}: not one warning, and byte-identical generated sources and resources both times. The project's one
 * determinism check. Then compiles the generated sources once more with doclint, which javac does not apply to sources
 * a processor writes: their Javadoc (links, HTML, tags) is what users read when they open them.
 */
class SampleCompilationTest {
  static final String CLASS_PATH =
      System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));

  static Map<String, byte[]> compile(Path out) throws IOException {
    Path classes = Files.createDirectories(out.resolve("classes"));
    Path generated = Files.createDirectories(out.resolve("generated"));
    // The sample, and the behaviour tests' applications: every shape the processor handles (templates, interfaces,
    // locators, two configurations, an application path, every retriever shape, cookie transport).
    List<File> sources = new ArrayList<>();
    for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java/dev/jwtsecured/it"))) {
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(f -> f.toString().endsWith(".java") && !f.toString().endsWith("Test.java"))
            .map(Path::toFile).forEach(sources::add);
      }
    }
    List<String> options = List.of("--release", "17", "-Xlint:all", "-Xlint:-processing",
        "-processor", "dev.jwtsecured.processor.JwtSecuredProcessor", "-processorpath", CLASS_PATH,
        "-cp", CLASS_PATH, "-d", classes.toString(), "-s", generated.toString());
    assertEquals(List.of(), javac(options, sources));
    Map<String, byte[]> output = new TreeMap<>();
    for (Path root : List.of(generated, classes.resolve("META-INF/jwtsecured"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
          output.put(root.relativize(f).toString(), Files.readAllBytes(f));
        }
      }
    }
    return output;
  }

  /** Every problem doclint finds in the Javadoc of the sources generated into {@code out} by {@link #compile}. */
  static List<String> javadocProblems(Path out) throws IOException {
    List<File> sources;
    try (Stream<Path> files = Files.walk(out.resolve("generated"))) {
      sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toFile).collect(Collectors.toList());
    }
    assertTrue(sources.size() > 20, "generated sources: " + sources.size());
    List<String> options = List.of("--release", "17", "-proc:none", "-Xdoclint:all,-missing",
        "-cp", CLASS_PATH + File.pathSeparator + out.resolve("classes"),
        "-d", Files.createDirectories(out.resolve("doclint")).toString());
    return javac(options, sources);
  }

  /** Compiles {@code sources}: every diagnostic but notes, and a line saying so when javac failed. */
  static List<String> javac(List<String> options, List<File> sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromFiles(sources)).call();
    }
    List<String> reported = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.NOTE) {
        String where = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":"
            + d.getLineNumber() + " ";
        reported.add(d.getKind() + ": " + where + d.getMessage(null));
      }
    }
    if (!ok) {
      reported.add("javac failed");
    }
    return reported;
  }

  @Test
  void warningFreeAndReproducible() throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "recompile"));
    Path firstDir = Files.createTempDirectory(dir, "first");
    Map<String, byte[]> first = compile(firstDir);
    Map<String, byte[]> second = compile(Files.createTempDirectory(dir, "second"));
    assertTrue(first.keySet().stream().anyMatch(n -> n.endsWith("OAuth2SecurityJwtLoginResource.java")),
        first.keySet()::toString);
    assertTrue(first.keySet().stream().anyMatch(n -> n.endsWith(".openapi.yaml")), first.keySet()::toString);
    assertTrue(first.keySet().stream().anyMatch(n -> n.endsWith("UsersSecurityJwtLocatorGuard.java")),
        first.keySet()::toString);
    assertEquals(first.keySet(), second.keySet());
    for (String name : first.keySet()) {
      assertTrue(java.util.Arrays.equals(first.get(name), second.get(name)), name + " differs between compilations");
    }
    assertEquals(List.of(), javadocProblems(firstDir));
  }
}
