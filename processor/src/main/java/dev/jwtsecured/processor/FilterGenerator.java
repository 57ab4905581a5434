package dev.jwtsecured.processor;

import static dev.jwtsecured.processor.GeneratedTypes.ACCESS_RULE;
import static dev.jwtsecured.processor.GeneratedTypes.ACCESS_TABLE;
import static dev.jwtsecured.processor.GeneratedTypes.AUTH_EXCEPTION;
import static dev.jwtsecured.processor.GeneratedTypes.AUTH_FAILURE;
import static dev.jwtsecured.processor.GeneratedTypes.CONTAINER_REQUEST_CONTEXT;
import static dev.jwtsecured.processor.GeneratedTypes.CONTAINER_REQUEST_FILTER;
import static dev.jwtsecured.processor.GeneratedTypes.CONTEXT;
import static dev.jwtsecured.processor.GeneratedTypes.JWT_AUTH;
import static dev.jwtsecured.processor.GeneratedTypes.PRIORITIES;
import static dev.jwtsecured.processor.GeneratedTypes.PRIORITY;
import static dev.jwtsecured.processor.GeneratedTypes.RESOURCE_INFO;
import static dev.jwtsecured.processor.GeneratedTypes.TOKEN;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/** Generates {@code FooJwtFilter}, the request filter of SPEC 5. */
final class FilterGenerator {
  /** Exclude entries made only of these characters match exactly one path, so a set lookup replaces the regex. */
  private static final Pattern LITERAL_PATH = Pattern.compile("[A-Za-z0-9/_~%:@!,;=&'-]*");
  private static final ClassName PATTERN = ClassName.get(Pattern.class);
  private static final ClassName SET = ClassName.get(Set.class);
  private static final ClassName EXCLUDED_PATHS = ClassName.get(Names.RUNTIME, "ExcludedPaths");
  private static final ClassName METHOD = ClassName.get("java.lang.reflect", "Method");

