package dev.jwtsecured.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/** Names of the run-time and JAX-RS types generated code refers to, and the {@code @Generated} marker. */
final class GeneratedTypes {
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  static final ClassName TOKEN = ClassName.get(Names.RUNTIME, "Token");
  static final ClassName JWT_AUTH = ClassName.get(Names.RUNTIME, "JwtAuth");
  static final ClassName JWT_SETTINGS = ClassName.get(Names.RUNTIME, "JwtSettings");
  static final ClassName JWS_ALGORITHM = ClassName.get(Names.RUNTIME, "JwsAlgorithm");
  static final ClassName AUTH_EXCEPTION = ClassName.get(Names.RUNTIME_INTERNAL, "AuthException");
  static final ClassName AUTH_FAILURE = ClassName.get(Names.RUNTIME, "AuthFailure");
  static final ClassName ACCESS_RULE = ClassName.get(Names.RUNTIME_INTERNAL, "AccessRule");
  static final ClassName GENERATED_RESOURCE = ClassName.get(Names.RUNTIME_INTERNAL, "GeneratedResource");
  static final ClassName RESOURCE_METHODS = ClassName.get(Names.RUNTIME_INTERNAL, "ResourceMethods");
  static final ClassName ROUTE_SCOPE = ClassName.get(Names.RUNTIME_INTERNAL, "RouteScope");
  static final ClassName LOCATOR_PATHS = ClassName.get(Names.RUNTIME_INTERNAL, "LocatorPaths");
  static final ClassName JWT_SECURITY_CONTEXT = ClassName.get(Names.RUNTIME, "JwtSecurityContext");
  static final ClassName LOGIN = ClassName.get(Names.RUNTIME, "Login");
  static final ClassName GRANT = ClassName.get(Names.RUNTIME, "Grant");
  static final ClassName TRANSPORT = ClassName.get("dev.jwtsecured", "Transport");
  static final ClassName SAME_SITE = ClassName.get("dev.jwtsecured", "SameSite");
  static final ClassName UNSEEN_METHODS = ClassName.get("dev.jwtsecured", "UnseenMethods");

  static final ClassName CONTAINER_REQUEST_FILTER = ClassName.get("jakarta.ws.rs.container", "ContainerRequestFilter");
  static final ClassName CONTAINER_REQUEST_CONTEXT = ClassName.get("jakarta.ws.rs.container", "ContainerRequestContext");
  static final ClassName CONTAINER_RESPONSE_FILTER = ClassName.get("jakarta.ws.rs.container", "ContainerResponseFilter");
  static final ClassName CONTAINER_RESPONSE_CONTEXT =
      ClassName.get("jakarta.ws.rs.container", "ContainerResponseContext");
  static final ClassName RESOURCE_INFO = ClassName.get("jakarta.ws.rs.container", "ResourceInfo");
  static final ClassName CONTEXT = ClassName.get("jakarta.ws.rs.core", "Context");
  static final ClassName FEATURE = ClassName.get("jakarta.ws.rs.core", "Feature");
  static final ClassName DYNAMIC_FEATURE = ClassName.get("jakarta.ws.rs.container", "DynamicFeature");
  static final ClassName PRE_MATCHING = ClassName.get("jakarta.ws.rs.container", "PreMatching");
  static final ClassName FEATURE_CONTEXT = ClassName.get("jakarta.ws.rs.core", "FeatureContext");
  static final ClassName SECURITY_CONTEXT = ClassName.get("jakarta.ws.rs.core", "SecurityContext");
  static final ClassName PRIORITY = ClassName.get("jakarta.annotation", "Priority");
  static final ClassName PRIORITIES = ClassName.get("jakarta.ws.rs", "Priorities");

  private GeneratedTypes() {}

  /** {@code @Generated(value = "<processor>", comments = "jwtsecured")}: no date, so output is reproducible. */
  static AnnotationSpec generatedAnnotation() {
    return AnnotationSpec.builder(GENERATED)
        .addMember("value", "$S", JwtSecuredProcessor.class.getCanonicalName())
        .addMember("comments", "$S", "jwtsecured")
        .build();
  }
}
