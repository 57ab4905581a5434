package dev.jwtsecured.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jwtsecured.processor.Sources.source;
import static dev.jwtsecured.processor.Sources.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.jwtsecured.processor.validation.Message;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic.Kind;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor under the Eclipse compiler (the Eclipse IDE, {@code plexus-compiler-eclipse}), whose model of the
 * program is its own implementation of {@code javax.lang.model}: the same sources as under javac, and generated code
 * that compiles there without a warning. {@link DiagnosticTableTest} runs its table through it too.
 */
class EclipseCompilerTest {

  /**
   * A resource class compiled elsewhere, listed in {@code resources}: ecj reads its annotations from class files too.
   */
  @Test
  void listedResourcesAreReadFromTheirClassFiles(@TempDir Path dir) throws IOException {
    List<File> classPath = ListedResourcesTest.classPathWith(dir.resolve("library"), ListedResourcesTest.ORDERS);
    EclipseCompilation eclipse = EclipseCompilation.compile(dir, List.of(user(), source("Config",
            "@JwtSecured(secret = \"${JWT_SECRET}\", resources = lib.Orders.class)",
            "final class Config {",
            "  @UserRetriever static User user(Token token) { return null; }",
            "}")),
        classPath.stream().map(File::getPath).collect(Collectors.joining(File.pathSeparator)),
        List.of(), List.of(new JwtSecuredProcessor()));
    assertTrue(eclipse.success(), eclipse::describe);
    String policies = Files.readString(eclipse.generated().resolve("test/ConfigJwtPolicies.java"));
    assertTrue(policies.contains("      // DELETE /orders/{id}\n      if (ResourceMethods.is(method, \"delete\")) {\n"
        + "        return AccessRule.DENY_ALL;"), policies);
    assertTrue(policies.contains("      // GET /orders\n      if (ResourceMethods.is(method, \"list\")) {\n"
        + "        return AccessRule.rolesAllowed(\"admin\");"), policies);
  }

