package dev.jwtsecured.runtime.internal;

import java.util.function.LongSupplier;

/**
 * How many lines a log that clients can trigger may write: {@value #BURST} at once, then one every six seconds (a token
 * bucket), so that a flood of requests cannot flood the log. It counts the lines it refuses, for the next line it
 * allows to say so. Thread-safe.
 */
public final class LogBudget {
  static final int BURST = 10;
  static final long INTERVAL_NANOS = 6_000_000_000L;

  private final LongSupplier nanoTime;
  /** Lines allowed now, at most {@link #BURST}. */
  private int available = BURST;
  /** When {@link #available} last grew, or was full. */
  private long refilledAt;
  private long refused;

  /** A budget on {@code System.nanoTime()}. */
  public LogBudget() {
    this(System::nanoTime);
  }

  /** A budget on {@code nanoTime}, for tests. */
  public LogBudget(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.refilledAt = nanoTime.getAsLong();
  }

  /**
   * Takes one line: {@code -1} when none is left (the line is counted as refused), else how many lines were refused
   * since the last one allowed.
   */
  public synchronized long take() {
    long now = nanoTime.getAsLong();
    long earned = (now - refilledAt) / INTERVAL_NANOS;
    if (earned > 0) {
      available = (int) Math.min(BURST, available + earned);
      refilledAt = available == BURST ? now : refilledAt + earned * INTERVAL_NANOS;
    }
    if (available == 0) {
      refused++;
      return -1;
    }
    available--;
    long before = refused;
    refused = 0;
    return before;
  }

  /** Back to {@value #BURST} lines and none refused: for tests that share a budget. */
  public synchronized void reset() {
    available = BURST;
    refilledAt = nanoTime.getAsLong();
    refused = 0;
  }

  /** {@code line}, followed by how many were refused before it when any were. */
  public static String withRefused(String line, long refused) {
    return refused == 0 ? line
        : line + " (" + refused + " more not logged before this one: at most " + BURST + " at once, then one every"
            + " " + INTERVAL_NANOS / 1_000_000_000L + " s)";
  }
}
