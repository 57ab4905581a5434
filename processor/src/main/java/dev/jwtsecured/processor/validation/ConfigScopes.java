package dev.jwtsecured.processor.validation;

import dev.jwtsecured.processor.model.Names;
import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Which resources each configuration secures: its packages, the configurations whose packages overlap (an error on
 * both), and the routes scanned in its packages, with the resource classes as originating elements.
 */
public final class ConfigScopes {
  /**
   * The root resource classes of a configuration (those of its packages in the compilation or an earlier build, and
   * those it lists), their routes, a type they name that no processor has generated yet ({@code pending}: the
   * configuration waits for a later round), and the errors on its {@code resources} member.
   */
  public record Scoped(List<String> packages, List<TypeElement> roots, RouteScanner.Scan scan,
      Optional<PendingTypes.Pending> pending, List<Diagnostic> problems) {
    public Scoped {
      packages = List.copyOf(packages);
      roots = List.copyOf(roots);
      problems = List.copyOf(problems);
    }
  }

  private final Elements elements;
  private final RouteScanner scanner;
  private final PendingTypes pendingTypes;

  public ConfigScopes(Elements elements, Types types, RouteScanner scanner) {
    this.elements = elements;
    this.scanner = scanner;
    this.pendingTypes = new PendingTypes(types);
  }

  /**
   * {@code basePackages} as written, else the configuration's own package; an entry that is no package name
   * ({@link #invalidPackages}) names none.
   */
  public List<String> packages(TypeElement config, AnnotationMirror mirror) {
    List<String> packages = AnnotationValues.strings(mirror, "basePackages");
    return packages.isEmpty() ? List.of(elements.getPackageOf(config).getQualifiedName().toString())
        : packages.stream().filter(SourceVersion::isName).toList();
  }

  /**
   * Scans the named root resources of the compilation that lie in the configuration's packages, those an earlier build
   * of the same output compiled there ({@code earlier}: a build of changed files that compiles the configuration
   * without them), and the classes its {@code resources} member lists; the last two are read from their class files.
   */
  public Scoped scan(TypeElement config, AnnotationMirror mirror, Iterable<String> resources,
      List<TypeElement> earlier) {
    List<String> packages = packages(config, mirror);
    List<TypeElement> roots = new ArrayList<>();
    for (String name : resources) {
      TypeElement resource = elements.getTypeElement(name);
      if (resource != null && scanner.inScope(resource, packages)) {
        roots.add(resource);
      }
    }
    for (TypeElement resource : earlier) {
      // Still a root resource in the configuration's packages, and not compiled now (then it is above already).
      if (!roots.contains(resource) && scanner.inScope(resource, packages)
          && scanner.resourceClasses(List.of(resource)).contains(resource)) {
        roots.add(resource);
      }
    }
    List<Diagnostic> problems = new ArrayList<>();
    List<AnnotationValue> listed = listedValues(mirror);
    for (AnnotationValue value : listed) {
      TypeElement resource = listedClass(value);
      if (resource == null || scanner.resourceClasses(List.of(resource)).stream().noneMatch(resource::equals)) {
        Object named = resource == null ? value : resource.getQualifiedName();
        problems.add(Diagnostic.inArray(Message.NOT_A_ROOT_RESOURCE.format(named), config, mirror,
            AnnotationValues.value(mirror, "resources").orElse(null), value));
      } else if (!roots.contains(resource)) {
        roots.add(resource);
      }
    }
    List<RouteScanner.ScannedRoute> routes = new ArrayList<>();
    List<RouteScanner.ScannedLocator> locators = new ArrayList<>();
    Map<ClassName, List<ClassName>> pathTypes = new LinkedHashMap<>();
    Map<Element, List<AnnotationMirror>> unreadRules = new LinkedHashMap<>();
    List<RouteScanner.NotInherited> notInherited = new ArrayList<>();
    List<RouteScanner.DisputedOverride> disputed = new ArrayList<>();
    int left = RouteScanner.MOST_PATHS;
    for (TypeElement root : roots) {
      RouteScanner.Scan scan;
      try {
        scan = scanner.scan(root, left);
      } catch (RouteScanner.TooManyPaths e) {
        problems.add(Diagnostic.at(Message.TOO_MANY_LOCATOR_PATHS.format(
            String.format(Locale.ROOT, "%,d", RouteScanner.MOST_PATHS), e.path()),
            e.locator(), null, null));
        break;
      }
      left -= scan.routes().size() + scan.locators().size();
      routes.addAll(scan.routes());
      locators.addAll(scan.locators());
      pathTypes.putAll(scan.pathTypes());
      scan.unreadRules().forEach(unreadRules::putIfAbsent);
      notInherited.addAll(scan.notInherited());
      disputed.addAll(scan.disputedOverrides());
    }
    RouteScanner.Scan scan = new RouteScanner.Scan(routes, locators, pathTypes, unreadRules,
        notInherited, disputed);
    return new Scoped(packages, roots, scan, pendingTypes.find(roots, scan), problems);
  }

