package dev.jwtsecured.processor.validation;

import dev.jwtsecured.processor.model.Names;
import dev.jwtsecured.processor.model.Roles;
import dev.jwtsecured.processor.model.RouteModel;
import dev.jwtsecured.processor.model.SettingsModel;
import dev.jwtsecured.runtime.internal.Templates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Decides the policy of every scanned operation and checks the configuration against the route table:
 * exclusions that match nothing or everything, literal exclusions that a template would swallow, annotations that an
 * exclusion makes pointless, locators that lead to public and protected operations alike, and a token endpoint that
 * collides with a resource.
 *
 * <p>A pattern excludes an operation when it fully matches the operation's path template as written, parameters as
 * {@code {name}}. The generated token endpoint and OpenAPI resource count as routes for the checks.
 */
final class RouteChecks {
  /** Paths of very different shapes: a pattern that matches all of them matches every path. */
  private static final List<String> PROBES =
      List.of("/", "/a", "/zz9", "/a/b/c", "/x-y_z.json", "/v1/items/{id}/tags", "/%20/;/~");
  /** Exclude entries made only of these characters are plain paths: they match exactly one path. */
  private static final Pattern LITERAL_PATH = Pattern.compile("[A-Za-z0-9/_~%:@!,;=&'.-]*");

  /** The decided routes, the locators to guard, and what was found wrong. */
  record Result(List<RouteModel> routes, List<RouteModel.GuardedLocator> guardedLocators,
      List<RouteModel.RootOperation> rootOperations, List<RouteModel.LocatorRule> locatorRules,
      List<Diagnostic> problems) {}

  private final ConfigValues values;
  /** Whether the class named first is a subtype of the one named second. */
  private final BiPredicate<String, String> isSubtype;

  RouteChecks(ConfigValues values, BiPredicate<String, String> isSubtype) {
    this.values = values;
    this.isSubtype = isSubtype;
  }

  Result check(SettingsModel s, RouteScanner.Scan scan, boolean hasTokenEndpoint) {
    List<Diagnostic> problems = new ArrayList<>();
    List<Pattern> excludes = compiled(s.exclude());
    List<RouteModel> routes = new ArrayList<>();
    for (RouteScanner.ScannedRoute r : scan.routes()) {
      routes.add(decide(s, excludes, r));
    }
    routes = SharedMethods.bind(scan.routes(), routes, problems);
    SharedMethods.checkSeenImplementations(scan.routes(), routes, isSubtype, problems);
    // What the filters enforce, shared rules included: the locator guard decides with it too.
    Map<RouteScanner.ScannedRoute, RouteModel> enforced = new IdentityHashMap<>();
    for (int i = 0; i < routes.size(); i++) {
      enforced.put(scan.routes().get(i), routes.get(i));
    }
    routes.sort(RouteModel.ORDER);

    List<String> templates = routes.stream().map(r -> Templates.openApi(r.path())).distinct()
        .collect(Collectors.toList());
    if (hasTokenEndpoint) {
      for (RouteModel r : routes) {
        if (Templates.openApi(r.path()).equals(s.tokenUrl())) {
          problems.add(values.at("tokenUrl", Message.TOKEN_URL_COLLIDES.format(s.tokenUrl(),
              r.resourceClass().canonicalName() + "." + r.methodName())));
          break;
        }
      }
      templates.add(s.tokenUrl());
    }
    if (!s.openApiPath().isEmpty()) {
      gettable(routes, s.openApiPath()).ifPresent(r -> problems.add(values.at("openApiPath",
          Message.GENERATED_PATH_COLLIDES.format("OpenAPI document", s.openApiPath(), name(r), "GET",
              "Choose another openApiPath, or move the resource"))));
      templates.add(s.openApiPath());
    }
    if (s.signsWithKey()) {
      gettable(routes, SettingsModel.JWKS_PATH).ifPresent(r -> problems.add(values.at("privateKey",
          Message.GENERATED_PATH_COLLIDES.format("public key set", SettingsModel.JWKS_PATH, name(r), "GET",
              "Move the resource: the key set's path is fixed, for the services that read it"))));
    }
    checkExcludes(s, routes, templates, problems);

    for (RouteScanner.ScannedRoute r : scan.routes()) {
      String rolesAllowed = r.decision().rolesAllowed();
      if (s.excludeMethods().contains(r.httpMethod())
          && (rolesAllowed != null || r.decision().access() == RouteModel.Access.DENY_ALL)) {
        String rule = rolesAllowed != null ? "@RolesAllowed(" + rolesAllowed + ")" : "@DenyAll";
        problems.add(Diagnostic.at(Message.RULE_ON_EXCLUDED_METHOD.format(rule, r.httpMethod() + " " + r.path(),
            r.httpMethod()), r.method(), null, null));
      }
      if (!isExcluded(excludes, r.path()) || s.excludeMethods().contains(r.httpMethod())) {
        continue;
      }
      String where = r.httpMethod() + " " + r.path();
      if (r.decision().access() == RouteModel.Access.PERMIT_ALL && r.decision().source() != null) {
        problems.add(Diagnostic.at(Message.PERMIT_ALL_IN_EXCLUDED_PATH.format(where), r.method(), null, null));
      } else if (rolesAllowed != null) {
        problems.add(Diagnostic.at(Message.ROLES_ON_EXCLUDED_PATH.format(rolesAllowed, where), r.method(), null,
            null));
      }
    }
    checkUnreadRules(scan, problems);
    List<RouteModel.RootOperation> rootOperations = RootsBefore.operations(s, scan, hasTokenEndpoint);
    return new Result(routes, guardedLocators(excludes, enforced, scan, rootOperations, problems), rootOperations,
        LocatorRules.of(excludes, scan), problems);
  }

