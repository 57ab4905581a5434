package dev.jwtsecured.runtime.internal;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public keys of a JSON Web Key Set served at a URI, by {@code kid}, kept fresh the way identity providers expect:
 *
 * <ul>
 *   <li>the set is fetched on first use and again when its {@code Cache-Control: max-age} has passed (bounded by
 *       {@link Options#minMaxAge} and {@link Options#maxMaxAge}; {@link Options#defaultMaxAge} without one);
 *   <li>a {@code kid} the set does not hold triggers a fetch at most once per {@link Options#unknownKidInterval}, so a
 *       flood of tokens with random {@code kid}s causes at most one fetch per interval;
 *   <li>fetches have a connect and a response timeout, read at most {@link Options#maxBytes}, follow no redirect, and
 *       need {@code https} unless the host is a loopback address;
 *   <li>a failed fetch keeps the last good set and is logged; with no set yet every key is unknown, so requests are
 *       refused until the set can be read, and the service starts regardless;
 *   <li>only public keys meant for signatures are kept (a JWK with {@code use} other than {@code sig}, a private or
 *       secret key, or one without {@code kid} is skipped);
 *   <li>a URI ending in {@code /.well-known/openid-configuration} is an OpenID Provider's configuration: its
 *       {@code jwks_uri} is read once (the document's {@code issuer} must match its location) and used from then on;
 *   <li>{@link #generation()} changes whenever a key leaves the set or changes, so that a cache of verified tokens can
 *       drop what a removed key signed.
 * </ul>
 *
 * <p>Thread-safe; one thread fetches at a time, the others keep using the current set meanwhile.
 */
public final class JwksKeySet implements KeySource {
  private static final System.Logger LOG = System.getLogger(JwksKeySet.class.getName());
  private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})\"?");

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
  private record Snapshot(Map<String, Key> keys, Instant freshUntil, long generation) {}

  private final URI uri;
  private final Options options;
  private final HttpClient client;
  private final ReentrantLock fetching = new ReentrantLock();
  private final AtomicLong fetches = new AtomicLong();
  private volatile Snapshot current;
  /** When the last fetch was attempted (successful or not); {@link Instant#MIN} before the first. */
  private volatile Instant lastAttempt = Instant.MIN;
  /** The {@code jwks_uri} an OpenID configuration named, once read. */
  private volatile URI discovered;

  /**
   * @throws IllegalArgumentException when {@code uri} is not {@code https} and its host is not a loopback address
   */
  public JwksKeySet(URI uri, Options options) {
    this.uri = requireSecure(uri);
    this.options = options;
    this.client = HttpClient.newBuilder()
        .connectTimeout(options.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.current = new Snapshot(Map.of(), Instant.MIN, 0);
  }

  static URI requireSecure(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (scheme.equals("https")) {
      return uri;
    }
    if (scheme.equals("http") && isLoopback(uri.getHost())) {
      return uri;
    }
    throw new IllegalArgumentException("jwtsecured: a JWKS URI must be https (http only on a loopback address): "
        + uri);
  }

  private static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses: a name is not looked up, so DNS cannot turn an outside host into a loopback one.
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * The key {@code kid} names: from the current set, refreshed first when it is stale, or fetched again when the set
   * does not hold {@code kid} and the last fetch is at least {@link Options#unknownKidInterval} old.
   */
  @Override
  public Optional<Key> key(String kid) {
    if (kid.isEmpty()) {
      return Optional.empty(); // tokens verified with a key set name their key
    }
    Instant now = options.clock().instant();
    Snapshot snapshot = current;
    if (now.isAfter(snapshot.freshUntil())) {
      snapshot = refresh(now, false);
    }
    Key key = snapshot.keys().get(kid);
    if (key == null && !now.isBefore(lastAttempt.plus(options.unknownKidInterval()))) {
      key = refresh(now, true).keys().get(kid);
    }
    return Optional.ofNullable(key);
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

  private Snapshot refresh(Instant now, boolean unknownKid) {
    if (!fetching.tryLock()) {
      return current; // another thread is fetching; use what there is
    }
    try {
      Snapshot snapshot = current;
      boolean intervalPassed = !now.isBefore(lastAttempt.plus(options.unknownKidInterval()));
      // A stale set is fetched again; with no good set yet, or for an unknown kid, at most once per interval.
      boolean due = !unknownKid && now.isAfter(snapshot.freshUntil())
          ? !snapshot.keys().isEmpty() || intervalPassed
          : intervalPassed;
      if (!due) {
        return snapshot; // refreshed meanwhile, or refused by the interval
      }
      lastAttempt = now;
      fetches.incrementAndGet();
      try {
        Fetched fetched = fetch();
        Map<String, Key> keys = parse(fetched.body());
        // Only a key that left the set (or changed) invalidates what it verified; a new key invalidates nothing.
        boolean lost = snapshot.keys().entrySet().stream().anyMatch(e -> !e.getValue().equals(keys.get(e.getKey())));
        long generation = lost ? snapshot.generation() + 1 : snapshot.generation();
        current = new Snapshot(keys, now.plus(fetched.maxAge()), generation);
      } catch (IOException | RuntimeException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        LOG.log(Level.WARNING, "jwtsecured: could not read the JWKS at " + uri + " (" + why + "); "
            + (snapshot.keys().isEmpty() ? "tokens are refused until it can be read"
                : "keeping the last good set of " + snapshot.keys().size() + " keys"));
        if (!snapshot.keys().isEmpty()) {
          // Trust the last good set a little longer rather than fetching on every request.
          current = new Snapshot(snapshot.keys(), now.plus(options.minMaxAge()), snapshot.generation());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return current;
    } finally {
      fetching.unlock();
    }
  }

  private record Fetched(String body, Duration maxAge) {}

  private Fetched fetch() throws IOException, InterruptedException {
    URI jwks = uri;
    if (isDiscovery(uri)) {
      jwks = discovered;
      if (jwks == null) {
        jwks = discover();
        discovered = jwks;
      }
    }
    return get(jwks);
  }

  /** Whether {@code uri} is an OpenID Provider's configuration document rather than a JWKS. */
  static boolean isDiscovery(URI uri) {
    return uri.getPath() != null && uri.getPath().endsWith("/.well-known/openid-configuration");
  }

  /**
   * Reads {@code jwks_uri} from the OpenID Provider configuration (OpenID Connect Discovery 1.0 section 4), which must
   * name the same issuer as the document's location (section 4.3) and be https (http only on loopback) like the
   * configured URI.
   */
  private URI discover() throws IOException, InterruptedException {
    Map<String, Object> document;
    try {
      document = Json.parseObject(get(uri).body());
    } catch (RuntimeException e) {
      throw new IOException("the OpenID configuration is not a JSON object");
    }
    Object issuer = document.get("issuer");
    String expected = uri.toString().substring(0, uri.toString().length()
        - "/.well-known/openid-configuration".length());
    if (!(issuer instanceof String i) || !i.equals(expected)) {
      throw new IOException("the OpenID configuration names issuer " + issuer + ", not " + expected);
    }
    Object jwksUri = document.get("jwks_uri");
    if (!(jwksUri instanceof String j)) {
      throw new IOException("the OpenID configuration has no jwks_uri");
    }
    try {
      return requireSecure(URI.create(j));
    } catch (IllegalArgumentException e) {
      throw new IOException("the OpenID configuration's jwks_uri is not https: " + j);
    }
  }

  private Fetched get(URI target) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(target).timeout(options.responseTimeout())
        .header("Accept", "application/jwk-set+json, application/json").GET().build();
    HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("status " + response.statusCode());
      }
      long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > options.maxBytes()) {
        throw new IOException("larger than " + options.maxBytes() + " bytes");
      }
      byte[] body = in.readNBytes(options.maxBytes() + 1);
      if (body.length > options.maxBytes()) {
        throw new IOException("larger than " + options.maxBytes() + " bytes");
      }
      return new Fetched(new String(body, StandardCharsets.UTF_8),
          maxAge(response.headers().firstValue("Cache-Control").orElse("")));
    }
  }

  private Duration maxAge(String cacheControl) {
    Matcher m = MAX_AGE.matcher(cacheControl.toLowerCase(java.util.Locale.ROOT));
    if (!m.find()) {
      return options.defaultMaxAge();
    }
    Duration age = Duration.ofSeconds(Long.parseLong(m.group(1)));
    if (age.compareTo(options.minMaxAge()) < 0) {
      return options.minMaxAge();
    }
    return age.compareTo(options.maxMaxAge()) > 0 ? options.maxMaxAge() : age;
  }

  /** The public signature keys of a JWKS document, by {@code kid}; a document that is not a JWKS is an exception. */
  static Map<String, Key> parse(String json) {
    JwkSet set = Jwks.setParser().json(StrictJson.deserializer()).ignoreUnsupported(true).build().parse(json);
    Map<String, Key> keys = new LinkedHashMap<>();
    for (Jwk<?> jwk : set) {
      String kid = jwk.getId();
      Object use = jwk.get("use");
      if (kid == null || kid.isEmpty() || !(jwk instanceof PublicJwk<?> publicJwk)
          || (use != null && !"sig".equals(use))) {
        continue;
      }
      keys.putIfAbsent(kid, new Key(kid, publicJwk.toKey(), Optional.ofNullable(jwk.getAlgorithm())));
    }
    return Map.copyOf(keys);
  }
}
