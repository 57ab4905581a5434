package dev.jwtsecured.processor;

import java.util.List;

/** The checked values of {@code @JwtSecured}, durations in seconds, lists in declaration order. */
public record SettingsModel(
    String secret,
    String algorithm,
    String tokenUrl,
    List<String> exclude,
    List<String> excludeMethods,
    String transport,
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
    String cookieSameSite,
    List<String> scopes,
    String schemeName,
    String description,
    String openApiPath,
    String openApiTitle,
    String openApiVersion,
    int cacheSize,
    String unseenMethods,
    int maxTokenRequestBytes,
    String clientAddressHeader) {

  public SettingsModel {
    exclude = List.copyOf(exclude);
    excludeMethods = List.copyOf(excludeMethods);
    audience = List.copyOf(audience);
    scopes = List.copyOf(scopes);
  }
}
