package dev.jwtsecured.processor.generation;

import static dev.jwtsecured.processor.generation.GeneratedTypes.CONFIGURATION;
import static dev.jwtsecured.processor.generation.GeneratedTypes.HTTP_HEADERS;
import static dev.jwtsecured.processor.generation.GeneratedTypes.JWT_AUTH;
import static dev.jwtsecured.processor.generation.GeneratedTypes.JWT_PRINCIPAL;
import static dev.jwtsecured.processor.generation.GeneratedTypes.JWT_SECURITY_CONTEXT;
import static dev.jwtsecured.processor.generation.GeneratedTypes.LOGIN;
import static dev.jwtsecured.processor.generation.GeneratedTypes.LOGIN_ATTEMPT;
import static dev.jwtsecured.processor.generation.GeneratedTypes.RESPONSE;
import static dev.jwtsecured.processor.generation.GeneratedTypes.SECURITY_CONTEXT;
import static dev.jwtsecured.processor.generation.GeneratedTypes.TOKEN;

import dev.jwtsecured.processor.model.ConfigModel;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code FooJwt}: what resources call, with the user typed as the retriever returns it (the seed framework's
 * {@code request.user} and {@code request.auth}, and its {@code login(...)}). It reads only what JAX-RS injects into
 * resources on every runtime: {@code SecurityContext} for the user and token, {@code Configuration} for login.
 */
public final class AccessPointGenerator implements SourceGenerator {