  /**
   * An error for each {@code basePackages} entry that is no package name: it would name no package (and once its
   * marker file could not be written), or, empty, every package.
   */
  public static List<Diagnostic> invalidPackages(TypeElement config, AnnotationMirror mirror) {
    List<Diagnostic> problems = new ArrayList<>();
    for (AnnotationValue value : elementsOf(mirror, "basePackages")) {
      if (!(value.getValue() instanceof String name) || !SourceVersion.isName(name)) {
        problems.add(Diagnostic.inArray(Message.BASE_PACKAGE_INVALID.format(value.getValue()), config, mirror,
            AnnotationValues.value(mirror, "basePackages").orElse(null), value));
      }
    }
    return problems;
  }

  /**
   * Adds to {@code found} the classes an earlier build recorded as inputs of {@code config}'s outputs
   * ({@code recorded}: root resources, {@code @ApplicationPath} classes) whose class files are still in this output
   * ({@code compiled}): a build of changed files may compile the configuration without them. An error for the first one
   * javac cannot read (the output is not on the class path). A recorded class without a class file here was deleted, or
   * compiled elsewhere: it is dropped.
   */
  public Optional<Diagnostic> earlierInputs(TypeElement config, List<String> recorded, Predicate<String> compiled,
      List<TypeElement> found) {
    for (String binaryName : recorded) {
      if (!compiled.test(binaryName)) {
        continue;
      }
      TypeElement input = elements.getTypeElement(binaryName.replace('$', '.'));
      if (input == null) {
        return Optional.of(Diagnostic.at(Message.EARLIER_CLASS_UNREADABLE.format(binaryName,
            config.getQualifiedName()), config));
      }
      found.add(input);
    }
    return Optional.empty();
  }

  /** The elements of the {@code resources} member as written (one written without braces counts as one). */
  private static List<AnnotationValue> listedValues(AnnotationMirror mirror) {
    return elementsOf(mirror, "resources");
  }

  /** The elements of the array-valued {@code member} as written, or its one value written without braces. */
  private static List<AnnotationValue> elementsOf(AnnotationMirror mirror, String member) {
    return AnnotationValues.value(mirror, member).map(v -> {
      List<AnnotationValue> items = new ArrayList<>();
      if (v.getValue() instanceof List<?> list) {
        list.forEach(i -> items.add((AnnotationValue) i));
      } else {
        items.add(v);
      }
      return items;
    }).orElse(List.of());
  }

  /** The class a {@code resources} element names, or {@code null} when it names no class. */
  private static TypeElement listedClass(AnnotationValue value) {
    return value.getValue() instanceof DeclaredType type && type.asElement() instanceof TypeElement t ? t : null;
  }

  /** The qualified names of the classes {@code resources} lists. */
  private static List<String> listedNames(AnnotationMirror mirror) {
    List<String> names = new ArrayList<>();
    for (AnnotationValue value : listedValues(mirror)) {
      TypeElement t = listedClass(value);
      if (t != null) {
        names.add(t.getQualifiedName().toString());
      }
    }
    return names;
  }

