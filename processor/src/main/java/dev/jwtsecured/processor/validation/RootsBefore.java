package dev.jwtsecured.processor.validation;

import dev.jwtsecured.processor.model.ConfigModel;
import dev.jwtsecured.processor.model.RouteModel;
import dev.jwtsecured.processor.model.SettingsModel;
import dev.jwtsecured.runtime.internal.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * The root resource operations (the generated resources among them) that JAX-RS may match before a protected locator
 * of another root resource class, for the locator guard to leave to their own rules: a configuration's own, and those
 * of the other configurations of its application.
 */
public final class RootsBefore {
  private final List<RouteModel.RootOperation> roots;

  RootsBefore(List<RouteModel.RootOperation> roots) {
    this.roots = List.copyOf(roots);
  }

  /**
   * The operations of a configuration's root resources, its generated resources among them, sorted by path, then by
   * their class's template; then the locators its root resource classes declare.
   */
  static List<RouteModel.RootOperation> operations(SettingsModel s, RouteScanner.Scan scan,
      boolean hasTokenEndpoint) {
    Map<String, Map<String, Set<String>>> roots = new TreeMap<>();
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
    List<RouteModel.RootOperation> operations = new ArrayList<>();
    roots.forEach((path, byRoot) -> byRoot.forEach((root, served) ->
        operations.add(new RouteModel.RootOperation(path, root, List.copyOf(new TreeSet<>(served))))));
    Map<String, Set<String>> locators = new TreeMap<>();
    for (RouteScanner.ScannedLocator l : scan.locators()) {
      if (l.outermost()) {
        locators.computeIfAbsent(l.path(), k -> new TreeSet<>()).add(l.rootPath());
      }
    }
    locators.forEach((path, byRoot) -> byRoot.forEach(root ->
        operations.add(new RouteModel.RootOperation(path, root, List.of()))));
    return operations;
  }

  /**
   * The root operations JAX-RS matches before the locator at {@code path}, of the root resource class at
   * {@code rootPath}, reached through the outermost locator that RESTEasy registers at {@code entry}, outside its class
   * ({@link Templates#takenBefore}, the rule the runtime applies to the root operations of configurations compiled
   * apart).
   */
  List<RouteModel.Beside> before(String path, String rootPath, String entry) {
    List<RouteModel.Beside> before = new ArrayList<>();
    BiPredicate<String, String> taken = Templates.takenBefore(path, rootPath, entry);
    for (RouteModel.RootOperation root : roots) {
      if (taken.test(root.path(), root.rootPath())) {
        before.add(new RouteModel.Beside(root.path(), root.httpMethods()));
      }
    }
    return before;
  }

  /**
   * {@code model}, its guarded locators also leaving to their own rules the root operations of the other
   * configurations of its application ({@code others}), which JAX-RS matches first alike: without them, a
   * configuration's guard asked its own token for the other's token endpoint, public operations and protected ones,
   * where no caller has it.
   */
  public static ConfigModel withOthers(ConfigModel model, List<RouteModel.RootOperation> others) {
    if (others.isEmpty() || model.guardedLocators().isEmpty()) {
      return model;
    }
    RootsBefore roots = new RootsBefore(others);
    List<RouteModel.GuardedLocator> guarded = new ArrayList<>();
    for (RouteModel.GuardedLocator locator : model.guardedLocators()) {
      List<RouteModel.Beside> beside = new ArrayList<>(locator.beside());
      for (RouteModel.Beside b : roots.before(locator.path(), locator.rootPath(), locator.entry())) {
        if (!beside.contains(b)) {
          beside.add(b);
        }
      }
      guarded.add(locator.withBeside(beside));
    }
    return model.withGuardedLocators(guarded);
  }

  /**
   * A warning when {@code model}'s locator guard may ask its token for a root operation of {@code other}, a
   * configuration of its application (or, where nothing places either, perhaps of it), whose class JAX-RS may match
   * before the locator's and whose template has a parameter that may take several segments ({@code {rest: .*}}):
   * {@link #before} cannot tell which requests that class takes, so the guard does not leave them to the other, whose
   * callers have no token of this one.
   */
  public static Optional<Message.Text> beforeUnknownRoot(ConfigModel model, ConfigModel other) {
    for (RouteModel.GuardedLocator locator : model.guardedLocators()) {
      BiPredicate<String, String> unknown = Templates.unknownBefore(locator.path(), locator.rootPath());
      for (RouteModel.RootOperation root : other.rootOperations()) {
        if (unknown.test(root.path(), root.rootPath())) {
          return Optional.of(Message.GUARD_BEFORE_UNKNOWN_ROOT.format(locator.path(),
              (root.httpMethods().isEmpty() ? "any request to" : String.join("/", root.httpMethods())) + " "
                  + root.path(), other.configClass().canonicalName(), root.rootPath()));
        }
      }
    }
    return Optional.empty();
  }
}
