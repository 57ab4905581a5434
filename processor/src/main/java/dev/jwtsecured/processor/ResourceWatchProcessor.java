package dev.jwtsecured.processor;

import dev.jwtsecured.processor.model.ConfigModel;
import dev.jwtsecured.processor.model.Names;
import dev.jwtsecured.processor.validation.AnnotationValues;
import dev.jwtsecured.processor.validation.ConfigScopes;
import dev.jwtsecured.processor.validation.Diagnostic;
import dev.jwtsecured.processor.validation.Message;
import dev.jwtsecured.processor.validation.RouteScanner;
import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.StandardLocation;

/**
 * Warns when JAX-RS resources are compiled without the configuration that secures them and whose route table an
 * earlier build of the same module wrote, as builds that recompile only changed files do ({@code maven-compiler-plugin}
 * with {@code useIncrementalCompilation=false}, an IDE's incremental builder): that table keeps the old rules.
 * {@link JwtSecuredProcessor} is not called in such a build, since none of its annotations is in the compiled files;
 * this processor is, for the JAX-RS and JSR-250 annotations, which it never claims.
 *
 * <p>A configuration is found in the compiled type's package or a parent package, the usual place; one elsewhere whose
 * {@code basePackages} name the type's package is not.
 */
@AutoService(Processor.class)
public final class ResourceWatchProcessor extends ReportingProcessor {
  /** Types of this compilation carrying JAX-RS or JSR-250 annotations, by qualified name. */
  private final Set<String> watched = new LinkedHashSet<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("jakarta.ws.rs.*", "jakarta.annotation.security.*");
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    declare(round);
    for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
      collect(type);
    }
    if (round.processingOver()) {
      check();
    }
    return false;
  }

  private void collect(TypeElement type) {
    if (bearsJaxRs(type)) {
      watched.add(type.getQualifiedName().toString());
    }
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      collect(nested);
    }
  }

  private static boolean bearsJaxRs(TypeElement type) {
    if (hasJaxRs(type)) {
      return true;
    }
    for (Element member : type.getEnclosedElements()) {
      if (!(member instanceof TypeElement) && hasJaxRs(member)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasJaxRs(Element e) {
    for (AnnotationMirror m : e.getAnnotationMirrors()) {
      String name = ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString();
      if (name.startsWith("jakarta.ws.rs.") || name.startsWith("jakarta.annotation.security.")) {
        return true;
      }
    }
    return false;
  }

  /** Reports each watched type that a configuration compiled earlier, and not now, secures. */
  private void check() {
    RouteScanner scanner = new RouteScanner(processingEnv);
    ConfigScopes scopes = new ConfigScopes(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), scanner);
    Map<String, List<TypeElement>> configsByPackage = new HashMap<>();
    for (String name : watched) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type == null) {
        continue;
      }
      securedEarlier(type, scopes, scanner, configsByPackage).ifPresent(config -> report(Diagnostic.at(
          Message.COMPILED_WITHOUT_CONFIGURATION.format(name, config.getQualifiedName()), type)));
    }
  }

  /** A configuration from the class path, not compiled now, whose packages hold {@code type}. */
  private Optional<TypeElement> securedEarlier(TypeElement type, ConfigScopes scopes, RouteScanner scanner,
      Map<String, List<TypeElement>> configsByPackage) {
    String pkg = processingEnv.getElementUtils().getPackageOf(type).getQualifiedName().toString();
    for (String p = pkg; ; p = p.substring(0, Math.max(p.lastIndexOf('.'), 0))) {
      for (TypeElement config : configsByPackage.computeIfAbsent(p, this::configurationsIn)) {
        Optional<AnnotationMirror> mirror = AnnotationValues.find(config, Names.JWT_SECURED);
        if (!declared().contains(config.getQualifiedName().toString()) && mirror.isPresent()
            && scanner.inScope(type, scopes.packages(config, mirror.get())) && generatedHere(config)) {
          return Optional.of(config);
        }
      }
      if (p.isEmpty()) {
        return Optional.empty();
      }
    }
  }

  /**
   * Whether {@code config}'s route table is among this compilation's class files (an earlier build of the same
   * module), rather than in another module's jar, whose resources it never saw anyway.
   */
  private boolean generatedHere(TypeElement config) {
    ClassName policies = ConfigModel.generated(ClassName.get(config), "JwtPolicies");
    try (InputStream in = processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT,
        policies.packageName(), policies.simpleName() + ".class").openInputStream()) {
      return in.read() >= 0;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The {@code @JwtSecured} types of package {@code name} (nested ones too), from sources or the class path. */
  private List<TypeElement> configurationsIn(String name) {
    List<TypeElement> found = new ArrayList<>();
    try {
      PackageElement pkg = processingEnv.getElementUtils().getPackageElement(name);
      if (pkg != null) {
        for (TypeElement type : ElementFilter.typesIn(pkg.getEnclosedElements())) {
          addConfigurations(type, found);
        }
      }
    } catch (RuntimeException e) {
      // A class the compiler cannot read in a parent package (another release's class file, say) is not this
      // check's business: it looks for configurations, and reading it fails the compiler's own way if it matters.
      return List.of();
    }
    return found;
  }

  private static void addConfigurations(TypeElement type, List<TypeElement> found) {
    if (AnnotationValues.find(type, Names.JWT_SECURED).isPresent()) {
      found.add(type);
    }
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      addConfigurations(nested, found);
    }
  }
}
