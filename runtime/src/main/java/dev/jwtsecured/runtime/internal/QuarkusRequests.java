package dev.jwtsecured.runtime.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Suspends and resumes a request on Quarkus REST, whose request filter context can wait for an asynchronous answer
 * without holding its thread: Quarkus REST runs the filters of a non-blocking resource method (one returning
 * {@code Uni}, {@code Multi} or {@code CompletionStage}, or marked {@code @NonBlocking}) on its event loop, where a
 * thread that waits for a stage the same loop must complete would wait forever.
 *
 * <p>The only class that names a Quarkus type: {@link RequestAuth#afterUser} loads it only for a request context whose
 * class is in Quarkus REST's package, so no other runtime ever needs Quarkus on its class path.
 */
final class QuarkusRequests {
  /** The package of Quarkus REST's request filter context, by which {@link RequestAuth} knows it. */
  static final String CONTEXT_PACKAGE = "org.jboss.resteasy.reactive.server.";

  private QuarkusRequests() {}

  /** Whether {@code request} can wait suspended: call only for a context of {@link #CONTEXT_PACKAGE}. */
  static boolean suspendable(ContainerRequestContext request) {
    return request instanceof ResteasyReactiveContainerRequestContext;
  }

  static void suspend(ContainerRequestContext request) {
    ((ResteasyReactiveContainerRequestContext) request).suspend();
  }

  /** Goes on with the request: the next filter, then the resource method. */
  static void resume(ContainerRequestContext request) {
    ((ResteasyReactiveContainerRequestContext) request).resume();
  }

  /** Goes on with {@code failure}, as if the filter had thrown it: the application's exception mappers answer. */
  static void resume(ContainerRequestContext request, Throwable failure) {
    ((ResteasyReactiveContainerRequestContext) request).resume(failure);
  }
}
