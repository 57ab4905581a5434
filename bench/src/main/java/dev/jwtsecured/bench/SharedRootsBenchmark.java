package dev.jwtsecured.bench;

import dev.jwtsecured.runtime.internal.Templates;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a locator guard does once when another configuration of its application is installed beside it
 * ({@code SharedRoots}): for each of its locators, which of the other's root operations JAX-RS matches first.
 * {@code order} reads each template once ({@code Templates.Order}, what the guard does); {@code perPair} reads each
 * operation's templates again for every locator (what it did at first). Paid at start-up, never per request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class SharedRootsBenchmark {
  /** The guard's locators: thousands where locators lead to one another. */
  @Param({"100", "3000"})
  public int locators;

  /** The other configuration's root operations. */
  @Param({"100", "1000"})
  public int operations;

  private String[][] locatorTemplates;
  private String[][] operationTemplates;

  @Setup
  public void tables() {
    locatorTemplates = new String[locators][];
    for (int i = 0; i < locators; i++) {
      // Each declared by its root class: the outermost locator on its way is itself.
      locatorTemplates[i] = new String[] {"/{bucket}/x" + i + "/{a}/y" + (i % 7), "/"};
    }
    operationTemplates = new String[operations][];
    for (int i = 0; i < operations; i++) {
      operationTemplates[i] = new String[] {"/items" + i + "/{id: [0-9]+}/z", "/items" + i};
    }
  }

  @Benchmark
  public int order() {
    Templates.Order order = new Templates.Order();
    int taken = 0;
    for (String[] locator : locatorTemplates) {
      BiPredicate<String, String> test = order.takenBefore(locator[0], locator[1], locator[0]);
      for (String[] operation : operationTemplates) {
        taken += test.test(operation[0], operation[1]) ? 1 : 0;
      }
    }
    return taken;
  }

  @Benchmark
  public int perPair() {
    int taken = 0;
    for (String[] locator : locatorTemplates) {
      // A rule of its own for each locator: every operation's templates read again for each.
      BiPredicate<String, String> test = Templates.takenBefore(locator[0], locator[1], locator[0]);
      for (String[] operation : operationTemplates) {
        taken += test.test(operation[0], operation[1]) ? 1 : 0;
      }
    }
    return taken;
  }
}
