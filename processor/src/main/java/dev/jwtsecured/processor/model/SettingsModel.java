package dev.jwtsecured.processor.model;

import java.util.List;

/** The checked values of {@code @JwtSecured}, durations in seconds, lists in declaration order. */
public record SettingsModel(
    String secret,
    List<String> previousSecrets,
    String jwksUri,
    String privateKey,
    List<String> rotationPublicKeys,
    String publicKey,
    List<String> keyAlgorithms,
    long jwksMinRefreshSeconds,
    String rolesClaim,
    Algorithm algorithm,
    String tokenUrl,
    List<String> exclude,
    List<String> excludeMethods,
    Transport transport,
    String authHeader,
    long expirationSeconds,
    String issuer,
    List<String> acceptedIssuers,
    List<String> audience,
    long leewaySeconds,
    String realm,
    String cookieName,
    String cookiePath,
    String cookieDomain,
    boolean cookieSecure,
    SameSite cookieSameSite,
    List<String> scopes,
    String schemeName,
    String description,
    String openApiPath,
    String openApiTitle,
    String openApiVersion,
    int cacheSize,
    int maxTokenLength,
    UnseenMethods unseenMethods,
    int maxTokenRequestBytes,
    String clientAddressHeader,
    long refreshExpirationSeconds,
    RefreshStorage refreshStorage) {

  /** What signs or verifies the configuration's tokens: the validator allows exactly one. */
  public KeySource keySource() {
    if (!publicKey.isEmpty()) {
      return KeySource.PUBLIC_KEY;
    }
    if (!jwksUri.isEmpty()) {
      return KeySource.JWKS;
    }
    return privateKey.isEmpty() ? KeySource.SECRET : KeySource.PRIVATE_KEY;
  }

  /** The four sources of keys, each named as documentation speaks of it. */
  public enum KeySource {
    SECRET("the secret"),
    PRIVATE_KEY("the private key"),
    PUBLIC_KEY("the public key"),
    JWKS("the JWKS URI");

    /** How generated documentation names it. */
    public final String description;

    KeySource(String description) {
      this.description = description;
    }
  }

  /** Where a configuration that signs with a private key serves its public key set, under the application path. */
  public static final String JWKS_PATH = "/.well-known/jwks.json";

  /**
   * The request methods the generated filter lets pass whatever the rule says: {@code excludeMethods} but {@code HEAD}.
   * JAX-RS answers a HEAD request by running the GET method, which keeps its rule; a {@code @HEAD} method in
   * {@code excludeMethods} is public by its own policy. What remains is for the JAX-RS runtime's own handlers
   * (OPTIONS).
   */
  public List<String> skippedRequestMethods() {
    return excludeMethods.stream().filter(m -> !m.equals("HEAD")).toList();
  }

  /** Whether the configuration signs with a private key and publishes its public key at {@link #JWKS_PATH}. */
  public boolean signsWithKey() {
    return !privateKey.isEmpty();
  }

  /** Whether the token endpoint issues refresh tokens ({@code refreshExpiration} is set). */
  public boolean refreshes() {
    return refreshExpirationSeconds > 0;
  }

  /** Whether the configuration verifies with keys from a JWKS or one public key, and issues no tokens. */
  public boolean verifierOnly() {
    return !jwksUri.isEmpty() || !publicKey.isEmpty();
  }

  /** The HMAC algorithms {@code algorithm} may name, with the secret length each needs (RFC 7518 section 3.2). */
  public enum Algorithm {
    HS256(32),
    HS384(48),
    HS512(64);

    /** Bytes a literal secret needs at least. */
    public final int minimumSecretBytes;

    Algorithm(int minimumSecretBytes) {
      this.minimumSecretBytes = minimumSecretBytes;
    }
  }

  // The annotation module's enums, by constant name. The processor jar stands alone on a processor path, so it never
  // loads the annotation module's classes (its constants are inlined at compile time, its enums would not be).

  /** {@code dev.jwtsecured.Transport}. */
  public enum Transport {
    HEADER,
    COOKIE
  }

  /** {@code dev.jwtsecured.SameSite}. */
  public enum SameSite {
    STRICT,
    LAX,
    NONE
  }

  /** {@code dev.jwtsecured.RefreshStorage}. */
  public enum RefreshStorage {
    IN_MEMORY,
    PROVIDED
  }

  /** {@code dev.jwtsecured.UnseenMethods}. */
  public enum UnseenMethods {
    REQUIRE_TOKEN,
    DENY
  }

  public SettingsModel {
    previousSecrets = List.copyOf(previousSecrets);
    rotationPublicKeys = List.copyOf(rotationPublicKeys);
    keyAlgorithms = List.copyOf(keyAlgorithms);
    exclude = List.copyOf(exclude);
    excludeMethods = List.copyOf(excludeMethods);
    acceptedIssuers = List.copyOf(acceptedIssuers);
    audience = List.copyOf(audience);
    scopes = List.copyOf(scopes);
  }
}
