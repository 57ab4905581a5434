package dev.jwtsecured.processor.generation;

import static dev.jwtsecured.processor.generation.OpenApiGenerator.map;
import static dev.jwtsecured.processor.generation.OpenApiGenerator.ref;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.processor.model.SettingsModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated token endpoint in the OpenAPI document: its operation, with every answer it gives (200, 400, 413, 415,
 * 429), and the schemas of its requests (the password grant, and with refresh tokens the refresh token grant), its
 * token response and its RFC 6749 section 5.2 errors.
 */
final class TokenEndpointDocument {
  private TokenEndpointDocument() {}

  /** The {@code post} operation at the token endpoint's path. */
  static Map<String, Object> operation(SettingsModel s) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", "jwtsecured_token");
    op.put("summary", s.refreshes()
        ? "OAuth2 token endpoint (password grant, RFC 6749 section 4.3; refresh token grant, section 6)"
        : "OAuth2 token endpoint (password grant, RFC 6749 section 4.3)");
    op.put("security", List.of());
    Map<String, Object> tokenRequest = ref("schemas", "OAuth2TokenRequest");
    op.put("requestBody", map("required", true, "content", map(
        "application/x-www-form-urlencoded", map("schema", tokenRequest),
        "application/json", map("schema", tokenRequest))));
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("200", map("description", "The access token (RFC 6749 section 5.1).", "headers", noStore(),
        "content", map("application/json", map("schema", ref("schemas", "OAuth2TokenResponse")))));
    responses.put("400", error("The request or the credentials were refused (RFC 6749 section 5.2).", noStore()));
    responses.put("413", error("The body is larger than maxTokenRequestBytes (" + s.maxTokenRequestBytes()
        + " bytes in @JwtSecured).", noStore()));
    responses.put("415", error("The body is neither a form nor JSON (RFC 6749 section 5.2's invalid_request).",
        noStore()));
    Map<String, Object> throttled = noStore();
    throttled.put("Retry-After", map("description", "Seconds to wait before the next attempt.",
        "schema", map("type", "integer", "minimum", 1)));
    responses.put("429", error("Too many failed attempts for this user name or client address: the login throttle"
        + " holds further attempts back, without checking them.", throttled));
    responses.put("500", error("The authenticator or the user store failed (server_error); the answer shows nothing"
        + " of the failure.", noStore()));
    op.put("responses", responses);
    return op;
  }

  private static Map<String, Object> noStore() {
    return map(
        "Cache-Control", map("schema", map("type", "string", "const", "no-store")),
        "Pragma", map("schema", map("type", "string", "const", "no-cache")));
  }

  private static Map<String, Object> error(String description, Map<String, Object> headers) {
    return map("description", description, "headers", headers,
        "content", map("application/json", map("schema", ref("schemas", "OAuth2Error"))));
  }

  /** Adds the token endpoint's schemas to {@code schemas}. */
  static void schemas(SettingsModel s, Map<String, Object> schemas) {
    Map<String, Object> passwordGrant = map("type", "object",
        "required", List.of("grant_type", "username", "password"),
        "properties", map(
            "grant_type", map("type", "string", "enum", List.of("password")),
            "username", map("type", "string"),
            "password", map("type", "string", "format", "password"),
            "scope", map("type", "string", "description", "Space-separated scopes.")));
    boolean cookie = s.transport() == SettingsModel.Transport.COOKIE;
    Map<String, Object> tokenResponse = map(
        "access_token", cookie && s.refreshes()
            ? map("type", "string", "description", "Absent from the answer to a refresh by the "
                + refreshCookieName(s.cookieName()) + " cookie, which a script on the page can make: the token is"
                + " then in its HttpOnly cookie only.")
            : map("type", "string"),
        "token_type", map("type", "string", "enum", List.of("Bearer")),
        "expires_in", map("type", "integer"),
        "scope", map("type", "string"));
    if (s.refreshes()) {
      schemas.put("OAuth2TokenRequest", map("oneOf", List.of(
          ref("schemas", "OAuth2PasswordGrant"), ref("schemas", "OAuth2RefreshTokenGrant"))));
      schemas.put("OAuth2PasswordGrant", passwordGrant);
      schemas.put("OAuth2RefreshTokenGrant", map("type", "object",
          "required", cookie ? List.of("grant_type") : List.of("grant_type", "refresh_token"),
          "properties", map(
              "grant_type", map("type", "string", "enum", List.of("refresh_token")),
              "refresh_token", map("type", "string", "description", cookie
                  ? "The refresh token; when absent, the one in the " + refreshCookieName(s.cookieName()) + " cookie."
                  : "The refresh token of the login; each is accepted once."),
              "scope", map("type", "string",
                  "description", "Space-separated scopes, at most those of the login; all of them when absent."))));
      if (!cookie) {
        tokenResponse.put("refresh_token", map("type", "string",
            "description", "Spent by its first use; the answer to that use carries the next one."));
      }
    } else {
      schemas.put("OAuth2TokenRequest", passwordGrant);
    }
    schemas.put("OAuth2TokenResponse", map("type", "object",
        "required", cookie && s.refreshes() ? List.of("token_type", "expires_in")
            : List.of("access_token", "token_type", "expires_in"),
        "properties", tokenResponse));
    schemas.put("OAuth2Error", map("type", "object", "required", List.of("error"), "properties", map(
        "error", map("type", "string", "enum",
            List.of("invalid_request", "unsupported_grant_type", "invalid_grant", "invalid_scope", "server_error")),
        "error_description", map("type", "string"))));
  }

  /**
   * The refresh cookie's name, as the runtime derives it ({@link JwtSecured#REFRESH_COOKIE_SUFFIX}): the token
   * cookie's with the suffix, a {@code __Host-} prefix turned into {@code __Secure-}.
   */
  static String refreshCookieName(String cookieName) {
    int prefix = JwtSecured.HOST_COOKIE_PREFIX.length();
    String name = cookieName.regionMatches(true, 0, JwtSecured.HOST_COOKIE_PREFIX, 0, prefix)
        ? JwtSecured.SECURE_COOKIE_PREFIX + cookieName.substring(prefix) : cookieName;
    return name + JwtSecured.REFRESH_COOKIE_SUFFIX;
  }
}
