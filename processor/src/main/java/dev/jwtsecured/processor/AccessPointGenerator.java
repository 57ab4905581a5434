package dev.jwtsecured.processor;

import static dev.jwtsecured.processor.GeneratedTypes.JWT_SECURITY_CONTEXT;
import static dev.jwtsecured.processor.GeneratedTypes.LOGIN;
import static dev.jwtsecured.processor.GeneratedTypes.CONTAINER_REQUEST_CONTEXT;
import static dev.jwtsecured.processor.GeneratedTypes.TOKEN;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code FooJwt}: what resources call, with the user typed as the retriever returns it (the seed framework's
 * {@code request.user} and {@code request.auth}, and its {@code login(...)}).
 */
final class AccessPointGenerator {

  TypeSpec generate(ConfigModel model) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(model.accessPointClass())
            .addJavadoc("The current user, token and login for resources secured by {@link $T}.\n\n", model.configClass())
            .addJavadoc("<p>Take the request in a resource method with {@code @Context ContainerRequestContext request}\n")
            .addJavadoc("and pass it here; the filter generated beside this class stored the user and token on it.\n")
            .addAnnotation(GeneratedTypes.generatedAnnotation())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

    MethodSpec.Builder user = MethodSpec.methodBuilder("user")
        .addJavadoc("The user the retriever returned for this request's token.\n\n")
        .addJavadoc("@throws jakarta.ws.rs.NotAuthorizedException a 401 when the request skipped authentication\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(model.userType())
        .addParameter(CONTAINER_REQUEST_CONTEXT, "request");
    if (model.userTypeIsParameterized()) {
      user.addAnnotation(unchecked());
    }
    type.addMethod(user
        .addComment("The filter stored what $T.$N returned for this request.", model.configClass(),
            model.retriever().name())
        .addStatement("return ($T) $T.requireAuthenticated(request).user()", model.userType(), JWT_SECURITY_CONTEXT)
        .build());

    MethodSpec.Builder currentUser = MethodSpec.methodBuilder("currentUser")
        .addJavadoc("The user, or empty when the request skipped authentication (an excluded path, {@code @PermitAll}).\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), model.userType()))
        .addParameter(CONTAINER_REQUEST_CONTEXT, "request");
    if (model.userTypeIsParameterized()) {
      currentUser.addAnnotation(unchecked());
    }
    type.addMethod(currentUser
        .addStatement("return $T.of(request).filter($T::isAuthenticated).map(c -> ($T) c.user())",
            JWT_SECURITY_CONTEXT, JWT_SECURITY_CONTEXT, model.userType())
        .build());

    type.addMethod(MethodSpec.methodBuilder("token")
        .addJavadoc("The verified token of this request.\n\n")
        .addJavadoc("@throws jakarta.ws.rs.NotAuthorizedException a 401 when the request skipped authentication\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(TOKEN)
        .addParameter(CONTAINER_REQUEST_CONTEXT, "request")
        .addStatement("return $T.requireAuthenticated(request).token().orElseThrow()", JWT_SECURITY_CONTEXT)
        .build());

    type.addMethod(MethodSpec.methodBuilder("isAuthenticated")
        .addJavadoc("Whether this request carried a valid token for a known user.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(boolean.class)
        .addParameter(CONTAINER_REQUEST_CONTEXT, "request")
        .addStatement("return $T.of(request).map($T::isAuthenticated).orElse(false)", JWT_SECURITY_CONTEXT,
            JWT_SECURITY_CONTEXT)
        .build());

    type.addMethod(MethodSpec.methodBuilder("login")
        .addJavadoc("Starts a login for {@code subject}: set options on the returned {@link $T}, then build its\n", LOGIN)
        .addJavadoc("{@code response()}. Works on any request the filter saw, excluded ones included.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(LOGIN)
        .addParameter(CONTAINER_REQUEST_CONTEXT, "request")
        .addParameter(String.class, "subject")
        .addStatement("return $T.require(request).auth().login(subject)", JWT_SECURITY_CONTEXT)
        .build());
    type.addMethod(MethodSpec.methodBuilder("logout")
        .addJavadoc("A logout response to finish and build: 204, and for cookie transport the {@code Set-Cookie}\n")
        .addJavadoc("that deletes the token cookie. It does not revoke the token: a {@code @RevocationCheck} does.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ClassName.get("jakarta.ws.rs.core", "Response").nestedClass("ResponseBuilder"))
        .addParameter(CONTAINER_REQUEST_CONTEXT, "request")
        .addStatement("return $T.require(request).auth().logout()", JWT_SECURITY_CONTEXT)
        .build());
    return type.build();
  }

  private static AnnotationSpec unchecked() {
    return AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build();
  }
}
