package dev.jwtsecured.processor;

import static dev.jwtsecured.processor.Sources.source;
import static dev.jwtsecured.processor.Sources.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A build whose source encoding is not UTF-8 ({@code -encoding}, or JDK 17's platform default where a build names none,
 * windows-1252 on Windows), with the application's text beyond that encoding written as Unicode escapes, as projects
 * unsure of their encoding do. javac writes generated sources and class-path resources in the build's encoding: a
 * character it cannot hold became {@code ?} there, in the served OpenAPI document and in a {@code @RolesAllowed} role
 * no token could then carry, and the documents, which JSON and YAML readers read as UTF-8, were in another encoding.
 * The sources below are ASCII, as such a project's are.
 */
class SourceEncodingTest {
  /** "Größe 😀 中文", written with escapes. */
  private static final String TEXT = "Gr\u00f6\u00dfe \ud83d\ude00 \u4e2d\u6587";
  private static final String ESCAPED = "Gr\\u00f6\\u00dfe \\ud83d\\ude00 \\u4e2d\\u6587";

  @ParameterizedTest
  @ValueSource(strings = {"UTF-8", "ISO-8859-1", "US-ASCII"})
  void textBeyondTheBuildsEncodingReachesTheCodeAndTheDocumentsWhole(String encoding, @TempDir Path dir)
      throws Exception {
    List<JavaFileObject> sources = List.of(user(),
        source("Config",
            "@JwtSecured(secret = \"${JWT_SECRET}\", openApiPath = \"/openapi.json\", description = \"" + ESCAPED
                + "\")",
            "final class Config {",
            "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
            "}"),
        source("Reports",
            "@Path(\"/reports\")",
            "public class Reports {",
            "  @GET @RolesAllowed(\"" + ESCAPED + "\") public String get() { return \"\"; }",
            "}"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path generated = Files.createDirectories(dir.resolve("generated"));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    try (StandardJavaFileManager manager =
        compiler.getStandardFileManager(collector, null, Charset.forName(encoding))) {
      manager.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
      manager.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(generated.toFile()));
      JavaCompiler.CompilationTask task = compiler.getTask(new StringWriter(), manager, collector,
          List.of("-classpath", System.getProperty("java.class.path")), null,
          manager.getJavaFileObjectsFromFiles(Sources.onDisk(dir.resolve("src"), sources)));
      task.setProcessors(List.of(new JwtSecuredProcessor()));
      assertTrue(task.call(), () -> collector.getDiagnostics().toString());
    }

    // Generated sources are ASCII: javac reads them alike whatever the build's encoding.
    try (Stream<Path> files = Files.walk(generated)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
          assertTrue(b >= 0, () -> file + " is not ASCII");
        }
      }
    }
    // The documents are UTF-8, and whole.
    for (String suffix : List.of(".openapi.json", ".openapi.yaml")) {
      byte[] bytes = Files.readAllBytes(classes.resolve("META-INF/jwtsecured/test.Config" + suffix));
      String document = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      assertTrue(document.contains(TEXT), () -> suffix + ": " + document);
    }
    List<URL> urls = new ArrayList<>(List.of(classes.toUri().toURL()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(new File(entry).toURI().toURL());
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), null)) {
      String served = (String) loader.loadClass("test.ConfigJwtOpenApi").getField("DOCUMENT").get(null);
      assertTrue(served.contains(TEXT), served);
      // The rule bound to the method, as the generated feature reads it.
      Method rule = loader.loadClass("test.ConfigJwtPolicies").getDeclaredMethod("rule", Class.class, Method.class);
      rule.setAccessible(true);
      Class<?> reports = loader.loadClass("test.Reports");
      assertEquals("RolesAllowed[" + TEXT + "]", String.valueOf(rule.invoke(null, reports, reports.getMethod("get"))));
    }
  }
}
