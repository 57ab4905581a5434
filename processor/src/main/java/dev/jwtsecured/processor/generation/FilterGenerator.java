package dev.jwtsecured.processor.generation;

import dev.jwtsecured.processor.model.ConfigModel;
import dev.jwtsecured.processor.model.HandlerModel;
import static dev.jwtsecured.processor.generation.GeneratedTypes.ACCESS_RULE;
import static dev.jwtsecured.processor.generation.GeneratedTypes.AUTH_EXCEPTION;
import static dev.jwtsecured.processor.generation.GeneratedTypes.AUTH_FAILURE;
import static dev.jwtsecured.processor.generation.GeneratedTypes.CONTAINER_REQUEST_CONTEXT;
import static dev.jwtsecured.processor.generation.GeneratedTypes.CONTAINER_REQUEST_FILTER;
import static dev.jwtsecured.processor.generation.GeneratedTypes.CONTAINER_RESPONSE_CONTEXT;
import static dev.jwtsecured.processor.generation.GeneratedTypes.CONTAINER_RESPONSE_FILTER;
import static dev.jwtsecured.processor.generation.GeneratedTypes.REQUEST_AUTH;
import static dev.jwtsecured.processor.generation.GeneratedTypes.RESPONSE;
import static dev.jwtsecured.processor.generation.GeneratedTypes.JWT_SECURITY_CONTEXT;
import static dev.jwtsecured.processor.generation.GeneratedTypes.TOKEN;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code FooJwtFilter}, the request filter (ARCHITECTURE.md, "What runs per request"). One instance is bound
 * to each resource method with that method's rule, so the filter never looks a rule up, and never reads the request
 * path.
 */
public final class FilterGenerator implements SourceGenerator {

