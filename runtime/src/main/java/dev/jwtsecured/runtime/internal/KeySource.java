package dev.jwtsecured.runtime.internal;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Where {@link KeySetVerifier} finds public keys by {@code kid}: a JWKS fetched over HTTP, or a configuration's own. */
public interface KeySource {
  /** The key {@code kid} names, if the source has it. */
  Optional<JwksKeySet.Key> key(String kid);

  /** Changes whenever a key leaves the source or changes. */
  long generation();

  /**
   * The fetch that {@link #key} would wait for with {@code kid}, started where {@code key} would start it, or
   * {@code null} when {@code key} answers at once: sources that fetch nothing never wait.
   */
  default CompletableFuture<?> fetchFor(String kid) {
    return null;
  }
}
