package dev.jwtsecured.processor.generation;

import static dev.jwtsecured.processor.generation.GeneratedTypes.CONFIGURATION;
import static dev.jwtsecured.processor.generation.GeneratedTypes.CONTEXT;
import static dev.jwtsecured.processor.generation.GeneratedTypes.GET;
import static dev.jwtsecured.processor.generation.GeneratedTypes.JWT_AUTH;
import static dev.jwtsecured.processor.generation.GeneratedTypes.PATH;
import static dev.jwtsecured.processor.generation.GeneratedTypes.RESPONSE;

import dev.jwtsecured.processor.model.ConfigModel;
import dev.jwtsecured.processor.model.SettingsModel;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code FooJwtJwks}, for a configuration that signs with a private key: the public key as a JSON Web Key Set
 * at {@link SettingsModel#JWKS_PATH}, public, with a {@code Cache-Control} max-age, so that other services verify its
 * tokens with {@code jwksUri} pointing here.
 */
public final class JwksResourceGenerator implements SourceGenerator {

  @Override
  public boolean applies(ConfigModel model) {
    return model.settings().signsWithKey();
  }

  @Override
  public TypeSpec generate(ConfigModel model) {
    return SourceGenerator.resourceClass(model.jwksClass())
        .addJavadoc("Serves the public key of {@link $T} as a JSON Web Key Set at {@code $L}.\n", model.configClass(),
            SettingsModel.JWKS_PATH)
        .addAnnotation(AnnotationSpec.builder(PATH).addMember("value", "$S", SettingsModel.JWKS_PATH).build())
        .addMethod(MethodSpec.methodBuilder("keys")
            .addJavadoc("The key set, which clients may cache for five minutes; public, like every generated"
                + " resource.\n\n")
            .addJavadoc("@param application the application's {@code @Context Configuration}\n")
            .addJavadoc("@return the key set\n")
            .addAnnotation(GET)
            .addModifiers(Modifier.PUBLIC)
            .returns(RESPONSE)
            .addParameter(ParameterSpec.builder(CONFIGURATION, "application").addAnnotation(CONTEXT).build())
            .addComment("The type on the answer, not in @Produces: Quarkus REST warns at build time of a method")
            .addComment("producing JSON without a JSON extension, which a String needs none of.")
            .addStatement("return $T.ok($T.of(application, $T.class).publicJwks(), $S)"
                    + "\n.header($S, $S)\n.header($T.NOSNIFF_HEADER, $S)\n.build()",
                RESPONSE, JWT_AUTH, model.configClass(), "application/jwk-set+json", "Cache-Control",
                "public, max-age=300", JWT_AUTH, "nosniff")
            .build())
        .build();
  }
}
