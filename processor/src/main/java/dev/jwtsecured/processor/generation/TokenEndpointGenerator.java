package dev.jwtsecured.processor.generation;

import static dev.jwtsecured.processor.generation.GeneratedTypes.CONFIGURATION;
import static dev.jwtsecured.processor.generation.GeneratedTypes.CONTEXT;
import static dev.jwtsecured.processor.generation.GeneratedTypes.GRANT;
import static dev.jwtsecured.processor.generation.GeneratedTypes.HTTP_HEADERS;
import static dev.jwtsecured.processor.generation.GeneratedTypes.JWT_AUTH;
import static dev.jwtsecured.processor.generation.GeneratedTypes.MULTIVALUED_MAP;
import static dev.jwtsecured.processor.generation.GeneratedTypes.PATH;
import static dev.jwtsecured.processor.generation.GeneratedTypes.POST;
import static dev.jwtsecured.processor.generation.GeneratedTypes.RESPONSE;
import static dev.jwtsecured.processor.generation.GeneratedTypes.TOKEN;

import dev.jwtsecured.processor.model.ConfigModel;
import dev.jwtsecured.processor.model.HandlerModel;
import dev.jwtsecured.processor.model.Names;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code FooJwtLoginResource}: the OAuth2 password-grant token endpoint at {@code tokenUrl} (RFC 6749
 * sections 4.3, 5.1 and 5.2). It takes a form, as RFC 6749 and Swagger UI send it, or the same fields as JSON.
 */
public final class TokenEndpointGenerator implements SourceGenerator {
  private static final ClassName INPUT_STREAM = ClassName.get("java.io", "InputStream");
  private static final ClassName TOKEN_REQUEST = ClassName.get(Names.RUNTIME_INTERNAL, "TokenRequest");
  private static final ClassName TOKEN_ERROR = TOKEN_REQUEST.nestedClass("TokenError");

  @Override
  public boolean applies(ConfigModel model) {
    return OpenApiGenerator.hasTokenEndpoint(model);
  }

