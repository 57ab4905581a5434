package dev.jwtsecured.bench;

import dev.jwtsecured.runtime.internal.AccessRule;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The generated filter's whole decision, without HTTP: (a) an authenticated request with an in-memory retriever (its
 * token a cache hit after the first call), (b) an excluded operation without a token, (c) an {@code OPTIONS} request,
 * (d) a rejected token, (e) an authenticated request to a method admitting one role list,
 * {@code @RolesAllowed("admin")}, and (f) one under two lists, a locator's {@code user} and its method's
 * {@code admin}, passed with a token holding both. The feature binds one filter per resource method with that
 * method's rule; here the rules are bound by hand: "authenticated" for (a), (c) and (d), "public" for (b).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FilterBenchmark {
  private BenchSecurityJwtFilter filter;
  private BenchSecurityJwtFilter publicFilter;
  private BenchRequest authenticated;
  private BenchRequest excluded;
  private BenchRequest options;
  private BenchRequest rejected;
  private BenchSecurityJwtFilter oneRoleList;
  private BenchSecurityJwtFilter twoRoleLists;
  private BenchRequest withRoles;

  @Setup
  public void setUp() {
    BenchSecurityJwtFeature feature = new BenchSecurityJwtFeature(BenchSecurityJwtFeature.settings()
        .secret(Tokens.SECRET).build());
    filter = new BenchSecurityJwtFilter(feature.auth().requestAuth(), AccessRule.AUTHENTICATED);
    publicFilter = new BenchSecurityJwtFilter(feature.auth().requestAuth(), AccessRule.PUBLIC);
    String token = Tokens.token();
    authenticated = new BenchRequest("GET", "/secured", "Bearer " + token);
    excluded = new BenchRequest("GET", "/open", null);
    options = new BenchRequest("OPTIONS", "/secured", null);
    int at = token.lastIndexOf('.') + 1;
    rejected = new BenchRequest("GET", "/secured", "Bearer " + token.substring(0, at)
        + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1));
    for (BenchRequest r : new BenchRequest[] {authenticated, excluded, options}) {
      (r == excluded ? publicFilter : filter).filter(r);
      if (r.aborted() != null) {
        throw new IllegalStateException(r.getMethod() + " was refused: " + r.aborted().getStatus());
      }
    }
    filter.filter(rejected);
    if (rejected.aborted() == null || rejected.aborted().getStatus() != 401) {
      throw new IllegalStateException("the tampered token was not refused");
    }
    oneRoleList = new BenchSecurityJwtFilter(feature.auth().requestAuth(), AccessRule.rolesAllowed("admin"));
    twoRoleLists = new BenchSecurityJwtFilter(feature.auth().requestAuth(),
        AccessRule.rolesAllowed("user").andRolesAllowed("admin"));
    withRoles = new BenchRequest("GET", "/secured", "Bearer " + Tokens.tokenWithRoles("user", "admin"));
    for (BenchSecurityJwtFilter f : new BenchSecurityJwtFilter[] {oneRoleList, twoRoleLists}) {
      withRoles.reset();
      f.filter(withRoles);
      if (withRoles.aborted() != null) {
        throw new IllegalStateException("the roles were refused: " + withRoles.aborted().getStatus());
      }
    }
  }

  private static Object run(BenchSecurityJwtFilter filter, BenchRequest request) {
    request.reset();
    filter.filter(request);
    Response aborted = request.aborted();
    return aborted != null ? aborted : request.getSecurityContext();
  }

  @Benchmark
  public Object authenticatedCacheHit() {
    return run(filter, authenticated);
  }

  @Benchmark
  public Object excludedPath() {
    return run(publicFilter, excluded);
  }

  @Benchmark
  public Object optionsRequest() {
    return run(filter, options);
  }

  @Benchmark
  public Object rejectedToken() {
    return run(filter, rejected);
  }

  @Benchmark
  public Object oneRoleList() {
    return run(oneRoleList, withRoles);
  }

  @Benchmark
  public Object twoRoleLists() {
    return run(twoRoleLists, withRoles);
  }
}
