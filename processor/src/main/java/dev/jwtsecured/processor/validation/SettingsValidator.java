package dev.jwtsecured.processor.validation;

import dev.jwtsecured.processor.model.Names;
import dev.jwtsecured.processor.model.SettingsModel;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.processor.model.SettingsModel.SameSite;
import dev.jwtsecured.processor.model.SettingsModel.Transport;
import dev.jwtsecured.processor.model.SettingsModel.UnseenMethods;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * The rules for the values of {@code @JwtSecured}: each member on its own (the source of keys in
 * {@link KeySourceValidator}), and the roles and scopes together.
 */
final class SettingsValidator {
  private static final Pattern HTTP_METHOD = Pattern.compile("[A-Z]+");
  private static final Pattern HEADER_NAME = Pattern.compile(JwtSecured.TOKEN_CHARACTERS);
  private static final Pattern QUOTABLE = Pattern.compile(JwtSecured.TEXT_CHARACTERS);
  private static final Pattern SCOPE_TOKEN = Pattern.compile(JwtSecured.SCOPE_TOKEN);
  private static final Pattern CLAIM_TEXT = Pattern.compile(JwtSecured.CLAIM_TEXT);
  private static final Pattern COOKIE_DOMAIN = Pattern.compile(JwtSecured.COOKIE_DOMAIN);
  private static final Pattern COOKIE_PATH = Pattern.compile(JwtSecured.COOKIE_PATH);
  private static final Pattern TOKEN_URL = Pattern.compile("(/[A-Za-z0-9._~!$&'()*+=:@-]+)+");
  private static final Set<String> ALGORITHMS = Set.of("HS256", "HS384", "HS512");

  private SettingsValidator() {}

