package dev.jwtsecured.processor.validation;

import dev.jwtsecured.processor.model.RouteModel;
import dev.jwtsecured.processor.model.SettingsModel;
import dev.jwtsecured.processor.model.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The operations of a configuration's root resources that JAX-RS may match before a protected locator of another
 * root resource, for the locator guard to leave to their own rules.
 */
final class RootsBefore {
  /**
   * Root resource operations, the generated resources among them: by path, then by their class's template, the
   * request methods served there.
   */
  private final Map<String, Map<String, Set<String>>> roots = new TreeMap<>();

  RootsBefore(SettingsModel s, RouteScanner.Scan scan, boolean hasTokenEndpoint) {
    for (RouteScanner.ScannedRoute r : scan.routes()) {
      if (r.locatorPath().isEmpty()) {
        roots.computeIfAbsent(r.path(), k -> new TreeMap<>()).computeIfAbsent(r.rootPath(), k -> new TreeSet<>())
            .addAll(RouteScanner.served(r.httpMethod()));
      }
    }
    if (hasTokenEndpoint) {
      roots.computeIfAbsent(s.tokenUrl(), k -> new TreeMap<>()).put(s.tokenUrl(), Set.of("POST"));
    }
    for (String document : s.signsWithKey() ? List.of(s.openApiPath(), SettingsModel.JWKS_PATH)
        : List.of(s.openApiPath())) {
      if (!document.isEmpty()) {
        roots.computeIfAbsent(document, k -> new TreeMap<>()).put(document, Set.copyOf(RouteScanner.served("GET")));
      }
    }
  }

  /**
   * The root operations JAX-RS matches before {@code locator}, outside its class: JAX-RS first picks the root resource
   * class by its template, RESTEasy compares whole templates; where a root operation sorts first both ways
   * ({@link Templates#sortsBefore}; and a request for the locator may take its path), the locator never runs for that
   * path. Only a root resource whose template's parameters stay within one segment each counts: for another, which
   * rest of the path its class sees is not known here.
   */
  List<RouteModel.Beside> before(RouteScanner.ScannedLocator locator) {
    List<RouteModel.Beside> before = new ArrayList<>();
    Predicate<String> reaching = Templates.reaching(locator.path());
    roots.forEach((path, byRoot) -> byRoot.forEach((root, served) -> {
      if (Templates.withinSegments(root) && Templates.sortsBefore(root, locator.rootPath())
          && Templates.sortsBefore(path, locator.path()) && reaching.test(path)) {
        before.add(new RouteModel.Beside(path, List.copyOf(new TreeSet<>(served))));
      }
    }));
    return before;
  }
}
