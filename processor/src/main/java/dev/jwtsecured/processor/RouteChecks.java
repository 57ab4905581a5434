package dev.jwtsecured.processor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * Checks the configuration against the route table: exclusions that match nothing or everything, annotations that an
 * exclusion makes pointless, and a token endpoint that collides with a resource.
 *
 * <p>A pattern covers a route when it fully matches the route's path template as written, parameters as
 * {@code {name}} (see {@link OpenApiGenerator#isExcluded}). The generated token endpoint and OpenAPI resource count as
 * routes.
 */
final class RouteChecks {
  /** Paths of very different shapes: a pattern that matches all of them matches every path. */
  private static final List<String> PROBES =
      List.of("/", "/a", "/zz9", "/a/b/c", "/x-y_z.json", "/v1/items/{id}/tags", "/%20/;/~");

  private final AnnotationMirror mirror;
  private final TypeElement config;

  RouteChecks(AnnotationMirror mirror, TypeElement config) {
    this.mirror = mirror;
    this.config = config;
  }

  void check(SettingsModel s, List<RouteScanner.ScannedRoute> routes, boolean hasAuthenticator,
      ConfigValidator.Values values, List<Diagnostic> problems) {
    List<String> templates = new ArrayList<>();
    for (RouteScanner.ScannedRoute r : routes) {
      templates.add(OpenApiGenerator.openApiPath(r.model().path()));
    }
    if (!s.tokenUrl().isEmpty() && hasAuthenticator) {
      for (RouteScanner.ScannedRoute r : routes) {
        if (OpenApiGenerator.openApiPath(r.model().path()).equals(s.tokenUrl())) {
          problems.add(values.error("tokenUrl", Message.TOKEN_URL_COLLIDES.format(s.tokenUrl(),
              r.model().resourceClass().canonicalName() + "." + r.model().methodName())));
          break;
        }
      }
      templates.add(s.tokenUrl());
    }
    if (!s.openApiPath().isEmpty()) {
      templates.add(s.openApiPath());
    }

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
        problems.add(values.warningAt("exclude", i, Message.EXCLUDE_MATCHES_EVERYTHING.format(exclude)));
      } else if (templates.stream().noneMatch(t -> pattern.matcher(t).matches())) {
        problems.add(values.warningAt("exclude", i, Message.EXCLUDE_MATCHES_NO_ROUTE.format(exclude,
            templates.isEmpty() ? "none: the processor saw no resource in scope" : "\"" + closest(exclude, templates)
                + "\"")));
      }
    }

    for (RouteScanner.ScannedRoute r : routes) {
      RouteModel route = r.model();
      if (!OpenApiGenerator.isExcluded(s.exclude(), route.path())
          || s.excludeMethods().contains(route.httpMethod())) {
        continue;
      }
      String where = route.httpMethod() + " " + route.path();
      if (route.access() == RouteModel.Access.PERMIT_ALL) {
        problems.add(Diagnostic.warning(Message.PERMIT_ALL_IN_EXCLUDED_PATH.format(where), r.method(), null, null));
      } else if (route.access() == RouteModel.Access.ROLES) {
        problems.add(Diagnostic.warning(Message.ROLES_ON_EXCLUDED_PATH.format(String.join(", ", route.roles()),
            where), r.method(), null, null));
      }
    }
  }

  /**
   * The template nearest to {@code pattern}: one it is a prefix of (the unanchored habit: {@code "/users"} meant to
   * cover {@code /users/{id}}), else the nearest by edit distance (a typo).
   */
  static String closest(String pattern, List<String> templates) {
    return templates.stream()
        .min(Comparator.comparingInt((String t) -> t.startsWith(pattern) ? 0 : 1)
            .thenComparingInt(t -> distance(pattern, t))
            .thenComparing(Comparator.naturalOrder()))
        .orElseThrow();
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
