package dev.jwtsecured.processor;

import static dev.jwtsecured.processor.Sources.source;
import static dev.jwtsecured.processor.Sources.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.stream.Stream;
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
 * {@code useIncrementalCompilation=false}: javac run twice on one output folder, the second time on a resource or the
 * configuration alone. The configuration's outputs from the first run would keep the resource's old rules, or lose the
 * resources; each such build writes them again as a full build does.
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
  record Run(boolean success, List<String> warnings, List<String> errors, Path generated) {
    static Run javac(Path dir, Path classes, List<JavaFileObject> sources) throws IOException {
      return javac(dir, classes, classes, sources);
    }

    static Run javac(Path dir, Path classes, Path alsoOnClassPath, List<JavaFileObject> sources) throws IOException {
      return javac(dir, classes, classes + File.pathSeparator + alsoOnClassPath, sources);
    }

    /** Class files into {@code classes}, which is not on the class path; {@code libraries} is. */
    static Run javacWithoutOutputOnClassPath(Path dir, Path classes, Path libraries, List<JavaFileObject> sources)
        throws IOException {
      return javac(dir, classes, libraries.toString(), sources);
    }

    /** As {@link #javac(Path, Path, List)}, with javac's lint of annotation processing on. */
    static Run javacLintingProcessing(Path dir, Path classes, List<JavaFileObject> sources) throws IOException {
      return javac(dir, classes, classes.toString(), sources, List.of("-Xlint:processing"));
    }

    private static Run javac(Path dir, Path classes, String classPath, List<JavaFileObject> sources)
        throws IOException {
      return javac(dir, classes, classPath, sources, List.of());
    }

    private static Run javac(Path dir, Path classes, String classPath, List<JavaFileObject> sources,
        List<String> options) throws IOException {
      List<File> files = Sources.onDisk(dir.resolve("src"), sources);
      Path generated = Files.createDirectories(dir.resolve("generated"));
      Files.createDirectories(classes);
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
      try (StandardJavaFileManager manager = compiler.getStandardFileManager(collector, null, StandardCharsets.UTF_8)) {
        manager.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
        manager.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(generated.toFile()));
        JavaCompiler.CompilationTask task = compiler.getTask(new StringWriter(), manager, collector,
            Stream.concat(
                Stream.of("-classpath", classPath + File.pathSeparator + System.getProperty("java.class.path")),
                options.stream()).toList(), null,
            manager.getJavaFileObjectsFromFiles(files));
        task.setProcessors(List.of(new JwtSecuredProcessor(), new ResourceWatchProcessor()));
        boolean success = task.call();
        List<String> warnings = collector.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
            .map(d -> d.getMessage(null)).toList();
        List<String> errors = collector.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(d -> d.getMessage(null)).toList();
        return new Run(success, warnings, errors, generated);
      }
    }

    String policies() throws IOException {
      return Files.readString(generated.resolve("test/ConfigJwtPolicies.java"));
    }

    String feature() throws IOException {
      return Files.readString(generated.resolve("test/ConfigJwtFeature.java"));
    }
  }

  static final String TAG = "[" + Message.COMPILED_WITHOUT_CONFIGURATION.tag() + "]";

  /** {@code run}'s only warning is {@code message}'s, with {@code text} after its tag. */
  static void hadWarning(Run run, Message message, String text) {
    assertEquals(List.of("[" + message.tag() + "] " + text), run.warnings().stream()
        .map(w -> w.substring(0, Math.min(w.length(), message.tag().length() + 3 + text.length()))).toList());
  }

  /** {@code run}'s only error is {@code message}'s, with {@code text} after its tag. */
  static void hadError(Run run, Message message, String text) {
    assertEquals(List.of("[" + message.tag() + "] " + text), run.errors().stream()
        .map(e -> e.substring(0, Math.min(e.length(), message.tag().length() + 3 + text.length()))).toList());
  }

  /**
   * The resource watch looks for what an earlier build left in the class output. It never asks javac for a file this
   * compilation wrote: javac refuses, and with {@code -Xlint:processing} (or {@code -Xlint:all}) warns "Attempt to
   * create a file for 'META-INF/jwtsecured/packages/test.txt' multiple times", three times a build before the fix.
   */
  @Test
  void theWatchNeverReadsBackWhatThisCompilationWrote(@TempDir Path dir) throws IOException {
    Path classes = dir.resolve("classes");
    Run full = Run.javacLintingProcessing(dir.resolve("full"), classes, List.of(user(), CONFIG, orders("customer")));
    assertTrue(full.success(), full.errors()::toString);
    assertFalse(full.warnings().isEmpty(), "javac's own lint of processing, which shows the lint was on");
    assertEquals(List.of(), full.warnings().stream().filter(w -> w.contains("multiple times")).toList());
    Run partial = Run.javacLintingProcessing(dir.resolve("partial"), classes, List.of(orders("auditor")));
    assertTrue(partial.success(), partial.errors()::toString);
    assertTrue(partial.policies().contains("AccessRule.rolesAllowed(\"auditor\")"));
    assertEquals(List.of(), partial.warnings().stream().filter(w -> w.contains("multiple times")).toList());
  }

  @Test
  void aResourceRecompiledWithoutItsConfigurationWritesTheConfigurationsOutputsAgain(@TempDir Path dir)
      throws IOException {
    Path classes = dir.resolve("classes");
    Run full = Run.javac(dir.resolve("full"), classes, List.of(user(), CONFIG, orders("customer"), NESTED, SHOP));
    assertTrue(full.success(), full.warnings()::toString);
    assertEquals(List.of(), full.warnings());
    assertTrue(full.policies().contains("AccessRule.rolesAllowed(\"customer\")"));

    // Only the changed resource: the configuration is read from its class file and its outputs are written again,
    // with the other resources and the application path of the earlier build.
    Run partial = Run.javac(dir.resolve("partial"), classes, List.of(orders("auditor")));
    assertTrue(partial.success(), partial.errors()::toString);
    assertEquals(List.of(), partial.warnings());
    assertEquals(full.policies().replace("\"customer\"", "\"auditor\""), partial.policies());
    assertEquals(full.feature(), partial.feature());

    // Once more with its configuration: the same.
    Run both = Run.javac(dir.resolve("both"), classes, List.of(CONFIG, orders("auditor")));
    assertTrue(both.success(), both.warnings()::toString);
    assertEquals(List.of(), both.warnings());
    assertEquals(partial.policies(), both.policies());
  }

  /**
   * A resource without any JAX-RS or JSR-250 annotation of its own (its {@code @Path} and methods on an interface),
   * compiled alone after its last annotation was removed: javac runs only processors that support {@code *} for such a
   * file, and the table must not keep the removed {@code @PermitAll}.
   */
  @Test
  void aRecordedResourceWithoutAnnotationsCompiledAloneWritesTheOutputsAgain(@TempDir Path dir) throws IOException {
    Path classes = dir.resolve("classes");
    JavaFileObject api = source("TillApi", "@Path(\"/till\")", "public interface TillApi {",
        "  @GET String open();", "}");
    Run full = Run.javac(dir.resolve("full"), classes, List.of(user(), CONFIG, api, source("Till",
        "public final class Till implements TillApi {", "  @PermitAll public String open() { return \"\"; }", "}")));
    assertTrue(full.success(), full.errors()::toString);
    assertTrue(full.policies().contains("return AccessRule.PUBLIC;"), full.policies());

    Run partial = Run.javac(dir.resolve("partial"), classes, List.of(source("Till",
        "public final class Till implements TillApi {", "  public String open() { return \"\"; }", "}")));
    assertTrue(partial.success(), partial.errors()::toString);
    assertEquals(List.of(), partial.warnings());
    assertFalse(partial.policies().contains("AccessRule.PUBLIC"), partial.policies());
    assertTrue(partial.policies().contains("return AccessRule.AUTHENTICATED;"), partial.policies());
  }

  /**
   * The {@code @ApplicationPath} class, in a package no configuration secures, compiled alone with a new path: the
   * configurations whose outputs it gave its path to write them again.
   */
  @Test
  void anApplicationClassCompiledAloneWritesTheOutputsOfItsConfigurationsAgain(@TempDir Path dir) throws IOException {
    Path classes = dir.resolve("classes");
    Run full = Run.javac(dir.resolve("full"), classes,
        List.of(user(), CONFIG, orders("customer"), application("/api")));
    assertTrue(full.success(), full.errors()::toString);
    assertTrue(full.feature().contains(".applicationPath(\"/api\")"), full.feature());

    Run partial = Run.javac(dir.resolve("partial"), classes, List.of(application("/v2")));
    assertTrue(partial.success(), partial.errors()::toString);
    assertEquals(List.of(), partial.warnings());
    assertEquals(full.feature().replace("\"/api\"", "\"/v2\""), partial.feature());
    assertEquals(full.policies(), partial.policies());
  }

  static JavaFileObject application(String path) {
    return JavaFileObjects.forSourceString("app.Shop", "package app;\n@jakarta.ws.rs.ApplicationPath(\"" + path
        + "\")\npublic final class Shop extends jakarta.ws.rs.core.Application {}\n");
  }

  /** Where the configuration's class file is gone, its outputs cannot be written again: the warning says so. */
  @Test
  void aResourceCompiledWithoutAReadableConfigurationIsAWarning(@TempDir Path dir) throws IOException {
    Path classes = dir.resolve("classes");
    assertTrue(Run.javac(dir.resolve("full"), classes, List.of(user(), CONFIG, orders("customer"))).success());
    Files.delete(classes.resolve("test/Config.class"));

    Run partial = Run.javac(dir.resolve("partial"), classes, List.of(orders("auditor")));
    assertTrue(partial.success(), partial.warnings()::toString);
    hadWarning(partial, Message.COMPILED_WITHOUT_CONFIGURATION,
        "test.Orders was compiled without its configuration test.Config (a build of changed files only)");
  }

  /**
   * The other direction: only the configuration changed, so javac compiles it alone. The route table it writes must
   * still hold the resources the earlier build compiled into this output, read from their class files (without them
   * each would be an unseen method, its {@code @RolesAllowed} not applied), and the settings the application path the
   * earlier build found on an {@code @ApplicationPath} class.
   */
  @Test
  void aConfigurationRecompiledAloneKeepsTheResourcesOfTheEarlierBuild(@TempDir Path dir) throws IOException {
    Path classes = dir.resolve("classes");
    Run full = Run.javac(dir.resolve("full"), classes, List.of(user(), CONFIG, orders("customer"), NESTED, SHOP));
    assertTrue(full.success(), full.warnings()::toString);
    assertTrue(full.feature().contains(".applicationPath(\"/api\")"), full.feature());

    Run alone = Run.javac(dir.resolve("alone"), classes, List.of(CONFIG));
    assertTrue(alone.success(), alone.errors()::toString);
    assertEquals(List.of(), alone.warnings());
    assertEquals(full.policies(), alone.policies());
    assertTrue(alone.policies().contains("if (resourceClass == Orders.class)"), alone.policies());
    assertTrue(alone.policies().contains("AccessRule.rolesAllowed(\"customer\")"), alone.policies());
    assertTrue(alone.policies().contains("if (resourceClass == Api.Admin.class)"), alone.policies());
    assertEquals(full.feature(), alone.feature());

    // A resource whose class file is gone (deleted with its source) is no longer in the table.
    Files.delete(classes.resolve("test/Orders.class"));
    Run deleted = Run.javac(dir.resolve("deleted"), classes, List.of(CONFIG));
    assertTrue(deleted.success(), deleted.errors()::toString);
    assertFalse(deleted.policies().contains("Orders.class"), deleted.policies());
    assertTrue(deleted.policies().contains("if (resourceClass == Api.Admin.class)"), deleted.policies());
  }

  /**
   * The earlier build's class files are in the output folder, so they are deployed, but javac cannot read them (the
   * output is not on its class path): their rules cannot be bound, which is an error rather than unseen methods.
   */
  @Test
  void earlierResourcesTheCompilerCannotSeeAreAnError(@TempDir Path dir) throws IOException {
    Path classes = dir.resolve("classes");
    assertTrue(Run.javac(dir.resolve("full"), classes, List.of(user(), CONFIG, orders("customer"))).success());

    // The user type, which the configuration needs, stays readable elsewhere; the resource does not.
    Path libraries = dir.resolve("libraries");
    Files.createDirectories(libraries.resolve("test"));
    Files.move(classes.resolve("test/User.class"), libraries.resolve("test/User.class"));
    Run alone = Run.javacWithoutOutputOnClassPath(dir.resolve("alone"), classes, libraries, List.of(CONFIG));
    assertFalse(alone.success());
    hadError(alone, Message.EARLIER_CLASS_UNREADABLE, "test.Orders, which an earlier build compiled into this"
        + " output folder and built test.Config's outputs from, cannot be read by this compilation");
  }

  static final JavaFileObject SHOP = source("Shop",
      "@jakarta.ws.rs.ApplicationPath(\"/api\")",
      "public final class Shop extends jakarta.ws.rs.core.Application {}");

  static final JavaFileObject NESTED = source("Api",
      "public final class Api {",
      "  @Path(\"/admin\")",
      "  public static final class Admin {",
      "    @GET @RolesAllowed(\"admin\") public String get() { return \"\"; }",
      "  }",
      "}");

  /** A configuration in a package of its own, securing the resources' package through {@code basePackages}. */
  static final JavaFileObject SECURITY = JavaFileObjects.forSourceString("security.Config", String.join("\n",
      "package security;",
      "import dev.jwtsecured.*;",
      "import dev.jwtsecured.runtime.Token;",
      "@JwtSecured(secret = \"${JWT_SECRET}\", basePackages = \"shop\")",
      "public final class Config {",
      "  @UserRetriever static String user(Token token) { return token.subject(); }",
      "}"));

  /** Such a configuration is found from a resource of its packages compiled alone. */
  @Test
  void aConfigurationElsewhereThatNamesThePackageIsFoundToo(@TempDir Path dir) throws IOException {
    Path classes = dir.resolve("classes");
    Run full = Run.javac(dir.resolve("full"), classes, List.of(SECURITY, shopOrders("customer")));
    assertTrue(full.success(), full.warnings()::toString);
    assertEquals(List.of(), full.warnings());

    Run partial = Run.javac(dir.resolve("partial"), classes, List.of(shopOrders("auditor")));
    assertTrue(partial.success(), partial.errors()::toString);
    assertEquals(List.of(), partial.warnings());
    String policies = Files.readString(partial.generated().resolve("security/ConfigJwtPolicies.java"));
    assertTrue(policies.contains("AccessRule.rolesAllowed(\"auditor\")"), policies);
  }

  /**
   * A resource compiled with one configuration, in the packages of another that an earlier build compiled into the same
   * output, is that one's: not a resource no configuration secures.
   */
  @Test
  void aResourceOfAnEarlierConfigurationIsNotOutsideTheOneCompiledNow(@TempDir Path dir) throws IOException {
    Path classes = dir.resolve("classes");
    Run full = Run.javac(dir.resolve("full"), classes, List.of(SECURITY, user(), CONFIG, shopOrders("customer")));
    assertTrue(full.success(), full.errors()::toString);
    assertEquals(List.of(), full.warnings());

    Run partial = Run.javac(dir.resolve("partial"), classes, List.of(user(), CONFIG, shopOrders("auditor")));
    assertTrue(partial.success(), partial.errors()::toString);
    assertEquals(List.of(), partial.warnings());

    // Without the earlier build, the resource is outside the one configuration compiled.
    Run alone = Run.javac(dir.resolve("alone"), dir.resolve("fresh"), List.of(user(), CONFIG, shopOrders("auditor")));
    assertTrue(alone.success(), alone.errors()::toString);
    hadWarning(alone, Message.RESOURCE_OUTSIDE_CONFIGURATIONS, "Resource shop.orders.Orders is in none of the"
        + " packages of the @JwtSecured configurations compiled with it (test.Config: \"test\")");
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
