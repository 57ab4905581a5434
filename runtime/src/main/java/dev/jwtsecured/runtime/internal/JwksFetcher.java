package dev.jwtsecured.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JSON Web Key Set over HTTP for {@link JwksKeySet}: with its connect and response timeouts, at most
 * {@link JwksKeySet.Options#maxBytes} bytes, no redirect, {@code https} unless the host is a loopback address, and its
 * {@code Cache-Control: max-age} bounded by the options; through an OpenID Provider's configuration when the URI names
 * one. {@link JwksKeySet} calls {@link #fetch()} from one thread at a time.
 */
final class JwksFetcher {
  private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})\"?");

  private final URI uri;
  private final JwksKeySet.Options options;
  private final HttpClient client;
  /** The {@code jwks_uri} an OpenID configuration named, once read. */
  private volatile URI discovered;

  /** @throws IllegalArgumentException when {@code uri} is not {@code https} and its host is not a loopback address */
  JwksFetcher(URI uri, JwksKeySet.Options options) {
    this.uri = requireSecure(uri);
    this.options = options;
    this.client = HttpClient.newBuilder()
        .connectTimeout(options.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** {@code uri}, when it is {@code https}, or {@code http} with a literal loopback address or {@code localhost}. */
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

  /** A fetched document and how long it may be trusted. */
  record Fetched(String body, Duration maxAge) {}

  /** The key set document: from the configured URI, or from the {@code jwks_uri} its OpenID configuration names. */
  Fetched fetch() throws IOException, InterruptedException {
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
}