  @Override
  public TypeSpec generate(ConfigModel model) {
    ClassName self = model.filterClass();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addJavadoc("Authenticates requests for {@link $T}, as its {@code @JwtSecured} annotation says.\n\n",
                model.configClass())
            .addJavadoc("<p>{@link $T} binds one instance to each resource method, with the rule the processor\n",
                model.policiesClass())
            .addJavadoc("decided for it and the priority {@code AUTHENTICATION}, so it runs after JAX-RS matched the\n")
            .addJavadoc("request: an unknown path gets 404 and a wrong method 405 before any 401.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(CONTAINER_REQUEST_FILTER)
            .addSuperinterface(CONTAINER_RESPONSE_FILTER)
            .addField(REQUEST_AUTH, "auth", Modifier.PRIVATE, Modifier.FINAL);
    if (model.filterNeedsInstance()) {
      type.addField(model.configType(), "config", Modifier.PRIVATE, Modifier.FINAL);
    }
    type.addField(ACCESS_RULE, "rule", Modifier.PRIVATE, Modifier.FINAL);

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addJavadoc("A filter for one resource method, which requires {@code rule}.\n")
        .addParameter(REQUEST_AUTH, "auth")
        .addStatement("this.auth = auth");
    if (model.filterNeedsInstance()) {
      constructor.addParameter(model.configType(), "config").addStatement("this.config = config");
    }
    type.addMethod(constructor.addParameter(ACCESS_RULE, "rule").addStatement("this.rule = rule").build());
    type.addMethod(filterMethod(model));
    if (model.guardChecksRules()) {
      type.addMethod(MethodSpec.methodBuilder("with")
          .addJavadoc("This filter with {@code rule}: the locator guard checks a locator's own rule with it.\n")
          .returns(self)
          .addParameter(ACCESS_RULE, "rule")
          .addStatement("return rule == this.rule ? this : new $T(auth, $Lrule)", self,
              model.filterNeedsInstance() ? "config, " : "")
          .build());
    }
    type.addMethod(checkMethod(model));
    if (!model.guardedLocators().isEmpty()) {
      type.addMethod(MethodSpec.methodBuilder("carriesCredentials")
          .addJavadoc("Whether {@code request} carries credentials yet: the locator guard leaves one without to its\n")
          .addJavadoc("{@code Late}, after the application's pre-matching filters, which may supply them.\n")
          .returns(boolean.class)
          .addParameter(CONTAINER_REQUEST_CONTEXT, "request")
          .addStatement("return auth.carriesCredentials(request)")
          .build());
    }
    type.addMethod(MethodSpec.methodBuilder("filter")
        .addJavadoc("Adds {@code nosniff}, and {@code Cache-Control: no-store} (or {@code Vary}) to authenticated"
            + " answers.\n")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(CONTAINER_REQUEST_CONTEXT, "request")
        .addParameter(CONTAINER_RESPONSE_CONTEXT, "response")
        .addStatement("auth.secureResponse(request, response)")
        .build());
    type.addMethod(decideMethod(model));
    type.addMethod(refuseMethod());
    type.addMethod(abortWithMethod());
    return type.build();
  }

  private MethodSpec filterMethod(ConfigModel model) {
    List<String> skipped = model.settings().skippedRequestMethods();
    CodeBlock.Builder body = CodeBlock.builder();
    if (!skipped.isEmpty()) {
      body.add("// excludeMethods, HEAD aside: JAX-RS answers HEAD by running the GET method, which keeps its rule.\n");
      CodeBlock condition = skipped.stream()
          .map(m -> CodeBlock.of("method.equals($S)", m))
          .collect(CodeBlock.joining(" || "));
      body.addStatement("$T method = request.getMethod()", String.class)
          .beginControlFlow("if ($L)", condition)
          .addStatement("auth.skipped(request)")
          .addStatement("return")
          .endControlFlow();
    }
    body.addStatement("check(request)");
    return SourceGenerator.requestFilter(body.build());
  }

  private MethodSpec checkMethod(ConfigModel model) {
    CodeBlock.Builder body = CodeBlock.builder();
    body.beginControlFlow("if (rule.isDenyAll())")
        .addStatement("request.abortWith(auth.reject(request, $T.DENIED))", AUTH_FAILURE)
        .addStatement("return")
        .endControlFlow()
        .add("// Set when the locator guard authenticated this request before a sub-resource locator ran.\n")
        .addStatement("$T before = auth.authenticatedBefore(request)", JWT_SECURITY_CONTEXT)
        .beginControlFlow("if (before != null)")
        .beginControlFlow("if (!rule.allows(before))")
        .addStatement("request.abortWith(auth.forbidden(request, before, rule))")
        .endControlFlow()
        .addStatement("return")
        .endControlFlow()
        .addStatement("$T token", TOKEN)
        .beginControlFlow("try")
        .addStatement("token = auth.authenticate(request)")
        .nextControlFlow("catch ($T e)", AUTH_EXCEPTION)
        .addStatement("abortWith(request, refuse(request, e.failure()))")
        .addStatement("return")
        .endControlFlow();
    HandlerModel.Returns returns = model.retriever().returns();
    if (returns == HandlerModel.Returns.COMPLETION_STAGE
        || returns == HandlerModel.Returns.COMPLETION_STAGE_OF_OPTIONAL) {
      body.add("// The retriever answers later: the request waits for it, suspended where the runtime can (Quarkus\n")
          .add("// REST), its thread waiting elsewhere.\n")
          .addStatement("$T.$N(request, $L, user -> decide(request, token, user))", REQUEST_AUTH,
              returns == HandlerModel.Returns.COMPLETION_STAGE ? "afterUser" : "afterOptionalUser",
              call(model, model.retriever(), "token"));
    } else {
      body.addStatement("abortWith(request, decide(request, token, $L))", retrieverCall(model));
    }
    return MethodSpec.methodBuilder("check")
        .addJavadoc("Applies the rule to {@code request}, whatever its method; the locator guard calls it for every\n")
        .addJavadoc("request that may reach a protected locator.\n")
        .addParameter(CONTAINER_REQUEST_CONTEXT, "request")
        .addCode(body.build())
        .build();
  }

  private MethodSpec decideMethod(ConfigModel model) {
    CodeBlock.Builder body = CodeBlock.builder()
        .beginControlFlow("if (user == null)")
        .addStatement("return refuse(request, $T.UNKNOWN_USER)", AUTH_FAILURE)
        .endControlFlow();
    model.revocationCheck().ifPresent(check ->
        body.beginControlFlow("if ($L)", call(model, check, "token"))
            .addStatement("return refuse(request, $T.REVOKED)", AUTH_FAILURE)
            .endControlFlow());
    body.addStatement("$T security = auth.authenticated(request, token, user)", JWT_SECURITY_CONTEXT)
        .add("// @RolesAllowed: the roles and scope claims of the token, read by the security context.\n")
        .addStatement("return rule.allows(security) ? null : auth.forbidden(request, security, rule)");
    return MethodSpec.methodBuilder("decide")
        .addJavadoc(model.revocationCheck().isPresent()
            ? "Refuses an unknown user or a revoked token; otherwise sets the security context and applies the\n"
                + "rule.\n\n"
            : "Refuses an unknown user; otherwise sets the security context and applies the rule.\n\n")
        .addJavadoc("@param request the request\n")
        .addJavadoc("@param token the request's verified token\n")
        .addJavadoc("@param user the user the retriever named for the token, or {@code null} for none\n")
        .addJavadoc("@return {@code null} when the request goes on, or the answer that refuses it\n")
        .returns(RESPONSE)
        .addParameter(CONTAINER_REQUEST_CONTEXT, "request")
        .addParameter(TOKEN, "token")
        .addParameter(model.userType(), "user")
        .addCode(body.build())
        .build();
  }

  private MethodSpec refuseMethod() {
    return MethodSpec.methodBuilder("refuse")
        .addJavadoc("What a request without a valid token or user gets.\n\n")
        .addJavadoc("@param request the request\n")
        .addJavadoc("@param failure why it has none\n")
        .addJavadoc("@return {@code null} for a public operation, which runs anonymously, or the refusal\n")
        .returns(RESPONSE)
        .addParameter(CONTAINER_REQUEST_CONTEXT, "request")
        .addParameter(AUTH_FAILURE, "failure")
        .beginControlFlow("if (rule.isPublic())")
        .addStatement("auth.skipped(request)")
        .addStatement("return null")
        .endControlFlow()
        .addStatement("return auth.reject(request, failure)")
        .build();
  }

  private static MethodSpec abortWithMethod() {
    return MethodSpec.methodBuilder("abortWith")
        .addJavadoc("Aborts {@code request} with {@code answer}, unless there is none.\n\n")
        .addJavadoc("@param request the request\n")
        .addJavadoc("@param answer the refusal, or {@code null} to go on\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(CONTAINER_REQUEST_CONTEXT, "request")
        .addParameter(RESPONSE, "answer")
        .beginControlFlow("if (answer != null)")
        .addStatement("request.abortWith(answer)")
        .endControlFlow()
        .build();
  }

  /** The retriever's user for {@code token}, unwrapped; {@code null} when it names none. */
  static CodeBlock retrieverCall(ConfigModel model) {
    CodeBlock call = call(model, model.retriever(), "token");
    switch (model.retriever().returns()) {
      case OPTIONAL:
        return CodeBlock.of("$L.orElse(null)", call);
      case COMPLETION_STAGE:
        return CodeBlock.of("$T.await($L)", REQUEST_AUTH, call);
      case COMPLETION_STAGE_OF_OPTIONAL:
        return CodeBlock.of("$T.awaitOptional($L)", REQUEST_AUTH, call);
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
}
