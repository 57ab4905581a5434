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
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.Generated;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
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
    Compilation c = compileTwoConfigurations();
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

  /**
   * The same outputs, held to what the javadoc tool of JDK 18 and later asks of them whichever JDK runs this: a public
   * generated class declares its constructor, with a comment, instead of taking the default one (Elements.getOrigin
   * says MANDATED). JDK 25's javadoc said "use of default constructor, which does not provide a comment" about the
   * login, key set and OpenAPI resources and the feature check.
   */
  @Test
  void everyPublicGeneratedClassDocumentsItsConstructor() {
    List<String> implicit = new ArrayList<>();
    Compilation c = javac().withProcessors(new JwtSecuredProcessor(), new ConstructorsSeen(implicit))
        .compile(twoConfigurations());
    assertThat(c).succeededWithoutWarnings();
    assertTrue(c.generatedSourceFiles().size() > 10, "the outputs of both configurations were looked at");
    assertEquals(List.of(), implicit);
  }

  private static Compilation compileTwoConfigurations() {
    return javac().withProcessors(new JwtSecuredProcessor()).compile(twoConfigurations());
  }

  private static List<JavaFileObject> twoConfigurations() {
    return List.of(user(),
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
  }

  /** Notes each public generated class ({@code @Generated}), nested ones too, whose constructor javac wrote for it. */
  private static final class ConstructorsSeen extends EveryRoundProcessor {
    private final List<String> implicit;

    ConstructorsSeen(List<String> implicit) {
      this.implicit = implicit;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      for (Element root : round.getRootElements()) {
        look(root);
      }
      return false;
    }

    private void look(Element type) {
      if (type.getKind() == ElementKind.CLASS && type.getModifiers().contains(Modifier.PUBLIC)
          && outermost(type).getAnnotation(Generated.class) != null) {
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
          if (processingEnv.getElementUtils().getOrigin(constructor) != Elements.Origin.EXPLICIT) {
            implicit.add(((TypeElement) type).getQualifiedName().toString());
          }
        }
      }
      for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
        look(nested);
      }
    }

    private static Element outermost(Element type) {
      Element e = type;
      while (e.getEnclosingElement() instanceof TypeElement outer) {
        e = outer;
      }
      return e;
    }
  }
}
