package dev.jwtsecured.processor.writing;

import com.palantir.javapoet.ClassName;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * What an earlier build of the same module left in the class output for a later one that recompiles only changed
 * files: the classes each configuration's outputs were built from besides itself (its root resources and the
 * {@code @ApplicationPath} classes that gave its path). A build that compiles the configuration alone reads them back
 * from their class files, so that it writes what a full build writes; and, per {@code @ApplicationPath} class, the
 * configurations that took their path from it, for a build that compiles that class alone.
 */
public final class EarlierBuild {
  private final Filer filer;

  public EarlierBuild(Filer filer) {
    this.filer = filer;
  }

  /** The class-output resource listing the classes {@code config}'s outputs were built from, one binary name a line. */
  public static String inputList(ClassName config) {
    return "META-INF/jwtsecured/" + config.reflectionName() + ".inputs.txt";
  }

  /** The binary names an earlier build recorded for {@code config}; none when there was no such build. */
  public List<String> inputs(ClassName config) {
    return lines(inputList(config));
  }

  /**
   * The configuration (qualified name) whose package marker for {@code pkg} ({@link Outputs#scopeMarker}) an earlier
   * build wrote into this output, rather than into another module's jar, whose resources it never saw anyway.
   */
  public Optional<String> securing(String pkg) {
    return lines(Outputs.scopeMarker(pkg)).stream().findFirst();
  }

  /**
   * The configuration (qualified name) whose package marker for {@code pkg} or a parent package, innermost first, is
   * on this compilation's class path: one an earlier compilation wrote into a folder or jar that this one only reads
   * (the main classes, for a compilation of test sources; a module this one depends on). Its route table, written then,
   * holds none of the classes compiled now.
   */
  public Optional<String> securingOnClassPath(String pkg) {
    for (String p = pkg; ; p = p.substring(0, Math.max(p.lastIndexOf('.'), 0))) {
      Optional<String> config;
      try {
        config = read(StandardLocation.CLASS_PATH, Outputs.scopeMarker(p)).stream().findFirst();
      } catch (RuntimeException e) {
        // A compiler whose Filer reads no class path resource: nothing is known, and nothing is said.
        return Optional.empty();
      }
      if (config.isPresent() || p.isEmpty()) {
        return config;
      }
    }
  }

  /**
   * The configurations whose package markers for {@code pkg} or a parent package are in this output, innermost first:
   * those an earlier build wrote ({@link #securing}), or this compilation, where it wrote a configuration's outputs
   * again for a resource compiled without it.
   */
  public List<String> securingWithParents(String pkg) {
    List<String> configs = new ArrayList<>();
    for (String p = pkg; ; p = p.substring(0, Math.max(p.lastIndexOf('.'), 0))) {
      String marked = p;
      WrittenResources.content(filer, Outputs.scopeMarker(marked)).map(String::strip).filter(c -> !c.isEmpty())
          .or(() -> securing(marked)).ifPresent(configs::add);
      if (p.isEmpty()) {
        return configs;
      }
    }
  }

  /**
   * The class-output resource naming the configurations that took their application path from the
   * {@code @ApplicationPath} class {@code application} (a binary name): a build that compiles that class alone finds
   * them here, since it may lie outside their packages.
   */
  static String applicationRecord(String application) {
    return "META-INF/jwtsecured/applications/" + application + ".txt";
  }

  /** The configurations (qualified names) an earlier build recorded for {@code application}, a binary name. */
  public List<String> applicationUsers(String application) {
    return lines(applicationRecord(application));
  }

  /**
   * Records that {@code configs} took their application path from {@code application}, beside those an earlier build
   * recorded (which a build compiling only some configurations must not forget).
   */
  public void recordApplicationUsers(String application, Set<String> configs) throws IOException {
    Set<String> all = new TreeSet<>(lines(applicationRecord(application)));
    all.addAll(configs);
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", applicationRecord(application));
    StringBuilder content = new StringBuilder();
    all.forEach(config -> content.append(config).append('\n'));
    WrittenResources.add(filer, applicationRecord(application), content.toString());
    // UTF-8, as lines() reads it, whatever the build's source encoding (a package name may be beyond ASCII).
    try (Writer out = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      out.write(content.toString());
    }
  }

  /**
   * The lines of {@code resource} as an earlier build left it; none when there is none or this compilation wrote it.
   */
  private List<String> lines(String resource) {
    if (WrittenResources.contains(filer, resource)) {
      return List.of();
    }
    return read(StandardLocation.CLASS_OUTPUT, resource);
  }

  /** The lines of {@code resource} in {@code location}; none when there is none or it cannot be read. */
  private List<String> read(StandardLocation location, String resource) {
    try (InputStream in = filer.getResource(location, "", resource).openInputStream()) {
      List<String> names = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          names.add(line.strip());
        }
      }
      return names;
    } catch (IOException | IllegalArgumentException e) {
      return List.of();
    }
  }

  /** Whether the class output holds the class file of {@code binaryName}: compiled, and deployed with the rest. */
  public boolean compiled(String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    try {
      filer.getResource(StandardLocation.CLASS_OUTPUT, dot < 0 ? "" : binaryName.substring(0, dot),
          binaryName.substring(dot + 1) + ".class").openInputStream().close();
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
