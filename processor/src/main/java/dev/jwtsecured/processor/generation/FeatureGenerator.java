package dev.jwtsecured.processor.generation;

import dev.jwtsecured.processor.model.ConfigModel;
import dev.jwtsecured.processor.model.SettingsModel;
import static dev.jwtsecured.processor.generation.GeneratedTypes.FEATURE_CONTEXT;
import static dev.jwtsecured.processor.generation.GeneratedTypes.JWS_ALGORITHM;
import static dev.jwtsecured.processor.generation.GeneratedTypes.JWT_AUTH;
import static dev.jwtsecured.processor.generation.GeneratedTypes.JWT_SETTINGS;
import static dev.jwtsecured.processor.generation.GeneratedTypes.REFRESH_TOKENS;
import static dev.jwtsecured.processor.generation.GeneratedTypes.ROUTE_SCOPE;
import static dev.jwtsecured.processor.generation.GeneratedTypes.SAME_SITE;
import static dev.jwtsecured.processor.generation.GeneratedTypes.TRANSPORT;
import static dev.jwtsecured.processor.generation.GeneratedTypes.UNSEEN_METHODS;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.jwtsecured.processor.model.SettingsModel.SameSite;
import dev.jwtsecured.processor.model.SettingsModel.Transport;
import dev.jwtsecured.processor.model.SettingsModel.UnseenMethods;
import dev.jwtsecured.processor.validation.ApplicationPaths;
import dev.jwtsecured.processor.validation.SharedEndpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code FooJwtFeature}: the one class an application registers (the seed framework's {@code on_app_init}).
 *
 * <p>It is over 300 lines because the feature is one generated class whose parts (its constructors, with the
 * configuration instance and the refresh store where the handlers need them; the settings that differ from the
 * defaults; what it installs, lists and shares with the application's other configurations) each come with the Javadoc
 * and comments users read in the generated source.
 */
public final class FeatureGenerator implements SourceGenerator {
  @Override
  public TypeSpec generate(ConfigModel model) {
    ClassName config = model.configClass();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(model.featureClass())
            .addJavadoc("Installs JWT security as {@link $T} configures it: register an instance with the JAX-RS\n",
                config)
            .addJavadoc("application. $L\n", startUpCheck(model.settings()))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(GeneratedTypes.FEATURE)
            .addSuperinterface(GeneratedTypes.JWT_FEATURE)
            .addField(FieldSpec.builder(ParameterizedTypeName.get(List.class, String.class), "PACKAGES",
                    Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The packages whose resources {@link $T} secures, with their subpackages.\n", config)
                .initializer("$T.of($L)", List.class, model.basePackages().stream().map(p -> CodeBlock.of("$S", p))
                    .collect(CodeBlock.joining(", ")))
                .build())
            .addField(JWT_AUTH, "auth", Modifier.PRIVATE, Modifier.FINAL);

    if (model.filterNeedsInstance()) {
      // For the filters, created in configure(); JwtAuth holds it for the token endpoint.
      type.addField(model.configType(), "config", Modifier.PRIVATE, Modifier.FINAL);
    }
    if (model.needsInstance()) {
      if (model.hasNoArgConstructor()) {
        type.addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("Creates the configuration with its no-argument constructor and the settings of\n")
            .addJavadoc("{@code @JwtSecured}.\n")
            .addModifiers(Modifier.PUBLIC)
            .addStatement(model.typeParameters() == 0 ? "this(new $T())" : "this(new $T<>())", config)
            .build());
      }
    }
    type.addMethod(constructor(model, false));
    type.addMethod(constructor(model, true));

    type.addMethod(settingsMethod(model));
    type.addMethod(MethodSpec.methodBuilder("auth")
        .addJavadoc("The runtime of this configuration: its settings and keys, logins and logouts.\n\n")
        .addJavadoc("@return the runtime\n")
        .addAnnotation(Override.class)
        // SpotBugs reads JwtAuth as mutable (settings() starts like a setter) and the field as exposed.
        .addAnnotation(GeneratedTypes.suppressFbWarnings("EI_EXPOSE_REP",
            "the feature hands out its configuration's runtime by design"))
        .addModifiers(Modifier.PUBLIC)
        .returns(JWT_AUTH)
        .addStatement("return auth")
        .build());

    CodeBlock instance = model.filterNeedsInstance()
        ? CodeBlock.of("auth.requestAuth(), config") : CodeBlock.of("auth.requestAuth()");
    MethodSpec.Builder configure = MethodSpec.methodBuilder("configure")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(FEATURE_CONTEXT, "context")
        .addComment("Published so that other configurations in the application leave these resources alone.")
        .addStatement("$T scope = new $T($S, PACKAGES, $T::knows, auth.settings().unseenMethods(),\n"
                + "context.getConfiguration())",
            ROUTE_SCOPE, ROUTE_SCOPE, model.configClass().canonicalName(), model.policiesClass())
        .addStatement("context.property(scope.property(), scope)")
        .addComment("For the access point's login and logout, and the generated resources.")
        .addStatement("auth.publish(context)")
        .addComment("Kept for $T where the runtime drops a feature's dynamic features (Quarkus REST).",
            model.featureCheckClass())
        .addStatement("scope.register(context, new $T($L, scope))", model.policiesClass(), instance)
        .addComment("Fails closed where nothing asked it.")
        .addStatement("$T.guard(context, scope, $T.class)", GeneratedTypes.FEATURE_CHECK, model.featureClass())
        .addComment("A server enforcing @RolesAllowed with its own login would refuse every token: said in the log.")
        .addStatement("$T.check(context)", GeneratedTypes.SERVER_ENFORCEMENT);
    if (model.settings().keySource() == SettingsModel.KeySource.SECRET) {
      configure.addComment(model.sharingMeant()
              ? "Its secret is meant for other configurations' logins too (@SuppressWarnings): said to them."
              : "Another configuration of the application accepting its tokens, or it theirs: said in the log.")
          .addStatement("$T.check(context, auth, $L)", GeneratedTypes.SHARED_SECRETS, model.sharingMeant());
    }
    List<String> requests = SharedEndpoints.generatedRequests(model);
    if (!requests.isEmpty() || model.settings().transport() == Transport.COOKIE) {
      List<CodeBlock> claimed = new ArrayList<>(List.of(CodeBlock.of("context"), CodeBlock.of("auth")));
      requests.forEach(request -> claimed.add(CodeBlock.of("$S", request)));
      configure.addComment(requests.isEmpty()
              ? "Another configuration of the application setting this token cookie: refused."
              : "Another configuration of the application answering these requests"
                  + (model.settings().transport() == Transport.COOKIE
                      ? " or setting this token cookie" : "") + ": refused.")
          .addStatement("$T.claim($L)", GeneratedTypes.ENDPOINT_CLAIMS, CodeBlock.join(claimed, ", "));
    }
    if (!model.guardedLocators().isEmpty()) {
      // Locators that lead to one another stand at thousands of paths: ten name them well enough here.
      List<String> paths = model.guardedLocatorPaths().stream().distinct().toList();
      String named = String.join(", ", paths.subList(0, Math.min(10, paths.size())))
          + (paths.size() > 10 ? " and " + (paths.size() - 10) + " more" : "");
      configure.addComment("Authenticates before the protected sub-resource locators $L run.",
              SourceGenerator.commentText(named))
          .addStatement("$T locators = new $T($L, $T.AUTHENTICATED)", model.filterClass(), model.filterClass(),
              instance, GeneratedTypes.ACCESS_RULE)
          .addStatement("$T guard = new $T(locators)", model.locatorGuardClass(), model.locatorGuardClass())
          .addStatement("context.register(guard, $T.AUTHENTICATION)", GeneratedTypes.PRIORITIES)
          .addComment("Again after the pre-matching filters of the usual priorities (up to USER), which may rewrite")
          .addComment(LocatorGuardGenerator.answersOptions(model)
              ? "the path; a CORS filter answers preflights first." : "the path.")
          .addStatement("context.register(new $T.Late(locators, guard.roots()), $T.USER * 10)",
              model.locatorGuardClass(), GeneratedTypes.PRIORITIES);
    }
    if (!model.rootOperations().isEmpty()) {
      if (model.guardedLocators().isEmpty()) {
        configure.addComment("For the locator guards of other configurations of the application: they leave to this")
            .addComment("one's rules its root resources that JAX-RS matches first.");
      } else {
        configure.addComment("Its locator guard leaves to other configurations of the application their root")
            .addComment("resources that JAX-RS matches first; theirs leave these to this one's rules.");
      }
      configure.addStatement("$T.share(context, auth, ROOTS, $L)", GeneratedTypes.SHARED_ROOTS,
              model.guardedLocators().isEmpty() ? "null" : "guard.roots()");
      MethodParts.Table roots = roots(model);
      type.addField(FieldSpec.builder(ArrayTypeName.of(GeneratedTypes.SHARED_ROOTS.nestedClass("Operation")),
              "ROOTS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The operations of the root resources {@link $T} secures (its generated resources among\n",
              config)
          .addJavadoc("them) and their locators (no request method), each with its root resource class's template.\n")
          .initializer(roots.initializer())
          .build())
          .addMethods(roots.methods());
    }
    type.addMethod(configure.addStatement("return true").build());
    type.addMethod(classesMethod(model));
    return type.build();
  }

  /** {@code ROOTS}: the configuration's root operations, a call naming each path, template and request method. */
  private static MethodParts.Table roots(ConfigModel model) {
    return new MethodParts.Table("roots", GeneratedTypes.SHARED_ROOTS.nestedClass("Operation"),
        model.rootOperations().stream().map(o -> CodeBlock.of("$T.operation($L)", GeneratedTypes.SHARED_ROOTS,
            CodeBlock.join(Stream.concat(Stream.of(o.path(), o.rootPath()), o.httpMethods().stream())
                .map(text -> CodeBlock.of("$S", text)).toList(), ", "))).toList(),
        model.rootOperations().stream().map(o -> MethodParts.call(2 + o.httpMethods().size())).toList());
  }

  /**
   * {@code classes()}: the resources generated for the configuration, for {@code Application.getClasses()}, which
   * every JAX-RS runtime honours (RESTEasy ignores resources that a feature registers). Registered as classes, they
   * find this feature's runtime through the application's configuration.
   */
  private static MethodSpec classesMethod(ConfigModel model) {
    List<CodeBlock> classes = new java.util.ArrayList<>();
    classes.add(CodeBlock.of("$T.class", model.featureCheckClass()));
    if (!model.settings().tokenUrl().isEmpty() && model.authenticator().isPresent()) {
      classes.add(CodeBlock.of("$T.class", model.loginResourceClass()));
    }
    if (!model.settings().openApiPath().isEmpty()) {
      classes.add(CodeBlock.of("$T.class", model.openApiClass()));
    }
    if (model.settings().signsWithKey()) {
      classes.add(CodeBlock.of("$T.class", model.jwksClass()));
    }
    MethodSpec.Builder method = MethodSpec.methodBuilder("classes")
        .addJavadoc("The classes generated for {@link $T}: {@link $T}, which fails its resources closed if this\n",
            model.configClass(), model.featureCheckClass())
        .addJavadoc("feature is missing");
    if (!model.settings().tokenUrl().isEmpty() && model.authenticator().isPresent()) {
      method.addJavadoc(", the token endpoint at $L", SourceGenerator.javadocCode(model.settings().tokenUrl()));
    }
    if (!model.settings().openApiPath().isEmpty()) {
      method.addJavadoc(", the OpenAPI document at $L", SourceGenerator.javadocCode(model.settings().openApiPath()));
    }
    if (model.settings().signsWithKey()) {
      method.addJavadoc(", the public key set at {@code $L}", SettingsModel.JWKS_PATH);
    }
    return method
        .addJavadoc(".\nReturn them from {@code Application.getClasses()} beside the application's own, and this\n")
        .addJavadoc("feature from {@code getSingletons()}.\n\n")
        .addJavadoc("@return the classes\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Set.class),
            ParameterizedTypeName.get(ClassName.get(Class.class), com.palantir.javapoet.WildcardTypeName.subtypeOf(
                Object.class))))
        .addStatement("return $T.of($L)", Set.class, CodeBlock.join(classes, ", "))
        .build();
  }

  /**
   * A public constructor: with the configuration instance first when handlers need one, then either the settings of
   * the annotation ({@code withSettings} false, delegating) or given settings, which create the {@code JwtAuth}.
   */
  private static MethodSpec constructor(ConfigModel model, boolean withSettings) {
    boolean withConfig = model.needsInstance();
    String uses = withConfig ? "{@code config} and " : "";
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
    if (withConfig) {
      constructor.addParameter(model.configType(), "config");
    }
    CodeBlock configDoc = withConfig
        ? CodeBlock.of("\n@param config the configuration its handler methods are called on\n") : CodeBlock.of("");
    if (!withSettings) {
      return constructor
          .addJavadoc("Uses $Lthe settings of {@code @JwtSecured}.\n", uses)
          .addJavadoc(configDoc)
          .addStatement(withConfig ? "this(config, settings().build())" : "this(settings().build())")
          .build();
    }
    constructor
        .addJavadoc("Uses $L{@code settings}, for example {@link #settings()} with a test clock.\n", uses)
        .addJavadoc(refreshStoreDoc(model))
        .addJavadoc(withConfig ? configDoc : CodeBlock.of("\n"))
        .addJavadoc("@param settings the settings, which {@link #settings()} gives to adjust\n")
        .addParameter(JWT_SETTINGS, "settings");
    CodeBlock instance = CodeBlock.of(model.refreshStore().isPresent() ? ", null" : "");
    if (model.filterNeedsInstance()) {
      constructor.addStatement("this.config = $T.requireNonNull(config)", Objects.class);
      instance = CodeBlock.of(", config");
    } else if (withConfig) {
      instance = CodeBlock.of(", $T.requireNonNull(config)", Objects.class);
    }
    // JwtAuth(settings, configuration class[, configuration instance or null[, refresh store]])
    return constructor
        .addStatement("this.auth = new $T(settings, $T.class$L$L)", JWT_AUTH, model.configClass(), instance,
            refreshStore(model))
        .build();
  }

  private static CodeBlock refreshStoreDoc(ConfigModel model) {
    return model.refreshStore()
        .map(m -> CodeBlock.of("Refresh tokens live in the store {@code $L()} returns, asked once, here; {@code null}"
            + " fails.\n", m.name()))
        .orElse(CodeBlock.of(""));
  }

  /**
   * {@code , RefreshTokens.provided(config.store(), "Foo.store()")}: the {@code @RefreshStore} method's store for
   * {@code JwtAuth}, where {@code null} stops start-up; or nothing.
   */
  private static CodeBlock refreshStore(ConfigModel model) {
    return model.refreshStore()
        .map(m -> CodeBlock.of(",$W$T.provided($L.$N(), $S)", REFRESH_TOKENS,
            m.isStatic() ? CodeBlock.of("$T", model.configClass()) : "config", m.name(),
            model.configClass().canonicalName() + "." + m.name() + "()"))
        .orElse(CodeBlock.of(""));
  }

  /** What creating the feature checks, for its Javadoc: what {@code JwtSettings.Builder.build()} refuses. */
  private static String startUpCheck(SettingsModel s) {
    return switch (s.keySource()) {
      case SECRET -> "Creating it resolves the secret, so a missing or weak secret fails at start-up.";
      case PRIVATE_KEY, PUBLIC_KEY ->
          "Creating it reads " + s.keySource().description + ", so a missing or unreadable key fails at start-up.";
      case JWKS -> "Creating it resolves the JWKS URI, so a missing one fails at start-up; the key set itself is read"
          + " on\nfirst use, and the application starts while it cannot be read.";
    };
  }

  /** {@code settings()}: a builder holding every value of the annotation, checked at compile time. */
  private static MethodSpec settingsMethod(ConfigModel model) {
    SettingsModel s = model.settings();
    CodeBlock.Builder chain = CodeBlock.builder()
        .add("return $T.builder()", JWT_SETTINGS)
        .indent().indent();
    switch (s.keySource()) {
      case PUBLIC_KEY -> chain.add("\n.publicKey($S)", s.publicKey());
      case JWKS -> chain.add("\n.jwksUri($S)", s.jwksUri());
      case PRIVATE_KEY -> {
        chain.add("\n.privateKey($S)", s.privateKey());
        addIf(chain, !s.rotationPublicKeys().isEmpty(), "\n.rotationPublicKeys($L)", list(s.rotationPublicKeys()));
      }
      case SECRET -> {
        chain.add("\n.secret($S)", s.secret());
        addIf(chain, !s.previousSecrets().isEmpty(), "\n.previousSecrets($L)", list(s.previousSecrets()));
      }
    }
    // Only what differs from JwtSettings.Builder's defaults, which are the annotation's defaults.
    addIf(chain, s.algorithm() != SettingsModel.Algorithm.HS256, "\n.algorithm($T.$L)", JWS_ALGORITHM, s.algorithm());
    addIf(chain, s.transport() != Transport.HEADER, "\n.transport($T.$L)", TRANSPORT, s.transport());
    addIf(chain, !s.authHeader().equals("Authorization"), "\n.authHeader($S)", s.authHeader());
    addIf(chain, !s.realm().equals("api"), "\n.realm($S)", s.realm());
    addIf(chain, s.expirationSeconds() != 86_400, "\n.expiration($L)", SourceGenerator.duration(s.expirationSeconds()));
    addIf(chain, s.leewaySeconds() != 0, "\n.leeway($L)", SourceGenerator.duration(s.leewaySeconds()));
    addIf(chain, !s.issuer().isEmpty(), "\n.issuer($S)", s.issuer());
    addIf(chain, !s.acceptedIssuers().isEmpty(), "\n.acceptedIssuers($L)", list(s.acceptedIssuers()));
    addIf(chain, !s.audience().isEmpty(), "\n.audience($L)", list(s.audience()));
    addIf(chain, !s.tokenUrl().isEmpty(), "\n.tokenUrl($S)", s.tokenUrl());
    addIf(chain, !model.applicationPath().isEmpty(), "\n.applicationPath($S)",
        ApplicationPaths.asRequested(model.applicationPath()));
    addIf(chain, !s.scopes().isEmpty(), "\n.scopes($L)", list(s.scopes()));
    addIf(chain, !s.cookieName().equals("token"), "\n.cookieName($S)", s.cookieName());
    addIf(chain, !s.cookiePath().equals("/"), "\n.cookiePath($S)", s.cookiePath());
    addIf(chain, !s.cookieDomain().isEmpty(), "\n.cookieDomain($S)", s.cookieDomain());
    addIf(chain, s.cookieSecure(), "\n.cookieSecure($L)", true);
    addIf(chain, s.cookieSameSite() != SameSite.LAX, "\n.cookieSameSite($T.$L)", SAME_SITE, s.cookieSameSite());
    addIf(chain, s.cacheSize() != 10_000, "\n.cacheSize($L)", s.cacheSize());
    addIf(chain, s.maxTokenLength() != 8 * 1024, "\n.maxTokenLength($L)", s.maxTokenLength());
    addIf(chain, s.unseenMethods() != UnseenMethods.REQUIRE_TOKEN, "\n.unseenMethods($T.$L)", UNSEEN_METHODS,
        s.unseenMethods());
    addIf(chain, s.maxTokenRequestBytes() != 64 * 1024, "\n.maxTokenRequestBytes($L)", s.maxTokenRequestBytes());
    addIf(chain, !s.clientAddressHeader().isEmpty(), "\n.clientAddressHeader($S)", s.clientAddressHeader());
    addIf(chain, s.verifierOnly() && !s.keyAlgorithms().equals(List.of("RS256")), "\n.keyAlgorithms($L)",
        list(s.keyAlgorithms()));
    addIf(chain, s.verifierOnly() && s.jwksMinRefreshSeconds() != 30, "\n.jwksMinRefresh($L)",
        SourceGenerator.duration(s.jwksMinRefreshSeconds()));
    addIf(chain, !s.rolesClaim().equals("roles"), "\n.rolesClaim($S)", s.rolesClaim());
    addIf(chain, s.refreshes(), "\n.refreshExpiration($L)", SourceGenerator.duration(s.refreshExpirationSeconds()));
    chain.add(";\n").unindent().unindent();
    return MethodSpec.methodBuilder("settings")
        .addJavadoc("The settings of {@code @JwtSecured} on {@link $T}; {@code build()} resolves $L.\n\n",
            model.configClass(), model.settings().keySource().description)
        .addJavadoc("@return a builder of those settings\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(JWT_SETTINGS.nestedClass("Builder"))
        .addCode(chain.build())
        .build();
  }

  private static void addIf(CodeBlock.Builder chain, boolean differs, String format, Object... args) {
    if (differs) {
      chain.add(format, args);
    }
  }

  private static CodeBlock list(List<String> values) {
    return CodeBlock.of("$T.of($L)", List.class,
        values.stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", ")));
  }
}
