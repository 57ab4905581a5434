package dev.jwtsecured.runtime.internal;

import java.util.Optional;

/** Where {@link KeySetVerifier} finds public keys by {@code kid}: a JWKS fetched over HTTP, or a configuration's own. */
public interface KeySource {
  /** The key {@code kid} names, if the source has it. */
  Optional<JwksKeySet.Key> key(String kid);

  /** Changes whenever a key leaves the source or changes. */
  long generation();
}
