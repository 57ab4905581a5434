package dev.jwtsecured.processor.generation;

import static dev.jwtsecured.processor.generation.OpenApiGenerator.fullPath;
import static dev.jwtsecured.processor.generation.OpenApiGenerator.hasTokenEndpoint;
import static dev.jwtsecured.processor.generation.OpenApiGenerator.map;
import static dev.jwtsecured.processor.generation.OpenApiGenerator.ref;

import dev.jwtsecured.processor.model.ConfigModel;
import dev.jwtsecured.processor.model.RouteModel;
import dev.jwtsecured.processor.model.RouteModel.Policy;
import dev.jwtsecured.runtime.internal.Templates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * One operation of the OpenAPI document: a path and HTTP method, served by one resource method or by several that
 * JAX-RS chooses between by media type ({@code @Consumes}, {@code @Produces}) or by template where OpenAPI has one path
 * for them ({@code /items/{id: [0-9]+}} and {@code /items/{slug}}). OpenAPI has one operation there, so it lists the
 * media types of all, a parameter's pattern only where every variant has it, and, where their rules differ, every
 * requirement among them and each variant's rule in words: the document never shows one variant's rule as the
 * operation's.
 */
final class OperationDocument {
  private OperationDocument() {}

  /**
   * The operation of {@code variants} (one or more routes of one method whose templates are {@code path} in OpenAPI,
   * the first one's parameter names), named {@code operationId}.
   */
  static Map<String, Object> operation(ConfigModel model, String path, List<RouteModel> variants,
      String operationId) {
    RouteModel first = variants.get(0);
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", operationId);
    List<Object> parameters = parameters(path, variants.stream().map(v -> fullPath(model, v.path())).toList());
    if (!parameters.isEmpty()) {
      op.put("parameters", parameters);
    }
    Set<String> consumes = new LinkedHashSet<>();
    Set<String> produces = new LinkedHashSet<>();
    for (RouteModel variant : variants) {
      consumes.addAll(variant.consumes());
      if (variant.policy() != Policy.DENY_ALL) {
        produces.addAll(variant.produces());
      }
    }
    if (!consumes.isEmpty() && List.of("POST", "PUT", "PATCH").contains(first.httpMethod())) {
      op.put("requestBody", map("content", content(consumes)));
    }
    boolean oneRule = variants.stream().map(v -> v.policy() + " " + v.roles()).distinct().count() == 1;
    // One rule: [] for an open operation. Several: each variant's requirement, then {} (none) where one is open.
    List<Object> security = new ArrayList<>();
    for (RouteModel variant : variants) {
      for (Object requirement : requirements(model, variant)) {
        if (!isOpen(variant) && !security.contains(requirement)) {
          security.add(requirement);
        }
      }
    }
    if (!oneRule && variants.stream().anyMatch(OperationDocument::isOpen)) {
      security.add(Map.of());
    }
    op.put("security", security);
    if (oneRule) {
      String rule = rule(first);
      if (rule != null) {
        op.put("description", rule);
      }
    } else {
      boolean byTemplate = variants.stream().map(RouteModel::path).distinct().count() > 1;
      StringBuilder description = new StringBuilder("The resource methods serving this operation differ by "
          + (byTemplate ? "path template or media type" : "media type") + ", each with its own rule:");
      for (RouteModel variant : variants) {
        description.append(' ').append(variant.methodName())
            .append(byTemplate ? " at " + fullPath(model, variant.path()) : "").append(mediaTypes(variant)).append(": ")
            .append(rule(variant) == null ? "requires a token." : lowerFirst(rule(variant)));
      }
      op.put("description", description.toString());
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    if (variants.stream().anyMatch(v -> v.policy() != Policy.DENY_ALL)) {
      Map<String, Object> success = new LinkedHashMap<>();
      success.put("description", "The operation's response.");
      if (!produces.isEmpty()) {
        success.put("content", content(produces));
      }
      responses.put("default", success);
    }
    if (variants.stream().anyMatch(OperationDocument::isProtected)) {
      responses.put("400", ref("responses", "InvalidRequest"));
      responses.put("401", ref("responses", "Unauthorized"));
    }
    if (variants.stream().anyMatch(v -> v.policy() == Policy.DENY_ALL || !v.roles().isEmpty())) {
      responses.put("403", ref("responses", "Forbidden"));
    }
    op.put("responses", responses);
    return op;
  }

  /**
   * The parameters of {@code path} (each name once, {@link OpenApiGenerator#openApiPath}), each a string with the
   * pattern of its regular expression where every one of {@code templates} (the variants' own, of one hierarchy: as
   * many parameters, in the same places) has that one there.
   */
  private static List<Object> parameters(String path, List<String> templates) {
    List<List<String>> regexes = templates.stream().map(OperationDocument::regexes).toList();
    List<Object> parameters = new ArrayList<>();
    Matcher m = Templates.PARAM.matcher(path);
    for (int i = 0; m.find(); i++) {
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put("type", "string");
      String regex = regexes.get(0).get(i);
      int place = i;
      Map<String, Object> parameter = map("name", m.group(1), "in", "path", "required", true);
      if (!regex.isEmpty() && regexes.stream().allMatch(r -> r.get(place).equals(regex))) {
        if (readAlike(regex)) {
          schema.put("pattern", "^(?:" + regex + ")$");
        } else {
          parameter.put("description", "JAX-RS matches it with the Java regular expression " + regex + ", which an"
              + " OpenAPI pattern (ECMA-262) would read otherwise.");
        }
      }
      parameter.put("schema", schema);
      parameters.add(parameter);
    }
    return parameters;
  }

  /**
   * Whether a JAX-RS template's regular expression (Java's) reads alike as an OpenAPI pattern (ECMA-262's, which
   * clients such as Swagger UI check values with): literals, classes, quantifiers, {@code (?:}, {@code |} and the
   * escapes {@code \d \w \s} (and their negations) and of punctuation only. Java's own (a flag such as {@code (?i)}, a
   * possessive quantifier, a class within a class or {@code &&}, {@code \p{L}}, which ECMA-262 without the Unicode flag
   * reads as {@code p{L}}) give no pattern: a client would refuse values JAX-RS takes, or fail to read it.
   */
  static boolean readAlike(String regex) {
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      char next = i + 1 < regex.length() ? regex.charAt(i + 1) : 0;
      if (c == '\\') {
        if ("dDwWsS.-/+*?()[]{}|^$\\".indexOf(next) < 0 || next == 0) {
          return false;
        }
        i++;
      } else if (inClass) {
        if (c == '[' || c == '&' && next == '&') {
          return false;
        }
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
        if (next == ']' || next == '^' && i + 2 < regex.length() && regex.charAt(i + 2) == ']') {
          return false; // Java reads a first ] as a literal, ECMA-262 as the end of an empty class
        }
      } else if (c == '(' && next == '?' && !regex.startsWith("(?:", i)
          || "+*?}".indexOf(c) >= 0 && next == '+') {
        return false;
      }
    }
    return !inClass;
  }

