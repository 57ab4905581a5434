package dev.jwtsecured.processor.model;

/**
 * One of the configuration's annotated methods, as generated code calls it.
 *
 * @param name the method name
 * @param isStatic whether it is called on the class rather than the configuration instance
 * @param takesScopes whether it takes the requested scopes (authenticator only)
 * @param takesRequest whether it takes the request as its last parameter: {@code ContainerRequestContext} (retriever,
 *     revocation check, called from the filter) or {@code HttpHeaders} (authenticator, called from the token endpoint)
 * @param returns how its result is unwrapped
 */
public record HandlerModel(String name, boolean isStatic, boolean takesScopes, boolean takesRequest, Returns returns) {

  /** The shapes of result a handler method may have. */
  public enum Returns {
    /** The value itself; {@code null} means none. */
    PLAIN,
    /** {@code Optional<T>}. */
    OPTIONAL,
    /** {@code CompletionStage<T>}, completed with the value or {@code null}. */
    COMPLETION_STAGE,
    /** {@code CompletionStage<Optional<T>>}: an empty {@code Optional} means none. */
    COMPLETION_STAGE_OF_OPTIONAL,
    /** {@code boolean} (revocation check). */
    BOOLEAN,
    /** {@code String}: the subject of a grant (authenticator). */
    SUBJECT,
    /** {@code Optional<String>} (authenticator). */
    OPTIONAL_SUBJECT
  }
}
