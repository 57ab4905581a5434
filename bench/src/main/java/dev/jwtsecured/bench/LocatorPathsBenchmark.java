package dev.jwtsecured.bench;

import dev.jwtsecured.runtime.internal.LocatorPaths;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
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
 * What a generated locator guard adds to every request of its application before matching: the path compared with
 * the protected locators' templates (four here, as the guard writes them). {@code miss} is most requests (a path below
 * no locator), {@code hit} one below a locator, {@code matrixHit} one that reaches it only without its matrix
 * parameters. The guard and its {@code Late} each do this once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LocatorPathsBenchmark {
  private static final Pattern[] LOCATORS = {
    Pattern.compile("\\Q/cabinets/\\E[^/]+(?:/.*)?"),
    Pattern.compile("\\Q/drawers/all/\\E[^/]+(?:/.*)?"),
    Pattern.compile("\\Q/files/\\E[^/]+(?:/.*)?"),
    Pattern.compile("\\Q/lockers/\\E[^/]+(?:/.*)?")};

  private final BenchRequest miss = new BenchRequest("GET", "/orders/42/items", null);
  private final BenchRequest hit = new BenchRequest("GET", "/files/notes.txt", null);
  private final BenchRequest matrixHit = new BenchRequest("GET", "/files;v=2/notes.txt", null);

  @Setup
  public void check() {
    if (miss() || !hit() || !matrixHit()) {
      throw new IllegalStateException("the locators' paths were judged wrongly");
    }
  }

  @Benchmark
  public boolean miss() {
    return LocatorPaths.matches(miss.getUriInfo(), LOCATORS);
  }

  @Benchmark
  public boolean hit() {
    return LocatorPaths.matches(hit.getUriInfo(), LOCATORS);
  }

  @Benchmark
  public boolean matrixHit() {
    return LocatorPaths.matches(matrixHit.getUriInfo(), LOCATORS);
  }
}
