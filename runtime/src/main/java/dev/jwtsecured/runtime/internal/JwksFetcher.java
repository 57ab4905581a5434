package dev.jwtsecured.runtime.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JSON Web Key Set over HTTP for {@link JwksKeySet}: with its connect timeout, the whole response (headers
 * and body) within its response timeout, at most {@link JwksKeySet.Options#maxBytes} bytes, no redirect, {@code https}
 * unless the host is a loopback address, and its {@code Cache-Control: max-age} (less its {@code Age}) bounded by the
 * options; through an OpenID Provider's configuration or an authorization server's metadata when the URI names one
 * (read again when a fetch of the key set it named fails);
 * through the proxy the JVM's {@code https.proxyHost} names, with the credentials its default {@link Authenticator}
 * gives the proxy. {@link JwksKeySet} has one fetch under way at a time.
 *
 * <p>It is a little over 300 lines because one fetch is one exchange, read as a whole: where the document is (the
 * metadata's {@code jwks_uri}), its deadline and size bound, and how long what it brought stays fresh.
 */
final class JwksFetcher {
  private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})\"?");
  /**
   * {@code no-cache} without field names, or {@code no-store}: a response not to be reused without asking again (RFC
   * 9111 sections 5.2.2.4 and 5.2.2.5).
   */
  private static final Pattern REVALIDATE = Pattern.compile("(?:^|[,\\s])no-(?:cache|store)\\s*(?:$|,)");
  /** An {@code Age} header's value, delta-seconds (RFC 9111 section 5.1), of at most ten digits. */
  private static final Pattern AGE = Pattern.compile("\\s*\\d{1,10}\\s*");

  private final URI uri;
  private final JwksKeySet.Options options;
  private final HttpClient client;
  /** The {@code jwks_uri} an OpenID configuration named, once read. */
  private volatile URI discovered;

  /** @throws IllegalArgumentException when {@code uri} is not {@code https} and its host is not a loopback address */
  JwksFetcher(URI uri, JwksKeySet.Options options) {
    this.uri = requireSecure(uri);
    this.options = options;
    this.client = FetchThreads.client(HttpClient.newBuilder()
        .sslContext(FetchTls.context())
        .connectTimeout(options.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .authenticator(new ProxyCredentials()));
  }

  /**
   * Answers a proxy's 407 with what the application's default {@link Authenticator} gives for it, as
   * {@code HttpURLConnection} does (the JDK's {@link HttpClient} asks only its own); never the key set's host.
   */
  private static final class ProxyCredentials extends Authenticator {
    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
      if (getRequestorType() != RequestorType.PROXY) {
        return null;
      }
      return Authenticator.requestPasswordAuthentication(getRequestingHost(), getRequestingSite(),
          getRequestingPort(), getRequestingProtocol(), getRequestingPrompt(), getRequestingScheme(),
          getRequestingURL(), RequestorType.PROXY);
    }
  }

  /** {@code uri}, when a key set may be fetched from it ({@link JwksUris#problem}). */
  static URI requireSecure(URI uri) {
    String problem = JwksUris.problem(uri);
    if (problem == null) {
      return uri;
    }
    throw new IllegalArgumentException("jwtsecured: a JWKS URI " + problem
        + (uri.getRawUserInfo() == null ? ": " + uri : ""));
  }

  /** A fetched document and how long it may be trusted. */
  record Fetched(String body, Duration maxAge) {}

  /**
   * The key set document: from the configured URI, or from the {@code jwks_uri} its OpenID configuration names. The
   * stage completes, with the document or with the failure (an {@link IOException} for anything the provider did),
   * within the response timeout per request; it never throws.
   */
  CompletableFuture<Fetched> fetch() {
    try {
      if (!isDiscovery(uri)) {
        return get(uri);
      }
      URI known = discovered;
      if (known == null) {
        return discoverAndGet(null, null);
      }
      // A provider that moves its key set names the new location in its metadata: a failed fetch reads it again.
      return get(known).exceptionallyCompose(failure -> discoverAndGet(known, failure));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Reads the metadata, then the key set it names; when that is {@code failed}, the location that just failed with
   * {@code failure}, the stage fails with it rather than asking again.
   */
  private CompletableFuture<Fetched> discoverAndGet(URI failed, Throwable failure) {
    return get(uri).thenCompose(configuration -> {
      URI jwks;
      try {
        jwks = discover(configuration.body());
      } catch (IOException e) {
        return CompletableFuture.failedFuture(e);
      }
      discovered = jwks;
      return jwks.equals(failed) ? CompletableFuture.failedFuture(failure) : get(jwks);
    });
  }

  /** The well-known names of a provider's metadata: OpenID Connect Discovery 1.0's and RFC 8414's. */
  private static final List<String> METADATA =
      List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server");

  /** Whether {@code uri} is a provider's metadata document (an OpenID configuration) rather than a JWKS. */
  static boolean isDiscovery(URI uri) {
    return issuer(uri) != null;
  }

  /**
   * The issuer whose metadata stands at {@code uri}, or {@code null} when {@code uri} names no metadata: the URI
   * before a well-known name that ends its path (OpenID Connect Discovery 1.0 section 4.1; also where Okta's
   * authorization servers publish RFC 8414 metadata), or its origin followed by the path after a well-known name that
   * begins it (RFC 8414 section 3.1, for OpenID configurations too, section 5).
   */
  static String issuer(URI uri) {
    String path = uri.getRawPath();
    if (path == null || uri.getRawAuthority() == null) {
      return null;
    }
    String origin = uri.getScheme() + "://" + uri.getRawAuthority();
    for (String name : METADATA) {
      if (path.endsWith(name)) {
        return origin + path.substring(0, path.length() - name.length());
      }
      if (path.startsWith(name + "/")) {
        return origin + path.substring(name.length());
      }
    }
    return null;
  }

  /**
   * Reads {@code jwks_uri} from the provider's metadata (OpenID Connect Discovery 1.0 section 4, RFC 8414 section 3),
   * which must name the issuer its location names (sections 4.3 and 3.3), with or without a terminating slash (OpenID
   * Connect Discovery 1.0 section 4.1), and be https (http only on loopback) like the configured URI.
   */
  private URI discover(String configuration) throws IOException {
    Map<String, Object> document;
    try {
      document = Json.parseObject(configuration);
    } catch (RuntimeException e) {
      throw new IOException("the OpenID configuration is not a JSON object");
    }
    Object issuer = document.get("issuer");
    String expected = issuer(uri);
    // An issuer's terminating slash is removed before the suffix is appended (section 4.1): Auth0's issuers end in one.
    if (!(issuer instanceof String i) || !(i.equals(expected) || i.equals(expected + "/"))) {
      // Entra ID's multi-tenant documents name a template ({tenantid}): the key set alone is what such a user wants.
      String keySet;
      try {
        keySet = "; its key set, without this check, is jwksUri = \"" + keySet(document) + "\"";
      } catch (IOException e) {
        keySet = "";
      }
      throw new IOException("the OpenID configuration names " + (issuer instanceof String i
          ? "issuer " + shown(i) : "no issuer string")
          + ", not " + expected + keySet);
    }
    return keySet(document);
  }

  /** The document's {@code jwks_uri}, which must be https (http only on loopback). */
  private static URI keySet(Map<String, Object> document) throws IOException {
    Object jwksUri = document.get("jwks_uri");
    if (!(jwksUri instanceof String j)) {
      throw new IOException("the OpenID configuration has no jwks_uri");
    }
    try {
      return requireSecure(URI.create(j));
    } catch (IllegalArgumentException e) {
      throw new IOException("the OpenID configuration's jwks_uri is not https: " + shown(j));
    }
  }

  /** {@code text} from a provider's document as a log line may hold it: quoted as JSON when it has a line end. */
  private static String shown(String text) {
    return text.chars().anyMatch(Character::isISOControl) ? Json.write(text) : text;
  }

  /**
   * One GET, whole (headers and body) within the response timeout: {@link HttpRequest#timeout} alone ends when the
   * headers arrive, and a body that stalls or drips after them would keep the fetch, and every later one, waiting for
   * good. At the deadline the exchange is cancelled, which closes its connection.
   */
  private CompletableFuture<Fetched> get(URI target) {
    HttpRequest request = HttpRequest.newBuilder(target).timeout(options.responseTimeout())
        .header("Accept", "application/jwk-set+json, application/json").GET().build();
    CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, this::bodyOf200);
    CompletableFuture<Fetched> fetched = new CompletableFuture<>();
    exchange.whenComplete((response, failure) -> {
      if (failure != null) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause() : failure;
        fetched.completeExceptionally(cause instanceof IOException ? cause : new IOException(cause));
      } else if (response.statusCode() != 200) {
        fetched.completeExceptionally(new IOException("status " + response.statusCode()));
      } else {
        // Strictly: a lenient decoder reads bytes that are not UTF-8 as U+FFFD, a kid no strict reader finds.
        String body;
        try {
          body = Json.utf8(response.body());
        } catch (Json.JsonException e) {
          fetched.completeExceptionally(new IOException("the response is not UTF-8"));
          return;
        }
        // Header lines of one name make one list (RFC 9110 section 5.3): "public" and "max-age=600" on two.
        fetched.complete(new Fetched(body, maxAge(String.join(",", response.headers().allValues("Cache-Control")),
            response.headers().firstValue("Age").orElse(""))));
      }
    });
    long deadline = options.responseTimeout().toMillis();
    ScheduledFuture<?> timer = FetchThreads.after(deadline, () -> {
      if (fetched.completeExceptionally(
          new HttpTimeoutException("no whole response within " + deadline + " ms"))) {
        exchange.cancel(true);
      }
    });
    // The deadline is gone before anyone waiting sees the fetch done: a dependent of `fetched` might run before the
    // cancelling one (FetchThreadsTest once counted the deadline still waiting).
    CompletableFuture<Fetched> done = new CompletableFuture<>();
    fetched.whenComplete((result, failure) -> {
      timer.cancel(false);
      if (failure != null) {
        done.completeExceptionally(failure);
      } else {
        done.complete(result);
      }
    });
    return done;
  }

  /** The body of a 200 response, read up to {@link JwksKeySet.Options#maxBytes}; any other response's is dropped. */
  private BodySubscriber<byte[]> bodyOf200(HttpResponse.ResponseInfo info) {
    if (info.statusCode() != 200) {
      return BodySubscribers.replacing(new byte[0]);
    }
    return new BoundedBody(options.maxBytes(), info.headers().firstValueAsLong("Content-Length").orElse(-1));
  }

  /** Collects a body of at most {@code max} bytes, cancelling the exchange as soon as it is known to be larger. */
  private static final class BoundedBody implements BodySubscriber<byte[]> {
    private final int max;
    private final long declared;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    BoundedBody(int max, long declared) {
      this.max = max;
      this.declared = declared;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (declared > max) {
        tooLarge();
        return;
      }
      subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > max) {
          tooLarge();
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
      subscription.request(1);
    }

    private void tooLarge() {
      subscription.cancel();
      body.completeExceptionally(new IOException("larger than " + max + " bytes"));
    }

    @Override
    public void onError(Throwable failure) {
      body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      body.complete(bytes.toByteArray());
    }
  }

  /**
   * How long a response is fresh: no longer than {@link JwksKeySet.Options#minMaxAge} with {@code no-cache} or
   * {@code no-store}, else its {@code max-age} less its {@code Age}, the time a cache in between has held it
   * (RFC 9111 section 4.2.3), within {@link JwksKeySet.Options#minMaxAge} and {@link JwksKeySet.Options#maxMaxAge};
   * {@link JwksKeySet.Options#defaultMaxAge} without a {@code max-age}. An {@code Age} that is no number counts for
   * nothing.
   */
  private Duration maxAge(String cacheControl, String ageHeader) {
    String directives = cacheControl.toLowerCase(java.util.Locale.ROOT);
    if (REVALIDATE.matcher(directives).find()) {
      return options.minMaxAge(); // to be checked again before each use: as often as the minimum allows
    }
    Matcher m = MAX_AGE.matcher(directives);
    if (!m.find()) {
      return options.defaultMaxAge();
    }
    long held = AGE.matcher(ageHeader).matches() ? Long.parseLong(ageHeader.trim()) : 0;
    Duration age = Duration.ofSeconds(Math.max(0, Long.parseLong(m.group(1)) - held));
    if (age.compareTo(options.minMaxAge()) < 0) {
      return options.minMaxAge();
    }
    return age.compareTo(options.maxMaxAge()) > 0 ? options.maxMaxAge() : age;
  }
}
