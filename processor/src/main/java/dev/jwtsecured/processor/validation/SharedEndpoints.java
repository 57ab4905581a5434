package dev.jwtsecured.processor.validation;

import dev.jwtsecured.processor.model.ConfigModel;
import dev.jwtsecured.processor.model.SettingsModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The requests the generated resources of each configuration answer, per application, across the compilation: two
 * configurations served by one {@code Application} class whose token endpoints, OpenAPI documents or key sets share a
 * path would give JAX-RS two resources for one request (Jersey refuses to start, RESTEasy picks one in silence).
 * Configurations whose application path is given by {@code applicationPath} alone, or comes from the only
 * {@code Application} class of the compilation rather than one in their own or a parent package, are not compared:
 * nothing says they share an application.
 */
public final class SharedEndpoints {
  /** One generated resource: what it is, its request, and the annotation member that places it. */
  private record Endpoint(String what, String method, String path, String member, String fix) {}

  /** {@code "<applications> <method> <full path>"} to the configuration and resource that answers it. */
  private final Map<String, String> claimed = new HashMap<>();

  /**
   * An error on {@code config} for each generated resource of {@code model} that a configuration checked before, served
   * by the same application, also answers; claims the others.
   */
  public List<Diagnostic> claim(ConfigModel model, TypeElement config, AnnotationMirror mirror,
      List<Element> applications) {
    List<Diagnostic> problems = new ArrayList<>();
    if (applications.isEmpty()) {
      return problems;
    }
    TreeSet<String> names = new TreeSet<>();
    for (Element application : applications) {
      names.add(((TypeElement) application).getQualifiedName().toString());
    }
    for (Endpoint e : endpoints(model)) {
      String key = String.join(",", names) + " " + e.method() + " " + e.path();
      String other = claimed.putIfAbsent(key, "the " + e.what() + " of " + config.getQualifiedName());
      if (other != null) {
        problems.add(Diagnostic.at(Message.GENERATED_PATH_COLLIDES.format(e.what(), e.path(), other, e.method(),
            e.fix()), config, mirror, AnnotationValues.value(mirror, e.member()).orElse(null)));
      }
    }
    return problems;
  }

  private static List<Endpoint> endpoints(ConfigModel model) {
    SettingsModel s = model.settings();
    List<Endpoint> endpoints = new ArrayList<>();
    if (!s.tokenUrl().isEmpty() && model.authenticator().isPresent()) {
      endpoints.add(new Endpoint("token endpoint", "POST", RouteScanner.join(model.applicationPath(), s.tokenUrl()),
          "tokenUrl", "Give each configuration its own tokenUrl"));
    }
    if (!s.openApiPath().isEmpty()) {
      endpoints.add(new Endpoint("OpenAPI document", "GET", RouteScanner.join(model.applicationPath(),
          s.openApiPath()), "openApiPath", "Give each configuration its own openApiPath"));
    }
    if (s.signsWithKey()) {
      endpoints.add(new Endpoint("public key set", "GET", RouteScanner.join(model.applicationPath(),
          SettingsModel.JWKS_PATH), "privateKey", "An application publishes one key set there: let one configuration"
          + " of it sign with a private key"));
    }
    return endpoints;
  }
}
