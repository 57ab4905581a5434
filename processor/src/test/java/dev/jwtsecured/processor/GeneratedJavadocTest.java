package dev.jwtsecured.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.jwtsecured.processor.Sources.source;
import static dev.jwtsecured.processor.Sources.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The javadoc tool over the generated sources, as a project's {@code javadoc:javadoc} or {@code javadoc:jar} runs it
 * (the generated sources are among the compile source roots): every public method documents its parameters and what
 * it returns. Before, a configuration's generated classes gave about 25 "no @param" and "no @return" warnings.
 */
class GeneratedJavadocTest {
  @Test
  void theGeneratedSourcesGiveTheJavadocToolNothingToSay(@TempDir Path dir) throws IOException {
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(user(),
        source("Shop",
            "@JwtSecured(secret = \"${S}\", tokenUrl = \"/login\", refreshExpiration = \"P14D\",",
            "    openApiPath = \"/openapi.json\", basePackages = \"test.shop\")",
            "public final class Shop {",
            "  @UserRetriever User user(Token token) { return new User(token.subject()); }",
            "  @Authenticator Grant login(String username, String password) { return null; }",
            "}"),
        JavaFileObjects.forSourceString("test.issuer.Issuer", "package test.issuer;\n" + Sources.IMPORTS
            + "import test.User;\n"
            + "@JwtSecured(privateKey = \"${KEY}\", tokenUrl = \"/token\")\n"
            + "public final class Issuer {\n"
            + "  @UserRetriever static User user(Token token) { return new User(token.subject()); }\n"
            + "  @Authenticator static Grant login(String username, String password) { return null; }\n"
            + "}\n"));
    assertThat(c).succeededWithoutWarnings();

    List<File> sources = new ArrayList<>();
    for (JavaFileObject generated : c.generatedSourceFiles()) {
      File file = dir.resolve("src").resolve(generated.toUri().getPath().replaceFirst("^/(SOURCE_OUTPUT/)?", ""))
          .toFile();
      assertTrue(file.getParentFile().mkdirs() || file.getParentFile().isDirectory());
      java.nio.file.Files.writeString(file.toPath(), generated.getCharContent(true));
      sources.add(file);
    }
    String classPath = Sources.classPathWith(dir.resolve("classes"), c).stream().map(File::getPath)
        .collect(Collectors.joining(File.pathSeparator));
    DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javadoc.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      boolean ok = javadoc.getTask(new StringWriter(), files, diagnostics, null,
          List.of("-quiet", "-Xdoclint:all", "-d", dir.resolve("doc").toString(), "-classpath", classPath),
          files.getJavaFileObjectsFromFiles(sources)).call();
      List<String> said = diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
          .map(d -> d.getSource() == null ? d.getMessage(null)
              : new File(d.getSource().getName()).getName() + ":" + d.getLineNumber() + " " + d.getMessage(null))
          .toList();
      assertEquals(List.of(), said);
      assertTrue(ok);
    }
  }
}