  /**
   * The generated policy table names each resource class with a class literal from the configuration's package; a class
   * it cannot see there is an error on the configuration, naming the class.
   */
  public Optional<Diagnostic> inaccessibleResource(TypeElement config, AnnotationMirror mirror, Scoped scoped) {
    String own = elements.getPackageOf(config).getQualifiedName().toString();
    for (RouteScanner.ScannedRoute r : scoped.scan().routes()) {
      TypeElement resource = (TypeElement) r.method().getEnclosingElement();
      TypeElement declared = elements.getTypeElement(r.resourceClass().canonicalName());
      if (Visibility.hiddenFrom(elements, declared == null ? resource : declared, own).isPresent()) {
        return Optional.of(Diagnostic.at(Message.RESOURCE_NOT_ACCESSIBLE.format(r.resourceClass().canonicalName(),
            own), config, mirror, null));
      }
    }
    return Optional.empty();
  }

  /** Configurations whose packages overlap another's, and one error on each naming the other. */
  public record Overlaps(Set<TypeElement> configs, List<Diagnostic> diagnostics) {
    public Overlaps {
      configs = Set.copyOf(configs);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  public Overlaps overlaps(List<TypeElement> configs) {
    Set<TypeElement> found = new LinkedHashSet<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      for (int j = i + 1; j < configs.size(); j++) {
        TypeElement a = configs.get(i);
        TypeElement b = configs.get(j);
        Optional<AnnotationMirror> ma = AnnotationValues.find(a, Names.JWT_SECURED);
        Optional<AnnotationMirror> mb = AnnotationValues.find(b, Names.JWT_SECURED);
        if (ma.isEmpty() || mb.isEmpty() || a.equals(b)) {
          continue;
        }
        for (String listed : listedNames(ma.get())) {
          if (secures(b, mb.get(), listed) && found.add(a) | found.add(b)) {
            twoConfigurations(listed, a, ma.get(), b, mb.get(), diagnostics);
          }
        }
        for (String listed : listedNames(mb.get())) {
          if (secures(a, ma.get(), listed) && found.add(a) | found.add(b)) {
            twoConfigurations(listed, a, ma.get(), b, mb.get(), diagnostics);
          }
        }
        for (String pa : packages(a, ma.get())) {
          for (String pb : packages(b, mb.get())) {
            // A configuration in the unnamed package secures every package, as RouteScanner.inPackages reads "".
            String shared = RouteScanner.inPackages(pb, List.of(pa)) ? pb
                : RouteScanner.inPackages(pa, List.of(pb)) ? pa : null;
            if (shared != null && found.add(a) | found.add(b)) {
              Message.Text message = Message.OVERLAPPING_CONFIGURATIONS.format(a.getQualifiedName(),
                  b.getQualifiedName(), shared);
              diagnostics.add(Diagnostic.at(message, a, ma.get(), null));
              diagnostics.add(Diagnostic.at(message, b, mb.get(), null));
            }
          }
        }
      }
    }
    return new Overlaps(found, diagnostics);
  }

  /** Whether {@code config} lists the class {@code name} or holds it in its packages. */
  private boolean secures(TypeElement config, AnnotationMirror mirror, String name) {
    TypeElement type = elements.getTypeElement(name);
    return listedNames(mirror).contains(name) || type != null && scanner.inScope(type, packages(config, mirror));
  }

  private static void twoConfigurations(String resource, TypeElement a, AnnotationMirror ma, TypeElement b,
      AnnotationMirror mb, List<Diagnostic> diagnostics) {
    Message.Text message = Message.RESOURCE_IN_TWO_CONFIGURATIONS.format(resource, a.getQualifiedName(),
        b.getQualifiedName() + " (through resources or basePackages)");
    diagnostics.add(Diagnostic.at(message, a, ma, AnnotationValues.value(ma, "resources").orElse(null)));
    diagnostics.add(Diagnostic.at(message, b, mb, AnnotationValues.value(mb, "resources").orElse(null)));
  }
}
