package dev.jwtsecured.processor.validation;

import dev.jwtsecured.processor.model.Names;
import dev.jwtsecured.processor.model.SettingsModel;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.processor.model.SettingsModel.SameSite;
import dev.jwtsecured.processor.model.SettingsModel.Transport;
import dev.jwtsecured.processor.model.SettingsModel.UnseenMethods;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** The rules for the values of {@code @JwtSecured}: each member on its own, and the roles and scopes together. */
final class SettingsValidator {
  private static final Pattern PLACEHOLDER = Pattern.compile(JwtSecured.SECRET_PLACEHOLDER, Pattern.DOTALL);
  private static final Pattern HTTP_METHOD = Pattern.compile("[A-Z]+");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern QUOTABLE = Pattern.compile(JwtSecured.TEXT_CHARACTERS);
  private static final Pattern TOKEN_URL = Pattern.compile("(/[A-Za-z0-9._~!$&'()*+=:@-]+)+");
  private static final Set<String> ALGORITHMS = Set.of("HS256", "HS384", "HS512");
  /** Secrets from tutorials and defaults, tried first by anyone who finds a token. Compared case-insensitively. */
  private static final Set<String> WELL_KNOWN_SECRETS =
      Set.of(
          "secret", "changeme", "change-me", "change_me", "changeit", "abcd123", "password", "your-256-bit-secret",
          "your-384-bit-secret", "your-512-bit-secret", "secretkey", "secret-key", "mysecret", "my-secret",
          "jwt-secret", "jwtsecret", "supersecret", "super-secret", "test", "default", "key", "12345678",
          "your_secret_key", "your-secret-key");

  private SettingsValidator() {}

  static SettingsModel validate(ConfigValues v, List<Diagnostic> problems) {
    String algorithmName = v.string("algorithm");
    SettingsModel.Algorithm algorithm = SettingsModel.Algorithm.HS256;
    if (!ALGORITHMS.contains(algorithmName)) {
      problems.add(v.at("algorithm", Message.ALGORITHM_UNKNOWN.format(algorithmName)));
    } else {
      algorithm = SettingsModel.Algorithm.valueOf(algorithmName);
    }
    int minimumBytes = algorithm.minimumSecretBytes;

    String secret = v.string("secret");
    String jwksUri = v.string("jwksUri");
    String privateKey = v.string("privateKey");
    if (!privateKey.isEmpty()) {
      for (String member : List.of("secret", "jwksUri", "publicKey", "algorithm", "previousSecrets")) {
        if (v.explicit(member) != null) {
          problems.add(v.at(member, Message.PRIVATE_KEY_WITH_OTHER_KEYS.format(member, member)));
        }
      }
      if (!PLACEHOLDER.matcher(privateKey).matches() && !privateKey.matches("file:.+")) {
        problems.add(v.at("privateKey", Message.PRIVATE_KEY_INVALID.format()));
      }
      checkClaimPath(v, problems);
    } else if (!v.string("publicKey").isEmpty()) {
      validateVerifierOnly(v, "publicKey", problems);
      String publicKey = v.string("publicKey");
      if (!PLACEHOLDER.matcher(publicKey).matches() && !publicKey.matches("file:.+")) {
        String problem = literalPublicKeyProblem(publicKey);
        if (problem != null) {
          problems.add(v.at("publicKey", Message.PUBLIC_KEY_INVALID.format(problem)));
        }
      }
    } else if (jwksUri.isEmpty()) {
      validateSecret(v, secret, algorithm.name(), minimumBytes, problems);
      List<String> previous = v.strings("previousSecrets");
      for (int i = 0; i < previous.size(); i++) {
        if (!PLACEHOLDER.matcher(previous.get(i)).matches()) {
          problems.add(v.at("previousSecrets", i, Message.PREVIOUS_SECRET_INVALID.format(previous.get(i))));
        }
      }
      if (v.explicit("rolesClaim") != null && !v.string("rolesClaim").equals("roles")) {
        problems.add(v.at("rolesClaim", Message.ROLES_CLAIM_INVALID.format(v.string("rolesClaim"),
            "goes only with jwksUri or privateKey: the tokens a configuration with a secret issues carry their roles in"
                + " \"roles\"")));
      }
    } else {
      validateKeySet(v, jwksUri, problems);
    }

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

    long expiration = duration(v, "expiration", false, problems);
    long leeway = duration(v, "leeway", true, problems);

    String authHeader = v.string("authHeader");
    if (!HEADER_NAME.matcher(authHeader).matches()) {
      problems.add(v.at("authHeader", Message.HEADER_NAME_INVALID.format(authHeader)));
    }
    quoted(v, "realm", "a WWW-Authenticate challenge", problems);
    String cookieName = v.string("cookieName");
    if (!HEADER_NAME.matcher(cookieName).matches()) {
      problems.add(v.at("cookieName",
          Message.QUOTED_TEXT_INVALID.format("cookieName", cookieName, "a cookie name")));
    }
    quoted(v, "cookiePath", "a Set-Cookie attribute", problems);
    if (v.enumValue("cookieSameSite", SameSite.class) == SameSite.NONE && !v.bool("cookieSecure")) {
      problems.add(v.at("cookieSameSite", Message.SAME_SITE_NONE_WITHOUT_SECURE.format()));
    }
    quoted(v, "cookieDomain", "a Set-Cookie attribute", problems);

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

    long jwksMinRefresh = duration(v, "jwksMinRefresh", false, problems);
    return new SettingsModel(
        secret,
        v.strings("previousSecrets"),
        jwksUri,
        privateKey,
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
        v.enumValue("unseenMethods", UnseenMethods.class),
        maxTokenRequestBytes,
        clientAddressHeader);
  }

