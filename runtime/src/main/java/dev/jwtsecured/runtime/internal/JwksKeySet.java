package dev.jwtsecured.runtime.internal;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The public keys of a JSON Web Key Set served at a URI, by {@code kid}, kept fresh the way identity providers expect
 * ({@link JwksFetcher} reads the set over HTTP):
 *
 * <ul>
 *   <li>the set is fetched on first use, the request waiting for it, and again when its {@code Cache-Control: max-age}
 *       less its {@code Age} has passed (bounded by {@link Options#minMaxAge} and {@link Options#maxMaxAge};
 *       {@link Options#defaultMaxAge} without one), the stale set serving meanwhile: no request waits for that fetch;
 *   <li>a {@code kid} the set does not hold triggers a fetch at most once per {@link Options#unknownKidInterval}, so a
 *       flood of tokens with random {@code kid}s causes at most one fetch per interval;
 *   <li>fetches have a connect timeout and a response timeout that bounds the whole response, body included, read at
 *       most {@link Options#maxBytes}, follow no redirect, and need {@code https} unless the host is a loopback
 *       address;
 *   <li>a failed fetch keeps the last good set and is logged; with no set yet every key is unknown, so requests are
 *       refused until the set can be read, and the service starts regardless;
 *   <li>only public keys meant for signatures are kept ({@link JwksDocument}: a JWK with {@code use} other than
 *       {@code sig}, a private or secret key, or one whose key members are not canonical base64url or whose
 *       certificate holds another key is skipped); a token names its key by {@code kid}, and one without {@code kid}
 *       takes the set's only key when it holds one key; an empty set is a set, of no keys;
 *   <li>a URI of an OpenID Provider's configuration or of an authorization server's metadata (RFC 8414), a well-known
 *       name after or before the issuer's path ({@link JwksFetcher#issuer}): its {@code jwks_uri} is read once (the
 *       document's {@code issuer} must match its location) and used from then on;
 *   <li>{@link #generation()} changes whenever a key leaves the set or changes, so that a cache of verified tokens can
 *       drop what a removed key signed.
 * </ul>
 *
 * <p>Thread-safe; one fetch is under way at a time, on the HTTP client's threads; requests keep using the current set
 * meanwhile, but those that need the fetch (no set yet, an unknown {@code kid} once the interval passed) wait for it,
 * whichever request started it.
 *
 * <p>The current set, the fetch under way and the refresh intervals are one piece of shared state: kept in one class,
 * it can be read as a whole to see that it is thread-safe. {@link JwksDocument} reads the documents.
 */
public final class JwksKeySet implements KeySource {
  private static final System.Logger LOG = System.getLogger(JwksKeySet.class.getName());

  /** How the set is fetched and how long it is trusted. */
  public record Options(Duration defaultMaxAge, Duration minMaxAge, Duration maxMaxAge, Duration unknownKidInterval,
      Duration connectTimeout, Duration responseTimeout, int maxBytes, Clock clock) {
    /** Five minutes without {@code max-age}, between one minute and one day with it; one unknown-kid fetch a minute. */
    public static final Options DEFAULT = new Options(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofDays(1),
        Duration.ofMinutes(1), Duration.ofSeconds(2), Duration.ofSeconds(5), 256 * 1024, Clock.systemUTC());

    public Options {
      Objects.requireNonNull(clock);
      if (minMaxAge.compareTo(maxMaxAge) > 0 || maxBytes < 1024) {
        throw new IllegalArgumentException("jwtsecured: inconsistent JWKS options");
      }
    }

    public Options withClock(Clock clock) {
      return new Options(defaultMaxAge, minMaxAge, maxMaxAge, unknownKidInterval, connectTimeout, responseTimeout,
          maxBytes, clock);
    }

    public Options withUnknownKidInterval(Duration interval) {
      return new Options(defaultMaxAge, minMaxAge, maxMaxAge, interval, connectTimeout, responseTimeout, maxBytes,
          clock);
    }
  }

  /** A key of the set with the algorithm its JWK names, if it names one. */
  public record Key(String kid, PublicKey key, Optional<String> algorithm) {}

  /** What one fetch found: the keys by {@code kid} and until when they are fresh. */
  private record Snapshot(Map<String, List<Key>> keys, Instant freshUntil, long generation) {}

  private final URI uri;
  private final Options options;
  private final JwksFetcher fetcher;
  /** The fetch under way, which completes with the set it brought or kept; {@code null} when there is none. */
  private final AtomicReference<CompletableFuture<Snapshot>> pending = new AtomicReference<>();
  private final AtomicLong fetches = new AtomicLong();
  private volatile Snapshot current;
  /** When the last fetch was attempted (successful or not); {@link Instant#MIN} before the first. */
  private volatile Instant lastAttempt = Instant.MIN;

  /**
   * @throws IllegalArgumentException when a key set may not be fetched from {@code uri} ({@link JwksUris#problem})
   */
  public JwksKeySet(URI uri, Options options) {
    this.fetcher = new JwksFetcher(uri, options);
    this.uri = uri;
    this.options = options;
    this.current = new Snapshot(Map.of(), Instant.MIN, 0);
  }

  /**
   * The keys {@code kid} names: from the current set, or after fetching it when there is none yet, or when the set does
   * not hold {@code kid} and the last fetch is at least {@link Options#unknownKidInterval} old; a caller whose key is
   * not in the set waits for a fetch under way. A stale set goes on serving while it is fetched again: a caller that
   * finds its key there does not wait for that fetch. Without a {@code kid} ({@code null}), the set's only key, if it
   * holds one key (OpenID Connect Core 1.0 section 10.1 asks for a {@code kid} only when a set holds several): no
   * fetch for an unknown key follows.
   */
  @Override
  public List<Key> keys(String kid) {
    if (kid != null && kid.isEmpty()) {
      return List.of(); // an empty kid names no key
    }
    Instant now = options.clock().instant();
    Snapshot snapshot = current;
    if (now.isAfter(snapshot.freshUntil())) {
      snapshot = refresh(now, false, snapshot.keys().isEmpty());
    }
    if (kid == null) {
      List<Key> only = snapshot.keys().size() == 1 ? snapshot.keys().values().iterator().next() : List.of();
      return only.size() == 1 ? only : List.of();
    }
    List<Key> keys = snapshot.keys().get(kid);
    if (keys == null) {
      CompletableFuture<Snapshot> underway = pending.get();
      if (underway != null) {
        keys = await(underway).keys().get(kid); // the fetch under way may bring it
      } else if (!now.isBefore(lastAttempt.plus(options.unknownKidInterval()))) {
        keys = refresh(now, true, true).keys().get(kid);
      }
    }
    return keys == null ? List.of() : keys;
  }

  /**
   * The fetch that {@link #keys} would wait for with {@code kid}, started as {@code keys} would start it, or
   * {@code null} when {@code keys} would answer at once: for a caller whose thread must not wait (an event loop), which
   * lets its request wait for the fetch and then calls {@code keys}.
   */
  @Override
  public CompletableFuture<?> fetchFor(String kid) {
    if (kid != null && kid.isEmpty()) {
      return null;
    }
    Instant now = options.clock().instant();
    Snapshot snapshot = current;
    if (now.isAfter(snapshot.freshUntil())) {
      CompletableFuture<Snapshot> fetch = start(now, false);
      if (snapshot.keys().isEmpty()) {
        return fetch.isDone() ? null : fetch;
      }
    }
    if (kid == null || snapshot.keys().containsKey(kid)) {
      return null;
    }
    CompletableFuture<Snapshot> underway = pending.get();
    if (underway == null && !now.isBefore(lastAttempt.plus(options.unknownKidInterval()))) {
      underway = start(now, true);
    }
    return underway == null || underway.isDone() ? null : underway;
  }

  /** Changes whenever a key leaves the set or changes (not when one is added). */
  @Override
  public long generation() {
    return current.generation();
  }

  /** How many fetches were attempted; for tests and monitoring. */
  public long fetches() {
    return fetches.get();
  }

  /** Whether a fetch is under way; for tests. */
  boolean fetching() {
    return pending.get() != null;
  }

  /**
   * Starts a fetch when one is due and none is under way, and returns the set: when {@code wait}, the one the fetch
   * brought (or kept), the fetch this call started or the one already under way; else the current one at once.
   */
  private Snapshot refresh(Instant now, boolean unknownKid, boolean wait) {
    CompletableFuture<Snapshot> fetch = start(now, unknownKid);
    return wait ? await(fetch) : current;
  }

  /**
   * Starts a fetch when one is due and none is under way: the fetch this call started, the one already under way, or
   * one completed at once with the current set when none is due.
   */
  private CompletableFuture<Snapshot> start(Instant now, boolean unknownKid) {
    CompletableFuture<Snapshot> mine = new CompletableFuture<>();
    CompletableFuture<Snapshot> underway = pending.compareAndExchange(null, mine);
    if (underway != null) {
      return underway;
    }
    try {
      Snapshot snapshot = current;
      boolean intervalPassed = !now.isBefore(lastAttempt.plus(options.unknownKidInterval()));
      // A stale set is fetched again; with no good set yet, or for an unknown kid, at most once per interval.
      boolean due = !unknownKid && now.isAfter(snapshot.freshUntil())
          ? !snapshot.keys().isEmpty() || intervalPassed
          : intervalPassed;
      if (!due) {
        done(mine, snapshot); // refreshed meanwhile, or refused by the interval
        return mine;
      }
      lastAttempt = now;
      fetches.incrementAndGet();
      fetcher.fetch().handle((fetched, failure) -> {
        done(mine, settle(snapshot, now, fetched, failure));
        return null;
      });
    } catch (RuntimeException e) {
      done(mine, current);
      throw e;
    }
    return mine;
  }

  /** Ends the fetch {@code fetch} stood for, so that the next may start, and hands its set to those waiting. */
  private void done(CompletableFuture<Snapshot> fetch, Snapshot result) {
    pending.compareAndSet(fetch, null);
    fetch.complete(result);
  }

  /** The set a fetch brought or kept; a fetch completes within its deadlines. */
  private Snapshot await(CompletableFuture<Snapshot> fetch) {
    try {
      return fetch.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return current;
    } catch (ExecutionException e) {
      return current;
    }
  }

  /** Takes what a fetch brought, or keeps the last good set when it failed (and says so in the log). */
  private Snapshot settle(Snapshot snapshot, Instant now, JwksFetcher.Fetched fetched, Throwable failure) {
    try {
      Throwable problem = failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      if (problem == null) {
        try {
          Map<String, List<Key>> keys = JwksDocument.keys(fetched.body());
          // Only a key that left the set (or changed) invalidates what it verified; a new key invalidates nothing.
          boolean lost = snapshot.keys().entrySet().stream()
              .anyMatch(e -> !e.getValue().equals(keys.get(e.getKey())));
          long generation = lost ? snapshot.generation() + 1 : snapshot.generation();
          if (keys.isEmpty()) { // at most once per unknown-kid interval: an empty set is fetched no more often
            LOG.log(Level.WARNING, "jwtsecured: the JWKS at " + uri
                + " holds no key for verifying signatures; every token is refused until it does");
          }
          current = new Snapshot(keys, now.plus(fetched.maxAge()), generation);
          return current;
        } catch (RuntimeException e) {
          problem = e;
        }
      }
      String why = problem.getMessage() == null ? problem.getClass().getSimpleName() : problem.getMessage();
      LOG.log(Level.WARNING, "jwtsecured: could not read the JWKS at " + uri + " (" + why + "); "
          + (snapshot.keys().isEmpty() ? "tokens are refused until it can be read"
              : "keeping the last good set of " + snapshot.keys().values().stream().mapToInt(List::size).sum()
                  + " keys"));
      if (!snapshot.keys().isEmpty()) {
        // Trust the last good set a little longer rather than fetching on every request.
        current = new Snapshot(snapshot.keys(), now.plus(options.minMaxAge()), snapshot.generation());
      }
      return current;
    } catch (RuntimeException e) {
      return current; // never leave the fetch unfinished: done() must run
    }
  }
}
