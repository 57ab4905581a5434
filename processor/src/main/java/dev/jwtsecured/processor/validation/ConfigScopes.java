package dev.jwtsecured.processor.validation;

import dev.jwtsecured.processor.model.Names;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Which resources each configuration secures: its packages, the configurations whose packages overlap (an error on
 * both), and the routes scanned in its packages, with the resource classes as originating elements.
 */
public final class ConfigScopes {
  /**
   * The routes in a configuration's packages, every element its outputs derive from, and a type they name that no
   * processor has generated yet ({@code pending}: the configuration waits for a later round).
   */
  public record Scoped(List<String> packages, RouteScanner.Scan scan, List<Element> originating,
      Optional<PendingTypes.Pending> pending) {
    public Scoped {
      packages = List.copyOf(packages);
      originating = List.copyOf(originating);
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

  /** {@code basePackages} as written, else the configuration's own package. */
  public List<String> packages(TypeElement config, AnnotationMirror mirror) {
    List<String> packages = AnnotationValues.strings(mirror, "basePackages");
    return packages.isEmpty() ? List.of(elements.getPackageOf(config).getQualifiedName().toString()) : packages;
  }

  /** Scans the named root resources that lie in the configuration's packages. */
  public Scoped scan(TypeElement config, AnnotationMirror mirror, Iterable<String> resources) {
    List<String> packages = packages(config, mirror);
    List<RouteScanner.ScannedRoute> routes = new ArrayList<>();
    List<RouteScanner.ScannedLocator> locators = new ArrayList<>();
    List<Element> originating = new ArrayList<>(List.of(config));
    List<TypeElement> roots = new ArrayList<>();
    for (String name : resources) {
      TypeElement resource = elements.getTypeElement(name);
      if (resource != null && scanner.inScope(resource, packages)) {
        RouteScanner.Scan scan = scanner.scan(resource);
        routes.addAll(scan.routes());
        locators.addAll(scan.locators());
        roots.add(resource);
      }
    }
    originating.addAll(roots);
    RouteScanner.Scan scan = new RouteScanner.Scan(routes, locators);
    return new Scoped(packages, scan, originating, pendingTypes.find(roots, scan));
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
        for (String pa : packages(a, ma.get())) {
          for (String pb : packages(b, mb.get())) {
            String shared = pa.equals(pb) || pb.startsWith(pa + ".") ? pb : pa.startsWith(pb + ".") ? pa : null;
            if (shared != null && found.add(a) | found.add(b)) {
              Message.Text message = Message.OVERLAPPING_CONFIGURATIONS.format(a.getQualifiedName(), b.getQualifiedName(),
                  shared);
              diagnostics.add(Diagnostic.at(message, a, ma.get(), null));
              diagnostics.add(Diagnostic.at(message, b, mb.get(), null));
            }
          }
        }
      }
    }
    return new Overlaps(found, diagnostics);
  }
}
