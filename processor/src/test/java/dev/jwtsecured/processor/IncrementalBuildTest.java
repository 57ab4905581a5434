package dev.jwtsecured.processor;

import static dev.jwtsecured.processor.Sources.source;
import static dev.jwtsecured.processor.Sources.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.jwtsecured.processor.validation.Message;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that recompiles only the files that changed, as {@code maven-compiler-plugin} does with
 * {@code useIncrementalCompilation=false}: javac run twice on one output folder, the second time on a resource alone.
 * The configuration's route table from the first run would keep the resource's old rules; the resource watch says so.
 */
class IncrementalBuildTest {
  static final JavaFileObject CONFIG = source("Config",
      "@JwtSecured(secret = \"${JWT_SECRET}\")",
      "final class Config {",
      "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
      "}");

  static JavaFileObject orders(String role) {
    return source("Orders",
        "@Path(\"/orders\")",
        "public final class Orders {",
        "  @GET @RolesAllowed(\"" + role + "\") public String list() { return \"\"; }",
        "}");
  }

  /**
   * One javac run with both processors, class files into {@code classes}, which is on its class path too, with
   * {@code alsoOnClassPath}.
   */
  record Run(boolean success, List<String> warnings, Path generated) {
    static Run javac(Path dir, Path classes, List<JavaFileObject> sources) throws IOException {
      return javac(dir, classes, classes, sources);
    }

    static Run javac(Path dir, Path classes, Path alsoOnClassPath, List<JavaFileObject> sources) throws IOException {
      List<File> files = Sources.onDisk(dir.resolve("src"), sources);
      Path generated = Files.createDirectories(dir.resolve("generated"));
      Files.createDirectories(classes);
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
      try (StandardJavaFileManager manager = compiler.getStandardFileManager(collector, null, StandardCharsets.UTF_8)) {
        manager.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
        manager.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(generated.toFile()));
        JavaCompiler.CompilationTask task = compiler.getTask(new StringWriter(), manager, collector,
            List.of("-classpath", classes + File.pathSeparator + alsoOnClassPath + File.pathSeparator
                + System.getProperty("java.class.path")), null,
            manager.getJavaFileObjectsFromFiles(files));
        task.setProcessors(List.of(new JwtSecuredProcessor(), new ResourceWatchProcessor()));
        boolean success = task.call();
        List<String> warnings = collector.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
            .map(d -> d.getMessage(null)).toList();
        return new Run(success, warnings, generated);
      }
    }

    String policies() throws IOException {
      return Files.readString(generated.resolve("test/ConfigJwtPolicies.java"));
    }
  }

  static final String TAG = "[" + Message.COMPILED_WITHOUT_CONFIGURATION.tag() + "]";

  /** {@code run}'s only warning is {@code message}'s, with {@code text} after its tag. */
  static void hadWarning(Run run, Message message, String text) {
    assertEquals(List.of("[" + message.tag() + "] " + text), run.warnings().stream()
        .map(w -> w.substring(0, Math.min(w.length(), message.tag().length() + 3 + text.length()))).toList());
  }

  @Test
  void aResourceRecompiledWithoutItsConfigurationIsAWarning(@TempDir Path dir) throws IOException {
    Path classes = dir.resolve("classes");
    Run full = Run.javac(dir.resolve("full"), classes, List.of(user(), CONFIG, orders("customer")));
    assertTrue(full.success(), full.warnings()::toString);
    assertEquals(List.of(), full.warnings());
    assertTrue(full.policies().contains("AccessRule.rolesAllowed(\"customer\")"));

    // Only the changed resource: the table written above still says "customer".
    Run partial = Run.javac(dir.resolve("partial"), classes, List.of(orders("auditor")));
    assertTrue(partial.success(), partial.warnings()::toString);
    hadWarning(partial, Message.COMPILED_WITHOUT_CONFIGURATION,
        "test.Orders was compiled without its configuration test.Config (a build of changed files only)");

    // With its configuration, the table is written again: no warning, and the new rule.
    Run both = Run.javac(dir.resolve("both"), classes, List.of(CONFIG, orders("auditor")));
    assertTrue(both.success(), both.warnings()::toString);
    assertEquals(List.of(), both.warnings());
    assertTrue(both.policies().contains("AccessRule.rolesAllowed(\"auditor\")"));
  }

  /** A configuration in a package of its own, securing the resources' package through {@code basePackages}. */
  @Test
  void aConfigurationElsewhereThatNamesThePackageIsFoundToo(@TempDir Path dir) throws IOException {
    JavaFileObject config = JavaFileObjects.forSourceString("security.Config", String.join("\n",
        "package security;",
        "import dev.jwtsecured.*;",
        "import dev.jwtsecured.runtime.Token;",
        "@JwtSecured(secret = \"${JWT_SECRET}\", basePackages = \"shop\")",
        "public final class Config {",
        "  @UserRetriever static String user(Token token) { return token.subject(); }",
        "}"));
    Path classes = dir.resolve("classes");
    Run full = Run.javac(dir.resolve("full"), classes, List.of(config, shopOrders("customer")));
    assertTrue(full.success(), full.warnings()::toString);
    assertEquals(List.of(), full.warnings());

    Run partial = Run.javac(dir.resolve("partial"), classes, List.of(shopOrders("auditor")));
    assertTrue(partial.success(), partial.warnings()::toString);
    hadWarning(partial, Message.COMPILED_WITHOUT_CONFIGURATION,
        "shop.orders.Orders was compiled without its configuration security.Config (a build of changed files only)");
  }

  static JavaFileObject shopOrders(String role) {
    return JavaFileObjects.forSourceString("shop.orders.Orders", String.join("\n",
        "package shop.orders;",
        "@jakarta.ws.rs.Path(\"/orders\")",
        "public final class Orders {",
        "  @jakarta.ws.rs.GET @jakarta.annotation.security.RolesAllowed(\"" + role + "\")",
        "  public String list() { return \"\"; }",
        "}"));
  }

  /**
   * Not every resource compiled without a configuration is stale: one outside its packages, or one whose configuration
   * was compiled into another output (another module, or main classes seen from a test compilation), never was in its
   * table.
   */
  @Test
  void resourcesOutsideTheTableOfThisOutputAreNotWarnedAbout(@TempDir Path dir) throws IOException {
    Path classes = dir.resolve("classes");
    assertTrue(Run.javac(dir.resolve("full"), classes, List.of(user(), CONFIG, orders("customer"))).success());

    Run elsewhere = Run.javac(dir.resolve("elsewhere"), classes, List.of(
        JavaFileObjects.forSourceString("other.Elsewhere", "package other;\n"
            + "@jakarta.ws.rs.Path(\"/elsewhere\") public final class Elsewhere {"
            + " @jakarta.ws.rs.GET public String get() { return \"\"; } }")));
    assertTrue(elsewhere.success(), elsewhere.warnings()::toString);
    assertEquals(List.of(), elsewhere.warnings());

    // A separate output folder, with the first one only on the class path.
    Path tests = dir.resolve("test-classes");
    Files.createDirectories(tests);
    Run otherOutput = Run.javac(dir.resolve("other"), tests, classes, List.of(orders("auditor")));
    assertTrue(otherOutput.success(), otherOutput.warnings()::toString);
    assertEquals(List.of(), otherOutput.warnings().stream().filter(w -> w.startsWith(TAG)).toList());
  }
}
