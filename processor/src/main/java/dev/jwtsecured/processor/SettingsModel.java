package dev.jwtsecured.processor;

import dev.jwtsecured.SameSite;
import dev.jwtsecured.Transport;
import dev.jwtsecured.UnseenMethods;
import java.util.List;

/** The checked values of {@code @JwtSecured}, durations in seconds, lists in declaration order. */
public record SettingsModel(
    String secret,
    Algorithm algorithm,
    String tokenUrl,
    List<String> exclude,
    List<String> excludeMethods,
    Transport transport,
    String authHeader,
    long expirationSeconds,
    String issuer,
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
    UnseenMethods unseenMethods,
    int maxTokenRequestBytes,
    String clientAddressHeader) {

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

  public SettingsModel {
    exclude = List.copyOf(exclude);
    excludeMethods = List.copyOf(excludeMethods);
    audience = List.copyOf(audience);
    scopes = List.copyOf(scopes);
  }
}
