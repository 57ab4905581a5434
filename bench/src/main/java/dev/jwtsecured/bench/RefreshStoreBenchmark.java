package dev.jwtsecured.bench;

import dev.jwtsecured.runtime.InMemoryRefreshTokenStore;
import dev.jwtsecured.runtime.RefreshTokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
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
 * The default refresh token store, full (100,000 live tokens, its default capacity: reached by that many logins within
 * the refresh lifetime, or by one account logging in that often): what a login ({@code create}), a refresh
 * ({@code rotate}), a logout ({@code revokeFamily}), a replayed spent token and the revocation of every login of a user
 * ({@code revokeSubject}, each of 50,000 users holding two logins) cost there. When full it drops whole logins, and a
 * user holds at most 10,000 tokens: {@code login} logs one user in again and again, so its own logins go once it
 * holds its share. Each runs under the store's one lock, so its time is also how long every other login, refresh and
 * logout of the instance waits.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RefreshStoreBenchmark {
  private static final int CAPACITY = 100_000;
  private static final int USERS = CAPACITY / 2;

  private InMemoryRefreshTokenStore store;
  private Instant expiry;
  private long next;
  /** The newest token of the family that {@link #refresh} rotates. */
  private String current;
  /** A spent token of a family that stays in the store (replaying it revokes its family again). */
  private String spent;

  @Setup
  public void fill() {
    store = InMemoryRefreshTokenStore.withDefaults();
    expiry = Instant.now().plus(Duration.ofDays(30));
    spent = "spent";
    store.create(entry(spent, "replayed"));
    store.rotate(spent, Instant.now(), previous -> entry("spent-next", "replayed"));
    for (int i = 3; i < CAPACITY; i++) { // after the spent token, its successor and the login refresh() refreshes
      store.create(new RefreshTokenStore.Entry("t" + i, "f" + i, "user" + i % USERS, Set.of("user"), Set.of(),
          Map.of(), expiry));
    }
    current = "refreshed";
    store.create(new RefreshTokenStore.Entry(current, "refreshed", "refresher", Set.of("user"), Set.of(), Map.of(),
        expiry));
    if (store.size() != CAPACITY) {
      throw new IllegalStateException("the store is not full: " + store.size());
    }
  }

  private RefreshTokenStore.Entry entry(String hash, String family) {
    return new RefreshTokenStore.Entry(hash, family, "alice", Set.of("user"), Set.of(), Map.of(), expiry);
  }

  @Benchmark
  public void login() {
    long n = next++;
    store.create(entry("login" + n, "login" + n));
  }

  /**
   * One login refreshed again and again; when it holds its user's share of the store (10,000 tokens) its refresh
   * ends it, and the user logs in again, as a client would (once in 10,000 refreshes).
   */
  @Benchmark
  public Object refresh() {
    String successor = "refresh" + next++;
    RefreshTokenStore.Rotation r = store.rotate(current, Instant.now(), previous -> new RefreshTokenStore.Entry(
        successor, previous.family(), previous.subject(), Set.of("user"), Set.of(), Map.of(), expiry));
    if (r instanceof RefreshTokenStore.Invalid) {
      store.create(new RefreshTokenStore.Entry(successor, "relogin" + next, "refresher", Set.of("user"), Set.of(),
          Map.of(), expiry));
    } else if (!(r instanceof RefreshTokenStore.Rotated)) {
      throw new IllegalStateException("the refresh failed: " + r);
    }
    current = successor;
    return r;
  }

  @Benchmark
  public void logout() {
    store.revokeFamily("f" + (3 + next++ % (CAPACITY - 3)));
  }

  @Benchmark
  public void revokeUser() {
    store.revokeSubject("user" + next++ % USERS);
  }

  @Benchmark
  public Object replayedSpentToken() {
    RefreshTokenStore.Rotation r = store.rotate(spent, Instant.now(), previous -> entry("never", previous.family()));
    if (!(r instanceof RefreshTokenStore.Reused)) {
      throw new IllegalStateException("the replay was not seen: " + r);
    }
    return r;
  }
}
