package dev.jwtsecured.runtime;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.SameSite;
import dev.jwtsecured.Transport;
import dev.jwtsecured.UnseenMethods;
import dev.jwtsecured.runtime.internal.ClaimPaths;
import dev.jwtsecured.runtime.internal.JwksUris;
import dev.jwtsecured.runtime.internal.KeyFamilies;
import dev.jwtsecured.runtime.internal.KeyPairCodec;
import dev.jwtsecured.runtime.internal.Pem;
import dev.jwtsecured.runtime.internal.PublicKeySource;
import dev.jwtsecured.runtime.internal.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The run-time form of a {@code @JwtSecured} configuration. The generated feature fills a builder with the values the
 * processor checked at compile time; {@link Builder#build()} resolves the secret, so a missing or weak secret stops the
 * application at start-up rather than at its first request.
 *
 * <p>Tests and applications may change any value before building, for example a fixed {@link Clock} or a secret
 * source other than the process environment.
 *
 * <p>It is long because each of its thirty-odd settings has a field, an accessor and a builder method, each documented.
 */
public final class JwtSettings {
  /** The largest {@code maxTokenRequestBytes}. */
  public static final int MAX_TOKEN_REQUEST_BYTES = 1024 * 1024;
  /** A rule the processor applies to annotation values and {@link Builder#build()} to values set in code. */
  private record Form(Pattern pattern, String description) {}

  /** The most a {@code file:} key value may hold: far more than a PEM file of many RSA keys. */
  private static final int MAX_KEY_FILE_BYTES = 1024 * 1024;
  private static final Form TOKEN = new Form(Pattern.compile(JwtSecured.TOKEN_CHARACTERS),
      "an RFC 9110 token: letters, digits and !#$%&'*+.^_`|~-");
  private static final Form TEXT = new Form(Pattern.compile(JwtSecured.TEXT_CHARACTERS),
      "printable ASCII without '\"', '\\', ',' and ';'");
  private static final Form SCOPE = new Form(Pattern.compile(JwtSecured.SCOPE_TOKEN),
      "RFC 6749 scope tokens: printable ASCII without space, '\"' and '\\'");
  private static final Form CLAIM = new Form(Pattern.compile(JwtSecured.CLAIM_PATH),
      "a claim name of letters, digits and _:/-, or such names joined by '.', a name with other characters between"
          + " double quotes");
  private static final Form DOMAIN = new Form(Pattern.compile(JwtSecured.COOKIE_DOMAIN),
      "a host name alone, such as example.com, without a scheme, port, path or trailing dot: browsers drop the cookie");
  private static final Form CLAIM_VALUE = new Form(Pattern.compile(JwtSecured.CLAIM_TEXT),
      "text without white space at either end and without control characters: tokens carry it as written");
  private static final Pattern CLAIM_TAKEN = Pattern.compile(JwtSecured.CLAIM_PATH_TAKEN);
  private static final Pattern NUMERIC_DATE = Pattern.compile(JwtSecured.CLAIM_PATH_NUMERIC_DATE);
  /** A cookie's path: never empty or relative (a browser would keep the cookie under the login's directory). */
  private static final Form PATH = new Form(Pattern.compile(JwtSecured.COOKIE_PATH),
      "a path starting with '/', of ASCII characters but '\"', '\\', ';', ',', spaces and controls (percent-encode"
          + " others)");

  private final JwsAlgorithm algorithm;
  /** Empty for a verifier-only configuration. */
  private final byte[] secret;
  /** Earlier secrets still accepted when verifying, during a rotation. */
  private final List<byte[]> previousSecrets;
  /** {@code null} unless the configuration verifies with keys from a JWKS. */
  private final URI jwksUri;
  /** {@code null} unless the configuration signs with a private key. */
  private final PrivateKey privateKey;
  /** {@code null} unless the configuration verifies with one configured public key. */
  private final PublicKey publicKey;
  /** Published and accepted beside the private key's public key during a rotation; empty otherwise. */
  private final List<PublicKey> rotationPublicKeys;
  private final Set<String> keyAlgorithms;
  private final Duration jwksMinRefresh;
  private final String rolesClaim;
  private final String issuer;
  private final List<String> acceptedIssuers;
  private final List<String> audience;
  private final Duration expiration;
  private final Duration leeway;
  private final String authHeader;
  private final Transport transport;
  private final String realm;
  private final String cookieName;
  private final String cookiePath;
  private final String cookieDomain;
  private final boolean cookieSecure;
  private final SameSite cookieSameSite;
  private final String tokenUrl;
  /** The application path without a trailing {@code /}; empty for none. */
  private final String applicationPath;
  private final List<String> scopes;
  private final Clock clock;
  private final int cacheSize;
  private final int maxTokenLength;
  private final UnseenMethods unseenMethods;
  private final int maxTokenRequestBytes;
  private final String clientAddressHeader;
  private final LoginThrottle loginThrottle;
  private final SecurityEvents securityEvents;
  /** {@code null} when refresh tokens are off. */
  private final Duration refreshExpiration;
  /** {@code null} unless set: the refresh cookie's path then follows the requests (see the accessor). */
  private final String refreshCookiePath;

  private JwtSettings(Builder b) {
    this.algorithm = b.algorithm;
    this.jwksUri = b.jwksUri.isEmpty() ? null : jwksUri(b);
    this.privateKey = b.privateKey.isEmpty() ? null : KeyPairCodec.parsePem(readKey(Secrets.resolveText(
        b.privateKey, "private key", b.environment, b.properties), "PRIVATE KEY", "private key"));
    this.publicKey = b.publicKey.isEmpty() ? null : PublicKeySource.parsePem(readKey(Secrets.resolveText(
        b.publicKey, "public key", b.environment, b.properties), "PUBLIC KEY", "public key"));
    if (!b.rotationPublicKeys.isEmpty() && b.privateKey.isEmpty()) {
      throw new IllegalStateException("jwtsecured: rotation public keys go only with a private key");
    }
    this.rotationPublicKeys = b.rotationPublicKeys.stream()
        .flatMap(spec -> PublicKeySource.parsePems(readKey(Secrets.resolveText(spec, "rotation public keys",
            b.environment, b.properties), "PUBLIC KEY", "rotation public keys")).stream())
        .toList();
    this.secret = b.secret == null ? new byte[0]
        : Secrets.resolve(b.secret, b.algorithm, b.environment, b.properties);
    if (!b.previousSecrets.isEmpty() && b.secret == null) {
      throw new IllegalStateException("jwtsecured: previous secrets go only with a secret");
    }
    this.previousSecrets = b.previousSecrets.stream()
        .filter(spec -> !Secrets.unsetWithEmptyFallback(spec, b.environment, b.properties))
        .map(spec -> Secrets.resolve(spec, b.algorithm, b.environment, b.properties)).toList();
    this.keyAlgorithms = Set.copyOf(new LinkedHashSet<>(b.keyAlgorithms));
    if (b.jwksMinRefresh.isNegative() || b.jwksMinRefresh.isZero()) {
      // Zero would let every token with an unknown kid make the server fetch the key set.
      throw new IllegalArgumentException("jwtsecured: jwksMinRefresh must be more than zero");
    }
    this.jwksMinRefresh = requireAtMost(b.jwksMinRefresh, JwtSecured.MAX_JWKS_MIN_REFRESH, "jwksMinRefresh");
    this.rolesClaim = requireForm(b.rolesClaim, CLAIM, "rolesClaim");
    if (b.secret != null && !rolesClaim.equals("roles")) {
      throw new IllegalStateException("jwtsecured: rolesClaim goes only with a JWKS URI, a public key or a private"
          + " key; the tokens a configuration with a secret issues carry their roles in \"roles\"");
    }
    int names = ClaimPaths.names(rolesClaim).size();
    if (names > JwtSecured.MAX_CLAIM_PATH_NAMES) {
      throw new IllegalStateException("jwtsecured: rolesClaim has " + names + " names: a token nests at most 32 levels"
          + " deep (its claims, the objects on the path, the roles), so a path has at most "
          + JwtSecured.MAX_CLAIM_PATH_NAMES);
    }
    var numeric = NUMERIC_DATE.matcher(rolesClaim);
    if ((!b.jwksUri.isEmpty() || !b.publicKey.isEmpty()) && numeric.matches()) {
      throw new IllegalStateException("jwtsecured: rolesClaim names the \"" + numeric.group(2) + "\" claim, a"
          + " NumericDate (RFC 7519 section 4.1): it never holds roles, and a token with roles there is refused");
    }
    if (publicKey != null && b.keyAlgorithms.stream().allMatch(KeyFamilies::known)) {
      String misfit = KeyFamilies.misfit(publicKey, b.keyAlgorithms);
      if (misfit != null) {
        String source = b.publicKey.startsWith("${") || b.publicKey.startsWith("file:") ? b.publicKey + " " : "";
        throw new IllegalStateException("jwtsecured: the public key " + source + misfit);
      }
    }
    var taken = CLAIM_TAKEN.matcher(rolesClaim);
    if (!b.privateKey.isEmpty() && taken.matches()) {
      throw new IllegalStateException("jwtsecured: rolesClaim names the \"" + taken.group(2)
          + "\" claim, which the tokens a private key signs carry for jwtsecured: roles written there would take its"
          + " place or lose theirs");
    }
    this.issuer = b.issuer.isEmpty() ? null : requireClaimText(b.issuer, "issuer");
    this.acceptedIssuers = List.copyOf(b.acceptedIssuers);
    acceptedIssuers.forEach(value -> requireClaimText(value, "acceptedIssuers"));
    this.audience = List.copyOf(b.audience);
    audience.forEach(value -> requireClaimText(value, "audience"));
    this.expiration = requireLifetime(b.expiration, "expiration");
    if (b.leeway.isNegative()) {
      throw new IllegalArgumentException("leeway must not be negative");
    }
    this.leeway = requireAtMost(b.leeway, JwtSecured.MAX_LEEWAY, "leeway");
    this.authHeader = requireForm(b.authHeader, TOKEN, "authHeader");
    this.transport = b.transport;
    this.realm = requireForm(b.realm, TEXT, "realm");
    this.cookieName = requireForm(b.cookieName, TOKEN, "cookieName");
    this.cookiePath = requireForm(b.cookiePath, PATH, "cookiePath");
    this.cookieDomain = b.cookieDomain.isEmpty() ? null : requireForm(b.cookieDomain, DOMAIN, "cookieDomain");
    this.cookieSecure = b.cookieSecure;
    String cookiePrefixProblem = cookiePrefixProblem(cookieName, cookieSecure, cookiePath, cookieDomain);
    if (cookiePrefixProblem != null) {
      throw new IllegalArgumentException("jwtsecured: " + cookiePrefixProblem);
    }
    if (b.cookieSameSite == SameSite.NONE && !b.cookieSecure) {
      throw new IllegalArgumentException("jwtsecured: cookieSameSite NONE needs cookieSecure: browsers drop"
          + " SameSite=None cookies without Secure");
    }
    this.cookieSameSite = b.cookieSameSite;
    this.tokenUrl = b.tokenUrl.isEmpty() ? null : b.tokenUrl;
    this.scopes = List.copyOf(b.scopes);
    scopes.forEach(JwtSettings::requireScope);
    this.clock = b.clock;
    if (b.cacheSize < 0 || b.cacheSize > JwtSecured.MAX_CACHE_SIZE) {
      throw new IllegalArgumentException(
          "cacheSize must be between 0 (off) and " + JwtSecured.MAX_CACHE_SIZE + ", not " + b.cacheSize);
    }
    this.cacheSize = b.cacheSize;
    if (b.maxTokenLength < JwtSecured.MIN_TOKEN_LENGTH || b.maxTokenLength > JwtSecured.MAX_TOKEN_LENGTH) {
      throw new IllegalArgumentException("jwtsecured: maxTokenLength must be between " + JwtSecured.MIN_TOKEN_LENGTH
          + " and " + JwtSecured.MAX_TOKEN_LENGTH + ", not " + b.maxTokenLength);
    }
    this.maxTokenLength = b.maxTokenLength;
    this.unseenMethods = b.unseenMethods;
    if (b.maxTokenRequestBytes < 256 || b.maxTokenRequestBytes > MAX_TOKEN_REQUEST_BYTES) {
      throw new IllegalArgumentException("maxTokenRequestBytes must be between 256 and " + MAX_TOKEN_REQUEST_BYTES
          + ", not " + b.maxTokenRequestBytes);
    }
    this.maxTokenRequestBytes = b.maxTokenRequestBytes;
    this.clientAddressHeader = b.clientAddressHeader.isEmpty() ? null
        : requireForm(b.clientAddressHeader, TOKEN, "clientAddressHeader");
    this.loginThrottle = b.loginThrottle != null ? b.loginThrottle : InMemoryLoginThrottle.withDefaults(b.clock);
    this.securityEvents = b.securityEvents;
    this.refreshExpiration = b.refreshExpiration == null ? null
        : requireLifetime(b.refreshExpiration, "refreshExpiration");
    if (refreshExpiration != null && tokenUrl == null) {
      throw new IllegalStateException("jwtsecured: refresh tokens need a token endpoint (tokenUrl)");
    }
    String appPath = b.applicationPath.replaceAll("/+$", "");
    this.applicationPath = appPath.isEmpty() ? "" : requireForm(appPath, PATH, "applicationPath");
    if (tokenUrl != null) {
      requireForm(tokenUrl, PATH, "tokenUrl");
    }
    this.refreshCookiePath = b.refreshCookiePath.isEmpty() ? null
        : requireForm(b.refreshCookiePath, PATH, "refreshCookiePath");
  }

  /**
   * The JWKS URI, resolved and checked: the compiler checks a literal one, but one from a placeholder (or one an
   * application sets here) is first seen here. Its errors name the placeholder, never the value, which may be anything
   * the environment holds, a password in it included.
   */
  private static URI jwksUri(Builder b) {
    String text = Secrets.resolveText(b.jwksUri, "JWKS URI", b.environment, b.properties);
    String named = "jwtsecured: the JWKS URI" + (Secrets.isPlaceholder(b.jwksUri) ? " from " + b.jwksUri : "");
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(named + " is not a URI: " + e.getReason() + " at index " + e.getIndex());
    }
    String problem = JwksUris.problem(uri);
    if (problem != null) {
      throw new IllegalArgumentException(named + " " + problem);
    }
    return uri;
  }

  /**
   * A PEM text, or the contents of the file a {@code file:} value names, holding no PEM block of a known other form
   * than {@code label} ({@link Pem#requireForm}); {@code what} names it in errors.
   */
  private static String readKey(String value, String label, String what) {
    String text = value.startsWith("file:") ? readFile(value, what) : value;
    Pem.requireForm(text, label, what);
    return text;
  }

  /**
   * The contents of the file a {@code file:} value names, UTF-8 text of at most {@code MAX_KEY_FILE_BYTES};
   * {@code what} names it in errors. Read up to that bound and no further: a path naming {@code /dev/zero} or a log
   * file by mistake would otherwise fill the heap at start-up.
   */
  private static String readFile(String value, String what) {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(
        java.nio.file.Path.of(value.substring("file:".length())))) {
      byte[] bytes = in.readNBytes(MAX_KEY_FILE_BYTES + 1);
      if (bytes.length > MAX_KEY_FILE_BYTES) {
        throw new IllegalStateException("jwtsecured: the " + what + " file " + value.substring("file:".length())
            + " holds more than " + MAX_KEY_FILE_BYTES / 1024 + " KiB, more than any key file");
      }
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      // Most likely DER, the binary form of a key, where PEM text is expected.
      throw new IllegalStateException("jwtsecured: the " + what + " file " + value.substring("file:".length())
          + " is not PEM text (is it DER? openssl pkey -in <file> -inform DER writes it as PEM)", e);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("jwtsecured: the " + what + " file " + value.substring("file:".length())
          + " cannot be read", e);
    }
  }

  /**
   * Why browsers would drop a token cookie named {@code name} with these attributes (its prefix's rules unmet), or
   * {@code null}: {@link JwtSecured#HOST_COOKIE_PREFIX} needs {@code Secure}, {@code Path=/} and no {@code Domain},
   * {@link JwtSecured#SECURE_COOKIE_PREFIX} needs {@code Secure}.
   */
  static String cookiePrefixProblem(String name, boolean secure, String path, String domain) {
    if (prefixed(name, JwtSecured.HOST_COOKIE_PREFIX) && (!secure || !path.equals("/") || domain != null)) {
      return "cookieName " + name + " needs cookieSecure, cookiePath \"/\" and no cookieDomain: browsers drop a"
          + " __Host- cookie without them";
    }
    return prefixed(name, JwtSecured.SECURE_COOKIE_PREFIX) && !secure
        ? "cookieName " + name + " needs cookieSecure: browsers drop a __Secure- cookie without Secure" : null;
  }

  /** Whether {@code name} starts with {@code prefix}, which browsers compare without regard to case. */
  private static boolean prefixed(String name, String prefix) {
    return name.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  /**
   * {@code value} when it has {@code form}: {@link JwtSecured#TOKEN_CHARACTERS} for header and cookie names,
   * {@link JwtSecured#TEXT_CHARACTERS} for text that goes into a challenge or a cookie attribute (the same rules the
   * processor applies to the annotation, for values set on the builder), an absolute path for the refresh cookie. The
   * message leaves the value out: it may hold line breaks, which do not belong in a log.
   */
  private static String requireForm(String value, Form form, String name) {
    if (!form.pattern().matcher(value).matches()) {
      throw new IllegalArgumentException("jwtsecured: " + name + " must be " + form.description());
    }
    return value;
  }

  /** {@code value} of an issuer or audience when it is of the form {@link JwtSecured#CLAIM_TEXT}. */
  static String requireClaimText(String value, String name) {
    return requireForm(value, CLAIM_VALUE, name);
  }

  /** {@code scope} when it is an RFC 6749 scope token: the {@code scope} claim carries scopes space-separated. */
  static String requireScope(String scope) {
    return requireForm(scope, SCOPE, "scopes");
  }

  /** A token's lifetime: from one second to {@link JwtSecured#MAX_LIFETIME}. */
  static Duration requireLifetime(Duration d, String name) {
    if (d.isNegative() || d.isZero() || d.getSeconds() < 1) {
      throw new IllegalArgumentException(name + " must be at least one second");
    }
    return requireAtMost(d, JwtSecured.MAX_LIFETIME, name);
  }

  private static Duration requireAtMost(Duration d, String max, String name) {
    if (d.compareTo(Duration.parse(max)) > 0) {
      throw new IllegalArgumentException(name + " must be at most " + max);
    }
    return d;
  }

  /** The largest token endpoint request body read; a larger one gets 413. */
  public int maxTokenRequestBytes() {
    return maxTokenRequestBytes;
  }

  /** The request header that holds the client's address for the login throttle, or {@code null} when none does. */
  public String clientAddressHeader() {
    return clientAddressHeader;
  }

  /** The throttle of password guesses at the token endpoint. */
  public LoginThrottle loginThrottle() {
    return loginThrottle;
  }

  /** Where logins, reused refresh tokens and the filters' refusals are reported ({@link SecurityEvent}). */
  public SecurityEvents securityEvents() {
    return securityEvents;
  }

  /** What resource methods the processor did not see require. */
  public UnseenMethods unseenMethods() {
    return unseenMethods;
  }

  /**
   * A builder holding the defaults of {@code @JwtSecured}; a secret or a key must be set before
   * {@link Builder#build()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The HMAC algorithm tokens are signed with and the only one accepted, for a configuration with a secret. */
  public JwsAlgorithm algorithm() {
    return algorithm;
  }

  /**
   * The JSON Web Key Set whose keys verify tokens, for a verifier-only configuration; empty when the configuration
   * has a secret.
   */
  public Optional<URI> jwksUri() {
    return Optional.ofNullable(jwksUri);
  }

  /**
   * The private key the configuration signs its tokens with (and whose public key its feature publishes), for a
   * configuration with {@code privateKey}; empty otherwise.
   */
  public Optional<PrivateKey> privateKey() {
    return Optional.ofNullable(privateKey);
  }

  /** The one public key a verifier-only configuration with {@code publicKey} verifies with; empty otherwise. */
  public Optional<PublicKey> publicKey() {
    return Optional.ofNullable(publicKey);
  }

  /**
   * The public keys a configuration with a {@link #privateKey()} publishes and accepts beside its own during a key
   * rotation, in order; empty when none.
   */
  public List<PublicKey> rotationPublicKeys() {
    return rotationPublicKeys;
  }

  /** The algorithms accepted with keys from {@link #jwksUri()} or the {@link #publicKey()}. */
  public Set<String> keyAlgorithms() {
    return keyAlgorithms;
  }

  /** The least time between two fetches of the key set caused by unknown {@code kid}s. */
  public Duration jwksMinRefresh() {
    return jwksMinRefresh;
  }

  /** The claim roles are read from ({@code .} between nested names). */
  public String rolesClaim() {
    return rolesClaim;
  }

  /** The resolved earlier secrets still accepted when verifying, copies; tokens are signed with {@link #secret()}. */
  public List<byte[]> previousSecrets() {
    return previousSecrets.stream().map(byte[]::clone).toList();
  }

  /** The resolved key bytes, a copy: what the codec signs and verifies with (empty for a verifier-only one). */
  public byte[] secret() {
    return secret.clone();
  }

  /** {@code iss} written at login and required when verifying, or {@code null}. */
  public String issuer() {
    return issuer;
  }

  /**
   * Every issuer a token may name: {@link #issuer()} and the further accepted ones; empty when any issuer (or none) is
   * accepted.
   */
  public Set<String> acceptedIssuers() {
    Set<String> all = new LinkedHashSet<>();
    if (issuer != null) {
      all.add(issuer);
    }
    all.addAll(acceptedIssuers);
    return Set.copyOf(all);
  }

  /** Audiences written at login ({@code aud}); when not empty, a token must name at least one of them. */
  public List<String> audience() {
    return audience;
  }

  /** The lifetime of the tokens a login issues, unless {@link Login#expiration(Duration)} gives another. */
  public Duration expiration() {
    return expiration;
  }

  /** Clock skew allowed on {@code exp}, {@code nbf} and {@code iat}. */
  public Duration leeway() {
    return leeway;
  }

  /** The request and response header that carries {@code Bearer <jwt>}. */
  public String authHeader() {
    return authHeader;
  }

  /** Where tokens are read from and where login writes them. */
  public Transport transport() {
    return transport;
  }

  /** The {@code realm} of {@code WWW-Authenticate} challenges. */
  public String realm() {
    return realm;
  }

  /** The token cookie's name, for {@link Transport#COOKIE}. */
  public String cookieName() {
    return cookieName;
  }

  /** The token cookie's {@code Path}. */
  public String cookiePath() {
    return cookiePath;
  }

  /** The cookie's {@code Domain}, or {@code null} for a host-only cookie. */
  public String cookieDomain() {
    return cookieDomain;
  }

  /** Whether the token and refresh cookies carry {@code Secure}. */
  public boolean cookieSecure() {
    return cookieSecure;
  }

  /** The {@code SameSite} of the token and refresh cookies. */
  public SameSite cookieSameSite() {
    return cookieSameSite;
  }

  /** The path of the generated token endpoint, or {@code null} when there is none. */
  public String tokenUrl() {
    return tokenUrl;
  }

  /**
   * How long a refresh token lives from its issue (each rotation issues a new one), when the token endpoint issues
   * refresh tokens; empty when it does not.
   */
  public Optional<Duration> refreshExpiration() {
    return Optional.ofNullable(refreshExpiration);
  }

  /**
   * The application path the token endpoint is served under ({@code @ApplicationPath}), without a trailing {@code /};
   * empty for none.
   */
  public String applicationPath() {
    return applicationPath;
  }

  /**
   * The {@code Path} of the refresh token cookie (cookie transport) when set. Empty (the default) for the token
   * endpoint's path as requests reach it, so that the browser sends the refresh token there and nowhere else: the path
   * of the request's base URI (the servlet context path and the application path included) followed by
   * {@code tokenUrl}.
   */
  public Optional<String> refreshCookiePath() {
    return Optional.ofNullable(refreshCookiePath);
  }

  /** OAuth2 scopes the token endpoint may grant. */
  public List<String> scopes() {
    return scopes;
  }

  /** The clock that issues and checks time claims. */
  public Clock clock() {
    return clock;
  }

  /** How many verified tokens the codec remembers; 0 turns the cache off. */
  public int cacheSize() {
    return cacheSize;
  }

  /** The longest token accepted, in characters; a longer one is refused before it is decoded, and not issued. */
  public int maxTokenLength() {
    return maxTokenLength;
  }

  /**
   * Collects settings; every value has the default of {@code @JwtSecured} except the secret, which is required unless a
   * JWKS URI is given.
   */
  public static final class Builder {
    private JwsAlgorithm algorithm = JwsAlgorithm.HS256;
    private String secret;
    private String jwksUri = "";
    private String privateKey = "";
    private List<String> previousSecrets = List.of();
    private String publicKey = "";
    private List<String> rotationPublicKeys = List.of();
    private List<String> keyAlgorithms = List.of("RS256");
    private Duration jwksMinRefresh = Duration.ofSeconds(30);
    private String rolesClaim = "roles";
    private Function<String, String> environment = System::getenv;
    private Function<String, String> properties = System::getProperty;
    private String issuer = "";
    private List<String> acceptedIssuers = List.of();
    private List<String> audience = List.of();
    private Duration expiration = Duration.ofHours(24);
    private Duration leeway = Duration.ZERO;
    private String authHeader = "Authorization";
    private Transport transport = Transport.HEADER;
    private String realm = "api";
    private String cookieName = "token";
    private String cookiePath = "/";
    private String cookieDomain = "";
    private boolean cookieSecure;
    private SameSite cookieSameSite = SameSite.LAX;
    private String tokenUrl = "";
    private String applicationPath = "";
    private List<String> scopes = List.of();
    private Clock clock = Clock.systemUTC();
    private int cacheSize = 10_000;
    private int maxTokenLength = 8 * 1024;
    private UnseenMethods unseenMethods = UnseenMethods.REQUIRE_TOKEN;
    private int maxTokenRequestBytes = 64 * 1024;
    private String clientAddressHeader = "";
    private LoginThrottle loginThrottle;
    private SecurityEvents securityEvents = SecurityEvents.logging();
    private Duration refreshExpiration;
    private String refreshCookiePath = "";

    private Builder() {}

    /**
     * The HMAC algorithm a secret signs and verifies with ({@code HS256} by default); the secret needs at least
     * {@link JwsAlgorithm#minimumSecretBytes()} bytes. Not used with keys.
     */
    public Builder algorithm(JwsAlgorithm algorithm) {
      this.algorithm = Objects.requireNonNull(algorithm);
      return this;
    }

    /**
     * The JWKS of an identity provider, a URI or a {@code ${NAME}} placeholder resolved like the secret: the
     * configuration then verifies with its keys and has no secret.
     */
    public Builder jwksUri(String jwksUri) {
      this.jwksUri = Objects.requireNonNull(jwksUri);
      return this;
    }

    /**
     * A PEM PKCS#8 private key (EC P-256 or RSA), a {@code ${NAME}} placeholder resolved like the secret, or
     * {@code file:} and a path: the configuration then signs with it (ES256 or RS256) and has no secret.
     */
    public Builder privateKey(String privateKey) {
      this.privateKey = Objects.requireNonNull(privateKey);
      return this;
    }

    /**
     * A PEM public key ({@code -----BEGIN PUBLIC KEY-----}: RSA, EC or Ed25519), a {@code ${NAME}} placeholder or
     * {@code file:} and a path: the configuration then verifies with it, with or without {@code kid}, and issues none.
     */
    public Builder publicKey(String publicKey) {
      this.publicKey = Objects.requireNonNull(publicKey);
      return this;
    }

    /**
     * Public keys a configuration with a {@link #privateKey(String) private key} publishes in its key set and accepts
     * beside its own, during a rotation: the next key before the switch, the previous one after it until its tokens
     * have expired. Each value is PEM text, a {@code ${NAME}} placeholder or {@code file:} and a path, and holds zero
     * or more {@code -----BEGIN PUBLIC KEY-----} blocks, each EC P-256 or RSA of at least 2048 bits; none by default.
     */
    public Builder rotationPublicKeys(List<String> rotationPublicKeys) {
      this.rotationPublicKeys = List.copyOf(rotationPublicKeys);
      return this;
    }

    /** The algorithms accepted with keys from the JWKS ({@code RS256} by default). */
    public Builder keyAlgorithms(List<String> keyAlgorithms) {
      this.keyAlgorithms = List.copyOf(keyAlgorithms);
      return this;
    }

    /**
     * The least time between two fetches of the JWKS caused by unknown {@code kid}s: more than zero and at most
     * {@link JwtSecured#MAX_JWKS_MIN_REFRESH}, 30 seconds by default (the annotation takes whole seconds, at least
     * one).
     */
    public Builder jwksMinRefresh(Duration jwksMinRefresh) {
      this.jwksMinRefresh = Objects.requireNonNull(jwksMinRefresh);
      return this;
    }

    /**
     * The claim roles are read from, {@code .} between nested names, a name with other characters between double
     * quotes, or a URI naming one claim ({@code roles} by default; another one only with keys: see {@link
     * JwtSecured#rolesClaim()}).
     */
    public Builder rolesClaim(String rolesClaim) {
      this.rolesClaim = Objects.requireNonNull(rolesClaim);
      return this;
    }

    /**
     * Earlier secrets, literal or placeholders like the secret, still accepted when verifying: put the old secret here
     * when you change {@code secret}, and remove it once the tokens it signed have expired. A placeholder with an empty
     * fallback, {@code ${NAME:}}, stands for no secret while its variable is unset.
     */
    public Builder previousSecrets(List<String> previousSecrets) {
      this.previousSecrets = List.copyOf(previousSecrets);
      return this;
    }

    /**
     * A literal secret or a {@code ${NAME}} / {@code ${NAME:fallback}} placeholder, looked up in the
     * {@link #environment} first, then in the {@link #properties}; its UTF-8 bytes are the HMAC key, at least
     * {@link JwsAlgorithm#minimumSecretBytes()} of them.
     */
    public Builder secret(String secret) {
      this.secret = Objects.requireNonNull(secret);
      return this;
    }

    /** Where {@code ${NAME}} placeholders are looked up first; the process environment by default. */
    public Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment);
      return this;
    }

    /** Where {@code ${NAME}} placeholders are looked up second; system properties by default. */
    public Builder properties(Function<String, String> properties) {
      this.properties = Objects.requireNonNull(properties);
      return this;
    }

    /** Written as {@code iss} at login and required when verifying; empty (the default) for none. */
    public Builder issuer(String issuer) {
      this.issuer = Objects.requireNonNull(issuer);
      return this;
    }

    /** Further issuers accepted when verifying, besides {@code issuer}. */
    public Builder acceptedIssuers(List<String> acceptedIssuers) {
      this.acceptedIssuers = List.copyOf(acceptedIssuers);
      return this;
    }

    /**
     * Audiences written at login ({@code aud}); when not empty, a token is accepted only if its {@code aud} names at
     * least one of them. None by default.
     */
    public Builder audience(List<String> audience) {
      this.audience = List.copyOf(audience);
      return this;
    }

    /**
     * The lifetime of the tokens a login issues: at least one second and at most {@link JwtSecured#MAX_LIFETIME}, 24
     * hours by default.
     */
    public Builder expiration(Duration expiration) {
      this.expiration = Objects.requireNonNull(expiration);
      return this;
    }

    /**
     * Clock skew allowed on {@code exp}, {@code nbf} and {@code iat}: not negative and at most {@link
     * JwtSecured#MAX_LEEWAY}, none by default.
     */
    public Builder leeway(Duration leeway) {
      this.leeway = Objects.requireNonNull(leeway);
      return this;
    }

    /**
     * The request and response header that carries {@code Bearer <jwt>} ({@code Authorization} by default): an RFC 9110
     * token ({@link JwtSecured#TOKEN_CHARACTERS}).
     */
    public Builder authHeader(String authHeader) {
      this.authHeader = Objects.requireNonNull(authHeader);
      return this;
    }

    /** Where tokens are read from and where login writes them; {@link Transport#HEADER} by default. */
    public Builder transport(Transport transport) {
      this.transport = Objects.requireNonNull(transport);
      return this;
    }

    /**
     * The {@code realm} of {@code WWW-Authenticate} challenges ({@code api} by default): printable ASCII without
     * {@code "}, {@code \}, {@code ,} and {@code ;} ({@link JwtSecured#TEXT_CHARACTERS}).
     */
    public Builder realm(String realm) {
      this.realm = Objects.requireNonNull(realm);
      return this;
    }

    /**
     * The token cookie's name for {@link Transport#COOKIE} ({@code token} by default): an RFC 9110 token
     * ({@link JwtSecured#TOKEN_CHARACTERS}).
     */
    public Builder cookieName(String cookieName) {
      this.cookieName = Objects.requireNonNull(cookieName);
      return this;
    }

    /**
     * The token cookie's {@code Path} ({@code /} by default): printable ASCII without {@code "}, {@code \}, {@code ,}
     * and {@code ;} ({@link JwtSecured#TEXT_CHARACTERS}).
     */
    public Builder cookiePath(String cookiePath) {
      this.cookiePath = Objects.requireNonNull(cookiePath);
      return this;
    }

    /**
     * The {@code Domain} of the token and refresh cookies; empty (the default) for host-only cookies. Otherwise
     * printable ASCII without {@code "}, {@code \}, {@code ,} and {@code ;} ({@link JwtSecured#TEXT_CHARACTERS}).
     */
    public Builder cookieDomain(String cookieDomain) {
      this.cookieDomain = Objects.requireNonNull(cookieDomain);
      return this;
    }

    /**
     * Whether the token and refresh cookies carry {@code Secure}; off by default. Turn it on for anything served over
     * HTTPS.
     */
    public Builder cookieSecure(boolean cookieSecure) {
      this.cookieSecure = cookieSecure;
      return this;
    }

    /**
     * The {@code SameSite} of the token and refresh cookies ({@link SameSite#LAX} by default); browsers drop
     * {@link SameSite#NONE} cookies without {@link #cookieSecure(boolean) Secure}.
     */
    public Builder cookieSameSite(SameSite cookieSameSite) {
      this.cookieSameSite = Objects.requireNonNull(cookieSameSite);
      return this;
    }

    /**
     * The path of the generated token endpoint, relative to the application path; empty (the default) when there is
     * none. Refresh tokens need it, and the refresh cookie's path follows it unless {@link #refreshCookiePath(String)}
     * says otherwise.
     */
    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = Objects.requireNonNull(tokenUrl);
      return this;
    }

    /**
     * The application path the token endpoint is served under: the {@code @ApplicationPath} (or {@code
     * applicationPath}) the processor found, which the generated settings give; empty or {@code /} (the default) for
     * none. The refresh cookie's path is built from it only where no request tells the path: a logout without a token.
     */
    public Builder applicationPath(String applicationPath) {
      this.applicationPath = Objects.requireNonNull(applicationPath);
      return this;
    }

    /** The OAuth2 scopes the token endpoint may grant, each an RFC 6749 scope token; none by default. */
    public Builder scopes(List<String> scopes) {
      this.scopes = List.copyOf(scopes);
      return this;
    }

    /** The clock that issues and checks time claims; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * How many verified tokens to remember by their exact text, so that a token used again skips parsing and its
     * signature check (its times are checked on every use); 0 turns the cache off.
     */
    public Builder cacheSize(int cacheSize) {
      this.cacheSize = cacheSize;
      return this;
    }

    /**
     * The longest token accepted, in characters (1,024 to 65,536; 8 KiB by default); a longer one gets 401 before it
     * is decoded, and a token this configuration would issue over it is not issued. Raise it for an identity
     * provider whose tokens name many groups, together with the server's request header limit.
     */
    public Builder maxTokenLength(int maxTokenLength) {
      this.maxTokenLength = maxTokenLength;
      return this;
    }

    /** The largest token endpoint request body read (256 bytes to 1 MiB; 64 KiB by default). */
    public Builder maxTokenRequestBytes(int maxTokenRequestBytes) {
      this.maxTokenRequestBytes = maxTokenRequestBytes;
      return this;
    }

    /**
     * The request header that holds the client's address for the login throttle, such as {@code X-Forwarded-For} set
     * by your front proxy (its last entry is taken); empty when none. Name only a header that the proxy or server
     * always sets, replacing what the client sent: otherwise a client chooses its own address.
     */
    public Builder clientAddressHeader(String clientAddressHeader) {
      this.clientAddressHeader = Objects.requireNonNull(clientAddressHeader);
      return this;
    }

    /**
     * The throttle of password guesses at the token endpoint; by default an {@link InMemoryLoginThrottle} with its
     * defaults on this builder's clock. {@link LoginThrottle#none()} turns it off.
     */
    public Builder loginThrottle(LoginThrottle loginThrottle) {
      this.loginThrottle = Objects.requireNonNull(loginThrottle);
      return this;
    }

    /**
     * Where logins, throttled logins, reused refresh tokens and the filters' refusals and denials are reported, for an
     * audit log or alerts; by default {@link SecurityEvents#logging()}, which logs reused refresh tokens.
     * {@link SecurityEvents#none()} reports nothing.
     */
    public Builder securityEvents(SecurityEvents securityEvents) {
      this.securityEvents = Objects.requireNonNull(securityEvents);
      return this;
    }

    /**
     * Turns refresh tokens on at the token endpoint (which {@code tokenUrl} must name): each lives this long
     * from its issue, at most {@link JwtSecured#MAX_LIFETIME}. {@code null} (the default) turns them off.
     */
    public Builder refreshExpiration(Duration refreshExpiration) {
      this.refreshExpiration = refreshExpiration;
      return this;
    }

    /**
     * The refresh cookie's {@code Path}. By default it follows the requests: the path of the token endpoint's request
     * base URI (servlet context path and application path included) followed by {@code tokenUrl}, which is right
     * wherever the server knows the path it is reached at. Set it when a proxy in front adds a prefix the server does
     * not see.
     */
    public Builder refreshCookiePath(String refreshCookiePath) {
      this.refreshCookiePath = Objects.requireNonNull(refreshCookiePath);
      return this;
    }

    /** What resource methods the processor did not see require: a valid token (the default), or a 403. */
    public Builder unseenMethods(UnseenMethods unseenMethods) {
      this.unseenMethods = Objects.requireNonNull(unseenMethods);
      return this;
    }

    /**
     * Resolves the secret and freezes the settings.
     *
     * @throws IllegalStateException when no secret or key is set, more than one is, a placeholder is unset without a
     *     fallback, the secret is shorter than its algorithm needs, a secret comes with a {@code rolesClaim} other
     *     than {@code roles}, a private key with a {@code rolesClaim} its tokens carry for another purpose ({@link
     *     JwtSecured#CLAIM_PATH_TAKEN}), rotation public keys come without a private key, or a key is not PEM of a
     *     type its setting allows; the message names the placeholder, never the secret
     * @throws IllegalArgumentException when a value breaks the rule the processor applies to the annotation member of
     *     the same name: a header or cookie name that is not an RFC 9110 token, a realm with {@code "}, {@code \},
     *     {@code ,}, {@code ;} or a control character, a cookie path or domain not of the form of
     *     {@link JwtSecured#COOKIE_PATH} or {@link JwtSecured#COOKIE_DOMAIN}, an issuer or audience not of the form of
     *     {@link JwtSecured#CLAIM_TEXT}, a roles claim that is not a claim path, a scope that is not a scope token,
     *     {@code SameSite.NONE} without {@code cookieSecure}, a number or duration out of range
     */
    public JwtSettings build() {
      int sources = (secret != null ? 1 : 0) + (jwksUri.isEmpty() ? 0 : 1) + (privateKey.isEmpty() ? 0 : 1)
          + (publicKey.isEmpty() ? 0 : 1);
      if (sources > 1) {
        throw new IllegalStateException("jwtsecured: a configuration has one of a secret, a JWKS URI, a private key"
            + " and a public key, not several");
      }
      if (sources == 0) {
        throw new IllegalStateException("jwtsecured: no secret configured");
      }
      return new JwtSettings(this);
    }
  }
}
