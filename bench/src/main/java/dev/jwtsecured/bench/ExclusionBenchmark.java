package dev.jwtsecured.bench;

import dev.jwtsecured.runtime.ExcludedPaths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Matching a path that no exclusion covers (the common case: a protected request) against 1, 10 or 100 exclusions,
 * all plain paths or all regular expressions, with the {@link ExcludedPaths} the generated filter uses.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExclusionBenchmark {
  @Param({"1", "10", "100"})
  public int patterns;

  @Param({"literal", "regex"})
  public String kind;

  private ExcludedPaths excluded;
  private final String path = "/api/v1/orders/12345";

  @Setup
  public void setUp() {
    Set<String> literals = new HashSet<>();
    List<Pattern> regexes = new ArrayList<>();
    for (int i = 0; i < patterns; i++) {
      if (kind.equals("literal")) {
        literals.add("/public/page-" + i);
      } else {
        regexes.add(Pattern.compile("/public/section-" + i + "(/.*)?"));
      }
    }
    excluded = ExcludedPaths.of(literals, regexes);
    if (excluded.matches(path)) {
      throw new IllegalStateException("the measured path must not be excluded");
    }
  }

  @Benchmark
  public boolean match() {
    return excluded.matches(path);
  }
}
