package dev.jwtsecured.runtime.internal;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.FeatureContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a configuration that verifies with a JWKS installs on Quarkus REST in front of its other filters. Quarkus
 * REST runs pre-matching filters (and the filters of its non-blocking resource methods) on its event loop: a request
 * whose token needs a key fetch (no key set yet, or one without the token's key) waits suspended for that fetch here,
 * so that the loop serves its other connections meanwhile instead of waiting with it (up to the fetch's timeouts).
 * Once the fetch completes, the request goes on and is verified with the keys it brought. For a request whose keys are
 * at hand it does nothing. Other runtimes do not get it: a thread that verifies there waits for the fetch, as the key
 * set promises.
 */
@PreMatching
public final class KeyFetchWait implements ContainerRequestFilter {
  /** The application property under which the first such configuration publishes the filter the others join. */
  private static final String PROPERTY = "dev.jwtsecured.keyFetchWait";

  /** The configurations' request authentication, each with its key set. */
  private final List<RequestAuth> auths = new CopyOnWriteArrayList<>();

  private KeyFetchWait() {}

  /**
   * Installs the filter for {@code auth} on Quarkus REST (known by its feature context's class, in the package of its
   * request context), before the configuration's locator guard and filters; elsewhere, nothing. One filter serves every
   * configuration of the application that verifies with a JWKS: the first registers it, the others join it (runtimes
   * keep one instance of a provider class).
   */
  public static void register(FeatureContext context, RequestAuth auth) {
    if (!context.getClass().getName().startsWith(QuarkusRequests.CONTEXT_PACKAGE)) {
      return;
    }
    if (context.getConfiguration().getProperty(PROPERTY) instanceof KeyFetchWait wait) {
      wait.auths.add(auth);
      return;
    }
    KeyFetchWait wait = new KeyFetchWait();
    wait.auths.add(auth);
    context.property(PROPERTY, wait);
    context.register(wait, Priorities.AUTHENTICATION - 100);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    // The class name first: QuarkusRequests, which names Quarkus's type, loads only where Quarkus REST runs.
    if (!request.getClass().getName().startsWith(QuarkusRequests.CONTEXT_PACKAGE)
        || !QuarkusRequests.suspendable(request)) {
      return;
    }
    List<CompletableFuture<?>> fetches = new ArrayList<>(1);
    for (RequestAuth auth : auths) {
      CompletableFuture<?> fetch = auth.keysFor(request);
      if (fetch != null && !fetch.isDone()) {
        fetches.add(fetch);
      }
    }
    if (fetches.isEmpty()) {
      return;
    }
    QuarkusRequests.suspend(request);
    // Quarkus REST goes on on the request's own context, whichever thread resumes it. A failed fetch is the key
    // set's to report: the request goes on, and its verification says what it finds.
    CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new))
        .whenComplete((keys, failure) -> QuarkusRequests.resume(request));
  }
}
