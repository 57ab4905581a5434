package dev.jwtsecured.bench;

import dev.jwtsecured.runtime.InMemoryLoginThrottle;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The default login throttle, full (100,000 names tracked, each failed once within the window: a spray of guesses
 * over many names, or many users mistyping): what one more failed login with a new name costs it (its failure
 * alone, and the whole attempt: the delay asked, which counts it, then the failure reported), and what asking the
 * delay of a known name costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LoginThrottleBenchmark {
  private static final int ENTRIES = 100_000;

  private InMemoryLoginThrottle throttle;
  private long next;

  @Setup
  public void fill() {
    throttle = new InMemoryLoginThrottle(Clock.systemUTC(), 5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15),
        Duration.ofSeconds(30), ENTRIES);
    for (int i = 0; i < ENTRIES; i++) {
      throttle.failed("name-" + i, null);
    }
  }

  @Benchmark
  public void failureWithANewName() {
    throttle.failed("new-" + next++, null);
  }

  @Benchmark
  public void attemptThatFailsWithANewName() {
    String name = "attempt-" + next++;
    throttle.delay(name, null);
    throttle.failed(name, null);
  }

  @Benchmark
  public Duration delayOfAKnownName() {
    return throttle.delay("name-" + (next++ % ENTRIES), null);
  }
}
