package dev.jwtsecured.processor;

/** Qualified names of the types the processor recognises; it never loads them. */
final class Names {
  static final String JWT_SECURED = "dev.jwtsecured.JwtSecured";
  static final String USER_RETRIEVER = "dev.jwtsecured.UserRetriever";
  static final String AUTHENTICATOR = "dev.jwtsecured.Authenticator";
  static final String REVOCATION_CHECK = "dev.jwtsecured.RevocationCheck";

  static final String RUNTIME = "dev.jwtsecured.runtime";
  static final String RUNTIME_INTERNAL = RUNTIME + ".internal";
  static final String TOKEN = RUNTIME + ".Token";
  static final String GRANT = RUNTIME + ".Grant";

  static final String CONTAINER_REQUEST_CONTEXT = "jakarta.ws.rs.container.ContainerRequestContext";
  static final String HTTP_HEADERS = "jakarta.ws.rs.core.HttpHeaders";
  static final String PATH = "jakarta.ws.rs.Path";
  static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";
  static final String APPLICATION_PATH = "jakarta.ws.rs.ApplicationPath";
  static final String CONSUMES = "jakarta.ws.rs.Consumes";
  static final String PRODUCES = "jakarta.ws.rs.Produces";
  static final String PERMIT_ALL = "jakarta.annotation.security.PermitAll";
  static final String DENY_ALL = "jakarta.annotation.security.DenyAll";
  static final String ROLES_ALLOWED = "jakarta.annotation.security.RolesAllowed";

  static final String OPTIONAL = "java.util.Optional";
  static final String COMPLETION_STAGE = "java.util.concurrent.CompletionStage";
  static final String COMPLETABLE_FUTURE = "java.util.concurrent.CompletableFuture";
  static final String SET = "java.util.Set";
  static final String STRING = "java.lang.String";

  private Names() {}
}
