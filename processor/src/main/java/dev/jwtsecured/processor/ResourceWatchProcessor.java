package dev.jwtsecured.processor;

import dev.jwtsecured.processor.model.Names;
import dev.jwtsecured.processor.validation.AnnotationValues;
import dev.jwtsecured.processor.validation.Diagnostic;
import dev.jwtsecured.processor.validation.Message;
import dev.jwtsecured.processor.validation.RouteScanner;
import dev.jwtsecured.processor.writing.EarlierBuild;
import com.palantir.javapoet.ClassName;
import com.google.auto.service.AutoService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Writes a configuration's outputs again when JAX-RS resources are compiled without it, though it secures them and an
 * earlier build of the same module wrote its route table, as builds that recompile only changed files do ({@code
 * maven-compiler-plugin} with {@code useIncrementalCompilation=false}, an IDE's incremental builder): that table would
 * keep the old rules. {@link JwtSecuredProcessor} is not called in such a build, since none of its annotations is in
 * the compiled files; this processor is, for every file, and claims nothing. It reads the configuration from its class
 * file and has {@link JwtSecuredProcessor#regenerate} write the outputs, from the compiled resources and those the
 * earlier build recorded; where javac cannot read the configuration, it warns.
 *
 * <p>The configuration is found through the package markers the earlier build wrote into the same output
 * ({@code META-INF/jwtsecured/packages/<package>.txt}, one per package in its {@code basePackages}), for the compiled
 * type's package or a parent package: wherever the configuration class itself lives.
 */
@AutoService(Processor.class)
public final class ResourceWatchProcessor extends ReportingProcessor {
  /** Types of this compilation carrying JAX-RS or JSR-250 annotations, by qualified name. */
  private final Set<String> watched = new LinkedHashSet<>();
  /** The configurations whose outputs this compilation wrote again, and the types it generated for them. */
  private final Set<String> regenerated = new HashSet<>();
  private final Set<String> generatedTypes = new HashSet<>();
  /** What earlier builds recorded in this compilation's output; set in {@link #init}. */
  private EarlierBuild earlier;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    earlier = new EarlierBuild(env.getFiler());
  }

  /**
   * Every file, annotated or not: a resource class may have no JAX-RS or JSR-250 annotation of its own (its
   * {@code @Path} and methods on an interface), and javac calls a processor for such a file only through {@code *}.
   * It claims nothing.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    declare(round);
    List<TypeElement> found = new ArrayList<>();
    for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
      if (!generatedTypes.contains(type.getQualifiedName().toString())) {
        collect(type, found);
      }
    }
    if (round.processingOver()) {
      check();
      checkCompiledAfter();
    } else {
      regenerate(found, round);
    }
    return false;
  }

  /** Adds {@code type} and its nested types to {@code found}, and those bearing JAX-RS or JSR-250 to the watched. */
  private void collect(TypeElement type, List<TypeElement> found) {
    found.add(type);
    if (bearsJaxRs(type)) {
      watched.add(type.getQualifiedName().toString());
    }
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      collect(nested, found);
    }
  }

  /**
   * Writes again the outputs of each configuration, not compiled now, whose earlier table holds one of {@code found},
   * from its class file and this compilation's resources ({@link JwtSecuredProcessor#regenerate}): the same outputs a
   * full build writes. A configuration javac cannot read is left to {@link #check}'s warning.
   */
  private void regenerate(List<TypeElement> found, RoundEnvironment round) {
    Map<String, Optional<String>> securedPackages = new HashMap<>();
    Map<String, List<String>> inputs = new HashMap<>();
    Set<String> stale = new TreeSet<>();
    for (TypeElement type : found) {
      String name = type.getQualifiedName().toString();
      String binaryName = processingEnv.getElementUtils().getBinaryName(type).toString();
      Optional<String> config = securedEarlier(type, securedPackages);
      // A type without JAX-RS or JSR-250 annotations matters when the earlier table was built from it.
      if (config.isPresent() && inputs.computeIfAbsent(config.get(), this::earlierInputs).contains(binaryName)) {
        watched.add(name);
      }
      config.filter(c -> watched.contains(name)).ifPresent(stale::add);
      // An @ApplicationPath class, wherever it lies: the configurations that took their path from it.
      if (AnnotationValues.find(type, Names.APPLICATION_PATH).isPresent()) {
        earlier.applicationUsers(binaryName).stream().filter(c -> !declared().contains(c)).forEach(stale::add);
      }
    }
    for (String name : stale) {
      TypeElement config = processingEnv.getElementUtils().getTypeElement(name);
      if (regenerated.contains(name) || config == null
          || AnnotationValues.find(config, Names.JWT_SECURED).isEmpty()) {
        continue;
      }
      JwtSecuredProcessor processor = new JwtSecuredProcessor();
      processor.init(processingEnv);
      generatedTypes.addAll(processor.regenerate(config, round));
      regenerated.add(name);
    }
  }

  /** The classes the earlier build recorded as inputs of configuration {@code config}; none when it cannot be read. */
  private List<String> earlierInputs(String config) {
    TypeElement type = processingEnv.getElementUtils().getTypeElement(config);
    return type == null ? List.of() : earlier.inputs(ClassName.get(type));
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
    Map<String, Optional<String>> securedPackages = new HashMap<>();
    for (String name : watched) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type == null) {
        continue;
      }
      securedEarlier(type, securedPackages).filter(config -> !regenerated.contains(config))
          .ifPresent(config -> report(
              Diagnostic.at(Message.COMPILED_WITHOUT_CONFIGURATION.format(name, config), type)));
    }
  }

  /**
   * Reports each root resource of a compilation without a configuration of its own that lies in the packages of a
   * configuration compiled before it, apart (its package marker on the class path, not in this output): test sources
   * beside the main classes, a module depending on the configuration's. That configuration's route table, written
   * then, cannot hold it, and its rules would go unapplied at run time with only a log line to say so.
   */
  private void checkCompiledAfter() {
    List<TypeElement> types = declared().stream().map(processingEnv.getElementUtils()::getTypeElement)
        .filter(t -> t != null).toList();
    if (!regenerated.isEmpty()
        || types.stream().anyMatch(t -> AnnotationValues.find(t, Names.JWT_SECURED).isPresent())) {
      return;
    }
    // Nested types are declared too, and the scan visits them again from their outer class: each counts once.
    Set<TypeElement> roots = new LinkedHashSet<>(new RouteScanner(processingEnv).resourceClasses(types));
    Map<String, Optional<String>> securedPackages = new HashMap<>();
    for (TypeElement type : roots) {
      if (securedEarlier(type, securedPackages).isPresent()) {
        continue;
      }
      String name = type.getQualifiedName().toString();
      String pkg = processingEnv.getElementUtils().getPackageOf(type).getQualifiedName().toString();
      earlier.securingOnClassPath(pkg).or(() -> configurationAbove(type, pkg))
          .filter(config -> !declared().contains(config)).ifPresent(config -> report(
              Diagnostic.at(Message.COMPILED_AFTER_CONFIGURATION.format(name, pkg, config), type)));
    }
  }

  /**
   * A configuration class in {@code pkg} or a parent package, read from the class path, whose packages hold
   * {@code type}: how one in a jar is found, whose package markers javac does not read (it reads no folder of a jar
   * whose name is not a Java identifier, {@code META-INF} among them). One whose {@code basePackages} name a package
   * neither its own nor above the resource's is found through its marker in an output folder only.
   */
  private Optional<String> configurationAbove(TypeElement type, String pkg) {
    RouteScanner scanner = new RouteScanner(processingEnv);
    for (String p = pkg; ; p = p.substring(0, Math.max(p.lastIndexOf('.'), 0))) {
      PackageElement found = processingEnv.getElementUtils().getPackageElement(p);
      for (TypeElement candidate : found == null ? List.<TypeElement>of()
          : ElementFilter.typesIn(found.getEnclosedElements())) {
        Optional<AnnotationMirror> config = AnnotationValues.find(candidate, Names.JWT_SECURED);
        if (config.isEmpty()) {
          continue;
        }
        List<String> packages = AnnotationValues.strings(config.get(), "basePackages");
        if (scanner.inScope(type, packages.isEmpty() ? List.of(p) : packages)) {
          return Optional.of(candidate.getQualifiedName().toString());
        }
      }
      if (p.isEmpty()) {
        return Optional.empty();
      }
    }
  }

  /**
   * The configuration, not compiled now, that an earlier build into this output found securing {@code type}'s package
   * or a parent package: the first package marker up the chain names it.
   */
  private Optional<String> securedEarlier(TypeElement type, Map<String, Optional<String>> securedPackages) {
    String pkg = processingEnv.getElementUtils().getPackageOf(type).getQualifiedName().toString();
    for (String p = pkg; ; p = p.substring(0, Math.max(p.lastIndexOf('.'), 0))) {
      Optional<String> config = securedPackages.computeIfAbsent(p, earlier::securing);
      if (config.isPresent()) {
        return declared().contains(config.get()) ? Optional.empty() : config;
      }
      if (p.isEmpty()) {
        return Optional.empty();
      }
    }
  }
}
