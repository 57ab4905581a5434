package dev.jwtsecured.processor.validation;

import dev.jwtsecured.runtime.internal.Templates;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/** Locators of one class that JAX-RS cannot tell apart. */
final class TwinLocators {
  private TwinLocators() {}

  /**
   * Two locators of one class at one template (as JAX-RS matches it: parameter names aside), such as a class's own
   * and one it inherits from an interface: which one JAX-RS takes is the runtime's choice, and each leads to methods of
   * their own rules, so one request is allowed on one run and refused on the next (RESTEasy, seed 6550). Once per pair,
   * at the second one {@code locators} holds.
   */
  static void warn(List<RouteScanner.ScannedLocator> locators, List<Diagnostic> problems) {
    Map<String, RouteScanner.ScannedLocator> first = new HashMap<>();
    Set<List<Element>> warned = new HashSet<>();
    for (RouteScanner.ScannedLocator locator : locators) {
      // The class at one path, its locator's own template alike: one visit of the class (another visit, at another
      // path, may give another locator's template the same whole path without any choice between them). A locator
      // whose template stands on a method it overrides is left out: not warned of, never wrongly.
      Optional<String> own = RouteScanner.pathOf(locator.method());
      if (own.isEmpty()) {
        continue;
      }
      String key = locator.locator().resourceClass() + " " + Templates.regex(locator.path()) + " "
          + Templates.regex(RouteScanner.join(own.get()));
      RouteScanner.ScannedLocator twin = first.putIfAbsent(key, locator);
      if (twin != null && !twin.method().equals(locator.method())
          && warned.add(List.of(twin.method(), locator.method()))) {
        problems.add(Diagnostic.at(Message.TWIN_LOCATORS.format(name(twin.method()), name(locator.method()),
            locator.locator().resourceClass().canonicalName(), locator.path()), locator.method(), null, null));
      }
    }
  }

  private static String name(ExecutableElement method) {
    return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName() + "()";
  }
}
