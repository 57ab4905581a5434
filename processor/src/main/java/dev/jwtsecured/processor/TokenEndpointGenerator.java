package dev.jwtsecured.processor;

import static dev.jwtsecured.processor.GeneratedTypes.CONTAINER_REQUEST_CONTEXT;
import static dev.jwtsecured.processor.GeneratedTypes.CONTEXT;
import static dev.jwtsecured.processor.GeneratedTypes.GRANT;
import static dev.jwtsecured.processor.GeneratedTypes.JWT_AUTH;

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
 * Generates {@code FooJwtTokenResource}: the OAuth2 password-grant token endpoint at {@code tokenUrl} (SPEC 6.2,
 * RFC 6749 sections 4.3, 5.1 and 5.2). It takes a form, as RFC 6749 and Swagger UI send it, or the same fields as JSON.
 */
final class TokenEndpointGenerator {
  private static final ClassName PATH = ClassName.get("jakarta.ws.rs", "Path");
  private static final ClassName POST = ClassName.get("jakarta.ws.rs", "POST");
  private static final ClassName CONSUMES = ClassName.get("jakarta.ws.rs", "Consumes");
  private static final ClassName PRODUCES = ClassName.get("jakarta.ws.rs", "Produces");
  private static final ClassName MEDIA_TYPE = ClassName.get("jakarta.ws.rs.core", "MediaType");
  private static final ClassName RESPONSE = ClassName.get("jakarta.ws.rs.core", "Response");
  private static final ClassName MULTIVALUED_MAP = ClassName.get("jakarta.ws.rs.core", "MultivaluedMap");
  private static final ClassName PASSWORD_GRANT = ClassName.get(Names.RUNTIME, "PasswordGrant");
  private static final ClassName TOKEN_ERROR = PASSWORD_GRANT.nestedClass("TokenError");

  TypeSpec generate(ConfigModel model) {
    HandlerModel authenticator = model.authenticator().orElseThrow();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(model.tokenResourceClass())
            .addJavadoc("The OAuth2 token endpoint of {@link $T} (password grant, RFC 6749 section 4.3).\n\n",
                model.configClass())
            .addJavadoc("<p>{@code POST $L} with {@code grant_type=password}, {@code username}, {@code password} and\n",
                model.settings().tokenUrl())
            .addJavadoc("optionally {@code scope}, as a form or as JSON. It is always excluded from authentication.\n")
            .addAnnotation(GeneratedTypes.generatedAnnotation())
            .addAnnotation(AnnotationSpec.builder(PATH).addMember("value", "$S", model.settings().tokenUrl()).build())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(GeneratedTypes.GENERATED_RESOURCE)
            .addField(JWT_AUTH, "auth", Modifier.PRIVATE, Modifier.FINAL);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addParameter(JWT_AUTH, "auth")
        .addStatement("this.auth = auth");
    if (!authenticator.isStatic()) {
      type.addField(model.configClass(), "config", Modifier.PRIVATE, Modifier.FINAL);
      constructor.addParameter(model.configClass(), "config").addStatement("this.config = config");
    }
    type.addMethod(constructor.build());

    TypeName form = ParameterizedTypeName.get(MULTIVALUED_MAP, ClassName.get(String.class), ClassName.get(String.class));
    type.addMethod(entryPoint("form", "APPLICATION_FORM_URLENCODED", form, "fromForm",
        "The request as {@code application/x-www-form-urlencoded}, as RFC 6749 and Swagger UI send it."));
    type.addMethod(entryPoint("json", "APPLICATION_JSON", ClassName.get(String.class), "fromJson",
        "The same fields as a JSON object."));

    CodeBlock call = FilterGenerator.call(model, authenticator, authenticatorArguments(authenticator));
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
    type.addMethod(MethodSpec.methodBuilder("token")
        .addModifiers(Modifier.PRIVATE)
        .returns(RESPONSE)
        .addParameter(PASSWORD_GRANT, "grant")
        .addParameter(CONTAINER_REQUEST_CONTEXT, "request")
        .addComment("null: bad credentials, answered as invalid_grant whether or not the user exists.")
        .addStatement("$T granted = $L", GRANT, granted)
        .addStatement("return auth.tokenResponse(grant, granted)")
        .build());
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

  private static String authenticatorArguments(HandlerModel authenticator) {
    return "grant.username(), grant.password()" + (authenticator.takesScopes() ? ", grant.scopes()" : "");
  }

  private static MethodSpec entryPoint(String name, String mediaType, TypeName bodyType, String reader, String doc) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc(doc + "\n")
        .addAnnotation(POST)
        .addAnnotation(AnnotationSpec.builder(CONSUMES).addMember("value", "$T.$L", MEDIA_TYPE, mediaType).build())
        .addAnnotation(AnnotationSpec.builder(PRODUCES).addMember("value", "$T.APPLICATION_JSON", MEDIA_TYPE).build())
        .addModifiers(Modifier.PUBLIC)
        .returns(RESPONSE)
        .addParameter(ParameterSpec.builder(CONTAINER_REQUEST_CONTEXT, "request").addAnnotation(CONTEXT).build())
        .addParameter(bodyType, "body")
        .beginControlFlow("try")
        .addStatement("return token($T.$L(body, auth.settings().scopes()), request)", PASSWORD_GRANT, reader)
        .nextControlFlow("catch ($T e)", TOKEN_ERROR)
        .addStatement("return e.response()")
        .endControlFlow()
        .build();
  }
}
