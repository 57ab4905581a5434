package dev.jwtsecured.processor;

import static dev.jwtsecured.processor.IncrementalBuildTest.CONFIG;
import static dev.jwtsecured.processor.IncrementalBuildTest.hadWarning;
import static dev.jwtsecured.processor.IncrementalBuildTest.orders;
import static dev.jwtsecured.processor.Sources.source;
import static dev.jwtsecured.processor.Sources.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.jwtsecured.processor.IncrementalBuildTest.Run;
import dev.jwtsecured.processor.validation.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resource compiled after its configuration, in a compilation of its own that reads the configuration's classes
 * from the class path: Maven's test sources beside the main classes, or a module depending on the configuration's.
 * The route table written with the configuration cannot hold the resource, so its JSR-250 rules go unapplied at run
 * time (a valid token of that configuration passes); before, nothing said so until the feature logged it at run time.
 */
class LaterCompilationTest {
  static JavaFileObject reports(String... annotations) {
    return source("Reports",
        String.join("\n", annotations),
        "@Path(\"/reports\")",
        "public final class Reports {",
        "  @GET @RolesAllowed(\"admin\") public String list() { return \"\"; }",
        "}");
  }

  /** A root resource {@code pkg.name} at {@code /name}, with one {@code GET} method. */
  static JavaFileObject rootResource(String pkg, String name) {
    return JavaFileObjects.forSourceString(pkg + "." + name, String.join("\n",
        "package " + pkg + ";",
        "@jakarta.ws.rs.Path(\"/" + name + "\")",
        "public final class " + name + " {",
        "  @jakarta.ws.rs.GET public String get() { return \"\"; }",
        "}"));
  }

  /** The main classes: the configuration and its resource, compiled into {@code dir/classes}. */
  private static Path main(Path dir) throws IOException {
    Path classes = dir.resolve("classes");
    Run main = Run.javac(dir.resolve("main"), classes, List.of(user(), CONFIG, orders("customer")));
    assertTrue(main.success(), main.errors()::toString);
    assertEquals(List.of(), main.warnings());
    return classes;
  }

  /** Test sources: their own output folder, the main classes on the class path. */
  private static Run testSources(Path dir, Path mainClasses, List<JavaFileObject> sources) throws IOException {
    Run run = Run.javac(dir.resolve("test"), dir.resolve("test-classes"), mainClasses, sources);
    assertTrue(run.success(), run.errors()::toString);
    return run;
  }

  @Test
  void aResourceOfTheTestSourcesInTheConfigurationsPackageIsSaidToBeUnseen(@TempDir Path dir) throws IOException {
    Path classes = main(dir);
    Run tests = testSources(dir, classes, List.of(reports()));
    hadWarning(tests, Message.COMPILED_AFTER_CONFIGURATION,
        "Resource test.Reports is in package test, which configuration test.Config secures, but is compiled after it");
    // Nothing written for the configuration: its outputs are the main classes'.
    try (Stream<Path> generated = Files.walk(tests.generated())) {
      assertEquals(List.of(), generated.filter(Files::isRegularFile).toList());
    }
  }

  /**
   * The main classes in a jar, as a module depending on the configuration's reads them once it is packaged: javac reads
   * no {@code META-INF} folder of a jar on the class path, so the package marker is not found there; the configuration
   * class, in the resource's package, is. Before, no word.
   */
  @Test
  void aConfigurationInAJarIsFoundToo(@TempDir Path dir) throws IOException {
    Path classes = main(dir);
    Path jar = dir.resolve("main.jar");
    int status = ToolProvider.findFirst("jar").orElseThrow().run(System.out, System.err,
        "cf", jar.toString(), "-C", classes.toString(), ".");
    assertEquals(0, status);
    Run tests = Run.javac(dir.resolve("test"), dir.resolve("test-classes"), jar, List.of(reports()));
    assertTrue(tests.success(), tests.errors()::toString);
    hadWarning(tests, Message.COMPILED_AFTER_CONFIGURATION,
        "Resource test.Reports is in package test, which configuration test.Config secures, but is compiled after it");
  }

  @Test
  void aResourceInASubpackageIsSaidToo(@TempDir Path dir) throws IOException {
    Path classes = main(dir);
    Run tests = testSources(dir, classes, List.of(rootResource("test.admin", "Audit")));
    hadWarning(tests, Message.COMPILED_AFTER_CONFIGURATION,
        "Resource test.admin.Audit is in package test.admin, which configuration test.Config secures");
  }

  @Test
  void aResourceOutsideTheConfigurationsPackagesIsNoneOfItsConcern(@TempDir Path dir) throws IOException {
    Path classes = main(dir);
    assertEquals(List.of(), testSources(dir, classes, List.of(rootResource("other", "Stub"))).warnings());
  }

  @Test
  void aClassThatIsNoRootResourceIsNoneOfItsConcern(@TempDir Path dir) throws IOException {
    Path classes = main(dir);
    JavaFileObject helper = source("Helper",
        "public final class Helper {",
        "  @GET public String get() { return \"\"; }",
        "}");
    assertEquals(List.of(), testSources(dir, classes, List.of(helper)).warnings());
  }

  @Test
  void aCompilationWithAConfigurationOfItsOwnIsLeftToIt(@TempDir Path dir) throws IOException {
    Path classes = main(dir);
    JavaFileObject testConfig = source("TestConfig",
        "@JwtSecured(secret = \"${JWT_SECRET}\")",
        "final class TestConfig {",
        "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
        "}");
    Run tests = testSources(dir, classes, List.of(testConfig, reports()));
    assertFalse(tests.warnings().stream().anyMatch(w -> w.contains(Message.COMPILED_AFTER_CONFIGURATION.tag())),
        tests.warnings()::toString);
  }

  @Test
  void suppressedOnTheResource(@TempDir Path dir) throws IOException {
    Path classes = main(dir);
    Run tests = testSources(dir, classes,
        List.of(reports("@SuppressWarnings(\"" + Message.COMPILED_AFTER_CONFIGURATION.tag() + "\")")));
    assertEquals(List.of(), tests.warnings());
  }
}
