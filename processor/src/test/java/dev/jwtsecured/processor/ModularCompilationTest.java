package dev.jwtsecured.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.runtime.Token;
import io.jsonwebtoken.Jwts;
import jakarta.ws.rs.Path;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application that is a named module ({@code module-info.java}), compiled on the module path as javac and Maven
 * compile one. Generated code may name only what that module reads: {@code @Generated} lives in module
 * {@code java.compiler}, which can be in the module graph (another module needs it, or {@code --add-modules}) without
 * the application's module reading it.
 */
class ModularCompilationTest {
  @TempDir java.nio.file.Path dir;

  @Test
  void aModuleThatDoesNotReadJavaCompilerGetsNoGeneratedAnnotationEvenWhenTheGraphHasIt() throws Exception {
    String feature = compile("requires jakarta.ws.rs;", "--add-modules", "java.compiler");
    assertFalse(feature.contains("javax.annotation.processing.Generated") || feature.contains("@Generated("), feature);
  }

  @Test
  void aModuleThatReadsJavaCompilerGetsTheGeneratedAnnotation() throws Exception {
    String feature = compile("requires jakarta.ws.rs; requires static java.compiler;");
    assertTrue(feature.contains("@Generated("), feature);
  }

  @Test
  void readingThroughRequiresTransitiveCounts() throws Exception {
    // java.se requires java.compiler transitively.
    String feature = compile("requires jakarta.ws.rs; requires java.se;");
    assertTrue(feature.contains("@Generated("), feature);
  }

  /**
   * Compiles module {@code app} (requiring the annotations, the runtime and {@code requires}) with one configuration
   * and one resource; asserts it compiles and returns the generated feature's source.
   */
  private String compile(String requires, String... options) throws Exception {
    java.nio.file.Path src = dir.resolve("src");
    java.nio.file.Path pkg = Files.createDirectories(src.resolve("app"));
    Files.writeString(src.resolve("module-info.java"),
        "module app { requires dev.jwtsecured; requires dev.jwtsecured.runtime; " + requires + " opens app; }\n");
    Files.writeString(pkg.resolve("User.java"), "package app;\npublic record User(String name) {}\n");
    Files.writeString(pkg.resolve("Security.java"), String.join("\n",
        "package app;",
        "import dev.jwtsecured.JwtSecured;",
        "import dev.jwtsecured.UserRetriever;",
        "import dev.jwtsecured.runtime.Token;",
        "@JwtSecured(secret = \"${APP_SECRET}\")",
        "public final class Security {",
        "  private Security() {}",
        "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
        "}", ""));
    Files.writeString(pkg.resolve("Things.java"), String.join("\n",
        "package app;",
        "import jakarta.ws.rs.GET;",
        "import jakarta.ws.rs.Path;",
        "@Path(\"/things\")",
        "public class Things {",
        "  @GET public String list() { return \"things\"; }",
        "}", ""));
    List<String> modulePath = List.of(
        moduleJar(JwtSecured.class, "dev.jwtsecured"),
        moduleJar(Token.class, "dev.jwtsecured.runtime"),
        location(Path.class),
        location(Jwts.class));
    java.nio.file.Path out = Files.createDirectories(dir.resolve("classes"));
    List<String> args = new ArrayList<>(List.of(
        "-d", out.toString(),
        "-s", out.toString(),
        "-processor", JwtSecuredProcessor.class.getName(),
        "--processor-path", System.getProperty("java.class.path"),
        "--module-path", String.join(java.io.File.pathSeparator, modulePath)));
    args.addAll(List.of(options));
    try (Stream<java.nio.file.Path> files = Files.walk(src)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int exit = javac.run(null, diagnostics, diagnostics, args.toArray(new String[0]));
    assertEquals(0, exit, diagnostics.toString(StandardCharsets.UTF_8));
    return Files.readString(out.resolve("app/SecurityJwtFeature.java"));
  }

  private static String location(Class<?> type) throws URISyntaxException {
    return java.nio.file.Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  /**
   * {@code type}'s jar, or, when the build hands the tests a classes directory (a reactor build before packaging), a
   * jar of that directory named {@code module} as the published jar's manifest names it.
   */
  private String moduleJar(Class<?> type, String module) throws IOException, URISyntaxException {
    java.nio.file.Path location = java.nio.file.Path.of(location(type));
    if (!Files.isDirectory(location)) {
      return location.toString();
    }
    java.nio.file.Path jar = dir.resolve(module + ".jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Automatic-Module-Name", module);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        Stream<java.nio.file.Path> files = Files.walk(location)) {
      for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(location.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar.toString();
  }
}
