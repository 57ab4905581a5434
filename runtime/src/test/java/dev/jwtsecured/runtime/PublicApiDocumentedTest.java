package dev.jwtsecured.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every type and member users can call (the public package of the runtime and the annotations) has a doc comment: the
 * Javadoc is where users learn what a setting does and what it defaults to. Overrides inherit theirs; the internal
 * package is not API. The sources are parsed, not compiled, so the check costs well under a second.
 */
class PublicApiDocumentedTest {
  static final List<Path> API_PACKAGES =
      List.of(Path.of("src/main/java/dev/jwtsecured/runtime"), Path.of("../annotations/src/main/java/dev/jwtsecured"));

  @Test
  void everyPublicTypeAndMemberHasADocComment() throws IOException {
    List<Path> sources = new ArrayList<>();
    for (Path dir : API_PACKAGES) {
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java")).forEach(sources::add);
      }
    }
    assertTrue(sources.size() > 20, "the API sources were not found: " + sources);
    List<String> undocumented = undocumented(sources);
    assertEquals(List.of(), undocumented, "public types and members without a doc comment");
  }

  /** The check itself: an undocumented member of each kind is found, a documented one and an override are not. */
  @Test
  void findsUndocumentedMembersOfEveryKind(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path source = dir.resolve("Sample.java");
    Files.writeString(source, String.join("\n",
        "package p;",
        "/** Documented. */",
        "public class Sample {",
        "  public static final int BARE_CONSTANT = 1;",
        "  /** Documented. */",
        "  public void documented() {}",
        "  public void bareMethod() {}",
        "  protected Sample(int value) {}",
        "  void packagePrivate() {}",
        "  private int hidden;",
        "  @Override",
        "  public String toString() { return \"\"; }",
        "  public enum BareEnum { BARE_ENUM_CONSTANT, /** Documented. */ DOCUMENTED }",
        "  /** Documented. */",
        "  public interface Api { void bareInterfaceMethod(); private void hiddenHelper() {} }",
        "  /** Documented. */",
        "  public @interface Config { String bareElement() default \"\"; }",
        "  private static final class Hidden { public void insideAPrivateType() {} }",
        "}",
        "final class PackagePrivate { public void notApi() {} }"));
    assertEquals(
        List.of("Sample.java:4 BARE_CONSTANT", "Sample.java:7 bareMethod", "Sample.java:8 constructor",
            "Sample.java:13 BareEnum", "Sample.java:13 BARE_ENUM_CONSTANT", "Sample.java:15 bareInterfaceMethod",
            "Sample.java:17 bareElement"),
        undocumented(List.of(source)));
  }

  /** {@code File.java:line name} of every undocumented public or protected declaration in a public type. */
  static List<String> undocumented(List<Path> sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> found = new ArrayList<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavacTask task = (JavacTask) javac.getTask(null, files, null, List.of("-proc:none"), null,
          files.getJavaFileObjectsFromPaths(sources));
      DocTrees docs = DocTrees.instance(task);
      for (CompilationUnitTree unit : task.parse()) {
        String file = Path.of(unit.getSourceFile().toUri()).getFileName().toString();
        new TreePathScanner<Void, Boolean>() {
          /** {@code inInterface}: whether the enclosing type is an interface or annotation type. */
          @Override
          public Void visitClass(ClassTree type, Boolean inInterface) {
            if (!isApi(type.getModifiers(), inInterface)) {
              return null;
            }
            check(type.getSimpleName().toString());
            boolean isInterface = type.getKind() == Tree.Kind.INTERFACE
                || type.getKind() == Tree.Kind.ANNOTATION_TYPE;
            for (Tree member : type.getMembers()) {
              scan(member, isInterface);
            }
            return null;
          }

          @Override
          public Void visitMethod(MethodTree method, Boolean inInterface) {
            boolean override = method.getModifiers().getAnnotations().stream()
                .anyMatch(a -> a.getAnnotationType().toString().equals("Override"));
            if (isApi(method.getModifiers(), inInterface) && !override) {
              check(method.getName().contentEquals("<init>")
                  ? "constructor" : method.getName().toString());
            }
            return null;
          }

          @Override
          public Void visitVariable(VariableTree field, Boolean inInterface) {
            if (isApi(field.getModifiers(), inInterface)) {
              check(field.getName().toString());
            }
            return null;
          }

          private void check(String name) {
            if (docs.getDocCommentTree(getCurrentPath()) == null) {
              long line = unit.getLineMap().getLineNumber(docs.getSourcePositions()
                  .getStartPosition(unit, getCurrentPath().getLeaf()));
              found.add(file + ":" + line + " " + name);
            }
          }
        }.scan(new TreePath(unit), false);
      }
    }
    return found;
  }

  /** Public or protected; in an interface or annotation type, everything but {@code private}. */
  static boolean isApi(ModifiersTree modifiers, boolean inInterface) {
    return modifiers.getFlags().contains(Modifier.PUBLIC) || modifiers.getFlags().contains(Modifier.PROTECTED)
        || inInterface && !modifiers.getFlags().contains(Modifier.PRIVATE);
  }
}
