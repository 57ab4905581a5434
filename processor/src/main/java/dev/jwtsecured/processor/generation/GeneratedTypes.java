package dev.jwtsecured.processor.generation;

import dev.jwtsecured.processor.JwtSecuredProcessor;
import dev.jwtsecured.processor.model.Names;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/** Names of the run-time and JAX-RS types generated code refers to, and the {@code @Generated} marker. */
public final class GeneratedTypes {
  public static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  /** On every generated class, nested ones too (a class file's annotations are its own). */
  public static final ClassName GENERATED_CODE = ClassName.bestGuess(Names.GENERATED_CODE);
  /** On the one generated method whose SpotBugs finding is the design. */
  static final ClassName SUPPRESS_FB_WARNINGS = ClassName.bestGuess(Names.SUPPRESS_FB_WARNINGS);

  private static final String ANNOTATIONS = "dev.jwtsecured";
  private static final String RS = "jakarta.ws.rs";
  private static final String CONTAINER = "jakarta.ws.rs.container";
  private static final String CORE = "jakarta.ws.rs.core";

  static final ClassName TOKEN = ClassName.get(Names.RUNTIME, "Token");
  static final ClassName JWT_AUTH = ClassName.get(Names.RUNTIME, "JwtAuth");
  static final ClassName JWT_FEATURE = ClassName.get(Names.RUNTIME, "JwtFeature");
  static final ClassName JWT_SETTINGS = ClassName.get(Names.RUNTIME, "JwtSettings");
  static final ClassName JWS_ALGORITHM = ClassName.get(Names.RUNTIME, "JwsAlgorithm");
  static final ClassName AUTH_EXCEPTION = ClassName.get(Names.RUNTIME_INTERNAL, "AuthException");
  static final ClassName AUTH_FAILURE = ClassName.get(Names.RUNTIME, "AuthFailure");
  static final ClassName ACCESS_RULE = ClassName.get(Names.RUNTIME_INTERNAL, "AccessRule");
  static final ClassName REQUEST_AUTH = ClassName.get(Names.RUNTIME_INTERNAL, "RequestAuth");
  static final ClassName GENERATED_RESOURCE = ClassName.get(Names.RUNTIME_INTERNAL, "GeneratedResource");
  static final ClassName RESOURCE_METHODS = ClassName.get(Names.RUNTIME_INTERNAL, "ResourceMethods");
  static final ClassName ROUTE_SCOPE = ClassName.get(Names.RUNTIME_INTERNAL, "RouteScope");
  static final ClassName LOCATOR_PATHS = ClassName.get(Names.RUNTIME_INTERNAL, "LocatorPaths");
  static final ClassName OPEN_API_DOCUMENT = ClassName.get(Names.RUNTIME_INTERNAL, "OpenApiDocument");
  static final ClassName FEATURE_CHECK = ClassName.get(Names.RUNTIME_INTERNAL, "FeatureCheck");
  static final ClassName SERVER_ENFORCEMENT = ClassName.get(Names.RUNTIME_INTERNAL, "ServerEnforcement");
  static final ClassName SHARED_SECRETS = ClassName.get(Names.RUNTIME_INTERNAL, "SharedSecrets");
  static final ClassName ENDPOINT_CLAIMS = ClassName.get(Names.RUNTIME_INTERNAL, "EndpointClaims");
  static final ClassName SHARED_ROOTS = ClassName.get(Names.RUNTIME_INTERNAL, "SharedRoots");
  static final ClassName REFRESH_TOKENS = ClassName.get(Names.RUNTIME_INTERNAL, "RefreshTokens");
  static final ClassName PROVIDER = ClassName.get("jakarta.ws.rs.ext", "Provider");
  static final ClassName JWT_SECURITY_CONTEXT = ClassName.get(Names.RUNTIME, "JwtSecurityContext");
  static final ClassName JWT_PRINCIPAL = ClassName.get(Names.RUNTIME, "JwtPrincipal");
  static final ClassName LOGIN = ClassName.get(Names.RUNTIME, "Login");
  static final ClassName LOGIN_ATTEMPT = ClassName.get(Names.RUNTIME, "LoginAttempt");
  static final ClassName GRANT = ClassName.get(Names.RUNTIME, "Grant");
  static final ClassName TRANSPORT = ClassName.get(ANNOTATIONS, "Transport");
  static final ClassName SAME_SITE = ClassName.get(ANNOTATIONS, "SameSite");
  static final ClassName UNSEEN_METHODS = ClassName.get(ANNOTATIONS, "UnseenMethods");
  static final ClassName CONTAINER_REQUEST_FILTER = ClassName.get(CONTAINER, "ContainerRequestFilter");
  static final ClassName CONTAINER_REQUEST_CONTEXT = ClassName.get(CONTAINER, "ContainerRequestContext");
  static final ClassName CONTAINER_RESPONSE_FILTER = ClassName.get(CONTAINER, "ContainerResponseFilter");
  static final ClassName CONTAINER_RESPONSE_CONTEXT = ClassName.get(CONTAINER, "ContainerResponseContext");
  static final ClassName RESOURCE_INFO = ClassName.get(CONTAINER, "ResourceInfo");
  static final ClassName CONTEXT = ClassName.get(CORE, "Context");
  static final ClassName FEATURE = ClassName.get(CORE, "Feature");
  static final ClassName DYNAMIC_FEATURE = ClassName.get(CONTAINER, "DynamicFeature");
  static final ClassName PRE_MATCHING = ClassName.get(CONTAINER, "PreMatching");
  static final ClassName FEATURE_CONTEXT = ClassName.get(CORE, "FeatureContext");
  static final ClassName SECURITY_CONTEXT = ClassName.get(CORE, "SecurityContext");
  static final ClassName PRIORITIES = ClassName.get(RS, "Priorities");
  static final ClassName PATH = ClassName.get(RS, "Path");
  static final ClassName GET = ClassName.get(RS, "GET");
  static final ClassName POST = ClassName.get(RS, "POST");
  static final ClassName MEDIA_TYPE = ClassName.get(CORE, "MediaType");
  static final ClassName RESPONSE = ClassName.get(CORE, "Response");
  static final ClassName MULTIVALUED_MAP = ClassName.get(CORE, "MultivaluedMap");
  static final ClassName CONFIGURATION = ClassName.get(CORE, "Configuration");
  static final ClassName HTTP_HEADERS = ClassName.get(CORE, "HttpHeaders");
  static final ClassName URI_INFO = ClassName.get(CORE, "UriInfo");
  static final ClassName PROVIDERS = ClassName.get("jakarta.ws.rs.ext", "Providers");

  private GeneratedTypes() {}

  /** {@code @Generated(value = "<processor>", comments = "jwtsecured")}: no date, so output is reproducible. */
  public static AnnotationSpec generatedAnnotation() {
    return AnnotationSpec.builder(GENERATED)
        .addMember("value", "$S", JwtSecuredProcessor.class.getCanonicalName())
        .addMember("comments", "$S", "jwtsecured")
        .build();
  }

  /** SpotBugs's suppression of {@code pattern} on a generated method, with why the finding is the design. */
  static AnnotationSpec suppressFbWarnings(String pattern, String justification) {
    return AnnotationSpec.builder(SUPPRESS_FB_WARNINGS)
        .addMember("value", "$S", pattern)
        .addMember("justification", "$S", justification)
        .build();
  }
}
