package dev.jwtsecured.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.jwtsecured.processor.RouteBoundDiagnosticsTest.routes;
import static dev.jwtsecured.processor.RouteBoundDiagnosticsTest.tagged;
import static dev.jwtsecured.processor.Sources.source;
import static dev.jwtsecured.processor.Sources.user;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.jwtsecured.processor.validation.Message;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resources compiled elsewhere (another module or jar), listed in {@code resources}: the processor reads their JAX-RS
 * and JSR-250 annotations from class files, so their rules are bound like those of the compilation's own resources.
 */
class ListedResourcesTest {
  /**
   * Another module's resources: a class-level role, a public method, a locator to a sub-resource with a denied method.
   */
  static final JavaFileObject ORDERS = JavaFileObjects.forSourceString("lib.Orders", String.join("\n",
      "package lib;",
      "import jakarta.annotation.security.*;",
      "import jakarta.ws.rs.*;",
      "@Path(\"/orders\")",
      "@RolesAllowed(\"admin\")",
      "public class Orders {",
      "  @GET public String list() { return \"\"; }",
      "  @GET @Path(\"count\") @PermitAll public int count() { return 0; }",
      "  @Path(\"{id}\") public Order order(@PathParam(\"id\") String id) { return new Order(); }",
      "  public static final class Order {",
      "    @GET public String get() { return \"\"; }",
      "    @DELETE @DenyAll public void delete() {}",
      "  }",
      "}"));

  /** {@code sources} compiled without the processor, their class files in {@code dir}, then a class path with them. */
  static List<File> classPathWith(Path dir, JavaFileObject... sources) throws IOException {
    Compilation library = javac().compile(sources);
    assertThat(library).succeeded();
    return Sources.classPathWith(dir, library);
  }

  @Test
  void listedResourcesAreReadFromTheirClassFiles(@TempDir Path dir) throws IOException {
    List<File> classPath = classPathWith(dir, ORDERS);
    assertTrue(Files.exists(dir.resolve("lib/Orders$Order.class")), "the library's classes: " + classPath.get(0));
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).withClasspath(classPath).compile(user(),
        source("Config",
            "@JwtSecured(secret = \"${JWT_SECRET}\", resources = lib.Orders.class)",
            "final class Config {",
            "  @UserRetriever static User user(Token token) { return null; }",
            "}"));
    assertThat(c).succeededWithoutWarnings();
    String policies = c.generatedSourceFile("test.ConfigJwtPolicies").orElseThrow().getCharContent(true).toString();
    assertTrue(policies.contains("if (resourceClass == Orders.class) {\n"
        + "      // GET /orders/count\n      if (ResourceMethods.is(method, \"count\")) {\n"
        + "        return AccessRule.PUBLIC;\n      }\n"
        + "      // GET /orders\n      if (ResourceMethods.is(method, \"list\")) {\n"
        + "        return AccessRule.rolesAllowed(\"admin\");"), policies);
    assertTrue(policies.contains("if (resourceClass == Orders.Order.class) {\n"
        + "      // DELETE /orders/{id}\n      if (ResourceMethods.is(method, \"delete\")) {\n"
        + "        return AccessRule.DENY_ALL;\n      }\n"
        + "      // GET /orders/{id}\n      if (ResourceMethods.is(method, \"get\")) {\n"
        + "        return AccessRule.rolesAllowed(\"admin\");"), policies);
    String report = routes(c, "test.Config");
    assertTrue(report.contains("\"path\": \"/orders/{id}\""), report);
    assertTrue(c.generatedSourceFile("test.ConfigJwtLocatorGuard").isPresent(),
        "every operation behind it is protected");
  }

  @Test
  void aResourceListedByOneConfigurationAndInAnothersPackagesIsAnErrorOnBoth(@TempDir Path dir) throws IOException {
    List<File> classPath = classPathWith(dir, ORDERS);
    JavaFileObject shop = JavaFileObjects.forSourceString("shop.ShopConfig", String.join("\n",
        "package shop;",
        "import dev.jwtsecured.*;",
        "import dev.jwtsecured.runtime.*;",
        "@JwtSecured(secret = \"${JWT_SECRET}\", resources = lib.Orders.class)",
        "final class ShopConfig {",
        "  @UserRetriever static String user(Token token) { return null; }",
        "}"));
    JavaFileObject lib = JavaFileObjects.forSourceString("lib.LibConfig", String.join("\n",
        "package lib;",
        "import dev.jwtsecured.*;",
        "import dev.jwtsecured.runtime.*;",
        "@JwtSecured(secret = \"${JWT_SECRET}\")",
        "final class LibConfig {",
        "  @UserRetriever static String user(Token token) { return null; }",
        "}"));
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).withClasspath(classPath).compile(shop, lib);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(tagged(Message.RESOURCE_IN_TWO_CONFIGURATIONS)
        + " Resource class lib.Orders is secured by both").inFile(shop)
        .onLineContaining("resources = lib.Orders.class");
    assertThat(c).hadErrorContaining(tagged(Message.RESOURCE_IN_TWO_CONFIGURATIONS)
        + " Resource class lib.Orders is secured by both").inFile(lib).onLineContaining("@JwtSecured");
  }
}
