package dev.jwtsecured.processor.validation;

import dev.jwtsecured.processor.model.ConfigModel;
import dev.jwtsecured.processor.model.SettingsModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * nothing says they share an application. Nor may two configurations of one application keep their tokens in cookies
 * a browser would take for one.
 */
public final class SharedEndpoints {
  /** One generated resource: what it is, its request, and the annotation member that places it. */
  private record Endpoint(String what, String method, String path, String member, String fix) {}

  /** {@code "<applications> <method> <full path>"} to the configuration and resource that answers it. */
  private final Map<String, String> claimed = new HashMap<>();
  /** The token cookies of the configurations checked so far, per application. */
  private final Map<String, List<Cookie>> cookies = new HashMap<>();

  /**
   * An error on {@code config} for each generated resource of {@code model} that a configuration checked before, served
   * by the same application, also answers, and for a token cookie that one of them also sets; claims the others.
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
    String application = String.join(",", names);
    for (Endpoint e : endpoints(model)) {
      String key = application + " " + e.method() + " " + e.path();
      String other = claimed.putIfAbsent(key, "the " + e.what() + " of " + config.getQualifiedName());
      if (other != null) {
        problems.add(Diagnostic.at(Message.GENERATED_PATH_COLLIDES.format(e.what(), e.path(), other, e.method(),
            e.fix()), config, mirror, AnnotationValues.value(mirror, e.member()).orElse(null)));
      }
    }
    if (model.settings().transport() == SettingsModel.Transport.COOKIE) {
      claimCookie(application, model.settings(), config, mirror).ifPresent(problems::add);
    }
    return problems;
  }

  /** An error when a configuration of {@code application} checked before sets a cookie a browser takes for this one. */
  private Optional<Diagnostic> claimCookie(String application, SettingsModel s, TypeElement config,
      AnnotationMirror mirror) {
    List<Cookie> others = cookies.computeIfAbsent(application, k -> new ArrayList<>());
    Cookie cookie = new Cookie(config.getQualifiedName().toString(), s.cookieName(), s.cookiePath(), s.cookieDomain());
    others.add(cookie);
    return others.stream().filter(other -> other != cookie && other.collidesWith(cookie)).findFirst().map(other -> {
      String member = AnnotationValues.value(mirror, "cookiePath").isPresent() ? "cookiePath" : "cookieName";
      return Diagnostic.at(Message.COOKIE_SHARED.format(cookie.name(), cookie.path(), other.config(), other.path()),
          config, mirror, AnnotationValues.value(mirror, member).orElse(null));
    });
  }

  /** The token cookie of a configuration, as a browser stores it. */
  private record Cookie(String config, String name, String path, String domain) {
    /**
     * Whether a browser would hold one for the other or send both: the same name (RFC 6265 section 5.3 compares it
     * exactly), paths one request matches both of (section 5.1.4), and domains that are not two different hosts.
     */
    boolean collidesWith(Cookie other) {
      return name.equals(other.name) && (pathMatches(path, other.path) || pathMatches(other.path, path))
          && (domain.isEmpty() || other.domain.isEmpty() || domainMatches(domain, other.domain)
              || domainMatches(other.domain, domain));
    }

    private static boolean pathMatches(String requestPath, String cookiePath) {
      return requestPath.equals(cookiePath) || requestPath.startsWith(cookiePath)
          && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
    }

    private static boolean domainMatches(String host, String domain) {
      // A leading dot is ignored (section 5.2.3).
      String h = host.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
      String d = domain.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
      return h.equals(d) || h.endsWith("." + d);
    }
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
