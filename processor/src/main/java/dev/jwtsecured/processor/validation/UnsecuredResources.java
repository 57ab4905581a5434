package dev.jwtsecured.processor.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The root resources of a compilation that none of its configurations secures: in none of their packages, listed by
 * none, reached by no locator of theirs. At run time their methods are unseen (a valid token, no JSR-250 rule), which a
 * configuration in a package beside its resources' ({@code com.example.security} beside {@code com.example.api}) once
 * gave them without a word. While a configuration could not be scanned, its errors speak and this says nothing.
 */
public final class UnsecuredResources {
  /** How many configurations a warning names. */
  private static final int NAMED = 3;
  /** The packages of each configuration scanned, by qualified name. */
  private final Map<String, List<String>> packages = new LinkedHashMap<>();
  /** The classes their scans hold: root resources of their packages, those listed, those behind their locators. */
  private final Set<String> held = new HashSet<>();
  private boolean unknown;

  /** Records what configuration {@code config} secures, as {@link ConfigScopes#scan} found it. */
  public void scanned(TypeElement config, ConfigScopes.Scoped scoped) {
    packages.put(config.getQualifiedName().toString(), scoped.packages());
    scoped.roots().forEach(root -> held.add(root.getQualifiedName().toString()));
    scoped.scan().routes().forEach(route -> held.add(route.resourceClass().canonicalName()));
    unknown |= !scoped.problems().isEmpty();
  }

  /** A configuration of the compilation was not scanned: what it secures is not known. */
  public void notScanned() {
    unknown = true;
  }

  /**
   * A warning on each of {@code resources} (qualified names of root resource classes) that no configuration scanned
   * holds, except the types jwtsecured generated ({@code generated}) and those whose package an earlier build's
   * configuration secures ({@code securedEarlier}, asked of the package).
   */
  public List<Diagnostic> warnings(Elements elements, Iterable<String> resources, Set<String> generated,
      Predicate<String> securedEarlier) {
    List<Diagnostic> warnings = new ArrayList<>();
    if (unknown || packages.isEmpty()) {
      return warnings;
    }
    // The first few, for a compilation of many (a test suite's).
    String configurations = packages.entrySet().stream().limit(NAMED)
        .map(e -> e.getKey() + ": " + e.getValue().stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", ")))
        .collect(Collectors.joining("; "))
        + (packages.size() > NAMED ? "; and " + (packages.size() - NAMED) + " more" : "");
    for (String name : resources) {
      TypeElement resource = elements.getTypeElement(name);
      if (resource == null || held.contains(name) || generated.contains(name)) {
        continue;
      }
      String pkg = elements.getPackageOf(resource).getQualifiedName().toString();
      boolean inPackages = packages.values().stream().anyMatch(p -> RouteScanner.inPackages(pkg, p));
      if (!inPackages && !securedEarlier.test(pkg)) {
        warnings.add(Diagnostic.at(Message.RESOURCE_OUTSIDE_CONFIGURATIONS.format(name, configurations), resource));
      }
    }
    return warnings;
  }
}
