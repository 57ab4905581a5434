package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The budget of log lines that clients can trigger, on a clock the test moves. */
class LogBudgetTest {
  static final long SECOND = 1_000_000_000L;

  @Test
  void tenAtOnceThenOneEverySixSecondsCountingTheRest() {
    AtomicLong now = new AtomicLong(42 * SECOND);
    LogBudget budget = new LogBudget(now::get);
    for (int i = 0; i < 10; i++) {
      assertEquals(0, budget.take(), "line " + i);
    }
    assertEquals(-1, budget.take());
    assertEquals(-1, budget.take());
    now.addAndGet(5 * SECOND);
    assertEquals(-1, budget.take(), "not before six seconds");
    now.addAndGet(SECOND);
    assertEquals(3, budget.take(), "one line, saying that three were refused");
    assertEquals(-1, budget.take());
    now.addAndGet(6 * SECOND - 1);
    assertEquals(-1, budget.take(), "time since the last line earned counts, not time since the last refusal");
    now.addAndGet(1);
    assertEquals(2, budget.take());
    now.addAndGet(3600 * SECOND);
    for (int i = 0; i < 10; i++) {
      assertEquals(0, budget.take(), "an hour later, ten again: line " + i);
    }
    assertEquals(-1, budget.take(), "never more than ten saved up");
  }
}