  @Override
  public TypeSpec generate(ConfigModel model) {
    HandlerModel authenticator = model.authenticator().orElseThrow();
    TypeSpec.Builder type =
        SourceGenerator.resourceClass(model.loginResourceClass())
            .addJavadoc("The OAuth2 token endpoint of {@link $T} (password grant, RFC 6749 section 4.3).\n\n",
                model.configClass())
            .addJavadoc("<p>$L with {@code grant_type=password}, {@code username}, {@code password} and\n",
                SourceGenerator.javadocCode("POST " + model.settings().tokenUrl()))
            .addJavadoc("optionally {@code scope}, as a form or as JSON. It is always excluded from authentication.\n")
            .addJavadoc(model.settings().refreshes()
                ? "\n<p>{@code grant_type=refresh_token} with {@code refresh_token} (RFC 6749 section 6) rotates the\n"
                    + "login's refresh token and answers a new access token.\n" : "")
            .addAnnotation(AnnotationSpec.builder(PATH).addMember("value", "$S", model.settings().tokenUrl()).build());

    CodeBlock target = authenticator.isStatic() ? CodeBlock.of("$T", model.configClass()) : CodeBlock.of("config");
    CodeBlock call = CodeBlock.of("$L.$N($L)", target, authenticator.name(), authenticatorArguments(authenticator));
    CodeBlock granted;
    switch (authenticator.returns()) {
      case OPTIONAL:
        granted = CodeBlock.of("$L.orElse(null)", call);
        break;
      case SUBJECT:
        granted = CodeBlock.of("toGrant($L)", call);
        break;
      case OPTIONAL_SUBJECT:
        granted = CodeBlock.of("$L.map($T::of).orElse(null)", call, GRANT);
        break;
      default:
        granted = call;
    }
    MethodSpec.Builder token = MethodSpec.methodBuilder("token")
        .addJavadoc("The token request: a form ({@code application/x-www-form-urlencoded}, as RFC 6749 and Swagger"
            + " UI\n")
        .addJavadoc("send it) or the same fields as a JSON object, as its {@code Content-Type} says; a 415 for any\n")
        .addJavadoc("other. It names no media type for JAX-RS: Quarkus REST would warn at build time that a method\n")
        .addJavadoc("naming JSON needs a JSON extension, which this one, writing its own JSON, does not.\n\n")
        .addJavadoc("@param application the application's {@code @Context Configuration}\n")
        .addJavadoc("@param headers the request's headers (a throttle may read the client's address there)\n")
        .addJavadoc("@param uri the request's URI, for the refresh cookie's path\n")
        .addJavadoc("@param providers the application's providers, for its exception mappers\n")
        .addJavadoc("@param body the request body, read within {@code maxTokenRequestBytes}\n")
        .addJavadoc("@return the token response, or the RFC 6749 error\n")
        .addAnnotation(POST)
        .addModifiers(Modifier.PUBLIC)
        .returns(RESPONSE)
        .addParameter(ParameterSpec.builder(CONFIGURATION, "application").addAnnotation(CONTEXT).build())
        .addParameter(ParameterSpec.builder(HTTP_HEADERS, "headers").addAnnotation(CONTEXT).build())
        .addParameter(ParameterSpec.builder(GeneratedTypes.URI_INFO, "uri").addAnnotation(CONTEXT).build())
        .addParameter(ParameterSpec.builder(GeneratedTypes.PROVIDERS, "providers").addAnnotation(CONTEXT).build())
        .addParameter(INPUT_STREAM, "body")
        .addComment("Published by $T when JAX-RS configured it.", model.featureClass())
        .addStatement("$T auth = $T.of(application, $T.class)", JWT_AUTH, JWT_AUTH, model.configClass());
    if (!authenticator.isStatic() || (model.settings().refreshes() && model.filterNeedsInstance())) {
      token.addStatement("$T config = ($T) auth.instance()", model.configType(), model.configType());
    }
    type.addMethod(token
        .beginControlFlow("try")
        .addComment("A form or JSON (else 415), at most maxTokenRequestBytes of it: 413 beyond, 400 for a bad"
            + " charset or")
        .addComment("form.")
        .addStatement("$T grant = $T.read(headers, uri, body, auth.settings())", TOKEN_REQUEST, TOKEN_REQUEST)
        .addCode(refreshBranch(model))
        .addComment("429 with Retry-After while the login throttle holds this user name or address back.")
        .addStatement("auth.requestAuth().checkThrottle(grant, headers)")
        .addComment("null: bad credentials, answered as invalid_grant whether or not the user exists.")
        .addStatement("$T granted = $L", GRANT, granted)
        .addStatement("return auth.requestAuth().tokenResponse(grant, granted, headers)")
        .nextControlFlow("catch ($T e)", TOKEN_ERROR)
        .addStatement("return e.response()")
        .nextControlFlow("catch ($T e)", RuntimeException.class)
        .addComment("The authenticator or the user store failed: the application's exception mapper answers, or a 500")
        .addComment("that shows nothing of the failure.")
        .addStatement("return $T.failed(e, providers)", TOKEN_REQUEST)
        .endControlFlow()
        .build());
    if (model.settings().refreshes()) {
      type.addMethod(knownMethod(model));
    }
    if (authenticator.returns() == HandlerModel.Returns.SUBJECT) {
      type.addMethod(MethodSpec.methodBuilder("toGrant")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(GRANT)
          .addParameter(String.class, "subject")
          .addStatement("return subject == null || subject.isEmpty() ? null : $T.of(subject)", GRANT)
          .build());
    }
    return type.build();
  }

  private static CodeBlock refreshBranch(ConfigModel model) {
    if (!model.settings().refreshes()) {
      return CodeBlock.of("");
    }
    CodeBlock known = model.filterNeedsInstance() ? CodeBlock.of("token -> known(config, token)")
        : CodeBlock.of("$T::known", model.loginResourceClass());
    return CodeBlock.builder()
        .add("// RFC 6749 section 6: rotates the refresh token; a spent one revokes every token of its login.\n")
        .beginControlFlow("if (grant.isRefresh())")
        .addStatement("return auth.requestAuth().refreshResponse(grant, headers, $L)", known)
        .endControlFlow()
        .build();
  }

  /** {@code known(config, token)}: whether a refreshed token names a user who may still use it. */
  private static MethodSpec knownMethod(ConfigModel model) {
    MethodSpec.Builder known = MethodSpec.methodBuilder("known")
        .addJavadoc("Whether a request with the refreshed {@code token} would pass: its user is known and it is not\n")
        .addJavadoc("revoked.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(boolean.class);
    if (model.filterNeedsInstance()) {
      known.addParameter(model.configType(), "config");
    }
    known.addParameter(TOKEN, "token")
        .addStatement("$T user = $L", model.userType(), FilterGenerator.retrieverCall(model));
    CodeBlock revoked = model.revocationCheck()
        .map(check -> CodeBlock.of(" && !$L", FilterGenerator.call(model, check, "token")))
        .orElse(CodeBlock.of(""));
    return known.addStatement("return user != null$L", revoked).build();
  }

  private static String authenticatorArguments(HandlerModel authenticator) {
    return "grant.username(), grant.password()" + (authenticator.takesScopes() ? ", grant.scopes()" : "")
        + (authenticator.takesRequest() ? ", headers" : "");
  }
}
