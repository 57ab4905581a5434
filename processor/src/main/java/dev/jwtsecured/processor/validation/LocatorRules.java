package dev.jwtsecured.processor.validation;

import dev.jwtsecured.processor.model.Roles;
import dev.jwtsecured.processor.model.RouteModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules locators bring to classes the processor did not see, which no filter it bound carries: for the locator
 * guard, before a locator declaring no class runs, and for the policies, on the methods such a class adds to a type a
 * locator declares.
 */
final class LocatorRules {
  private LocatorRules() {}

  /**
   * The types that locators bringing a rule declare and that a class the processor did not see may extend or
   * implement, with those rules: the policies give them to the resource methods such a class adds, after JAX-RS
   * matched (one rule per method: every such locator's).
   */
  static List<RouteModel.LocatorRule> of(List<Pattern> excludes, RouteScanner.Scan scan) {
    List<RouteModel.LocatorRule> rules = new ArrayList<>();
    for (RouteScanner.ScannedLocator locator : scan.locators()) {
      RouteModel.Policy rule = rule(excludes, locator);
      if (locator.declared().isPresent() && rule != RouteModel.Policy.AUTHENTICATED) {
        RouteModel.LocatorRule bound = new RouteModel.LocatorRule(locator.declared().get(), rule,
            rule == RouteModel.Policy.ROLES ? locator.decision().roles() : Roles.NONE);
        if (!rules.contains(bound)) {
          rules.add(bound);
        }
      }
    }
    rules.sort(Comparator.comparing((RouteModel.LocatorRule r) -> r.type().canonicalName())
        .thenComparing(r -> r.rule() + " " + r.roles()));
    return rules;
  }

  /**
   * The rule a locator brings to a class the processor did not see, which it may return (it declares {@code Object},
   * {@code Class<?>}, a type variable, or a class that is not final, which an implementation or subclass may extend
   * with resource methods of its own): the locator's own, those of the locators before it included, as
   * {@code RouteChecks} decides for an operation at the locator's path ({@code @DenyAll} before {@code @PermitAll}
   * before an exclusion before {@code @RolesAllowed}). No filter bound to such a class's methods carries it: the
   * locator guard checks it before a locator declaring no class runs, the policies bind it to the methods a class the
   * processor did not see adds to a declared one. Before, a caller with any valid token passed an admins-only locator
   * there.
   */
  static RouteModel.Policy rule(List<Pattern> excludes, RouteScanner.ScannedLocator locator) {
    if (!locator.returnsUnseen()) {
      return RouteModel.Policy.AUTHENTICATED;
    }
    return switch (locator.decision().access()) {
      case DENY_ALL -> RouteModel.Policy.DENY_ALL;
      case ROLES -> RouteChecks.isExcluded(excludes, locator.path()) ? RouteModel.Policy.AUTHENTICATED
          : RouteModel.Policy.ROLES;
      case PERMIT_ALL, AUTHENTICATED -> RouteModel.Policy.AUTHENTICATED;
    };
  }
}
