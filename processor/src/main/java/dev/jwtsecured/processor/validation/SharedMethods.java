package dev.jwtsecured.processor.validation;

import dev.jwtsecured.processor.model.Roles;
import dev.jwtsecured.processor.model.RouteModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * One rule per resource method. JAX-RS binds filters to a resource method (its class and Java method), not to a path:
 * a sub-resource class that two locators return, or a root resource class that a locator also returns, has one filter
 * for every path that reaches it. When those paths were decided differently (a plain locator and one with
 * {@code @RolesAllowed("admin")}), every path gets all of their rules, so that no path is more open than decided; the
 * route report and OpenAPI document then say what is enforced, and a warning names the paths.
 */
final class SharedMethods {
  /** The most paths of one method a warning lists. */
  private static final int MOST_LISTED = 10;

  private SharedMethods() {}

  /**
   * {@code decided}, in the order of {@code scanned} (one route each), with one rule per resource method; a warning in
   * {@code problems} on each method whose paths had different rules.
   */
  static List<RouteModel> bind(List<RouteScanner.ScannedRoute> scanned, List<RouteModel> decided,
      List<Diagnostic> problems) {
    Map<String, List<Integer>> byMethod = new LinkedHashMap<>();
    for (int i = 0; i < decided.size(); i++) {
      RouteModel r = decided.get(i);
      String key = r.resourceClass().reflectionName() + "#" + r.methodName() + r.parameterTypes();
      byMethod.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    List<RouteModel> bound = new ArrayList<>(decided);
    for (List<Integer> group : byMethod.values()) {
      List<RouteModel> routes = group.stream().map(decided::get).collect(Collectors.toList());
      if (routes.stream().map(SharedMethods::effect).distinct().count() < 2) {
        continue;
      }
      RouteModel rule = all(routes);
      for (int i : group) {
        RouteModel r = decided.get(i);
        bound.set(i, new RouteModel(r.resourceClass(), r.methodName(), r.parameterTypes(), r.httpMethod(), r.path(),
            rule.policy(), rule.roles(), r.consumes(), r.produces(), r.locatorPath(), r.anyImplementation(),
            r.bridgeTypes()));
      }
      // Locators that lead to one another reach a method along thousands of paths: the first few show the point.
      String paths = routes.stream().limit(MOST_LISTED)
          .map(r -> r.httpMethod() + " " + r.path() + " (" + describe(r) + ")")
          .collect(Collectors.joining(", "))
          + (routes.size() > MOST_LISTED ? " and " + (routes.size() - MOST_LISTED) + " more paths" : "");
      problems.add(Diagnostic.at(Message.SHARED_RESOURCE_METHOD.format(
          routes.get(0).resourceClass().canonicalName() + "." + routes.get(0).methodName(), paths,
          describe(rule)), scanned.get(group.get(0)).method()));
    }
    return bound;
  }

  /**
   * A warning on each method of a class the processor saw (a root resource) that also implements or overrides a method
   * of a type a locator declares, with a more open rule than the declared type's: if the locator returns an instance of
   * that class, JAX-RS binds the class's own filter there too, and the locator's path is as open as the class's.
   */
  static void checkSeenImplementations(List<RouteScanner.ScannedRoute> scanned, List<RouteModel> bound,
      BiPredicate<String, String> isSubtype, List<Diagnostic> problems) {
    // The declared types' routes by method name, in order: each route is compared with those of its name only (one
    // pass over all pairs took half a second for 10,000 resource methods).
    Map<String, List<RouteModel>> declaredByName = new LinkedHashMap<>();
    for (RouteModel r : bound) {
      if (r.anyImplementation()) {
        declaredByName.computeIfAbsent(r.methodName(), name -> new ArrayList<>()).add(r);
      }
    }
    for (int i = 0; i < bound.size(); i++) {
      RouteModel seen = bound.get(i);
      if (seen.anyImplementation()) {
        continue;
      }
      for (RouteModel declared : declaredByName.getOrDefault(seen.methodName(), List.of())) {
        if (!declared.parameterTypes().equals(seen.parameterTypes())
            || effect(both(seen, declared)).equals(effect(seen))
            || !isSubtype.test(seen.resourceClass().canonicalName(), declared.resourceClass().canonicalName())) {
          continue;
        }
        problems.add(Diagnostic.at(Message.RESOURCE_ALSO_BEHIND_LOCATOR.format(
            seen.resourceClass().canonicalName() + "." + seen.methodName(), describe(seen),
            declared.resourceClass().canonicalName(), declared.httpMethod() + " " + declared.path(),
            describe(declared)), scanned.get(i).method()));
        break;
      }
    }
  }

  /** What a rule does at run time: public ones are alike whatever made them public. */
  private static String effect(RouteModel r) {
    return r.policy().isPublic ? "public" : r.policy() + r.roles().toString();
  }

  private static String describe(RouteModel r) {
    return r.policy() == RouteModel.Policy.ROLES ? "roles " + r.roles() : r.policy().label;
  }

  /** What passes every rule of {@code routes}: denied before roles before a valid token before public. */
  private static RouteModel all(List<RouteModel> routes) {
    RouteModel all = routes.get(0);
    for (RouteModel r : routes.subList(1, routes.size())) {
      all = both(all, r);
    }
    return all;
  }

  /** What passes {@code a} and {@code b}: the stricter policy, and for two role rules a role of each. */
  private static RouteModel both(RouteModel a, RouteModel b) {
    if (a.policy() == RouteModel.Policy.ROLES && b.policy() == RouteModel.Policy.ROLES) {
      return with(a, RouteModel.Policy.ROLES, a.roles().and(b.roles()));
    }
    return b.policy().strictness() > a.policy().strictness() ? b : a;
  }

  private static RouteModel with(RouteModel r, RouteModel.Policy policy, Roles roles) {
    return new RouteModel(r.resourceClass(), r.methodName(), r.parameterTypes(), r.httpMethod(), r.path(), policy,
        roles, r.consumes(), r.produces(), r.locatorPath(), r.anyImplementation(), r.bridgeTypes());
  }
}
