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
 * parameters. The guard and its {@code Late} each do this once. The {@code beside} cases are a guard whose locators
 * have paths JAX-RS matches before them ({@code BESIDE}, two beside {@code /files/{name}}): {@code besideMiss} and
 * {@code besideHit} as above, {@code besideTaken} a request one of those paths takes; {@code besideHitEarly} is
 * {@code besideHit} as the guard decides it, before the application's pre-matching filters (it also asks whether a
 * path beside the locator takes the request for another method). {@code escapedMiss} is a path
 * below no locator that holds escapes (a name beyond ASCII, a space), which the guard also tries decoded, normalized
 * and escaped again as a template is.
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

  private static final LocatorPaths.Beside[][] BESIDE = {
    {},
    {},
    {LocatorPaths.beside("\\Q/files/count\\E/?", "GET", "HEAD"), LocatorPaths.beside("\\Q/files/search\\E/?", "POST")},
    {}};

  private final BenchRequest miss = new BenchRequest("GET", "/orders/42/items", null);
  private final BenchRequest taken = new BenchRequest("GET", "/files/count", null);
  private final BenchRequest hit = new BenchRequest("GET", "/files/notes.txt", null);
  private final BenchRequest matrixHit = new BenchRequest("GET", "/files;v=2/notes.txt", null);
  private final BenchRequest escapedMiss = new BenchRequest("GET", "/orders/cr%C3%A8me%20br%C3%BBl%C3%A9e/items", null);

  @Setup
  public void check() {
    if (miss() || !hit() || !matrixHit() || besideMiss() || !besideHit() || !besideHitEarly() || besideTaken()
        || escapedMiss()) {
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

  @Benchmark
  public boolean escapedMiss() {
    return LocatorPaths.matches(escapedMiss, LOCATORS, BESIDE);
  }

  @Benchmark
  public boolean besideMiss() {
    return LocatorPaths.matches(miss, LOCATORS, BESIDE);
  }

  @Benchmark
  public boolean besideHit() {
    return LocatorPaths.matches(hit, LOCATORS, BESIDE);
  }

  @Benchmark
  public boolean besideHitEarly() {
    return LocatorPaths.matchesEarly(hit, LOCATORS, BESIDE);
  }

  @Benchmark
  public boolean besideTaken() {
    return LocatorPaths.matches(taken, LOCATORS, BESIDE);
  }
}
