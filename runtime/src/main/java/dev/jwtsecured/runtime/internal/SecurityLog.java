package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.SecurityEvent;
import dev.jwtsecured.runtime.SecurityEvents;

/**
 * {@link SecurityEvents#logging()}: a named class, so that log lines name it as their source rather than a lambda.
 * Within a {@link LogBudget}: one spent token replayed in a loop would otherwise be a warning a request.
 */
public final class SecurityLog implements SecurityEvents {
  private static final System.Logger LOG = System.getLogger(LOGGER);

  private final LogBudget budget;

  /** The default, on the system's clock. */
  public SecurityLog() {
    this(new LogBudget());
  }

  /** Logging within {@code budget}, for tests. */
  public SecurityLog(LogBudget budget) {
    this.budget = budget;
  }

  @Override
  public void record(SecurityEvent event) {
    if (event.kind() == SecurityEvent.Kind.REFRESH_TOKEN_REUSED) {
      long refused = budget.take();
      if (refused >= 0) {
        LOG.log(System.Logger.Level.WARNING, LogBudget.withRefused(event.describe(), refused));
      }
    }
  }
}
