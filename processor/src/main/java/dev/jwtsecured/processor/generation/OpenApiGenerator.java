package dev.jwtsecured.processor.generation;

import dev.jwtsecured.processor.model.ConfigModel;
import dev.jwtsecured.processor.model.RouteModel;
import dev.jwtsecured.processor.model.SettingsModel;
import dev.jwtsecured.runtime.internal.Templates;
import dev.jwtsecured.processor.validation.RouteScanner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * Builds the OpenAPI 3.1 document of a configuration: its security scheme, a root requirement, and every
 * operation the processor saw with its own requirement ({@code []} for excluded and {@code @PermitAll} ones) and the
 * 401/403 responses of protected ones ({@link OperationDocument}), and the token endpoint ({@link
 * TokenEndpointDocument}). The same tree is written
 * as JSON and YAML; {@link RouteReportGenerator} writes the route report from the same classification.
 */
public final class OpenApiGenerator {
  private static final List<String> METHOD_ORDER =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Comparator<String> BY_METHOD_ORDER = Comparator.comparingInt(METHOD_ORDER::indexOf);

  public Map<String, Object> document(ConfigModel model) {
    SettingsModel s = model.settings();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.1.0");
    doc.put("info", map("title", s.openApiTitle(), "version", s.openApiVersion()));
    doc.put("security", List.of(map(s.schemeName(), List.of())));

    // Each operation (path and method) with its resource methods, several where JAX-RS chooses by media type, or by
    // templates that OpenAPI cannot tell apart: "templated paths with the same hierarchy but different templated names
    // MUST NOT exist" (/items/{id: [0-9]+} and /items/{slug}, a method's and a locator's), so every template of one
    // hierarchy is documented at the path of the first; in the order of the routes, which gives the operation ids.
    Map<String, String> pathOfHierarchy = new HashMap<>();
    Map<List<String>, List<RouteModel>> operations = new LinkedHashMap<>();
    for (RouteModel route : model.routes()) {
      String method = route.httpMethod().toLowerCase(java.util.Locale.ROOT);
      if (!METHOD_ORDER.contains(method)) {
        continue; // a designator of the application's own (PURGE): OpenAPI 3.1 has no field for it
      }
      String own = openApiPath(fullPath(model, route.path()));
      String path = pathOfHierarchy.computeIfAbsent(hierarchy(own), h -> own);
      operations.computeIfAbsent(List.of(path, method), k -> new ArrayList<>()).add(route);
    }
    Map<String, Map<String, Object>> paths = new TreeMap<>();
    Set<String> operationIds = new LinkedHashSet<>();
    operations.forEach((operation, variants) -> paths
        .computeIfAbsent(operation.get(0), p -> new TreeMap<>(BY_METHOD_ORDER))
        .put(operation.get(1), OperationDocument.operation(model, operation.get(0), variants,
            unique(operationIds, operationId(variants.get(0))))));
    if (hasTokenEndpoint(model)) {
      paths.put(openApiPath(tokenUrl(model)), Map.of("post", TokenEndpointDocument.operation(model.settings())));
    }
    doc.put("paths", paths);

    Map<String, Object> components = new LinkedHashMap<>();
    components.put("securitySchemes", map(s.schemeName(), scheme(model)));
    components.put("responses", responses(model));
    components.put("schemas", schemas(model));
    doc.put("components", components);
    return doc;
  }

  public static boolean hasTokenEndpoint(ConfigModel model) {
    return !model.settings().tokenUrl().isEmpty() && model.authenticator().isPresent();
  }

  /** The token endpoint's real path: the application path, then {@code tokenUrl}. */
  static String tokenUrl(ConfigModel model) {
    return fullPath(model, model.settings().tokenUrl());
  }

  public static String fullPath(ConfigModel model, String path) {
    return RouteScanner.join(model.applicationPath(), path);
  }

  /**
   * {@code /items/{id: [0-9]+}} becomes {@code /items/{id}}; a name the template repeats ({@code /a/{id}/b/{id}}, a
   * locator's and its class's) is numbered where it repeats ({@code /a/{id}/b/{id_2}}): in OpenAPI "each template
   * expression MUST NOT appear more than once in a single path template", and a client fills each with one value.
   */
  static String openApiPath(String template) {
    String path = Templates.openApi(template);
    Set<String> names = new HashSet<>();
    Matcher m = Templates.PARAM.matcher(path);
    while (m.find()) {
      names.add(m.group(1));
    }
    Set<String> seen = new HashSet<>();
    StringBuilder out = new StringBuilder();
    m.reset();
    while (m.find()) {
      String name = m.group(1);
      if (!seen.add(name)) {
        int n = 2;
        while (names.contains(name + "_" + n)) {
          n++;
        }
        name = name + "_" + n;
        names.add(name);
      }
      m.appendReplacement(out, Matcher.quoteReplacement("{" + name + "}"));
    }
    return m.appendTail(out).toString();
  }