  /** The regular expression of each parameter of {@code template}, in order, trimmed; empty for none. */
  private static List<String> regexes(String template) {
    List<String> regexes = new ArrayList<>();
    Matcher m = Templates.PARAM.matcher(template);
    while (m.find()) {
      regexes.add(m.group(2) == null ? "" : m.group(2).trim());
    }
    return regexes;
  }

  /**
   * The security requirements of one variant, any of which passes: the scheme for a protected or denied one, with roles
   * where the scheme is not oauth2 (an oauth2 requirement lists scopes; roles are no scopes, as the token endpoint
   * refuses them, so they are said in words there). A requirement's list names roles required together, so a rule
   * admitting any of several roles is one requirement per way to pass it; where there would be too many, the scheme
   * alone, and the words.
   */
  private static List<Object> requirements(ConfigModel model, RouteModel variant) {
    String scheme = model.settings().schemeName();
    List<List<String>> ways = isProtected(variant) && !hasTokenEndpoint(model) ? variant.roles().alternatives()
        : List.of();
    if (ways.isEmpty()) {
      return List.of(map(scheme, List.of()));
    }
    List<Object> requirements = new ArrayList<>();
    for (List<String> roles : ways) {
      requirements.add(map(scheme, roles));
    }
    return requirements;
  }

  private static boolean isProtected(RouteModel route) {
    return route.policy() == Policy.AUTHENTICATED || route.policy() == Policy.ROLES;
  }

  private static boolean isOpen(RouteModel route) {
    return route.policy().isPublic;
  }

  /** The rule in words; {@code null} for a plain protected one (the requirement says it all). */
  private static String rule(RouteModel route) {
    return switch (route.policy()) {
      case AUTHENTICATED, ROLES -> route.roles().isEmpty() ? null
          : route.roles().sets().size() == 1 ? "Requires a token with one of the roles: " + route.roles() + "."
          : "Requires a token with a role of each list: " + route.roles() + ".";
      case EXCLUDED -> "Excluded from authentication by an exclude pattern.";
      case PERMIT_ALL -> "Public: @PermitAll.";
      case EXCLUDED_METHOD -> "Excluded from authentication by its HTTP method.";
      default -> "Denied to everyone: @DenyAll.";
    };
  }

  private static String mediaTypes(RouteModel route) {
    List<String> parts = new ArrayList<>();
    if (!route.consumes().isEmpty()) {
      parts.add("consumes " + String.join(", ", route.consumes()));
    }
    if (!route.produces().isEmpty()) {
      parts.add("produces " + String.join(", ", route.produces()));
    }
    return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
  }

  private static String lowerFirst(String sentence) {
    return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
  }

  private static Map<String, Object> content(Set<String> types) {
    Map<String, Object> content = new LinkedHashMap<>();
    for (String type : types) {
      content.put(type, Map.of());
    }
    return content;
  }
}
