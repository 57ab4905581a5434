package dev.jwtsecured.processor.generation;

import static dev.jwtsecured.processor.generation.GeneratedTypes.DYNAMIC_FEATURE;
import static dev.jwtsecured.processor.generation.GeneratedTypes.FEATURE_CHECK;
import static dev.jwtsecured.processor.generation.GeneratedTypes.FEATURE_CONTEXT;
import static dev.jwtsecured.processor.generation.GeneratedTypes.PROVIDER;
import static dev.jwtsecured.processor.generation.GeneratedTypes.RESOURCE_INFO;

import dev.jwtsecured.processor.model.ConfigModel;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code FooJwtFeatureCheck}: a {@code DynamicFeature} that makes the configuration's resources (those the
 * processor saw, the generated ones, and any other in its packages) fail closed with a 500 when the application
 * registered the generated classes but not {@code FooJwtFeature}, which alone authenticates them. It is among
 * {@code FooJwtFeature.classes()} and is a {@code @Provider}, for runtimes that scan for providers; where the feature
 * is registered it binds nothing.
 */
public final class FeatureCheckGenerator implements SourceGenerator {
  @Override
  public TypeSpec generate(ConfigModel model) {
    return TypeSpec.classBuilder(model.featureCheckClass())
        .addJavadoc("Makes the resources of {@link $T} answer 500 instead of running unauthenticated when\n",
            model.configClass())
        .addJavadoc("{@link $T} is not registered. Listed by {@code $T.classes()}. Where the feature is\n",
            model.featureClass(), model.featureClass())
        .addJavadoc("registered and the runtime dropped its {@link $T} (Quarkus REST drops the dynamic\n",
            model.policiesClass())
        .addJavadoc("features a feature registers), passes the runtime's question on to it.\n")
        .addAnnotation(PROVIDER)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(DYNAMIC_FEATURE)
        .addMethod(SourceGenerator.runtimeConstructor("check"))
        .addMethod(MethodSpec.methodBuilder("configure")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(RESOURCE_INFO, "resourceInfo")
            .addParameter(FEATURE_CONTEXT, "context")
            .beginControlFlow("if ($T.bind(resourceInfo, context, $T.class))", FEATURE_CHECK, model.configClass())
            .addStatement("return")
            .endControlFlow()
            .addStatement("$T<?> resourceClass = resourceInfo.getResourceClass()", Class.class)
            .beginControlFlow("if (resourceClass != null && ($T.seenOrSubclass(resourceClass, $T::knows)$>$>\n"
                + "|| $T.classes().contains(resourceClass)\n|| $T.within(resourceClass, $T.PACKAGES)))$<$<",
                GeneratedTypes.ROUTE_SCOPE, model.policiesClass(), model.featureClass(), GeneratedTypes.ROUTE_SCOPE,
                model.featureClass())
            .addStatement("$T.require(context, $T.class, $T.class)", FEATURE_CHECK, model.configClass(),
                model.featureClass())
            .endControlFlow()
            .build())
        .build();
  }
}