  /**
   * Rules written where nothing reads them: Java EE's annotations and the application's annotations carrying a
   * JSR-250 one (errors, where they stand), and a superclass's class-level rule that leaves a method with none.
   */
  private static void checkUnreadRules(RouteScanner.Scan scan, List<Diagnostic> problems) {
    scan.unreadRules().forEach((element, annotations) -> {
      for (AnnotationMirror a : annotations) {
        String name = a.getAnnotationType().asElement().getSimpleName().toString();
        problems.add(Diagnostic.at(Decision.isJavax(a)
            ? Message.JAVAX_SECURITY_ANNOTATION.format(Names.JAVAX_SECURITY_PACKAGE + "." + name, element, name)
            : Message.SECURITY_META_ANNOTATION.format(name, element, Decision.carried(a), element),
            element, a, null));
      }
    });
    Set<Element> warned = new HashSet<>();
    for (RouteScanner.NotInherited n : scan.notInherited()) {
      if (warned.add(n.method())) {
        String rule = "@" + n.rule().getAnnotationType().asElement().getSimpleName();
        problems.add(Diagnostic.at(Message.SUPERCLASS_RULE_NOT_INHERITED.format(rule, n.superclass(), n.method(),
            n.resource(), n.resource()), n.method(), null, null));
      }
    }
    Set<Element> disputed = new HashSet<>();
    for (RouteScanner.DisputedOverride d : scan.disputedOverrides()) {
      if (disputed.add(d.method())) {
        problems.add(Diagnostic.at(Message.OVERRIDE_INHERITS_NO_JAXRS.format(d.method().getEnclosingElement(),
            d.method(), d.annotated().getEnclosingElement(), d.annotated()), d.method(), null, null));
      }
    }
  }

  private static RouteModel decide(SettingsModel s, List<Pattern> excludes, RouteScanner.ScannedRoute r) {
    RouteModel.Policy policy;
    if (s.excludeMethods().contains(r.httpMethod())) {
      policy = RouteModel.Policy.EXCLUDED_METHOD;
    } else if (r.decision().access() == RouteModel.Access.DENY_ALL) {
      policy = RouteModel.Policy.DENY_ALL;
    } else if (r.decision().access() == RouteModel.Access.PERMIT_ALL) {
      policy = RouteModel.Policy.PERMIT_ALL;
    } else if (isExcluded(excludes, r.path())) {
      policy = RouteModel.Policy.EXCLUDED;
    } else if (r.decision().access() == RouteModel.Access.ROLES) {
      policy = RouteModel.Policy.ROLES;
    } else {
      policy = RouteModel.Policy.AUTHENTICATED;
    }
    return new RouteModel(r.resourceClass(), r.methodName(), r.parameterTypes(), r.httpMethod(), r.path(), policy,
        policy == RouteModel.Policy.ROLES ? r.decision().roles() : Roles.NONE, r.consumes(), r.produces(),
        r.locatorPath(), r.anyImplementation(), r.bridgeTypes());
  }

  private void checkExcludes(SettingsModel s, List<RouteModel> routes, List<String> templates,
      List<Diagnostic> problems) {
    for (int i = 0; i < s.exclude().size(); i++) {
      String exclude = s.exclude().get(i);
      Pattern pattern;
      try {
        pattern = Pattern.compile(exclude);
      } catch (PatternSyntaxException invalid) {
        continue; // reported by the validator
      }
      if (PROBES.stream().allMatch(p -> pattern.matcher(p).matches())
          || (templates.size() >= 2 && templates.stream().allMatch(t -> pattern.matcher(t).matches()))) {
        problems.add(values.at("exclude", i, Message.EXCLUDE_MATCHES_EVERYTHING.format(exclude)));
        continue;
      }
      if (templates.stream().anyMatch(t -> pattern.matcher(t).matches())) {
        continue;
      }
      RouteModel swallowing = LITERAL_PATH.matcher(exclude).matches() ? swallowing(exclude, routes) : null;
      if (swallowing != null) {
        problems.add(values.at("exclude", i, Message.EXCLUDE_SHADOWED_BY_TEMPLATE.format(exclude,
            swallowing.httpMethod() + " " + Templates.openApi(swallowing.path()),
            swallowing.resourceClass().canonicalName() + "." + swallowing.methodName())));
      } else {
        problems.add(values.at("exclude", i, Message.EXCLUDE_MATCHES_NO_ROUTE.format(exclude,
            templates.isEmpty() ? "none: the processor saw no resource in scope"
                : "\"" + Nearest.template(exclude, templates) + "\"")));
      }
    }
  }