  @Test
  void generatesWhatJavacGenerates(@TempDir Path dir) throws IOException {
    EclipseCompilation eclipse = EclipseCompilation.compile(dir, List.of(user(), GoldenFilesTest.CONFIG,
        GoldenFilesTest.RESOURCES, GoldenFilesTest.OAUTH2_CONFIG, GoldenFilesTest.REFRESH_CONFIG));
    assertTrue(eclipse.success(), eclipse::describe);
    Compilation javac = GoldenFilesTest.compile();
    assertThat(javac).succeeded();
    List<Path> generated;
    try (Stream<Path> files = Files.walk(eclipse.generated())) {
      generated = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
    assertEquals(javac.generatedSourceFiles().size(), generated.size(), generated::toString);
    for (Path file : generated) {
      String name = eclipse.generated().relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
      assertEquals(javac.generatedSourceFile(name).orElseThrow().getCharContent(true).toString(),
          Files.readString(file), name);
    }
    assertEquals(List.of(), eclipse.inGeneratedSources());
  }

  /**
   * The Eclipse compiler's lints that javac lacks, with every {@code @SuppressWarnings} ignored: generated code has no
   * unused field, local, import or allocation, no needless cast and no dead code. (It found a configuration instance
   * held by filters that never call it.)
   */
  @Test
  void generatedCodeHasNothingUnusedOrDead(@TempDir Path dir) throws IOException {
    EclipseCompilation eclipse = EclipseCompilation.compile(dir, List.of(user(), GoldenFilesTest.CONFIG,
        GoldenFilesTest.RESOURCES, GoldenFilesTest.OAUTH2_CONFIG, GoldenFilesTest.REFRESH_CONFIG),
        List.of("-warn:-suppress", "-warn:+unusedPrivate,unusedLocal,unusedImport,unusedLabel,unusedAllocation,"
            + "unusedTypeArgs,unusedExceptionParam,uselessTypeCheck,allDeadCode,redundantSuperinterface"));
    assertTrue(eclipse.success(), eclipse::describe);
    assertEquals(List.of(), eclipse.inGeneratedSources());
  }

  /** As under javac (RobustnessTest), what the application deprecated puts no warning into generated code. */
  @Test
  void deprecatedApplicationTypesLeaveGeneratedCodeWarningFree(@TempDir Path dir) throws IOException {
    List<JavaFileObject> sources = List.of(source("Config",
            "@Deprecated",
            "@JwtSecured(secret = \"${S}\", tokenUrl = \"/login\")",
            "final class Config {",
            "  @Deprecated static final class Old {}",
            "  @Deprecated @UserRetriever static Old user(Token token) { return null; }",
            "  @Deprecated @Authenticator static Grant check(String u, String p) { return null; }",
            "}"), source("Legacy",
            "@Deprecated(forRemoval = true) @Path(\"/legacy\")",
            "public class Legacy { @GET public String get() { return \"\"; } }"));
    EclipseCompilation eclipse = EclipseCompilation.compile(dir, sources);
    assertTrue(eclipse.success(), eclipse::describe);
    assertTrue(Files.exists(eclipse.generated().resolve("test/ConfigJwtLoginResource.java")));
    assertEquals(List.of(), eclipse.inGeneratedSources());
  }

  /**
   * As under javac (RobustnessTest), classes of the configuration's package named like {@code java.lang} types are
   * written qualified: the Eclipse compiler lists the members of {@code java.lang} too.
   */
  @Test
  void packageClassesNamedLikeJavaLangTypesDoNotShadowThem(@TempDir Path dir) throws IOException {
    EclipseCompilation eclipse = EclipseCompilation.compile(dir, RobustnessTest.shadowingJavaLang());
    assertTrue(eclipse.success(), eclipse::describe);
    assertTrue(Files.readString(eclipse.generated().resolve("test/ConfigJwtFeature.java"))
        .contains("public static Set<java.lang.Class<?>> classes()"));
  }

  /**
   * Types another processor generates in later rounds (RobustnessTest under javac): the Eclipse compiler models a type
   * not generated yet in its own way, and the configuration still waits for it and binds its roles.
   */
  @Test
  void typesGeneratedInLaterRoundsAreWaitedFor(@TempDir Path dir) throws IOException {
    EclipseCompilation user = EclipseCompilation.compile(dir.resolve("user"), List.of(source("Config",
        "@JwtSecured(secret = \"${S}\")",
        "final class Config {",
        "  @UserRetriever static Optional<GeneratedUser> user(Token token) { return Optional.empty(); }",
        "}")), List.of(), List.of(new RobustnessTest.LateGenerator(), new JwtSecuredProcessor()));
    assertTrue(user.success(), user::describe);
    assertTrue(Files.readString(user.generated().resolve("test/ConfigJwt.java"))
        .contains("public static GeneratedUser user(SecurityContext security)"));

    EclipseCompilation parameter = EclipseCompilation.compile(dir.resolve("parameter"), List.of(user(),
        Sources.plainConfig(), source("Orders",
            "@Path(\"/orders\")",
            "public final class Orders {",
            "  @POST @RolesAllowed(\"admin\") public String create(GeneratedUser order) { return \"\"; }",
            "}")), List.of(), List.of(new RobustnessTest.LateGenerator(), new JwtSecuredProcessor()));
    assertTrue(parameter.success(), parameter::describe);
    assertTrue(Files.readString(parameter.generated().resolve("test/ConfigJwtPolicies.java"))
        .contains("if (ResourceMethods.is(method, \"create\", \"test.GeneratedUser\")) {\n"
            + "        return AccessRule.rolesAllowed(\"admin\");"));

    EclipseCompilation subResource = EclipseCompilation.compile(dir.resolve("subResource"), List.of(user(),
        Sources.plainConfig(), source("Files",
            "@Path(\"/files\")",
            "public final class Files {",
            "  @Path(\"{name}\") public File file() { return new File(); }",
            "}")), List.of(), List.of(new RobustnessTest.LateGenerator("test.File",
            "package test; public class File {"
                + " @jakarta.ws.rs.DELETE @jakarta.annotation.security.RolesAllowed(\"admin\")"
                + " public String delete() { return \"\"; } }"), new JwtSecuredProcessor()));
    assertTrue(subResource.success(), subResource::describe);
    assertTrue(Files.readString(subResource.generated().resolve("test/ConfigJwtPolicies.java"))
        .contains("// DELETE /files/{name}\n      if (ResourceMethods.is(method, \"delete\")) {\n"
            + "        declared = AccessRule.both(declared, AccessRule.rolesAllowed(\"admin\"));"));

    EclipseCompilation late = EclipseCompilation.compile(dir.resolve("late"), List.of(user(), Sources.plainConfig()),
        List.of(), List.of(new RobustnessTest.LateGenerator("test.Late",
            "package test; @jakarta.ws.rs.Path(\"/late\") public class Late {"
                + " @jakarta.ws.rs.GET public String get() { return \"\"; } }"), new JwtSecuredProcessor()));
    assertTrue(late.success(), late::describe);
    assertEquals(1, late.fromProcessor(Kind.WARNING).stream()
        .filter(d -> d.getMessage(null).startsWith("[" + Message.RESOURCE_AFTER_CONFIGURATION.tag() + "]")).count(),
        late::describe);
  }
}
