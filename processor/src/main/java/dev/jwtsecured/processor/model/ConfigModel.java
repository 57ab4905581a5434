package dev.jwtsecured.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated {@code @JwtSecured} configuration: everything the generators need, and nothing from
 * {@code javax.lang.model}.
 *
 * @param configClass the annotated class
 * @param basePackages the packages whose resources the configuration secures
 * @param applicationPath the application's {@code @ApplicationPath}, or empty
 * @param userType the {@code U} of the user retriever
 * @param userTypeIsParameterized whether {@code U} has type arguments (its cast from {@code Object} is unchecked)
 * @param retriever the {@code @UserRetriever} method
 * @param revocationCheck the {@code @RevocationCheck} method, if any
 * @param authenticator the {@code @Authenticator} method, if any
 * @param refreshStore the {@code @RefreshStore} method, with {@code refreshStorage = PROVIDED}
 * @param hasNoArgConstructor whether generated code in the package can call {@code new ConfigClass()}
 * @param typeParameters how many type parameters the class has: generated code names it with as many wildcards
 * @param settings the annotation's values
 * @param routes every JAX-RS operation the configuration secures, sorted, each with its policy
 * @param guardedLocators the sub-resource locators to authenticate before they run, with what JAX-RS matches first
 * @param locators every sub-resource locator method, sorted
 * @param pathTypes for a root resource class whose {@code @Path} stands on an interface or abstract class, the types a
 *     JAX-RS runtime may report as its resource class instead (RESTEasy reports the type carrying {@code @Path})
 * @param rootOperations the operations of its root resources and generated resources, which another configuration of
 *     the same application may find JAX-RS matching before its locators
 * @param locatorRules the types that locators bringing a rule declare and that classes the processor did not see may
 *     extend, with those rules
 * @param sharingMeant whether the class suppresses {@code [JwtSecured.SecretShared]}: its secret is meant for the
 *     logins of other configurations of the application too, and the runtime says nothing of them
 * @param unknownRootsMeant whether the class suppresses {@code [JwtSecured.GuardBeforeUnknownRoot]}: its locator guard
 *     asking its token where another configuration's root class may take the request is meant, and the runtime says
 *     nothing of it either
 */
public record ConfigModel(
    ClassName configClass,
    List<String> basePackages,
    String applicationPath,
    TypeName userType,
    boolean userTypeIsParameterized,
    HandlerModel retriever,
    Optional<HandlerModel> revocationCheck,
    Optional<HandlerModel> authenticator,
    Optional<HandlerModel> refreshStore,
    boolean hasNoArgConstructor,
    int typeParameters,
    SettingsModel settings,
    List<RouteModel> routes,
    List<RouteModel.GuardedLocator> guardedLocators,
    List<RouteModel.Locator> locators,
    Map<ClassName, List<ClassName>> pathTypes,
    List<RouteModel.RootOperation> rootOperations,
    List<RouteModel.LocatorRule> locatorRules,
    boolean sharingMeant,
    boolean unknownRootsMeant) {

  public ConfigModel {
    routes = List.copyOf(routes);
    rootOperations = List.copyOf(rootOperations);
    guardedLocators = List.copyOf(guardedLocators);
    locators = List.copyOf(locators);
    Map<ClassName, List<ClassName>> copied = new LinkedHashMap<>();
    pathTypes.forEach((root, types) -> copied.put(root, List.copyOf(types)));
    pathTypes = Collections.unmodifiableMap(copied);
    basePackages = List.copyOf(basePackages);
    locatorRules = List.copyOf(locatorRules);
  }

  /** The configuration as generated code declares it: {@code Foo}, or {@code Foo<?>} for a generic class. */
  public TypeName configType() {
    return typeParameters == 0 ? configClass : ParameterizedTypeName.get(configClass,
        Collections.nCopies(typeParameters, WildcardTypeName.subtypeOf(Object.class)).toArray(new TypeName[0]));
  }

  /** This configuration with {@code guarded} for its guarded locators. */
  public ConfigModel withGuardedLocators(List<RouteModel.GuardedLocator> guarded) {
    return new ConfigModel(configClass, basePackages, applicationPath, userType, userTypeIsParameterized, retriever,
        revocationCheck, authenticator, refreshStore, hasNoArgConstructor, typeParameters, settings, routes, guarded,
        locators, pathTypes, rootOperations, locatorRules, sharingMeant, unknownRootsMeant);
  }

  /** Whether the locator guard checks a rule besides a valid token, for one of {@link #guardedLocators()} at least. */
  public boolean guardChecksRules() {
    return guardedLocators.stream().anyMatch(l -> l.rule() != RouteModel.Policy.AUTHENTICATED);
  }

  /** The templates of {@link #guardedLocators()}. */
  public List<String> guardedLocatorPaths() {
    return guardedLocators.stream().map(RouteModel.GuardedLocator::path).toList();
  }

  /** Whether any handler method is an instance method: the feature then holds a configuration instance. */
  public boolean needsInstance() {
    return filterNeedsInstance()
        || authenticator.map(h -> !h.isStatic()).orElse(false)
        || refreshStore.map(h -> !h.isStatic()).orElse(false);
  }

  /**
   * Whether a handler the filter calls (the retriever, the revocation check) is an instance method: the filter, and the
   * policies that create it, then hold the configuration instance.
   */
  public boolean filterNeedsInstance() {
    return !retriever.isStatic() || revocationCheck.map(h -> !h.isStatic()).orElse(false);
  }

  /** {@code FooJwtFilter}. */
  public ClassName filterClass() { return generated("JwtFilter"); }

  /** {@code FooJwt}: the typed access point. */
  public ClassName accessPointClass() { return generated("Jwt"); }

  /** {@code FooJwtFeature}. */
  public ClassName featureClass() { return generated("JwtFeature"); }

  /** {@code FooJwtLoginResource}. */
  public ClassName loginResourceClass() { return generated("JwtLoginResource"); }

  /** {@code FooJwtPolicies}: binds the filter to each resource method with its policy. */
  public ClassName policiesClass() { return generated("JwtPolicies"); }

  /** {@code FooJwtLocatorGuard}: authenticates before protected sub-resource locators run. */
  public ClassName locatorGuardClass() { return generated("JwtLocatorGuard"); }

  /** {@code FooJwtOpenApi}: serves the OpenAPI document. */
  public ClassName openApiClass() { return generated("JwtOpenApi"); }

  /** {@code FooJwtFeatureCheck}: fails the configuration's resources closed when its feature is not registered. */
  public ClassName featureCheckClass() { return generated("JwtFeatureCheck"); }

  /** {@code FooJwtJwks}: serves the public key of a configuration that signs with a private key. */
  public ClassName jwksClass() { return generated("JwtJwks"); }

  /** Nested classes join their names with {@code _}: {@code Outer.Config} gives {@code Outer_ConfigJwtFilter}. */
  private ClassName generated(String suffix) {
    return generated(configClass, suffix);
  }

  /** The class generated for {@code config} with {@code suffix}: in its package, nested names joined by {@code _}. */
  public static ClassName generated(ClassName config, String suffix) {
    return ClassName.get(config.packageName(), String.join("_", config.simpleNames()) + suffix);
  }
}
