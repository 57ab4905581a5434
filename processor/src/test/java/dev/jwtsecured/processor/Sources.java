package dev.jwtsecured.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Source snippets for compile tests. */
final class Sources {
  static final String IMPORTS = String.join("\n",
      "import dev.jwtsecured.*;",
      "import dev.jwtsecured.runtime.*;",
      "import jakarta.ws.rs.*;",
      "import jakarta.ws.rs.container.ContainerRequestContext;",
      "import jakarta.annotation.security.*;",
      "import java.util.*;",
      "import java.util.concurrent.*;",
      "");

  private Sources() {}

  /** {@code test.<name>} with the common imports and {@code body} after them. */
  static JavaFileObject source(String name, String... lines) {
    return JavaFileObjects.forSourceString("test." + name,
        "package test;\n" + IMPORTS + String.join("\n", lines) + "\n");
  }

  /** {@code test.Config} with a placeholder secret and a static retriever, nothing else. */
  static JavaFileObject plainConfig() {
    return source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return null; }",
        "}");
  }

  /** A user type for configurations. */
  static JavaFileObject user() {
    return source("User", "public record User(String name) {}");
  }

  /** The class files {@code compiled} produced, written below {@code dir}, and a class path of it and the tests'. */
  static List<File> classPathWith(Path dir, Compilation compiled) throws IOException {
    for (JavaFileObject f : compiled.generatedFiles()) {
      if (f.getKind() == JavaFileObject.Kind.CLASS) {
        Path out = dir.resolve(f.toUri().getPath().replaceFirst("^/(CLASS_OUTPUT/)?", ""));
        Files.createDirectories(out.getParent());
        try (InputStream in = f.openInputStream()) {
          Files.copy(in, out);
        }
      }
    }
    List<File> classPath = new ArrayList<>(List.of(dir.toFile()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classPath.add(new File(entry));
    }
    return classPath;
  }

  /**
   * {@code sources} written below {@code dir} in their package folders, for compilers that read files only (the
   * Eclipse compiler) and for builds that compile into a real output folder.
   */
  static List<File> onDisk(Path dir, List<JavaFileObject> sources) throws IOException {
    List<File> files = new ArrayList<>();
    for (JavaFileObject source : sources) {
      Path file = dir.resolve(source.toUri().getPath());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getCharContent(true));
      files.add(file.toFile());
    }
    return files;
  }
}