  /** An OpenAPI path with its parameters' names left out: {@code /items/{id}} and {@code /items/{slug}} are one. */
  static String hierarchy(String openApiPath) {
    return Templates.PARAM.matcher(openApiPath).replaceAll("{}");
  }

  private static String operationId(RouteModel route) {
    return String.join("_", route.resourceClass().simpleNames()) + "_" + route.methodName();
  }

  private static String unique(Set<String> taken, String id) {
    String candidate = id;
    for (int i = 2; !taken.add(candidate); i++) {
      candidate = id + "_" + i;
    }
    return candidate;
  }

  private Map<String, Object> scheme(ConfigModel model) {
    SettingsModel s = model.settings();
    Map<String, Object> scheme = new LinkedHashMap<>();
    if (hasTokenEndpoint(model)) {
      scheme.put("type", "oauth2");
      Map<String, Object> scopes = new LinkedHashMap<>();
      for (String scope : s.scopes()) {
        scopes.put(scope, "Scope " + scope);
      }
      // A URL, unlike a path of the document: escaped where the path has what no URL holds (/café/token).
      String url = Templates.escapedPath(tokenUrl(model));
      Map<String, Object> flow = map("tokenUrl", url);
      if (s.refreshes()) {
        flow.put("refreshUrl", url);
      }
      flow.put("scopes", scopes);
      scheme.put("flows", map("password", flow));
    } else if (s.transport() == SettingsModel.Transport.COOKIE) {
      scheme.put("type", "apiKey");
      scheme.put("in", "cookie");
      scheme.put("name", s.cookieName());
    } else {
      scheme.put("type", "http");
      scheme.put("scheme", "bearer");
      scheme.put("bearerFormat", "JWT");
    }
    scheme.put("description", s.description().isEmpty() ? defaultDescription(model) : s.description());
    return scheme;
  }

  private static String defaultDescription(ConfigModel model) {
    SettingsModel s = model.settings();
    String where = s.transport() == SettingsModel.Transport.COOKIE
        ? "in the " + s.authHeader() + " header as 'Bearer <jwt>', or in the '" + s.cookieName() + "' cookie"
        : "in the " + s.authHeader() + " header as 'Bearer <jwt>'";
    return "A JSON Web Token signed with " + s.algorithm() + ", sent " + where + "."
        + (hasTokenEndpoint(model) ? " Get one from the token endpoint with a user name and password." : "")
        + (s.refreshes() ? " Get a new one there with the refresh token of the login (grant_type=refresh_token)." : "");
  }

  private Map<String, Object> responses(ConfigModel model) {
    Map<String, Object> challenge = map("description",
        "RFC 6750 challenge: Bearer realm=\"" + model.settings().realm() + "\", with error and error_description for"
            + " an invalid token.",
        "schema", map("type", "string"));
    Map<String, Object> error = map("application/json", map("schema", ref("schemas", "AuthError")));
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("InvalidRequest", map("description", "Malformed credentials: empty Bearer, or two tokens.",
        "headers", map("WWW-Authenticate", challenge), "content", error));
    responses.put("Unauthorized", map("description", "No token, or an invalid, expired or revoked one.",
        "headers", map("WWW-Authenticate", challenge), "content", error));
    responses.put("Forbidden", map("description", "The token lacks a role the operation requires.",
        "headers", map("WWW-Authenticate", challenge), "content", error));
    return responses;
  }

  private Map<String, Object> schemas(ConfigModel model) {
    Map<String, Object> schemas = new LinkedHashMap<>();
    schemas.put("AuthError", map("type", "object", "required", List.of("status_code", "detail"), "properties", map(
        "status_code", map("type", "integer"),
        "detail", map("type", "string"))));
    if (hasTokenEndpoint(model)) {
      TokenEndpointDocument.schemas(model.settings(), schemas);
    }
    return schemas;
  }

  static Map<String, Object> ref(String section, String name) {
    return map("$ref", "#/components/" + section + "/" + name);
  }

  /** An ordered map of key-value pairs. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
