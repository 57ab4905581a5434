package dev.jwtsecured.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.jwtsecured.processor.RouteBoundDiagnosticsTest.routes;
import static dev.jwtsecured.processor.Sources.plainConfig;
import static dev.jwtsecured.processor.Sources.source;
import static dev.jwtsecured.processor.Sources.user;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class without {@code @Path} that implements an interface carrying it (or extends an abstract class carrying it) is
 * a root resource on Jersey and RESTEasy alike. Jersey reports the class, RESTEasy the annotated type: the table binds
 * the class's rules to both, all of their rules where two classes in the configuration implement the type.
 */
class PathOnSupertypeTest {
  @Test
  void implementationsOfAPathInterfaceAreRootResources() throws IOException {
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(user(), plainConfig(),
        source("TillApi",
            "@Path(\"/till\")",
            "@Produces(\"text/plain\")",
            "public interface TillApi {",
            "  @GET String open();",
            "  @GET @Path(\"status\") @PermitAll String status();",
            "}"),
        source("Till",
            "public final class Till implements TillApi {",
            "  @RolesAllowed(\"admin\") public String open() { return \"\"; }",
            "  public String status() { return \"\"; }",
            "}"),
        source("TillStub",
            "@DenyAll",
            "public final class TillStub implements TillApi {",
            "  public String open() { return \"\"; }",
            "  public String status() { return \"\"; }",
            "}"),
        source("CounterBase",
            "@Path(\"/counter\")",
            "public abstract class CounterBase {",
            "  @GET @RolesAllowed(\"admin\") public String count() { return \"\"; }",
            "}"),
        source("Counter", "public final class Counter extends CounterBase {}"),
        source("Plain", "public final class Plain {",
            "  @GET public String notAResource() { return \"\"; }",
            "}"));
    assertThat(c).succeededWithoutWarnings();
    String policies = c.generatedSourceFile("test.ConfigJwtPolicies").orElseThrow().getCharContent(true).toString();
    assertTrue(policies.contains("if (resourceClass == Till.class) {\n"
        + "      // GET /till\n      if (ResourceMethods.is(method, \"open\")) {\n"
        + "        return AccessRule.rolesAllowed(\"admin\");"), policies);
    assertTrue(policies.contains("if (resourceClass == Counter.class) {\n"
        + "      // GET /counter\n      if (ResourceMethods.is(method, \"count\")) {\n"
        + "        return AccessRule.rolesAllowed(\"admin\");"), policies);
    // What RESTEasy reports: both implementations' rules, combined.
    assertTrue(policies.contains("if (TillApi.class.isAssignableFrom(resourceClass)) {\n"
        + "      // GET /till\n      if (ResourceMethods.is(method, \"open\")) {\n"
        + "        declared = AccessRule.both(declared, AccessRule.rolesAllowed(\"admin\"));\n      }\n"
        + "      // GET /till/status\n      if (ResourceMethods.is(method, \"status\")) {\n"
        + "        declared = AccessRule.both(declared, AccessRule.PUBLIC);\n      }\n"
        + "      // GET /till\n      if (ResourceMethods.is(method, \"open\")) {\n"
        + "        declared = AccessRule.both(declared, AccessRule.DENY_ALL);\n      }\n"), policies);
    assertTrue(policies.contains("if (CounterBase.class.isAssignableFrom(resourceClass)) {"), policies);
    assertFalse(policies.contains("Plain.class"), policies);
    String report = routes(c, "test.Config");
    assertTrue(report.contains("\"path\": \"/till/status\""), report);
    assertTrue(report.contains("\"path\": \"/counter\""), report);
    String document = c.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT, "",
        "META-INF/jwtsecured/test.Config.openapi.json").orElseThrow().getCharContent(true).toString()
        .replaceAll("\\s", "");
    int status = document.indexOf("\"/till/status\":{\"get\":{");
    assertTrue(status >= 0, document);
    assertTrue(document.substring(status, document.indexOf("}}}", status)).contains("\"content\":{\"text/plain\":"),
        "the interface's class-level @Produces: " + document);
  }

  /** The API interface generated into another module (a jar on the class path), its implementation compiled here. */
  @Test
  void anApiInterfaceFromAnotherModuleIsReadFromItsClassFile(@TempDir Path dir) throws IOException {
    List<File> classPath = ListedResourcesTest.classPathWith(dir, JavaFileObjects.forSourceString("api.PetsApi",
        String.join("\n",
            "package api;",
            "@jakarta.ws.rs.Path(\"/pets\")",
            "public interface PetsApi {",
            "  @jakarta.ws.rs.DELETE @jakarta.ws.rs.Path(\"{id}\")",
            "  @jakarta.annotation.security.RolesAllowed(\"admin\")",
            "  void delete(@jakarta.ws.rs.PathParam(\"id\") String id);",
            "}")));
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).withClasspath(classPath).compile(user(),
        plainConfig(), source("Pets", "public final class Pets implements api.PetsApi {",
            "  public void delete(String id) {}", "}"));
    assertThat(c).succeededWithoutWarnings();
    String policies = c.generatedSourceFile("test.ConfigJwtPolicies").orElseThrow().getCharContent(true).toString();
    assertTrue(policies.contains("if (resourceClass == Pets.class) {\n"
        + "      // DELETE /pets/{id}\n      if (ResourceMethods.is(method, \"delete\", \"java.lang.String\")) {\n"
        + "        return AccessRule.rolesAllowed(\"admin\");"), policies);
    assertTrue(policies.contains("if (PetsApi.class.isAssignableFrom(resourceClass)) {"), policies);
  }
}