  static SettingsModel validate(ConfigValues v, List<Diagnostic> problems) {
    String algorithmName = v.string("algorithm");
    SettingsModel.Algorithm algorithm = SettingsModel.Algorithm.HS256;
    if (!ALGORITHMS.contains(algorithmName)) {
      problems.add(v.at("algorithm", Message.ALGORITHM_UNKNOWN.format(algorithmName)));
    } else {
      algorithm = SettingsModel.Algorithm.valueOf(algorithmName);
    }

    KeySourceValidator.validate(v, algorithm, problems);

    List<String> exclude = v.strings("exclude");
    for (int i = 0; i < exclude.size(); i++) {
      try {
        Pattern.compile(exclude.get(i));
      } catch (PatternSyntaxException e) {
        problems.add(v.at("exclude", i, Message.EXCLUDE_INVALID_REGEX.format(exclude.get(i), e.getDescription())));
      }
    }
    List<String> excludeMethods = v.strings("excludeMethods");
    for (int i = 0; i < excludeMethods.size(); i++) {
      if (!HTTP_METHOD.matcher(excludeMethods.get(i)).matches()) {
        problems.add(v.at("excludeMethods", i, Message.EXCLUDE_METHOD_INVALID.format(excludeMethods.get(i))));
      }
    }

    String issuer = v.string("issuer");
    if (!issuer.isEmpty() && !CLAIM_TEXT.matcher(issuer).matches()) {
      problems.add(v.at("issuer", Message.CLAIM_TEXT_INVALID.format("issuer", issuer)));
    }
    for (String member : List.of("acceptedIssuers", "audience")) {
      List<String> values = v.strings(member);
      for (int i = 0; i < values.size(); i++) {
        if (!CLAIM_TEXT.matcher(values.get(i)).matches()) {
          problems.add(v.at(member, i, Message.CLAIM_TEXT_INVALID.format(member, values.get(i))));
        }
      }
    }

    List<String> acceptedIssuers = v.strings("acceptedIssuers");
    if (issuer.isEmpty() && !acceptedIssuers.isEmpty()) {
      // Its own tokens carry no iss, which acceptedIssuers refuses: certain with a token endpoint or a private key
      // (they exist to issue), likely with a secret (a login helper issues; or another service signs, with an iss);
      // a verifier of a key set or public key issues nothing.
      String issuing = !v.string("tokenUrl").isEmpty() ? "at its token endpoint"
          : !v.string("privateKey").isEmpty() ? "with its private key" : null;
      if (issuing != null) {
        problems.add(v.at("acceptedIssuers", Message.ISSUED_TOKENS_REFUSED.format(issuing, acceptedIssuers.get(0))));
      } else if (!v.string("secret").isEmpty()) {
        problems.add(v.at("acceptedIssuers", Message.LOGIN_TOKENS_REFUSED.format(v.configName())));
      }
    }

    long expiration = duration(v, "expiration", false, JwtSecured.MAX_LIFETIME, problems);
    long leeway = duration(v, "leeway", true, JwtSecured.MAX_LEEWAY, problems);

    String authHeader = v.string("authHeader");
    if (!HEADER_NAME.matcher(authHeader).matches()) {
      problems.add(v.at("authHeader", Message.HEADER_NAME_INVALID.format(authHeader)));
    } else if (ReservedHeaders.actor(authHeader) != null) {
      problems.add(v.at("authHeader", Message.HEADER_NAME_RESERVED.format(authHeader,
          ReservedHeaders.name(authHeader), ReservedHeaders.actor(authHeader))));
    }
    quoted(v, "realm", "a WWW-Authenticate challenge", problems);
    String cookieName = v.string("cookieName");
    if (!HEADER_NAME.matcher(cookieName).matches()) {
      problems.add(v.at("cookieName",
          Message.QUOTED_TEXT_INVALID.format("cookieName", cookieName, "a cookie name")));
    }
    if (!COOKIE_PATH.matcher(v.string("cookiePath")).matches()) {
      problems.add(v.at("cookiePath", Message.COOKIE_PATH_INVALID.format(v.string("cookiePath"))));
    }
    cookiePrefix(v, cookieName, problems);
    if (v.enumValue("cookieSameSite", SameSite.class) == SameSite.NONE && !v.bool("cookieSecure")) {
      problems.add(v.at("cookieSameSite", Message.SAME_SITE_NONE_WITHOUT_SECURE.format()));
    }
    String cookieDomain = v.string("cookieDomain");
    if (!cookieDomain.isEmpty() && !COOKIE_DOMAIN.matcher(cookieDomain).matches()) {
      problems.add(v.at("cookieDomain", Message.COOKIE_DOMAIN_INVALID.format(cookieDomain)));
    }

    String tokenUrl = v.string("tokenUrl");
    if (!tokenUrl.isEmpty()
        && (!TOKEN_URL.matcher(tokenUrl).matches() || tokenUrl.contains("/../") || tokenUrl.endsWith("/..")
            || tokenUrl.contains("/./") || tokenUrl.endsWith("/."))) {
      problems.add(v.at("tokenUrl", Message.TOKEN_URL_INVALID.format(tokenUrl)));
    }

    String openApiPath = v.string("openApiPath");
    if (!openApiPath.isEmpty() && !TOKEN_URL.matcher(openApiPath).matches()) {
      problems.add(v.at("openApiPath", Message.OPENAPI_PATH_INVALID.format(openApiPath)));
    }
    if (!v.string("schemeName").matches("[A-Za-z0-9._-]+")) {
      problems.add(v.at("schemeName", Message.SCHEME_NAME_INVALID.format(v.string("schemeName"))));
    }

    int maxTokenRequestBytes = ((Number) v.value("maxTokenRequestBytes").getValue()).intValue();
    if (maxTokenRequestBytes < 256 || maxTokenRequestBytes > 1024 * 1024) {
      problems.add(v.at("maxTokenRequestBytes", Message.TOKEN_REQUEST_LIMIT_INVALID.format(maxTokenRequestBytes)));
    }
    String clientAddressHeader = v.string("clientAddressHeader");
    if (!clientAddressHeader.isEmpty() && !HEADER_NAME.matcher(clientAddressHeader).matches()) {
      problems.add(v.at("clientAddressHeader", Message.HEADER_NAME_INVALID.format(clientAddressHeader)));
    }

    int cacheSize = ((Number) v.value("cacheSize").getValue()).intValue();
    if (cacheSize < 0 || cacheSize > JwtSecured.MAX_CACHE_SIZE) {
      problems.add(v.at("cacheSize", Message.CACHE_SIZE_INVALID.format(cacheSize)));
    }
    int maxTokenLength = ((Number) v.value("maxTokenLength").getValue()).intValue();
    if (maxTokenLength < JwtSecured.MIN_TOKEN_LENGTH || maxTokenLength > JwtSecured.MAX_TOKEN_LENGTH) {
      problems.add(v.at("maxTokenLength", Message.TOKEN_LENGTH_LIMIT_INVALID.format(maxTokenLength)));
    }

    long jwksMinRefresh = duration(v, "jwksMinRefresh", false, JwtSecured.MAX_JWKS_MIN_REFRESH, problems);
    long refreshExpiration = v.string("refreshExpiration").isEmpty() ? 0
        : duration(v, "refreshExpiration", false, JwtSecured.MAX_LIFETIME, problems);
    return new SettingsModel(
        v.string("secret"),
        v.strings("previousSecrets"),
        v.string("jwksUri"),
        v.string("privateKey"),
        v.strings("rotationPublicKeys"),
        v.string("publicKey"),
        v.strings("keyAlgorithms"),
        jwksMinRefresh,
        v.string("rolesClaim"),
        algorithm,
        tokenUrl,
        exclude,
        excludeMethods.stream().distinct().sorted().collect(Collectors.toList()),
        v.enumValue("transport", Transport.class),
        authHeader,
        expiration,
        v.string("issuer"),
        v.strings("acceptedIssuers"),
        v.strings("audience"),
        leeway,
        v.string("realm"),
        cookieName,
        v.string("cookiePath"),
        v.string("cookieDomain"),
        v.bool("cookieSecure"),
        v.enumValue("cookieSameSite", SameSite.class),
        v.strings("scopes"),
        v.string("schemeName"),
        v.string("description"),
        openApiPath,
        v.string("openApiTitle"),
        v.string("openApiVersion"),
        cacheSize,
        maxTokenLength,
        v.enumValue("unseenMethods", UnseenMethods.class),
        maxTokenRequestBytes,
        clientAddressHeader,
        refreshExpiration,
        v.enumValue("refreshStorage", SettingsModel.RefreshStorage.class));
  }

