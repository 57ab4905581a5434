package dev.jwtsecured.runtime.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where {@link KeySetVerifier} finds public keys by {@code kid}: a JWKS fetched over HTTP, or a configuration's own.
 */
public interface KeySource {
  /**
   * The keys {@code kid} names, none if the source has none: usually one, but keys of different types may share a
   * {@code kid} (RFC 7517 section 4.5). {@code null} stands for a token without {@code kid}.
   */
  List<JwksKeySet.Key> keys(String kid);

  /** Changes whenever a key leaves the source or changes. */
  long generation();

  /**
   * The fetch that {@link #keys} would wait for with {@code kid}, started where {@code keys} would start it, or
   * {@code null} when {@code keys} answers at once: sources that fetch nothing never wait.
   */
  default CompletableFuture<?> fetchFor(String kid) {
    return null;
  }
}
