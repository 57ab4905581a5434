package dev.jwtsecured.processor.generation;

import dev.jwtsecured.processor.model.ConfigModel;
import dev.jwtsecured.processor.model.RouteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the route report: every JAX-RS operation the processor saw, with its HTTP method, path template, the
 * Java method behind it, and whether it is protected, excluded by pattern or method, public by {@code @PermitAll} or
 * denied by {@code @DenyAll}. A protected one lists the roles it admits, any one of them ({@code roles}), and where
 * several {@code @RolesAllowed} rules apply, a list for each other one ({@code andRoles}): a caller needs one role of
 * {@code roles} and one of each list in {@code andRoles}.
 */
public final class RouteReportGenerator {

  public Map<String, Object> report(ConfigModel model) {
    List<Object> routes = new ArrayList<>();
    for (RouteModel r : model.routes()) {
      Map<String, Object> route = OpenApiGenerator.map(
          "method", r.httpMethod(),
          "path", OpenApiGenerator.fullPath(model, r.path()),
          "resource", r.resourceClass().canonicalName(),
          "javaMethod", r.methodName(),
          "access", r.policy().label,
          "roles", r.roles().isEmpty() ? List.of() : r.roles().sets().get(0));
      if (r.roles().sets().size() > 1) {
        route.put("andRoles", r.roles().sets().subList(1, r.roles().sets().size()));
      }
      if (!r.locatorPath().isEmpty()) {
        route.put("locator", OpenApiGenerator.fullPath(model, r.locatorPath()));
      }
      routes.add(route);
    }
    if (OpenApiGenerator.hasTokenEndpoint(model)) {
      routes.add(OpenApiGenerator.map(
          "method", "POST",
          "path", OpenApiGenerator.tokenUrl(model),
          "resource", model.loginResourceClass().canonicalName(),
          "javaMethod", "form|json",
          "access", "token-endpoint",
          "roles", List.of()));
    }
    return OpenApiGenerator.map("configuration", model.configClass().canonicalName(), "routes", routes);
  }
}