  /** A duration from zero (or one second) to {@code max}, an ISO-8601 duration of {@link JwtSecured}. */
  private static long duration(ConfigValues v, String member, boolean zeroAllowed, String max,
      List<Diagnostic> problems) {
    String text = v.string(member);
    try {
      Duration d = Duration.parse(text);
      if (d.isNegative() || (!zeroAllowed && d.getSeconds() < 1)) {
        problems.add(v.at(member, Message.DURATION_INVALID.format(member, text,
            zeroAllowed ? " that is not negative" : " of at least one second")));
        return 0;
      }
      if (d.compareTo(Duration.parse(max)) > 0) {
        problems.add(v.at(member, Message.DURATION_INVALID.format(member, text, " of at most " + max)));
        return 0;
      }
      return d.getSeconds();
    } catch (DateTimeParseException e) {
      problems.add(v.at(member, Message.DURATION_INVALID.format(member, text, "")));
      return 0;
    }
  }

  private static void quoted(ConfigValues v, String member, String where, List<Diagnostic> problems) {
    String text = v.string(member);
    if (!QUOTABLE.matcher(text).matches()) {
      problems.add(v.at(member, Message.QUOTED_TEXT_INVALID.format(member, text, where)));
    }
  }

  /**
   * With a declared role set ({@code roles}), every {@code @RolesAllowed} role in scope must be in it but {@code **},
   * any authenticated user, which names no role and may not be declared.
   */
  static void checkDeclaredRoles(ConfigValues v, List<RouteScanner.ScannedRoute> routes, List<Diagnostic> problems) {
    List<String> declared = v.strings("roles");
    for (int i = 0; i < declared.size(); i++) {
      if (declared.get(i).equals(JwtSecured.ANY_AUTHENTICATED_USER)) {
        problems.add(v.at("roles", i, Message.ANY_AUTHENTICATED_USER_DECLARED.format()));
      }
    }
    if (declared.isEmpty()) {
      return;
    }
    java.util.Set<String> reported = new java.util.HashSet<>();
    for (RouteScanner.ScannedRoute r : routes) {
      for (Element source : r.decision().sources()) {
        AnnotationMirror rolesAllowed = AnnotationValues.find(source, Names.ROLES_ALLOWED).orElse(null);
        for (String role : rolesAllowed == null ? List.<String>of() : AnnotationValues.strings(rolesAllowed, "value")) {
          if (!declared.contains(role) && !role.equals(JwtSecured.ANY_AUTHENTICATED_USER)
              && reported.add(source + "#" + role)) {
            problems.add(Diagnostic.at(Message.UNDECLARED_ROLE.format(role, String.join(", ", declared)),
                source, rolesAllowed, null));
          }
        }
      }
    }
  }

  /**
   * A name that is both a declared scope and a role (declared in {@code roles} or required by {@code @RolesAllowed})
   * would let a requested scope pass for a role: the security context's {@code isUserInRole} reads both claims.
   */
  static void checkScopesAreNotRoles(ConfigValues v, List<RouteScanner.ScannedRoute> routes,
      List<Diagnostic> problems) {
    java.util.Set<String> roles = new java.util.TreeSet<>(v.strings("roles"));
    for (RouteScanner.ScannedRoute r : routes) {
      roles.addAll(r.decision().roles().all());
    }
    List<String> scopes = v.strings("scopes");
    for (int i = 0; i < scopes.size(); i++) {
      if (!SCOPE_TOKEN.matcher(scopes.get(i)).matches()) {
        problems.add(v.at("scopes", i, Message.SCOPE_INVALID.format(scopes.get(i))));
      } else if (roles.contains(scopes.get(i))) {
        problems.add(v.at("scopes", i, Message.SCOPE_IS_ROLE.format(scopes.get(i))));
      }
    }
  }

  /** A {@code __Host-} or {@code __Secure-} cookie name with the attributes browsers require of it. */
  private static void cookiePrefix(ConfigValues v, String cookieName, List<Diagnostic> problems) {
    boolean secure = v.bool("cookieSecure");
    if (startsWith(cookieName, JwtSecured.HOST_COOKIE_PREFIX)
        && (!secure || !v.string("cookiePath").equals("/") || !v.string("cookieDomain").isEmpty())) {
      problems.add(v.at("cookieName", Message.COOKIE_PREFIX_RULES_UNMET.format(cookieName,
          JwtSecured.HOST_COOKIE_PREFIX, "Secure, Path=/ and no Domain",
          "cookieSecure = true, cookiePath = \"/\" and no cookieDomain, or another name")));
    } else if (startsWith(cookieName, JwtSecured.SECURE_COOKIE_PREFIX) && !secure) {
      problems.add(v.at("cookieName", Message.COOKIE_PREFIX_RULES_UNMET.format(cookieName,
          JwtSecured.SECURE_COOKIE_PREFIX, "Secure", "cookieSecure = true, or another name")));
    }
  }

  private static boolean startsWith(String name, String prefix) {
    return name.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
