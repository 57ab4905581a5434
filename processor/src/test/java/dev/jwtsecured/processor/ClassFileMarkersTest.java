package dev.jwtsecured.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.jwtsecured.processor.Sources.source;
import static dev.jwtsecured.processor.Sources.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What tools that read class files find there: {@code javax.annotation.processing.Generated} and
 * {@code @SuppressWarnings} are kept in source only. Every generated class, nested ones included, carries the runtime's
 * class-retained {@code GeneratedCode}, by which JaCoCo leaves it out of coverage reports, and the feature's
 * {@code auth()} the SpotBugs suppression its design needs.
 */
class ClassFileMarkersTest {
  private static final String GENERATED_CODE = "Ldev/jwtsecured/runtime/internal/GeneratedCode;";
  private static final String SUPPRESS_FB_WARNINGS = "Ldev/jwtsecured/runtime/internal/SuppressFBWarnings;";

  @Test
  void everyGeneratedClassFileCarriesTheMarker() throws IOException {
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(user(),
        source("Config",
            "@JwtSecured(secret = \"${JWT_SECRET}\", tokenUrl = \"/login\", openApiPath = \"/openapi.json\")",
            "final class Config {",
            "  @UserRetriever static User user(Token token) { return new User(token.subject()); }",
            "  @Authenticator static Grant authenticate(String u, String p) { return null; }",
            "}"),
        source("Shop",
            "@Path(\"/shop\")",
            "public class Shop {",
            "  @Path(\"items\") public Items items() { return new Items(); }",
            "}"),
        source("Items",
            "public class Items {",
            "  @GET public String list() { return \"\"; }",
            "}"));
    assertThat(c).succeededWithoutWarnings();
    List<String> generated = new ArrayList<>();
    for (JavaFileObject file : c.generatedFiles()) {
      String name = file.getName();
      if (file.getKind() != JavaFileObject.Kind.CLASS || !name.contains("/test/ConfigJwt")) {
        continue;
      }
      String bytes;
      try (InputStream in = file.openInputStream()) {
        bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      }
      generated.add(name.substring(name.lastIndexOf('/') + 1));
      assertTrue(bytes.contains(GENERATED_CODE), name);
      assertEquals(name.endsWith("/ConfigJwtFeature.class"), bytes.contains(SUPPRESS_FB_WARNINGS), name);
    }
    // The outputs of this configuration, the nested class of the locator guard among them.
    assertEquals(List.of("ConfigJwt.class", "ConfigJwtFeature.class", "ConfigJwtFeatureCheck.class",
        "ConfigJwtFilter.class", "ConfigJwtLocatorGuard$Late.class", "ConfigJwtLocatorGuard.class",
        "ConfigJwtLoginResource.class", "ConfigJwtOpenApi.class", "ConfigJwtPolicies.class"),
        generated.stream().sorted().toList());
  }
}
