package dev.jwtsecured.processor.model;

import java.util.List;

/** Qualified names of the types the processor recognises; it never loads them. */
public final class Names {
  public static final String JWT_SECURED = "dev.jwtsecured.JwtSecured";
  public static final String USER_RETRIEVER = "dev.jwtsecured.UserRetriever";
  public static final String AUTHENTICATOR = "dev.jwtsecured.Authenticator";
  public static final String REVOCATION_CHECK = "dev.jwtsecured.RevocationCheck";
  public static final String REFRESH_STORE = "dev.jwtsecured.RefreshStore";

  public static final String RUNTIME = "dev.jwtsecured.runtime";
  public static final String RUNTIME_INTERNAL = RUNTIME + ".internal";
  /** Generated code's class-file marker (for coverage tools): the processor claims it too, as its own. */
  public static final String GENERATED_CODE = RUNTIME_INTERNAL + ".GeneratedCode";
  /** Generated code's SpotBugs suppression: the processor claims it too, as its own. */
  public static final String SUPPRESS_FB_WARNINGS = RUNTIME_INTERNAL + ".SuppressFBWarnings";
  public static final String TOKEN = RUNTIME + ".Token";
  public static final String GRANT = RUNTIME + ".Grant";
  public static final String REFRESH_TOKEN_STORE = RUNTIME + ".RefreshTokenStore";

  public static final String CONTAINER_REQUEST_CONTEXT = "jakarta.ws.rs.container.ContainerRequestContext";
  public static final String HTTP_HEADERS = "jakarta.ws.rs.core.HttpHeaders";
  public static final String PATH = "jakarta.ws.rs.Path";
  public static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";
  public static final String APPLICATION_PATH = "jakarta.ws.rs.ApplicationPath";
  public static final String CONSUMES = "jakarta.ws.rs.Consumes";
  public static final String PRODUCES = "jakarta.ws.rs.Produces";
  public static final String PERMIT_ALL = "jakarta.annotation.security.PermitAll";
  public static final String DENY_ALL = "jakarta.annotation.security.DenyAll";
  public static final String ROLES_ALLOWED = "jakarta.annotation.security.RolesAllowed";
  /** The Java EE package of the JSR-250 security annotations, which no Jakarta REST runtime reads. */
  public static final String JAVAX_SECURITY_PACKAGE = "javax.annotation.security";

  public static final String OPTIONAL = "java.util.Optional";
  public static final String COMPLETION_STAGE = "java.util.concurrent.CompletionStage";
  public static final String COMPLETABLE_FUTURE = "java.util.concurrent.CompletableFuture";
  public static final String SET = "java.util.Set";
  public static final String STRING = "java.lang.String";

  /**
   * Lombok's annotations that make the constructors of the class they stand on ({@code @Data}, {@code @Value} and
   * {@code @Builder} where it declares no constructor).
   */
  public static final List<String> LOMBOK_CONSTRUCTORS = List.of("lombok.NoArgsConstructor",
      "lombok.RequiredArgsConstructor", "lombok.AllArgsConstructor", "lombok.Data", "lombok.Value", "lombok.Builder",
      "lombok.experimental.SuperBuilder");
  /** Lombok's annotation that makes a class's methods static and its one constructor private. */
  public static final String LOMBOK_UTILITY_CLASS = "lombok.experimental.UtilityClass";

  private Names() {}
}
