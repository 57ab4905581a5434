package dev.jwtsecured.processor.writing;

import dev.jwtsecured.processor.generation.GeneratedTypes;
import dev.jwtsecured.processor.model.ConfigModel;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.ModuleElement.RequiresDirective;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Writes what the generators produce: every source gets {@code @Generated} (when the configuration's module reads
 * {@code javax.annotation.processing.Generated}), {@code @SuppressWarnings} for deprecation (it names the application's
 * types, which the application may have deprecated), and the configuration, its resources and applications as
 * originating elements, so that incremental builds know what to recompile.
 */
public final class GeneratedFiles {
  private final ProcessingEnvironment env;
  private final boolean generatedAvailable;
  /** {@link #shadowingJavaLang} of the configuration's package, found at the first write. */
  private String[] shadowing;

  /** Writes the outputs of configuration {@code config}. */
  public GeneratedFiles(ProcessingEnvironment env, TypeElement config) {
    this.env = env;
    this.generatedAvailable = visible(env.getElementUtils(), GeneratedTypes.GENERATED.canonicalName(), config);
  }

  /**
   * Whether code beside {@code from} can name type {@code name}. The unnamed module reads every module of the graph; a
   * named one (an application with a {@code module-info.java}) only those it requires and what they require
   * transitively. {@code javax.annotation.processing.Generated} lives in {@code java.compiler}, which is in the graph
   * as soon as any module needs it, while the application's module rarely reads it.
   */
  static boolean visible(Elements elements, String name, Element from) {
    TypeElement type = elements.getTypeElement(name);
    if (type == null) {
      return false;
    }
    ModuleElement reader = elements.getModuleOf(from);
    ModuleElement target = elements.getModuleOf(type);
    if (reader == null || reader.isUnnamed() || target == null || reader.equals(target)) {
      return true;
    }
    return reads(reader, target, false, new HashSet<>());
  }

  /**
   * Whether {@code module} reads {@code target}: it requires it, or requires a module that requires it transitively
   * ({@code transitiveOnly} for the modules below the first, whose plain requires give {@code module} nothing).
   */
  private static boolean reads(ModuleElement module, ModuleElement target, boolean transitiveOnly,
      Set<ModuleElement> seen) {
    if (!seen.add(module)) {
      return false;
    }
    for (RequiresDirective requires : ElementFilter.requiresIn(module.getDirectives())) {
      if (transitiveOnly && !requires.isTransitive()) {
        continue;
      }
      if (requires.getDependency().equals(target) || reads(requires.getDependency(), target, true, seen)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The qualified names of {@code types} (in the configuration's package) that a source of this compilation already
   * declares: writing one would fail. A class of that name on the class path does not count: it is usually this
   * configuration's own output of an earlier build, which the new one replaces.
   */
  public static List<String> taken(ConfigModel model, List<TypeSpec> types, Set<String> declared) {
    List<String> taken = new ArrayList<>();
    for (TypeSpec type : types) {
      String name = model.configClass().packageName().isEmpty() ? type.name()
          : model.configClass().packageName() + "." + type.name();
      if (declared.contains(name)) {
        taken.add(name);
      }
    }
    return taken;
  }

  /** Writes {@code type} in the configuration's package. */
  public void write(ConfigModel model, TypeSpec type, List<Element> originating) throws IOException {
    TypeSpec.Builder builder = type.toBuilder();
    if (generatedAvailable) {
      builder.addAnnotation(GeneratedTypes.generatedAnnotation());
    }
    // Kept in the class file, where javax's @Generated is not: JaCoCo leaves such classes out of coverage reports.
    builder.addAnnotation(GeneratedTypes.GENERATED_CODE);
    // Generated code names the application's own types and methods, which it may have deprecated; the warning would
    // stand in a file the user cannot change, and fail a -Werror build. "all" is the Eclipse compiler's name for every
    // warning, its "unnecessary @SuppressWarnings" included (it reports the other two when nothing is deprecated);
    // javac ignores names it does not know, as the JLS (9.6.4.5) asks. Error Prone reads "all" as every check of its
    // own, so .ci/consumer runs it on generated code without the name.
    builder.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
        .addMember("value", "{$S, $S, $S}", "deprecation", "removal", "all")
        .build());
    // A class of the package named like a java.lang type (a domain class "Class", say) would shadow the java.lang
    // type generated code means; JavaPoet cannot see it unless told, so such names are always written qualified.
    if (shadowing == null) {
      shadowing = shadowingJavaLang(model.configClass().packageName()).toArray(new String[0]);
    }
    builder.alwaysQualify(shadowing);
    String pkg = model.configClass().packageName();
    TypeSpec built = builder.build();
    String text = JavaFile.builder(pkg, built).skipJavaLangImports(true).indent("  ").build().toString();
    // Written by hand rather than by JavaFile.writeTo(Filer), for asciiOnly; the originating elements go to the filer.
    JavaFileObject source = env.getFiler().createSourceFile(pkg.isEmpty() ? built.name() : pkg + "." + built.name(),
        originating.toArray(new Element[0]));
    try (Writer out = source.openWriter()) {
      out.write(asciiOnly(text));
    }
  }

  /**
   * {@code text} with each character beyond ASCII written as a Unicode escape, which javac reads as that character
   * whatever the build's source encoding. The filer writes and javac reads a generated source in that encoding
   * ({@code -encoding}, else the platform's, windows-1252 on Windows before JDK 18): a character of the application's
   * text it cannot hold (written as an escape in the application's source) became {@code ?}, in a role name, say.
   */
  static String asciiOnly(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.toString();
  }

  /**
   * Simple names of the types in package {@code pkg} that are also the names of {@code java.lang} types. Each name is
   * looked up in {@code java.base}, where {@code java.lang} lives: asked without a module, javac searches every module
   * of the graph for each name that is not there, which in a package of a few hundred resources took a quarter of the
   * processor's time.
   */
  private List<String> shadowingJavaLang(String pkg) {
    List<String> names = new ArrayList<>();
    Elements elements = env.getElementUtils();
    PackageElement element = elements.getPackageElement(pkg);
    if (element == null || pkg.equals("java.lang")) {
      return names;
    }
    ModuleElement javaBase = elements.getModuleElement("java.base");
    for (Element e : element.getEnclosedElements()) {
      String simple = e.getSimpleName().toString();
      String name = "java.lang." + simple;
      if ((javaBase == null ? elements.getTypeElement(name) : elements.getTypeElement(javaBase, name)) != null) {
        names.add(simple);
      }
    }
    return names;
  }

  /** Writes a class-path resource, such as the OpenAPI document. */
  public void writeResource(String path, String content, List<Element> originating) throws IOException {
    FileObject file = env.getFiler().createResource(
        StandardLocation.CLASS_OUTPUT, "", path, originating.toArray(new Element[0]));
    WrittenResources.add(env.getFiler(), path, content);
    // UTF-8, as JSON (RFC 8259) and YAML readers read it, not the build's source encoding, in which the filer writes.
    try (Writer out = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      out.write(content);
    }
  }
}
