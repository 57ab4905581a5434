package dev.jwtsecured.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.jwtsecured.JwtSecured;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one {@code @JwtSecured} class and returns either its {@link ConfigModel} or every problem found in it
 * (STYLE: collect all errors of a class, generate nothing for it if there are any).
 */
final class ConfigValidator {
  /** What validation of one class gave. {@code deferred}: a type it needs does not exist yet; try next round. */
  record Result(Optional<ConfigModel> model, List<Diagnostic> diagnostics, String deferredMethod) {
    boolean deferred() {
      return deferredMethod != null;
    }
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)(?::(.*))?}", Pattern.DOTALL);
  private static final Pattern HTTP_METHOD = Pattern.compile("[A-Z]+");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern QUOTABLE = Pattern.compile("[\\x20\\x21\\x23-\\x2B\\x2D-\\x3A\\x3C-\\x5B\\x5D-\\x7E]*");
  private static final Pattern TOKEN_URL = Pattern.compile("(/[A-Za-z0-9._~!$&'()*+=:@-]+)+");
  private static final Set<String> ALGORITHMS = Set.of("HS256", "HS384", "HS512");
  /** Secrets from tutorials and defaults, tried first by anyone who finds a token. Compared case-insensitively. */
  private static final Set<String> WELL_KNOWN_SECRETS =
      Set.of(
          "secret", "changeme", "change-me", "change_me", "changeit", "abcd123", "password", "your-256-bit-secret",
          "your-384-bit-secret", "your-512-bit-secret", "secretkey", "secret-key", "mysecret", "my-secret",
          "jwt-secret", "jwtsecret", "supersecret", "super-secret", "test", "default", "key", "12345678",
          "your_secret_key", "your-secret-key");

  private final Elements elements;
  private final Types types;

  ConfigValidator(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
  }

  Result validate(TypeElement config, AnnotationMirror annotation, RouteScanner.Scan scan, List<String> basePackages,
      String applicationPath) {
    List<Diagnostic> problems = new ArrayList<>();
    Values values = new Values(config, annotation, elements.getElementValuesWithDefaults(annotation));

    validateClass(config, problems);
    SettingsModel settings = validateSettings(values, problems);

    List<ExecutableElement> methods = ElementFilter.methodsIn(config.getEnclosedElements());
    List<ExecutableElement> retrievers = annotated(methods, Names.USER_RETRIEVER);
    List<ExecutableElement> authenticators = annotated(methods, Names.AUTHENTICATOR);
    List<ExecutableElement> revocationChecks = annotated(methods, Names.REVOCATION_CHECK);

    HandlerModel retriever = null;
    TypeMirror userType = null;
    if (retrievers.isEmpty()) {
      problems.add(Diagnostic.error(Message.NO_USER_RETRIEVER.format(config.getSimpleName()), config, annotation, null));
    } else if (retrievers.size() > 1) {
      for (ExecutableElement extra : retrievers) {
        problems.add(Diagnostic.error(
            Message.SEVERAL_USER_RETRIEVERS.format(config.getSimpleName(), retrievers.size(), names(retrievers)),
            extra));
      }
    } else {
      ExecutableElement m = retrievers.get(0);
      if (checkCallable(m, "UserRetriever", problems)) {
        Optional<TypeMirror> user = validateRetriever(m, problems);
        if (user.isPresent() && user.get().getKind() == TypeKind.ERROR) {
          return new Result(Optional.empty(), List.of(), m.getSimpleName().toString());
        }
        if (user.isPresent()) {
          userType = user.get();
          retriever = new HandlerModel(m.getSimpleName().toString(), isStatic(m), false,
              m.getParameters().size() == 2, returnsOf(m.getReturnType()));
        }
      }
    }

    Optional<HandlerModel> revocation = Optional.empty();
    if (revocationChecks.size() > 1) {
      severalMethods("RevocationCheck", config, revocationChecks, problems);
    } else if (revocationChecks.size() == 1) {
      ExecutableElement m = revocationChecks.get(0);
      if (checkCallable(m, "RevocationCheck", problems) && validateRevocationCheck(m, problems)) {
        revocation = Optional.of(new HandlerModel(m.getSimpleName().toString(), isStatic(m), false,
            m.getParameters().size() == 2, HandlerModel.Returns.BOOLEAN));
      }
    }

    Optional<HandlerModel> authenticator = Optional.empty();
    if (authenticators.size() > 1) {
      severalMethods("Authenticator", config, authenticators, problems);
    } else if (authenticators.size() == 1) {
      ExecutableElement m = authenticators.get(0);
      if (checkCallable(m, "Authenticator", problems)) {
        authenticator = validateAuthenticator(m, problems);
      }
    } else if (!settings.tokenUrl().isEmpty()) {
      problems.add(Diagnostic.error(
          Message.TOKEN_URL_WITHOUT_AUTHENTICATOR.format(settings.tokenUrl(), config.getSimpleName()),
          config, annotation, values.value("tokenUrl")));
    }

    RouteChecks.Result routes = new RouteChecks(values).check(settings, scan,
        authenticator.isPresent() && !settings.tokenUrl().isEmpty());
    problems.addAll(routes.problems());
    checkDeclaredRoles(values, scan.routes(), problems);
    checkScopesAreNotRoles(values, scan.routes(), problems);

    if (problems.stream().anyMatch(Diagnostic::isError) || retriever == null) {
      return new Result(Optional.empty(), problems, null);
    }
    boolean needsInstance =
        !retriever.isStatic()
            || revocation.map(h -> !h.isStatic()).orElse(false)
            || authenticator.map(h -> !h.isStatic()).orElse(false);
    if (needsInstance && !hasCallableConstructor(config)) {
      problems.add(Diagnostic.error(Message.NO_CALLABLE_CONSTRUCTOR.format(config.getSimpleName()), config));
      return new Result(Optional.empty(), problems, null);
    }
    ConfigModel model =
        new ConfigModel(
            ClassName.get(config),
            TypeName.get(userType),
            userType.getKind() == TypeKind.DECLARED && !((DeclaredType) userType).getTypeArguments().isEmpty(),
            retriever,
            revocation,
            authenticator,
            needsInstance,
            hasNoArgConstructor(config),
            settings,
            routes.routes(),
            routes.guardedLocators(),
            basePackages,
            applicationPath);
    return new Result(Optional.of(model), problems, null);
  }

  // ---- the class ----

  private void validateClass(TypeElement config, List<Diagnostic> problems) {
    if (config.getKind() != ElementKind.CLASS) {
      problems.add(Diagnostic.error(Message.NOT_A_CLASS.format(config.getSimpleName(),
          config.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ')), config));
      return;
    }
    if (config.getModifiers().contains(Modifier.ABSTRACT)) {
      problems.add(Diagnostic.error(Message.CLASS_ABSTRACT.format(config.getSimpleName()), config));
    }
    for (Element e = config; e instanceof TypeElement; e = e.getEnclosingElement()) {
      TypeElement t = (TypeElement) e;
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        problems.add(Diagnostic.error(Message.CLASS_NOT_ACCESSIBLE.format(t.getSimpleName(), "private"), config));
        return;
      }
      if (t.getNestingKind() == NestingKind.MEMBER && !t.getModifiers().contains(Modifier.STATIC)
          && t.getKind() == ElementKind.CLASS) {
        problems.add(Diagnostic.error(
            Message.CLASS_NOT_ACCESSIBLE.format(t.getSimpleName(), "an inner (non-static) class"), config));
        return;
      }
      if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
        problems.add(Diagnostic.error(Message.CLASS_NOT_ACCESSIBLE.format(t.getSimpleName(), "a local class"), config));
        return;
      }
    }
  }

  /** Whether the user can create the configuration: some constructor is not private. */
  private static boolean hasCallableConstructor(TypeElement config) {
    return ElementFilter.constructorsIn(config.getEnclosedElements()).stream()
        .anyMatch(c -> !c.getModifiers().contains(Modifier.PRIVATE));
  }

  private static boolean hasNoArgConstructor(TypeElement config) {
    for (ExecutableElement c : ElementFilter.constructorsIn(config.getEnclosedElements())) {
      if (c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  // ---- the annotation's values ----

  private SettingsModel validateSettings(Values v, List<Diagnostic> problems) {
    String algorithm = v.string("algorithm");
    int minimumBytes = 32;
    if (!ALGORITHMS.contains(algorithm)) {
      problems.add(v.error("algorithm", Message.ALGORITHM_UNKNOWN.format(algorithm)));
    } else {
      minimumBytes = Integer.parseInt(algorithm.substring(2)) / 8;
    }

    String secret = v.string("secret");
    validateSecret(v, secret, algorithm, minimumBytes, problems);

    List<String> exclude = v.strings("exclude");
    for (int i = 0; i < exclude.size(); i++) {
      try {
        Pattern.compile(exclude.get(i));
      } catch (PatternSyntaxException e) {
        problems.add(v.errorAt("exclude", i, Message.EXCLUDE_INVALID_REGEX.format(exclude.get(i), e.getDescription())));
      }
    }
    List<String> excludeMethods = v.strings("excludeMethods");
    for (int i = 0; i < excludeMethods.size(); i++) {
      if (!HTTP_METHOD.matcher(excludeMethods.get(i)).matches()) {
        problems.add(v.errorAt("excludeMethods", i, Message.EXCLUDE_METHOD_INVALID.format(excludeMethods.get(i))));
      }
    }

    long expiration = duration(v, "expiration", false, problems);
    long leeway = duration(v, "leeway", true, problems);

    String authHeader = v.string("authHeader");
    if (!HEADER_NAME.matcher(authHeader).matches()) {
      problems.add(v.error("authHeader", Message.HEADER_NAME_INVALID.format(authHeader)));
    }
    quoted(v, "realm", "a WWW-Authenticate challenge", problems);
    String cookieName = v.string("cookieName");
    if (!HEADER_NAME.matcher(cookieName).matches()) {
      problems.add(v.error("cookieName",
          Message.QUOTED_TEXT_INVALID.format("cookieName", cookieName, "a cookie name")));
    }
    quoted(v, "cookiePath", "a Set-Cookie attribute", problems);
    if (v.enumConstant("cookieSameSite").equals("NONE") && !v.bool("cookieSecure")) {
      problems.add(v.error("cookieSameSite", Message.SAME_SITE_NONE_WITHOUT_SECURE.format()));
    }
    quoted(v, "cookieDomain", "a Set-Cookie attribute", problems);

    String tokenUrl = v.string("tokenUrl");
    if (!tokenUrl.isEmpty()
        && (!TOKEN_URL.matcher(tokenUrl).matches() || tokenUrl.contains("/../") || tokenUrl.endsWith("/..")
            || tokenUrl.contains("/./") || tokenUrl.endsWith("/."))) {
      problems.add(v.error("tokenUrl", Message.TOKEN_URL_INVALID.format(tokenUrl)));
    }

    String openApiPath = v.string("openApiPath");
    if (!openApiPath.isEmpty() && !TOKEN_URL.matcher(openApiPath).matches()) {
      problems.add(v.error("openApiPath", Message.OPENAPI_PATH_INVALID.format(openApiPath)));
    }
    if (!v.string("schemeName").matches("[A-Za-z0-9._-]+")) {
      problems.add(v.error("schemeName", Message.SCHEME_NAME_INVALID.format(v.string("schemeName"))));
    }

    int maxTokenRequestBytes = ((Number) v.value("maxTokenRequestBytes").getValue()).intValue();
    if (maxTokenRequestBytes < 256 || maxTokenRequestBytes > 1024 * 1024) {
      problems.add(v.error("maxTokenRequestBytes", Message.TOKEN_REQUEST_LIMIT_INVALID.format(maxTokenRequestBytes)));
    }
    String clientAddressHeader = v.string("clientAddressHeader");
    if (!clientAddressHeader.isEmpty() && !HEADER_NAME.matcher(clientAddressHeader).matches()) {
      problems.add(v.error("clientAddressHeader", Message.HEADER_NAME_INVALID.format(clientAddressHeader)));
    }

    int cacheSize = ((Number) v.value("cacheSize").getValue()).intValue();
    if (cacheSize < 0 || cacheSize > JwtSecured.MAX_CACHE_SIZE) {
      problems.add(v.error("cacheSize", Message.CACHE_SIZE_INVALID.format(cacheSize)));
    }

    return new SettingsModel(
        secret,
        algorithm,
        tokenUrl,
        exclude,
        excludeMethods.stream().distinct().sorted().collect(Collectors.toList()),
        v.enumConstant("transport"),
        authHeader,
        expiration,
        v.string("issuer"),
        v.strings("audience"),
        leeway,
        v.string("realm"),
        cookieName,
        v.string("cookiePath"),
        v.string("cookieDomain"),
        v.bool("cookieSecure"),
        v.enumConstant("cookieSameSite"),
        v.strings("scopes"),
        v.string("schemeName"),
        v.string("description"),
        openApiPath,
        v.string("openApiTitle"),
        v.string("openApiVersion"),
        cacheSize,
        v.enumConstant("unseenMethods"),
        maxTokenRequestBytes,
        clientAddressHeader);
  }

  private static void validateSecret(Values v, String secret, String algorithm, int minimumBytes,
      List<Diagnostic> problems) {
    if (secret.isEmpty()) {
      problems.add(v.error("secret", Message.SECRET_EMPTY.format()));
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
      problems.add(v.error("secret", fallback
          ? Message.SECRET_WELL_KNOWN_FALLBACK.format(literal, placeholder.group(1))
          : Message.SECRET_WELL_KNOWN.format(literal)));
      return;
    }
    int bytes = literal.getBytes(StandardCharsets.UTF_8).length;
    if (bytes < minimumBytes) {
      problems.add(v.error("secret", Message.SECRET_TOO_SHORT.format(bytes,
          ALGORITHMS.contains(algorithm) ? algorithm : "HS256", minimumBytes)));
      return;
    }
    problems.add(v.warning("secret", Message.SECRET_LITERAL.format()));
  }

  private static long duration(Values v, String member, boolean zeroAllowed, List<Diagnostic> problems) {
    String text = v.string(member);
    try {
      Duration d = Duration.parse(text);
      if (d.isNegative() || (!zeroAllowed && d.getSeconds() < 1)) {
        problems.add(v.error(member, Message.DURATION_INVALID.format(member, text,
            zeroAllowed ? " that is not negative" : " of at least one second")));
        return 0;
      }
      return d.getSeconds();
    } catch (DateTimeParseException e) {
      problems.add(v.error(member, Message.DURATION_INVALID.format(member, text, "")));
      return 0;
    }
  }

  private static void quoted(Values v, String member, String where, List<Diagnostic> problems) {
    String text = v.string(member);
    if (!QUOTABLE.matcher(text).matches()) {
      problems.add(v.error(member, Message.QUOTED_TEXT_INVALID.format(member, text, where)));
    }
  }

  /** With a declared role set ({@code roles}), every {@code @RolesAllowed} role in scope must be in it. */
  private static void checkDeclaredRoles(Values v, List<RouteScanner.ScannedRoute> routes, List<Diagnostic> problems) {
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
          AnnotationMirror rolesAllowed = findAnnotation(source, Names.ROLES_ALLOWED).orElse(null);
          problems.add(Diagnostic.error(Message.UNDECLARED_ROLE.format(role, String.join(", ", declared)),
              source, rolesAllowed, null));
        }
      }
    }
  }

  /**
   * A name that is both a declared scope and a role (declared in {@code roles} or required by {@code @RolesAllowed})
   * would let a requested scope pass for a role: the security context's {@code isUserInRole} reads both claims.
   */
  private static void checkScopesAreNotRoles(Values v, List<RouteScanner.ScannedRoute> routes,
      List<Diagnostic> problems) {
    java.util.Set<String> roles = new java.util.TreeSet<>(v.strings("roles"));
    for (RouteScanner.ScannedRoute r : routes) {
      roles.addAll(r.decision().roles());
    }
    List<String> scopes = v.strings("scopes");
    for (int i = 0; i < scopes.size(); i++) {
      if (roles.contains(scopes.get(i))) {
        problems.add(v.errorAt("scopes", i, Message.SCOPE_IS_ROLE.format(scopes.get(i))));
      }
    }
  }

  // ---- the annotated methods ----

  private List<ExecutableElement> annotated(List<ExecutableElement> methods, String annotation) {
    return methods.stream().filter(m -> hasAnnotation(m, annotation)).collect(Collectors.toList());
  }

  static boolean hasAnnotation(Element e, String qualifiedName) {
    return findAnnotation(e, qualifiedName).isPresent();
  }

  static Optional<AnnotationMirror> findAnnotation(Element e, String qualifiedName) {
    for (AnnotationMirror m : e.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private static String names(List<ExecutableElement> methods) {
    return methods.stream().map(m -> "'" + m.getSimpleName() + "'").collect(Collectors.joining(", "));
  }

  private static void severalMethods(String annotation, TypeElement config, List<ExecutableElement> methods,
      List<Diagnostic> problems) {
    for (ExecutableElement m : methods) {
      problems.add(Diagnostic.error(
          Message.SEVERAL_METHODS.format(annotation, config.getSimpleName(), methods.size(), names(methods)), m));
    }
  }

  /** Rules for every annotated method: callable from the package, not generic, no checked exceptions. */
  private boolean checkCallable(ExecutableElement m, String annotation, List<Diagnostic> problems) {
    boolean ok = true;
    if (m.getModifiers().contains(Modifier.PRIVATE)) {
      problems.add(Diagnostic.error(Message.METHOD_NOT_ACCESSIBLE.format(annotation, m.getSimpleName()), m));
      ok = false;
    }
    if (!m.getTypeParameters().isEmpty()) {
      problems.add(Diagnostic.error(Message.METHOD_GENERIC.format(annotation, m.getSimpleName(),
          m.getTypeParameters().stream().map(Object::toString).collect(Collectors.joining(", "))), m));
      ok = false;
    }
    for (TypeMirror thrown : m.getThrownTypes()) {
      if (isChecked(thrown)) {
        problems.add(Diagnostic.error(Message.METHOD_THROWS.format(annotation, m.getSimpleName(), thrown), m));
        ok = false;
      }
    }
    return ok;
  }

  private boolean isChecked(TypeMirror thrown) {
    TypeMirror runtime = elements.getTypeElement("java.lang.RuntimeException").asType();
    TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
    return !types.isAssignable(thrown, runtime) && !types.isAssignable(thrown, error);
  }

  /** Returns the user type {@code U}, or empty after reporting why there is none. An error type means: defer. */
  private Optional<TypeMirror> validateRetriever(ExecutableElement m, List<Diagnostic> problems) {
    boolean parametersOk = hasTokenParameters(m);
    if (!parametersOk) {
      problems.add(Diagnostic.error(Message.RETRIEVER_PARAMETERS.format(m.getSimpleName(), parameterList(m)), m));
    }
    Optional<TypeMirror> user = userType(m.getReturnType());
    if (user.isEmpty()) {
      problems.add(Diagnostic.error(Message.RETRIEVER_RETURN.format(m.getSimpleName(), m.getReturnType()), m));
    }
    return parametersOk || user.map(u -> u.getKind() == TypeKind.ERROR).orElse(false) ? user : Optional.empty();
  }

  private Optional<TypeMirror> userType(TypeMirror returned) {
    if (returned.getKind() == TypeKind.ERROR) {
      return Optional.of(returned);
    }
    if (returned.getKind() != TypeKind.DECLARED && returned.getKind() != TypeKind.ARRAY) {
      return Optional.empty(); // void, primitives, type variables
    }
    if (returned.getKind() == TypeKind.DECLARED) {
      String erased = erasedName(returned);
      if (erased.equals(Names.OPTIONAL) || erased.equals(Names.COMPLETION_STAGE)
          || erased.equals(Names.COMPLETABLE_FUTURE)) {
        List<? extends TypeMirror> args = ((DeclaredType) returned).getTypeArguments();
        if (args.size() != 1) {
          return Optional.empty(); // raw
        }
        TypeMirror u = args.get(0);
        if (!erased.equals(Names.OPTIONAL) && u.getKind() == TypeKind.DECLARED
            && erasedName(u).equals(Names.OPTIONAL)) {
          // CompletionStage<Optional<U>>: the user type is U, and an empty Optional means an unknown user.
          List<? extends TypeMirror> inner = ((DeclaredType) u).getTypeArguments();
          if (inner.size() != 1) {
            return Optional.empty();
          }
          u = inner.get(0);
        }
        if (u.getKind() == TypeKind.ERROR) {
          return Optional.of(u);
        }
        return u.getKind() == TypeKind.DECLARED || u.getKind() == TypeKind.ARRAY ? Optional.of(u) : Optional.empty();
      }
    }
    return Optional.of(returned);
  }

  static HandlerModel.Returns returnsOf(TypeMirror returned) {
    if (returned.getKind() == TypeKind.BOOLEAN) {
      return HandlerModel.Returns.BOOLEAN;
    }
    if (returned.getKind() == TypeKind.DECLARED) {
      String erased = ((TypeElement) ((DeclaredType) returned).asElement()).getQualifiedName().toString();
      if (erased.equals(Names.OPTIONAL)) {
        return HandlerModel.Returns.OPTIONAL;
      }
      if (erased.equals(Names.COMPLETION_STAGE) || erased.equals(Names.COMPLETABLE_FUTURE)) {
        List<? extends TypeMirror> args = ((DeclaredType) returned).getTypeArguments();
        boolean ofOptional = args.size() == 1 && args.get(0).getKind() == TypeKind.DECLARED
            && erasedName(args.get(0)).equals(Names.OPTIONAL);
        return ofOptional ? HandlerModel.Returns.COMPLETION_STAGE_OF_OPTIONAL : HandlerModel.Returns.COMPLETION_STAGE;
      }
    }
    return HandlerModel.Returns.PLAIN;
  }

  private boolean validateRevocationCheck(ExecutableElement m, List<Diagnostic> problems) {
    if (!hasTokenParameters(m) || m.getReturnType().getKind() != TypeKind.BOOLEAN) {
      problems.add(Diagnostic.error(Message.REVOCATION_SIGNATURE.format(m.getSimpleName(), signature(m)), m));
      return false;
    }
    return true;
  }

  private Optional<HandlerModel> validateAuthenticator(ExecutableElement m, List<Diagnostic> problems) {
    List<? extends VariableElement> params = m.getParameters();
    boolean ok = params.size() >= 2 && params.size() <= 4
        && isType(params.get(0).asType(), Names.STRING) && isType(params.get(1).asType(), Names.STRING);
    boolean takesScopes = false;
    boolean takesRequest = false;
    if (ok && params.size() >= 3) {
      TypeMirror third = params.get(2).asType();
      if (isStringSet(third)) {
        takesScopes = true;
        if (params.size() == 4) {
          ok = isType(params.get(3).asType(), Names.HTTP_HEADERS);
          takesRequest = ok;
        }
      } else {
        ok = params.size() == 3 && isType(third, Names.HTTP_HEADERS);
        takesRequest = ok;
      }
    }
    TypeMirror returned = m.getReturnType();
    HandlerModel.Returns returns = returnsOf(returned);
    boolean returnOk;
    if (returns == HandlerModel.Returns.OPTIONAL) {
      List<? extends TypeMirror> args = ((DeclaredType) returned).getTypeArguments();
      returnOk = args.size() == 1 && (isType(args.get(0), Names.GRANT) || isType(args.get(0), Names.STRING));
    } else {
      returnOk = returns == HandlerModel.Returns.PLAIN
          && (isType(returned, Names.GRANT) || isType(returned, Names.STRING));
    }
    if (!ok || !returnOk) {
      problems.add(Diagnostic.error(Message.AUTHENTICATOR_SIGNATURE.format(m.getSimpleName(), signature(m)), m));
      return Optional.empty();
    }
    boolean subject = returns == HandlerModel.Returns.OPTIONAL
        ? isType(((DeclaredType) returned).getTypeArguments().get(0), Names.STRING)
        : isType(returned, Names.STRING);
    if (subject) {
      returns = returns == HandlerModel.Returns.OPTIONAL
          ? HandlerModel.Returns.OPTIONAL_SUBJECT : HandlerModel.Returns.SUBJECT;
    }
    return Optional.of(new HandlerModel(m.getSimpleName().toString(), isStatic(m), takesScopes, takesRequest,
        returns));
  }

  private boolean hasTokenParameters(ExecutableElement m) {
    List<? extends VariableElement> params = m.getParameters();
    if (params.isEmpty() || params.size() > 2 || !isType(params.get(0).asType(), Names.TOKEN)) {
      return false;
    }
    return params.size() == 1 || isType(params.get(1).asType(), Names.CONTAINER_REQUEST_CONTEXT);
  }

  private boolean isStringSet(TypeMirror t) {
    if (t.getKind() != TypeKind.DECLARED || !erasedName(t).equals(Names.SET)) {
      return false;
    }
    List<? extends TypeMirror> args = ((DeclaredType) t).getTypeArguments();
    return args.size() == 1 && isType(args.get(0), Names.STRING);
  }

  private static boolean isType(TypeMirror t, String qualifiedName) {
    return t.getKind() == TypeKind.DECLARED && erasedName(t).equals(qualifiedName)
        && ((DeclaredType) t).getTypeArguments().isEmpty();
  }

  private static String erasedName(TypeMirror t) {
    return ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().toString();
  }

  private static boolean isStatic(ExecutableElement m) {
    return m.getModifiers().contains(Modifier.STATIC);
  }

  private static String parameterList(ExecutableElement m) {
    return m.getParameters().stream().map(p -> p.asType().toString()).collect(Collectors.joining(", "));
  }

  private static String signature(ExecutableElement m) {
    return m.getReturnType() + " " + m.getSimpleName() + "(" + parameterList(m) + ")";
  }

  /** The annotation's values with defaults, and positions for reports. */
  static final class Values {
    private final TypeElement config;
    final AnnotationMirror mirror;
    private final Map<? extends ExecutableElement, ? extends AnnotationValue> withDefaults;

    Values(TypeElement config, AnnotationMirror mirror,
        Map<? extends ExecutableElement, ? extends AnnotationValue> withDefaults) {
      this.config = config;
      this.mirror = mirror;
      this.withDefaults = withDefaults;
    }

    AnnotationValue value(String name) {
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : withDefaults.entrySet()) {
        if (e.getKey().getSimpleName().contentEquals(name)) {
          return e.getValue();
        }
      }
      throw new IllegalStateException("no member " + name);
    }

    /** The value written in the source, for a precise position; {@code null} when the default applies. */
    AnnotationValue explicit(String name) {
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
        if (e.getKey().getSimpleName().contentEquals(name)) {
          return e.getValue();
        }
      }
      return null;
    }

    String string(String name) {
      Object v = value(name).getValue();
      return v instanceof String ? (String) v : String.valueOf(v);
    }

    boolean bool(String name) {
      return Boolean.TRUE.equals(value(name).getValue());
    }

    String enumConstant(String name) {
      Object v = value(name).getValue();
      return v instanceof VariableElement ? ((VariableElement) v).getSimpleName().toString() : String.valueOf(v);
    }

    List<String> strings(String name) {
      return elementsOf(name).stream().map(av -> String.valueOf(av.getValue())).collect(Collectors.toList());
    }

    private List<? extends AnnotationValue> elementsOf(String name) {
      Object v = value(name).getValue();
      if (v instanceof List) {
        @SuppressWarnings("unchecked") // an array-valued member's value is a List<AnnotationValue>
        List<? extends AnnotationValue> list = (List<? extends AnnotationValue>) v;
        return list;
      }
      return List.of(value(name));
    }

    Diagnostic error(String name, String message) {
      return Diagnostic.error(message, config, mirror, explicit(name));
    }

    Diagnostic warning(String name, String message) {
      return Diagnostic.warning(message, config, mirror, explicit(name));
    }

    /** A warning on element {@code index} of an array-valued member. */
    Diagnostic warningAt(String name, int index, String message) {
      Diagnostic e = errorAt(name, index, message);
      return Diagnostic.warning(message, e.element(), e.mirror(), e.value());
    }

    /** An error on element {@code index} of an array-valued member, when it was written in the source. */
    Diagnostic errorAt(String name, int index, String message) {
      AnnotationValue array = explicit(name);
      AnnotationValue at = array;
      if (array != null && array.getValue() instanceof List) {
        List<?> list = (List<?>) array.getValue();
        if (index < list.size() && list.get(index) instanceof AnnotationValue) {
          at = (AnnotationValue) list.get(index);
        }
      }
      return Diagnostic.error(message, config, mirror, at);
    }
  }
}
