package dev.jwtsecured.processor.writing;

import com.palantir.javapoet.ClassName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.tools.StandardLocation;

/**
 * What an earlier build of the same module left in the class output for a later one that recompiles only changed
 * files: the classes each configuration's outputs were built from besides itself (its root resources and the
 * {@code @ApplicationPath} classes that gave its path). A build that compiles the configuration alone reads them back
 * from their class files, so that it writes what a full build writes.
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
    try (InputStream in = filer.getResource(StandardLocation.CLASS_OUTPUT, "", inputList(config))
        .openInputStream()) {
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