  TypeSpec generate(ConfigModel model) {
    SettingsModel s = model.settings();
    ClassName self = model.filterClass();
    List<String> literalPaths = s.exclude().stream().filter(FilterGenerator::isLiteral).distinct().sorted()
        .collect(Collectors.toList());
    List<String> patternPaths = s.exclude().stream().filter(p -> !isLiteral(p)).distinct()
        .collect(Collectors.toList());
    boolean excludesPaths = !s.exclude().isEmpty();

    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addJavadoc("Authenticates requests for {@link $T}, as its {@code @JwtSecured} annotation says.\n\n", model.configClass())
            .addJavadoc("<p>It runs after JAX-RS has matched the request to a resource method, so an unknown path gets\n")
            .addJavadoc("404 and a wrong method 405 before any 401. Registered by {@link $T}.\n", model.featureClass())
            .addAnnotation(GeneratedTypes.generatedAnnotation())
            .addAnnotation(AnnotationSpec.builder(PRIORITY).addMember("value", "$T.AUTHENTICATION", PRIORITIES).build())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(CONTAINER_REQUEST_FILTER);

    if (excludesPaths) {
      CodeBlock patterns = patternPaths.stream()
          .map(p -> CodeBlock.of("$T.compile($S)", PATTERN, p))
          .collect(CodeBlock.joining(",\n"));
      type.addField(FieldSpec.builder(EXCLUDED_PATHS, "EXCLUDED_PATHS", Modifier.PRIVATE, Modifier.STATIC,
              Modifier.FINAL)
          .addJavadoc("The {@code exclude} entries: plain paths in a set, the others as patterns matched in full.\n")
          .initializer("$T.of($>\n$T.of($L),\n$T.of($>$L$<))$<", EXCLUDED_PATHS, SET, joinStrings(literalPaths),
              List.class, patternPaths.isEmpty() ? CodeBlock.of("") : CodeBlock.of("\n$L", patterns))
          .build());
    }

    type.addField(JWT_AUTH, "auth", Modifier.PRIVATE, Modifier.FINAL);
    if (model.needsInstance()) {
      type.addField(model.configClass(), "config", Modifier.PRIVATE, Modifier.FINAL);
    }
    type.addField(FieldSpec.builder(ACCESS_TABLE, "access", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $T($T::accessRule)", ACCESS_TABLE, self)
        .build());
    type.addField(FieldSpec.builder(RESOURCE_INFO, "resourceInfo", Modifier.PRIVATE)
        .addJavadoc("The resource method JAX-RS matched, injected per request.\n")
        .addAnnotation(CONTEXT)
        .build());

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addParameter(JWT_AUTH, "auth")
        .addStatement("this.auth = auth");
    if (model.needsInstance()) {
      constructor.addParameter(model.configClass(), "config").addStatement("this.config = config");
    }
    type.addMethod(constructor.build());
    type.addMethod(filterMethod(model, excludesPaths));
    List<ClassName> publicResources = new ArrayList<>();
    if (OpenApiGenerator.hasTokenEndpoint(model)) {
      publicResources.add(model.tokenResourceClass());
    }
    if (!s.openApiPath().isEmpty()) {
      publicResources.add(model.openApiClass());
    }
    type.addMethod(accessRuleMethod(model.routes(), publicResources));
    return type.build();
  }

  private static boolean isLiteral(String pattern) {
    return LITERAL_PATH.matcher(pattern).matches();
  }

  private static CodeBlock joinStrings(List<String> values) {
    return values.stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", "));
  }

  private MethodSpec filterMethod(ConfigModel model, boolean excludesPaths) {
    SettingsModel s = model.settings();
    CodeBlock.Builder body = CodeBlock.builder();
    if (!s.excludeMethods().isEmpty()) {
      body.add("// excludeMethods. HEAD is never skipped by default: JAX-RS answers it by running the GET method.\n");
      CodeBlock condition = s.excludeMethods().stream()
          .map(m -> CodeBlock.of("method.equals($S)", m))
          .collect(CodeBlock.joining(" || "));
      body.addStatement("$T method = request.getMethod()", String.class)
          .beginControlFlow("if ($L)", condition)
          .addStatement("auth.skipped(request)")
          .addStatement("return")
          .endControlFlow();
    }
    body.addStatement("$T rule = access.ruleFor(resourceInfo)", ACCESS_RULE)
        .beginControlFlow("if (rule.isDenyAll())")
        .addStatement("request.abortWith(auth.reject($T.DENIED))", AUTH_FAILURE)
        .addStatement("return")
        .endControlFlow();
    if (excludesPaths) {
      body.add("// exclude: the normalised path, never one with dot-segments or an encoded '/'.\n")
          .beginControlFlow("if (rule.isPermitAll() || EXCLUDED_PATHS.matches($T.excludablePath(request)))", JWT_AUTH);
    } else {
      body.beginControlFlow("if (rule.isPermitAll())");
    }
    body.addStatement("auth.skipped(request)").addStatement("return").endControlFlow();

    body.beginControlFlow("try")
        .addStatement("$T token = auth.authenticate(request)", TOKEN)
        .addStatement("$T user = $L", model.userType(), retrieverCall(model))
        .beginControlFlow("if (user == null)")
        .addStatement("throw new $T($T.UNKNOWN_USER)", AUTH_EXCEPTION, AUTH_FAILURE)
        .endControlFlow();
    model.revocationCheck().ifPresent(check ->
        body.beginControlFlow("if ($L)", call(model, check, "token"))
            .addStatement("throw new $T($T.REVOKED)", AUTH_EXCEPTION, AUTH_FAILURE)
            .endControlFlow());
    body.add("// @RolesAllowed: the roles and scope claims of the token, read by the security context.\n")
        .beginControlFlow("if (!rule.allows(auth.authenticated(request, token, user)))")
        .addStatement("request.abortWith(auth.forbidden(rule))")
        .endControlFlow()
        .nextControlFlow("catch ($T e)", AUTH_EXCEPTION)
        .addStatement("request.abortWith(auth.reject(e.failure()))")
        .endControlFlow();

    return MethodSpec.methodBuilder("filter")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(CONTAINER_REQUEST_CONTEXT, "request")
        .addCode(body.build())
        .build();
  }

  private static CodeBlock retrieverCall(ConfigModel model) {
    CodeBlock call = call(model, model.retriever(), "token");
    switch (model.retriever().returns()) {
      case OPTIONAL:
        return CodeBlock.of("$L.orElse(null)", call);
      case COMPLETION_STAGE:
        return CodeBlock.of("$T.await($L)", JWT_AUTH, call);
      default:
        return call;
    }
  }

  /** {@code config.name(token[, request])} or {@code Config.name(...)} for a static method. */
  static CodeBlock call(ConfigModel model, HandlerModel handler, String firstArguments) {
    CodeBlock target = handler.isStatic() ? CodeBlock.of("$T", model.configClass()) : CodeBlock.of("config");
    return CodeBlock.of("$L.$N($L$L)", target, handler.name(), firstArguments,
        handler.takesRequest() ? ", request" : "");
  }

  private static MethodSpec accessRuleMethod(List<RouteModel> routes, List<ClassName> publicResources) {
    Map<String, List<RouteModel>> byClass = new TreeMap<>();
    for (RouteModel r : routes) {
      if (r.access() != RouteModel.Access.AUTHENTICATED) {
        byClass.computeIfAbsent(r.resourceClass().canonicalName(), k -> new ArrayList<>()).add(r);
      }
    }
    CodeBlock.Builder body = CodeBlock.builder();
    for (ClassName generated : publicResources) {
      body.add("// Generated beside this filter and public: the token endpoint checks credentials itself.\n")
          .beginControlFlow("if (resourceClass == $T.class)", generated)
          .addStatement("return $T.PERMIT_ALL", ACCESS_RULE)
          .endControlFlow();
    }
    for (List<RouteModel> group : byClass.values()) {
      group.sort(RouteModel.ORDER);
      body.beginControlFlow("if (resourceClass == $T.class)", group.get(0).resourceClass());
      for (RouteModel r : group) {
        CodeBlock types = r.parameterTypes().stream()
            .map(t -> CodeBlock.of(", $T.class", t))
            .collect(CodeBlock.joining(""));
        body.beginControlFlow("if ($T.is(method, $S$L))", ACCESS_TABLE, r.methodName(), types)
            .addStatement("return $L", rule(r))
            .endControlFlow();
      }
      body.endControlFlow();
    }
    body.addStatement("return $T.AUTHENTICATED", ACCESS_RULE);
    return MethodSpec.methodBuilder("accessRule")
        .addJavadoc("The rules the processor read from {@code @PermitAll}, {@code @DenyAll} and {@code @RolesAllowed}.\n")
        .addJavadoc("Every other method, including those of resources it did not see, needs a valid token.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ACCESS_RULE)
        .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class)), "resourceClass")
        .addParameter(METHOD, "method")
        .addCode(body.build())
        .build();
  }

  private static CodeBlock rule(RouteModel r) {
    switch (r.access()) {
      case PERMIT_ALL:
        return CodeBlock.of("$T.PERMIT_ALL", ACCESS_RULE);
      case DENY_ALL:
        return CodeBlock.of("$T.DENY_ALL", ACCESS_RULE);
      case ROLES:
        return CodeBlock.of("$T.rolesAllowed($L)", ACCESS_RULE, joinStrings(r.roles()));
      default:
        return CodeBlock.of("$T.AUTHENTICATED", ACCESS_RULE);
    }
  }
}