  /** The first protected operation whose template JAX-RS would match {@code literal} against, or {@code null}. */
  private static RouteModel swallowing(String literal, List<RouteModel> routes) {
    for (RouteModel r : routes) {
      if (!r.policy().isPublic && Pattern.compile(Templates.regex(r.path())).matcher(literal).matches()) {
        return r;
      }
    }
    return null;
  }

  /**
   * The locators to authenticate before they run: those whose every operation needs a token (or that may lead to
   * classes the processor cannot see), each with what JAX-RS matches before it and the rule it brings. A locator that
   * leads to public and protected operations alike gets a warning, since it runs before authentication.
   */
  private List<RouteModel.GuardedLocator> guardedLocators(List<Pattern> excludes,
      Map<RouteScanner.ScannedRoute, RouteModel> enforced, RouteScanner.Scan scan,
      List<RouteModel.RootOperation> rootOperations, List<Diagnostic> problems) {
    // Another class's locators, which another configuration's guard leaves to this one's, stay out of this one's: it
    // authenticates the requests that may reach a protected one itself, and one that leads to public operations
    // asks a token at most where it need not.
    RootsBefore roots = new RootsBefore(rootOperations.stream().filter(o -> !o.httpMethods().isEmpty()).toList());
    // A set: locators that lead to one another reach each other's classes along many paths, thousands of them.
    Set<RouteModel.GuardedLocator> guarded = new LinkedHashSet<>();
    List<RouteScanner.ScannedLocator> locators = new ArrayList<>(scan.locators());
    locators.sort(Comparator.comparing(RouteScanner.ScannedLocator::path));
    // A locator method's warnings once, at its first path: one reached along many paths repeated each (90 warnings
    // for a few methods), and javac shows 100 warnings at most, so others, such as a guard's, went unseen.
    Set<Element> declaresAbstract = new HashSet<>();
    Set<Element> beforeAuthentication = new HashSet<>();
    TwinLocators.warn(locators, problems);
    for (RouteScanner.ScannedLocator locator : locators) {
      locator.abstractReturn().filter(type -> declaresAbstract.add(locator.method())).ifPresent(type -> problems.add(
          Diagnostic.at(Message.LOCATOR_RETURNS_ABSTRACT_TYPE.format(locator.path(), type), locator.method(), null,
              null)));
      long open = locator.reached().stream().filter(r -> enforced.get(r).policy().isPublic).count();
      if (open == 0) {
        // Each one, even below another's path: JAX-RS may take a request there to another class, past what the
        // other locator's class matches first (/orgs/{org}'s members below /orgs' {org}, beside /orgs/directory).
        List<RouteModel.Beside> beside = new ArrayList<>(locator.beside());
        beside.addAll(roots.before(locator.path(), locator.registeredRoot(), locator.entry()));
        RouteModel.Policy rule = locator.declared().isEmpty() ? LocatorRules.rule(excludes, locator)
            : RouteModel.Policy.AUTHENTICATED;
        RouteModel.GuardedLocator guard = new RouteModel.GuardedLocator(locator.path(), locator.registeredRoot(),
            locator.entry(), beside, rule, rule == RouteModel.Policy.ROLES ? locator.decision().roles() : Roles.NONE);
        guarded.add(guard);
      } else if ((open < locator.reached().size() || locator.leadsToUnseen())
          && beforeAuthentication.add(locator.method())) {
        problems.add(Diagnostic.at(Message.LOCATOR_BEFORE_AUTHENTICATION.format(locator.path()),
            locator.method(), null, null));
      }
    }
    return List.copyOf(guarded);
  }

  /** The first operation that answers {@code GET} at {@code path} (relative to the application path), if any. */
  private static Optional<RouteModel> gettable(List<RouteModel> routes, String path) {
    return routes.stream()
        .filter(r -> r.httpMethod().equals("GET") && Templates.openApi(r.path()).equals(path))
        .findFirst();
  }

  private static String name(RouteModel r) {
    return r.resourceClass().canonicalName() + "." + r.methodName();
  }

  private static List<Pattern> compiled(List<String> patterns) {
    List<Pattern> compiled = new ArrayList<>();
    for (String p : patterns) {
      try {
        compiled.add(Pattern.compile(p));
      } catch (PatternSyntaxException invalid) {
        // reported by the validator
      }
    }
    return compiled;
  }

  /** Whether a pattern fully matches the template written with its parameters as {@code {name}}. */
  static boolean isExcluded(List<Pattern> patterns, String template) {
    String path = Templates.openApi(template);
    return patterns.stream().anyMatch(p -> p.matcher(path).matches());
  }
}
