package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.AuthFailure;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.JwtSecurityContext;
import dev.jwtsecured.runtime.Token;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What generated code calls on one configuration's runtime per request, and applications do not: the filters read and
 * verify tokens, set the security context, answer RFC 6750 errors and add response headers through it; the token
 * endpoint throttles and answers through it. {@code JwtAuth.requestAuth()} hands it out (ARCHITECTURE.md, "What runs
 * per request").
 */
public interface RequestAuth {
  /**
   * The security context this configuration already set on {@code request} when it authenticated it before matching
   * (in front of a protected sub-resource locator), or {@code null}.
   */
  JwtSecurityContext authenticatedBefore(ContainerRequestContext request);

  /**
   * Reads the request's token (ARCHITECTURE.md, "What runs per request"): the {@code Bearer} header; for cookie
   * transport, when there is no such header, the cookie (a header and a cookie that carry different tokens are
   * refused); then verifies it.
   *
   * @throws AuthException when there is no token, more than one, or it fails verification
   */
  Token authenticate(ContainerRequestContext request);

  /**
   * Whether the request carries credentials where {@link #authenticate} reads them (the token's header; for cookie
   * transport, a cookie): a locator guard leaves a request without to its {@code Late}, after the application's
   * pre-matching filters, one of which may supply them.
   */
  boolean carriesCredentials(ContainerRequestContext request);

  /**
   * The key fetch that verifying the request's token would wait for (a key set not fetched yet, or one that does not
   * hold the token's key), or {@code null} when verifying it would not wait.
   */
  CompletableFuture<?> keysFor(ContainerRequestContext request);

  /** Marks the request authenticated: the security context carries {@code token} and {@code user}. */
  JwtSecurityContext authenticated(ContainerRequestContext request, Token token, Object user);

  /** Marks the request as one that skipped authentication; resources can still log in through it. */
  void skipped(ContainerRequestContext request);

  /**
   * Adds the security headers to a response of a resource method this configuration guards: {@code nosniff} always;
   * on a response to an authenticated request, {@code Cache-Control: no-store} unless the resource set a
   * {@code Cache-Control} itself, in which case {@code Vary} names the credentials' header (and {@code Cookie} for
   * cookie transport), so that no shared cache hands one user's answer to another.
   */
  void secureResponse(ContainerRequestContext request, ContainerResponseContext response);

  /** The RFC 6750 response for {@code failure}. */
  Response reject(AuthFailure failure);

  /**
   * The filter's refusal of {@code request} for {@code failure}: the RFC 6750 response, reported as a security event
   * ({@code REQUEST_REFUSED}, or {@code REQUEST_DENIED} for {@code @DenyAll}).
   */
  Response reject(ContainerRequestContext request, AuthFailure failure);

  /**
   * The 403 {@code insufficient_scope} response for a request whose user ({@code security}) lacks every role of
   * {@code rule}, reported as a {@code REQUEST_DENIED} security event.
   */
  Response forbidden(ContainerRequestContext request, JwtSecurityContext security, AccessRule rule);

  /**
   * Answers 429 with {@code Retry-After} when the login throttle holds this attempt back; call it before the
   * authenticator, so that a throttled guess costs no password check.
   *
   * @throws TokenRequest.TokenError the 429
   */
  void checkThrottle(TokenRequest request, HttpHeaders headers);

  /**
   * The token endpoint's answer (RFC 6749 section 5.1) for a password grant: 200, the OAuth2 body, {@code
   * Cache-Control: no-store}, {@code Pragma: no-cache}, and for cookie transport the cookie. The {@code scope} claim
   * holds the requested scopes that {@code grant} grants: none when it names none. The login throttle learns how the
   * attempt went, keyed by user name and by the client address from {@code headers} (which may be {@code null}).
   * With refresh tokens on, the login starts a refresh token family: the answer carries its first refresh token (in
   * the body, or for cookie transport in the refresh cookie) and the access token its {@code sid}.
   *
   * @param grant the authenticator's answer; {@code null} means bad credentials and gives {@code invalid_grant}
   */
  Response tokenResponse(TokenRequest request, Grant grant, HttpHeaders headers);

  /**
   * The token endpoint's answer to a refresh token grant (RFC 6749 section 6): rotates the presented refresh token and
   * answers 200 with a new access token and a new refresh token. The access token carries the login's subject, roles
   * and extras, and the requested scopes (all of the login's when none are requested). {@code known} is asked about
   * the new access token as a request with it would be (the user retriever, then the revocation check): when it says
   * no, the login is revoked and the answer is {@code invalid_grant}. A spent token is reported with the client
   * address from {@code headers}.
   *
   * @throws TokenRequest.TokenError {@code invalid_grant} for a spent (the login is then revoked), unknown, expired or
   *     malformed refresh token; {@code invalid_scope} for a scope wider than the login's (the token stays active)
   */
  Response refreshResponse(TokenRequest request, HttpHeaders headers, Predicate<Token> known);

  /**
   * Calls {@code decide} with the user of an asynchronous retriever's {@code stage} ({@code null} for none), then
   * aborts {@code request} with the answer it returns ({@code null}: the request goes on). Where the stage is not
   * complete yet and the runtime lets a request filter wait suspended (Quarkus REST, which runs the filters of its
   * non-blocking resource methods on its event loop), the request waits so and its thread goes on; elsewhere the thread
   * waits, as for a synchronous retriever. A stage completed exceptionally reaches the JAX-RS runtime with its cause,
   * as the retriever's own exception would.
   */
  static <U> void afterUser(ContainerRequestContext request, CompletionStage<U> stage, Function<U, Response> decide) {
    CompletableFuture<U> future = stage == null ? CompletableFuture.completedFuture(null) : stage.toCompletableFuture();
    // The class name first: QuarkusRequests, which names Quarkus's type, loads only where Quarkus REST runs.
    if (!future.isDone() && request.getClass().getName().startsWith(QuarkusRequests.CONTEXT_PACKAGE)
        && QuarkusRequests.suspendable(request)) {
      QuarkusRequests.suspend(request);
      future.whenComplete((user, failure) -> decideLater(request, user, failure, decide));
      return;
    }
    Response answer = decide.apply(await(future));
    if (answer != null) {
      request.abortWith(answer);
    }
  }

  /** {@link #afterUser} for a retriever that answers {@code Optional}: empty (or {@code null}) gives {@code null}. */
  static <U> void afterOptionalUser(ContainerRequestContext request, CompletionStage<? extends Optional<U>> stage,
      Function<U, Response> decide) {
    afterUser(request, stage == null ? null : stage.thenApply(user -> user == null ? null : user.orElse(null)),
        decide);
  }

  private static <U> void decideLater(ContainerRequestContext request, U user, Throwable failure,
      Function<U, Response> decide) {
    Response answer;
    try {
      if (failure != null) {
        throw failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
      }
      answer = decide.apply(user);
    } catch (Throwable e) {
      QuarkusRequests.resume(request, e);
      return;
    }
    if (answer == null) {
      QuarkusRequests.resume(request);
    } else {
      request.abortWith(answer); // Quarkus REST resumes a suspended request that a filter aborts
    }
  }

  /**
   * Waits for an asynchronous user retriever that answers {@code Optional}: empty (or {@code null}) gives {@code null}.
   */
  static <U> U awaitOptional(CompletionStage<? extends Optional<U>> stage) {
    Optional<U> user = await(stage);
    return user == null ? null : user.orElse(null);
  }

  /**
   * Waits for an asynchronous user retriever. A stage completed exceptionally rethrows its cause unchanged when it is
   * unchecked, so the application's exception reaches the JAX-RS runtime as if the retriever were synchronous.
   */
  static <U> U await(CompletionStage<U> stage) {
    if (stage == null) {
      return null;
    }
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw e;
    }
  }
}
