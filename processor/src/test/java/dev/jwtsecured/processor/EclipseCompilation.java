package dev.jwtsecured.processor;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * A compilation by the Eclipse compiler (what the Eclipse IDE and {@code plexus-compiler-eclipse} run) with the
 * processor, on files in {@code dir}: that compiler reads sources, and the sources the processor generates, from files
 * only, so compile-testing's in-memory files do not serve here.
 */
record EclipseCompilation(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path generated) {

  /** Compiles {@code sources} (compile-testing's, written out below {@code dir}) with the test class path. */
  static EclipseCompilation compile(Path dir, List<JavaFileObject> sources) throws IOException {
    return compile(dir, sources, List.of());
  }

  /** The same, with further compiler {@code options} (such as {@code -warn:...}). */
  static EclipseCompilation compile(Path dir, List<JavaFileObject> sources, List<String> options)
      throws IOException {
    return compile(dir, sources, options, List.of(new JwtSecuredProcessor()));
  }

  /** The same, with {@code processors} in that order. */
  static EclipseCompilation compile(Path dir, List<JavaFileObject> sources, List<String> options,
      List<? extends Processor> processors) throws IOException {
    return compile(dir, sources, System.getProperty("java.class.path"), options, processors);
  }

  /** The same, on {@code classPath}. */
  static EclipseCompilation compile(Path dir, List<JavaFileObject> sources, String classPath, List<String> options,
      List<? extends Processor> processors) throws IOException {
    List<File> files = Sources.onDisk(dir.resolve("src"), sources);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path generated = Files.createDirectories(dir.resolve("generated"));
    JavaCompiler compiler = new EclipseCompiler();
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager =
        compiler.getStandardFileManager(collector, null, StandardCharsets.UTF_8)) {
      fileManager.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
      fileManager.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(generated.toFile()));
      List<String> all = new ArrayList<>(List.of("-17", "-classpath", classPath));
      all.addAll(options);
      JavaCompiler.CompilationTask task = compiler.getTask(new StringWriter(), fileManager, collector, all, null,
          fileManager.getJavaFileObjectsFromFiles(files));
      task.setProcessors(processors);
      boolean success = task.call();
      return new EclipseCompilation(success, List.copyOf(collector.getDiagnostics()), generated);
    }
  }

  /** The diagnostics of {@code kind} the processor reported (its messages start with a {@code [tag]}). */
  List<Diagnostic<? extends JavaFileObject>> fromProcessor(Diagnostic.Kind kind) {
    return diagnostics.stream()
        .filter(d -> d.getKind() == kind && d.getMessage(null).startsWith("["))
        .toList();
  }

  /** The warnings and errors the compiler reported in the sources the processor generated, as text. */
  List<String> inGeneratedSources() {
    return diagnostics.stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE && d.getSource() != null
            && Path.of(d.getSource().toUri()).startsWith(generated))
        .map(d -> d.getKind() + " " + generated.relativize(Path.of(d.getSource().toUri())) + ":" + d.getLineNumber()
            + " " + d.getMessage(null))
        .toList();
  }

  /** The errors and the processor's diagnostics, one a line, for a failure message. */
  String describe() {
    StringBuilder out = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      if (d.getKind() != Diagnostic.Kind.ERROR && !d.getMessage(null).startsWith("[")) {
        continue;
      }
      out.append(d.getKind()).append(' ')
          .append(d.getSource() == null ? "-" : Path.of(d.getSource().toUri()).getFileName())
          .append(':').append(d.getLineNumber()).append(' ').append(d.getMessage(null)).append('\n');
    }
    return out.toString();
  }
}