  private static final Pattern CLAIM_PATH = Pattern.compile("[A-Za-z0-9_:/-]+(\\.[A-Za-z0-9_:/-]+)*");
  private static final Set<String> KEY_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
      "ES256", "ES384", "ES512", "EdDSA");

  /** A verifier-only configuration: the URI, its algorithms and claim path, and nothing of issuing. */
  private static void validateKeySet(ConfigValues v, String jwksUri, List<Diagnostic> problems) {
    validateVerifierOnly(v, "jwksUri", problems);
    if (!PLACEHOLDER.matcher(jwksUri).matches() && !secureUri(jwksUri)) {
      problems.add(v.at("jwksUri", Message.JWKS_URI_INVALID.format(jwksUri)));
    }
  }

  /** What every verifier-only configuration checks: nothing of issuing, one source of keys, algorithms, claim path. */
  private static void validateVerifierOnly(ConfigValues v, String source, List<Diagnostic> problems) {
    for (String member : List.of("secret", "algorithm", "expiration", "tokenUrl", "jwksUri", "publicKey",
        "previousSecrets")) {
      if (!member.equals(source) && v.explicit(member) != null) {
        problems.add(v.at(member, Message.JWKS_WITH_ISSUING_MEMBER.format(member, source, member, source)));
      }
    }
    List<String> algorithms = v.strings("keyAlgorithms");
    if (v.explicit("keyAlgorithms") != null && algorithms.isEmpty()) {
      problems.add(v.at("keyAlgorithms", Message.KEY_ALGORITHM_UNKNOWN.format("")));
    }
    for (int i = 0; i < algorithms.size(); i++) {
      if (!KEY_ALGORITHMS.contains(algorithms.get(i))) {
        problems.add(v.at("keyAlgorithms", i, Message.KEY_ALGORITHM_UNKNOWN.format(algorithms.get(i))));
      }
    }
    checkClaimPath(v, problems);
  }

  private static void checkClaimPath(ConfigValues v, List<Diagnostic> problems) {
    String rolesClaim = v.string("rolesClaim");
    if (!CLAIM_PATH.matcher(rolesClaim).matches()) {
      problems.add(v.at("rolesClaim", Message.ROLES_CLAIM_INVALID.format(rolesClaim,
          "is not a claim path: write a claim name, or names joined by '.' for a nested one, such as"
              + " \"realm_access.roles\"")));
    }
  }

  /** Why a public key written in the source is not one, or {@code null} when it parses. */
  private static String literalPublicKeyProblem(String pem) {
    if (!pem.startsWith("-----BEGIN PUBLIC KEY-----")) {
      return "";
    }
    try {
      byte[] der = java.util.Base64.getDecoder().decode(pem.replace("-----BEGIN PUBLIC KEY-----", "")
          .replace("-----END PUBLIC KEY-----", "").replaceAll("\\s", ""));
      for (String type : new String[] {"RSA", "EC", "Ed25519"}) {
        try {
          java.security.PublicKey key = java.security.KeyFactory.getInstance(type)
              .generatePublic(new java.security.spec.X509EncodedKeySpec(der));
          if (key instanceof java.security.interfaces.RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
            return ": an RSA key needs at least 2048 bits, this one has " + rsa.getModulus().bitLength();
          }
          return null;
        } catch (java.security.GeneralSecurityException e) {
          // the next type
        }
      }
      return ": it is none of them";
    } catch (IllegalArgumentException e) {
      return ": its base64 is broken";
    }
  }

  /** An absolute https URI with a host, or http on a loopback address. */
  private static boolean secureUri(String text) {
    try {
      java.net.URI uri = new java.net.URI(text);
      String host = uri.getHost();
      if (!uri.isAbsolute() || host == null || uri.getRawUserInfo() != null) {
        return false;
      }
      String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      return scheme.equals("https") || scheme.equals("http")
          && (host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static void validateSecret(ConfigValues v, String secret, String algorithm, int minimumBytes,
      List<Diagnostic> problems) {
    if (secret.isEmpty()) {
      problems.add(v.at("secret", Message.SECRET_EMPTY.format()));
      return;
    }
    var placeholder = PLACEHOLDER.matcher(secret);
    String literal;
    boolean fallback = placeholder.matches();
    if (fallback) {
      literal = placeholder.group(2); // a fallback is held to the literal rules
      if (literal == null) {
        return;
      }
    } else {
      literal = secret;
    }
    if (WELL_KNOWN_SECRETS.contains(literal.toLowerCase(Locale.ROOT))) {
      problems.add(v.at("secret", fallback
          ? Message.SECRET_WELL_KNOWN_FALLBACK.format(literal, placeholder.group(1))
          : Message.SECRET_WELL_KNOWN.format(literal)));
      return;
    }
    int bytes = literal.getBytes(StandardCharsets.UTF_8).length;
    if (bytes < minimumBytes) {
      problems.add(v.at("secret", Message.SECRET_TOO_SHORT.format(bytes,
          ALGORITHMS.contains(algorithm) ? algorithm : "HS256", minimumBytes)));
      return;
    }
    problems.add(v.at("secret", Message.SECRET_LITERAL.format()));
  }

  private static long duration(ConfigValues v, String member, boolean zeroAllowed, List<Diagnostic> problems) {
    String text = v.string(member);
    try {
      Duration d = Duration.parse(text);
      if (d.isNegative() || (!zeroAllowed && d.getSeconds() < 1)) {
        problems.add(v.at(member, Message.DURATION_INVALID.format(member, text,
            zeroAllowed ? " that is not negative" : " of at least one second")));
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

  /** With a declared role set ({@code roles}), every {@code @RolesAllowed} role in scope must be in it. */
  static void checkDeclaredRoles(ConfigValues v, List<RouteScanner.ScannedRoute> routes, List<Diagnostic> problems) {
    List<String> declared = v.strings("roles");
    if (declared.isEmpty()) {
      return;
    }
    java.util.Set<String> reported = new java.util.HashSet<>();
    for (RouteScanner.ScannedRoute r : routes) {
      Element source = r.decision().source();
      if (source == null) {
        continue;
      }
      for (String role : r.decision().roles()) {
        if (!declared.contains(role) && reported.add(source + "#" + role)) {
          AnnotationMirror rolesAllowed = AnnotationValues.find(source, Names.ROLES_ALLOWED).orElse(null);
          problems.add(Diagnostic.at(Message.UNDECLARED_ROLE.format(role, String.join(", ", declared)),
              source, rolesAllowed, null));
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
      roles.addAll(r.decision().roles());
    }
    List<String> scopes = v.strings("scopes");
    for (int i = 0; i < scopes.size(); i++) {
      if (roles.contains(scopes.get(i))) {
        problems.add(v.at("scopes", i, Message.SCOPE_IS_ROLE.format(scopes.get(i))));
      }
    }
  }

}
