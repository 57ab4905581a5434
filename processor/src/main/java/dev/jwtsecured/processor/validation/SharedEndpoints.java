package dev.jwtsecured.processor.validation;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.processor.model.ConfigModel;
import dev.jwtsecured.processor.model.SettingsModel;
import dev.jwtsecured.runtime.internal.CookieOverlap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * a browser would take for one, and a warning says where one accepts the tokens the other signs with a secret.
 */
public final class SharedEndpoints {
  private static final Pattern PLACEHOLDER = Pattern.compile(JwtSecured.SECRET_PLACEHOLDER, Pattern.DOTALL);

  /**
   * One generated resource: what it is, its request (the path as its {@code @Path}, below the application path), and
   * the annotation member that places it.
   */
  private record Endpoint(String what, String method, String path, String member, String fix) {}

  /** {@code "<applications> <method> <full path>"} to the configuration and resource that answers it. */
  private final Map<String, String> claimed = new HashMap<>();
  /** The token cookies of the configurations checked so far, per application. */
  private final Map<String, List<Cookie>> cookies = new HashMap<>();
  /** The configurations checked so far that sign with a secret, per application. */
  private final Map<String, List<Signer>> signers = new HashMap<>();

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
    String application = key(applications);
    for (Endpoint e : endpoints(model)) {
      String path = RouteScanner.join(model.applicationPath(), e.path());
      String key = application + " " + e.method() + " " + path;
      String other = claimed.putIfAbsent(key, "the " + e.what() + " of " + config.getQualifiedName());
      if (other != null) {
        problems.add(Diagnostic.at(Message.GENERATED_PATH_COLLIDES.format(e.what(), path, other, e.method(),
            e.fix()), config, mirror, AnnotationValues.value(mirror, e.member()).orElse(null)));
      }
    }
    if (model.settings().transport() == SettingsModel.Transport.COOKIE) {
      claimCookie(application, model.settings(), config, mirror).ifPresent(problems::add);
    }
    return problems;
  }

  /**
   * A warning on {@code config} where it and a configuration checked before, served by the same application, sign with
   * a secret that the other verifies with, and the issuer, audience and algorithm of the tokens one of them issues
   * pass the other's checks: one's caller is then the other's user of that subject. None where the other suppresses
   * the warning (the processor drops it where this one does). Configurations with keys of other kinds issue nothing
   * another accepts (an application has at most one private key) or verify only, and are told to check an audience.
   */
  public Optional<Diagnostic> shareSecret(ConfigModel model, TypeElement config, AnnotationMirror mirror,
      List<Element> applications) {
    if (applications.isEmpty() || model.settings().keySource() != SettingsModel.KeySource.SECRET) {
      return Optional.empty();
    }
    List<Signer> others = signers.computeIfAbsent(key(applications), k -> new ArrayList<>());
    Signer signer = new Signer(config, model.settings());
    others.add(signer);
    for (Signer other : others) {
      boolean oursPassThere = other != signer && other.passes(signer);
      boolean theirsPassHere = other != signer && signer.passes(other);
      if (!oursPassThere && !theirsPassHere) {
        continue;
      }
      String name = config.getQualifiedName().toString();
      String otherName = other.config().getQualifiedName().toString();
      boolean both = oursPassThere && theirsPassHere;
      String issuing = both ? "either" : oursPassThere ? name : otherName;
      String accepting = both ? "the other's" : (oursPassThere ? otherName : name) + "'s";
      Diagnostic warning = Diagnostic.at(Message.SECRET_SHARED.format(model.settings().secret(),
          other.config().getQualifiedName(), issuing, accepting, accepting), config, mirror,
          AnnotationValues.value(mirror, "secret").orElse(null));
      if (!Diagnostic.at(warning.text(), other.config()).isSuppressed()) {
        return Optional.of(warning);
      }
    }
    return Optional.empty();
  }

  /** A configuration that signs with a secret: its tokens, and what it accepts. */
  private record Signer(TypeElement config, SettingsModel settings) {
    /**
     * Whether a token {@code other} issues passes this configuration's checks: its key, its algorithm, and the issuer
     * and audience checks of the runtime's {@code ClaimRules} (which the processor does not carry: it needs jjwt).
     */
    boolean passes(Signer other) {
      SettingsModel s = other.settings;
      Set<String> keys = new HashSet<>();
      keys.add(name(settings.secret()));
      settings.previousSecrets().forEach(p -> keys.add(name(p)));
      Set<String> issuers = new HashSet<>(settings.acceptedIssuers());
      if (!settings.issuer().isEmpty()) {
        issuers.add(settings.issuer());
      }
      return keys.contains(name(s.secret())) && s.algorithm() == settings.algorithm()
          && (issuers.isEmpty() || issuers.contains(s.issuer()))
          && (settings.audience().isEmpty() || s.audience().stream().anyMatch(settings.audience()::contains));
    }

    /** A secret as the feature reads it: a placeholder by its variable, whatever its fallback; else the text. */
    private static String name(String secret) {
      Matcher placeholder = PLACEHOLDER.matcher(secret);
      return placeholder.matches() ? "${" + placeholder.group(1) + "}" : secret;
    }
  }

  /** The applications of a configuration, as one key. */
  private static String key(List<Element> applications) {
    TreeSet<String> names = new TreeSet<>();
    for (Element application : applications) {
      names.add(((TypeElement) application).getQualifiedName().toString());
    }
    return String.join(",", names);
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
    /** Whether a browser would hold one for the other or send both ({@link CookieOverlap}, the runtime's rule). */
    boolean collidesWith(Cookie other) {
      return CookieOverlap.collide(name, path, domain, other.name, other.path, other.domain);
    }
  }

  /**
   * The requests the resources generated for {@code model} answer, each {@code "<method> <path>"} with the path as
   * their {@code @Path}: what the generated feature claims at run time, where configurations compiled apart meet.
   */
  public static List<String> generatedRequests(ConfigModel model) {
    return endpoints(model).stream().map(e -> e.method() + " " + e.path()).toList();
  }

  private static List<Endpoint> endpoints(ConfigModel model) {
    SettingsModel s = model.settings();
    List<Endpoint> endpoints = new ArrayList<>();
    if (!s.tokenUrl().isEmpty() && model.authenticator().isPresent()) {
      endpoints.add(new Endpoint("token endpoint", "POST", s.tokenUrl(), "tokenUrl",
          "Give each configuration its own tokenUrl"));
    }
    if (!s.openApiPath().isEmpty()) {
      endpoints.add(new Endpoint("OpenAPI document", "GET", s.openApiPath(), "openApiPath",
          "Give each configuration its own openApiPath"));
    }
    if (s.signsWithKey()) {
      endpoints.add(new Endpoint("public key set", "GET", SettingsModel.JWKS_PATH, "privateKey",
          "An application publishes one key set there: let one configuration of it sign with a private key"));
    }
    return endpoints;
  }
}