  @Override
  public TypeSpec generate(ConfigModel model) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(model.accessPointClass())
            .addJavadoc("The current user, token and login for resources secured by {@link $T}.\n\n",
                model.configClass())
            .addJavadoc("<p>Take {@code @Context SecurityContext security} (or {@code @Context Configuration} for\n")
            .addJavadoc("login) in a resource method and pass it here; every JAX-RS runtime injects both.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

    MethodSpec.Builder user = MethodSpec.methodBuilder("user")
        .addJavadoc("The user the retriever returned for this request's token.\n\n")
        .addJavadoc("@param security the request's {@code @Context SecurityContext}\n")
        .addJavadoc("@return the user\n")
        .addJavadoc("@throws jakarta.ws.rs.NotAuthorizedException a 401 when this configuration did not authenticate\n")
        .addJavadoc("    the request (a public operation called without a valid token)\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(model.userType())
        .addParameter(SECURITY_CONTEXT, "security");
    if (model.userTypeIsParameterized()) {
      user.addAnnotation(unchecked());
    }
    // A user type of Object needs no cast, and -Xlint:cast would call one redundant.
    CodeBlock cast = model.userType().equals(ClassName.get(Object.class)) ? CodeBlock.of("")
        : CodeBlock.of("($T) ", model.userType());
    type.addMethod(user
        .addComment("The filter stored what $T.$N returned for this request.", model.configClass(),
            model.retriever().name())
        .addStatement("return $L$T.requirePrincipal(security, $T.class).user()", cast, JWT_SECURITY_CONTEXT,
            model.configClass())
        .build());

    MethodSpec.Builder currentUser = MethodSpec.methodBuilder("currentUser")
        .addJavadoc("The user, or empty when the request carried no valid token (a public operation).\n\n")
        .addJavadoc("@param security the request's {@code @Context SecurityContext}\n")
        .addJavadoc("@return the user, or empty\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), model.userType()))
        .addParameter(SECURITY_CONTEXT, "security");
    if (model.userTypeIsParameterized()) {
      currentUser.addAnnotation(unchecked());
    }
    type.addMethod(currentUser
        .addStatement("return $T.ofNullable($T.principal(security, $T.class)).map(p -> $Lp.user())",
            Optional.class, JWT_SECURITY_CONTEXT, model.configClass(), cast)
        .build());

    type.addMethod(MethodSpec.methodBuilder("token")
        .addJavadoc("The verified token of this request.\n\n")
        .addJavadoc("@param security the request's {@code @Context SecurityContext}\n")
        .addJavadoc("@return the token\n")
        .addJavadoc("@throws jakarta.ws.rs.NotAuthorizedException a 401 when this configuration did not authenticate\n")
        .addJavadoc("    the request\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(TOKEN)
        .addParameter(SECURITY_CONTEXT, "security")
        .addStatement("return $T.requirePrincipal(security, $T.class).token()", JWT_SECURITY_CONTEXT,
            model.configClass())
        .build());

    type.addMethod(MethodSpec.methodBuilder("isAuthenticated")
        .addJavadoc("Whether this request carried a valid token for a known user of this configuration.\n\n")
        .addJavadoc("@param security the request's {@code @Context SecurityContext}\n")
        .addJavadoc("@return whether it did\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(boolean.class)
        .addParameter(SECURITY_CONTEXT, "security")
        .addStatement("return $T.principal(security, $T.class) != null", JWT_SECURITY_CONTEXT, model.configClass())
        .build());

    if (!model.settings().verifierOnly()) { // a configuration verifying with keys from a JWKS issues no tokens
      type.addMethod(fromApplication("login", LOGIN)
          .addJavadoc("Starts a login for {@code subject}: set options on the returned {@link $T}, then build its\n",
              LOGIN)
          .addJavadoc("{@code response()}.\n\n")
          .addJavadoc(APPLICATION_PARAM)
          .addJavadoc("@param subject the user the token names ({@code sub})\n")
          .addJavadoc("@return the login to finish\n")
          .addParameter(String.class, "subject")
          .addStatement("return $T.of(application, $T.class).login(subject)", JWT_AUTH, model.configClass())
          .build());
      type.addMethod(fromApplication("loginAttempt", LOGIN_ATTEMPT)
          .addJavadoc("Throttles a password check of the application's own (a login resource beside the token\n")
          .addJavadoc("endpoint) as the token endpoint's are: answer 429 while {@link $T#delay()} is not zero,\n",
              LOGIN_ATTEMPT)
          .addJavadoc("then report {@code failed()} or {@code succeeded()}.\n\n")
          .addJavadoc(APPLICATION_PARAM)
          .addJavadoc("@param username the user name the request gives\n")
          .addJavadoc("@param headers the resource's {@code @Context HttpHeaders}, for the client's address\n")
          .addJavadoc("@return the attempt to ask and report to\n")
          .addParameter(String.class, "username")
          .addParameter(HTTP_HEADERS, "headers")
          .addStatement("return $T.of($T.of(application, $T.class), username, headers)", LOGIN_ATTEMPT, JWT_AUTH,
              model.configClass())
          .build());
    }
    MethodSpec.Builder logout = fromApplication("logout", RESPONSE.nestedClass("ResponseBuilder"))
        .addJavadoc("A logout response to finish and build: 204, and for cookie transport the {@code Set-Cookie}\n")
        .addJavadoc("that deletes the token cookie. It does not revoke the token: a {@code @RevocationCheck} does.\n");
    if (model.settings().refreshes()) {
      // With refresh tokens, a logout that forgot them would leave the login alive: the security context is required.
      logout.addJavadoc("\n<p>It revokes every refresh token of the login the request's token belongs to (its\n")
          .addJavadoc("{@code sid}); for cookie transport it also deletes the refresh cookie.\n")
          .addParameter(SECURITY_CONTEXT, "security")
          .addStatement("$T principal = $T.principal(security, $T.class)", JWT_PRINCIPAL, JWT_SECURITY_CONTEXT,
              model.configClass())
          .addStatement("return $T.of(application, $T.class).logout(principal)", JWT_AUTH, model.configClass());
    } else {
      logout.addStatement("return $T.of(application, $T.class).logout()", JWT_AUTH, model.configClass());
    }
    logout.addJavadoc("\n" + APPLICATION_PARAM);
    if (model.settings().refreshes()) {
      logout.addJavadoc("@param security the request's {@code @Context SecurityContext}\n");
    }
    type.addMethod(logout.addJavadoc("@return the response to finish\n").build());
    if (model.settings().refreshes()) {
      type.addMethod(fromApplication("revokeRefreshTokens", TypeName.VOID)
          .addJavadoc("Revokes the refresh tokens of every login of {@code subject}, as after a password change or\n")
          .addJavadoc("when the account was taken over. Access tokens already issued live until they expire, unless\n")
          .addJavadoc("a {@code @RevocationCheck} refuses them.\n\n")
          .addJavadoc(APPLICATION_PARAM)
          .addJavadoc("@param subject the user ({@code sub}) whose logins end\n")
          .addParameter(String.class, "subject")
          .addStatement("$T.of(application, $T.class).revokeRefreshTokens(subject)", JWT_AUTH, model.configClass())
          .build());
    }
    return type.build();
  }

  private static final String APPLICATION_PARAM = "@param application the resource's {@code @Context Configuration}\n";

  /** A public static method of the access point whose first parameter is the resource's {@code Configuration}. */
  private static MethodSpec.Builder fromApplication(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(returns)
        .addParameter(CONFIGURATION, "application");
  }

  private static AnnotationSpec unchecked() {
    return AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build();
  }
}
