package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.SecurityEvent;
import dev.jwtsecured.runtime.SecurityEvents;

/** {@link SecurityEvents#logging()}: a named class, so that log lines name it as their source rather than a lambda. */
public final class SecurityLog implements SecurityEvents {
  private static final System.Logger LOG = System.getLogger(LOGGER);

  @Override
  public void record(SecurityEvent event) {
    if (event.kind() == SecurityEvent.Kind.REFRESH_TOKEN_REUSED) {
      LOG.log(System.Logger.Level.WARNING, event.describe());
    }
  }
}
