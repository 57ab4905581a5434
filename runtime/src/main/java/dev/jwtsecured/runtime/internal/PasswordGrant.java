package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.JwtAuth;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An OAuth2 resource owner password credentials request (RFC 6749 section 4.3) as the generated token endpoint reads
 * it, from a form or a JSON object, and the responses of sections 5.1 and 5.2.
 *
 * <p>Rules: {@code grant_type}, {@code username} and {@code password} are required, each exactly once;
 * {@code grant_type} must be {@code password}; every requested scope must be one the configuration declares. A
 * violation is a {@link TokenError}. Credentials are never part of an error. {@code scopes} are the requested scopes,
 * all declared by the configuration.
 */
public record PasswordGrant(String username, String password, Set<String> scopes) {
  private static final List<String> FIELDS = List.of("grant_type", "username", "password", "scope");

  /** Leaves the password out. */
  @Override
  public String toString() {
    return "PasswordGrant{username=" + username + ", scopes=" + scopes + "}";
  }

  /**
   * Reads the token endpoint's body from {@code in}, at most {@code maxBytes} of it: a larger {@code Content-Length} is
   * refused before anything is read, and a body that turns out larger is refused as soon as it passes the bound (413,
   * {@code invalid_request}). The charset comes from {@code Content-Type} (UTF-8 when absent); an unknown charset or
   * bytes that are not valid in it are a 400 {@code invalid_request}, never an exception.
   *
   * @param json whether the body is JSON ({@code application/json}) rather than a form
   */
  public static PasswordGrant read(HttpHeaders headers, InputStream in, boolean json, int maxBytes,
      List<String> declaredScopes) {
    String text = Bodies.text(headers, in, maxBytes);
    return json ? fromJson(text, declaredScopes) : fromForm(Bodies.form(text), declaredScopes);
  }

  /** Reads a form body ({@code application/x-www-form-urlencoded}). */
  public static PasswordGrant fromForm(MultivaluedMap<String, String> form, List<String> declaredScopes) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String name : FIELDS) {
      List<String> values = form == null ? null : form.get(name);
      if (values != null && values.size() > 1) {
        throw new TokenError("invalid_request", "The parameter " + name + " is repeated");
      }
      if (values != null && !values.isEmpty()) {
        fields.put(name, values.get(0));
      }
    }
    return from(fields, declaredScopes);
  }

  /** Reads a JSON object body with the same members as the form. */
  public static PasswordGrant fromJson(String body, List<String> declaredScopes) {
    Map<String, Object> json;
    try {
      json = body == null || body.isBlank() ? null : Json.parseObject(body);
    } catch (Json.JsonException e) {
      // Duplicate members land here too: the strict reader refuses them.
      throw new TokenError("invalid_request", "The body is not a JSON object with unique members");
    }
    if (json == null) {
      throw new TokenError("invalid_request", "The body is not a JSON object with unique members");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, Object> member : json.entrySet()) {
      if (FIELDS.contains(member.getKey())) {
        if (!(member.getValue() instanceof String text)) {
          throw new TokenError("invalid_request", "The parameter " + member.getKey() + " must be a string");
        }
        fields.put(member.getKey(), text);
      }
    }
    return from(fields, declaredScopes);
  }

  private static PasswordGrant from(Map<String, String> fields, List<String> declaredScopes) {
    String grantType = fields.get("grant_type");
    if (grantType == null || grantType.isEmpty()) {
      throw new TokenError("invalid_request", "The parameter grant_type is missing");
    }
    if (!grantType.equals("password")) {
      throw new TokenError("unsupported_grant_type", "Only the password grant type is supported");
    }
    for (String required : List.of("username", "password")) {
      if (fields.get(required) == null || fields.get(required).isEmpty()) {
        throw new TokenError("invalid_request", "The parameter " + required + " is missing");
      }
    }
    Set<String> scopes = new LinkedHashSet<>();
    String scope = fields.get("scope");
    if (scope != null) {
      for (String s : scope.trim().split(" +")) {
        if (s.isEmpty()) {
          continue;
        }
        if (!declaredScopes.contains(s)) {
          throw new TokenError("invalid_scope", "A requested scope is not offered");
        }
        scopes.add(s);
      }
    }
    return new PasswordGrant(fields.get("username"), fields.get("password"), Collections.unmodifiableSet(scopes));
  }

  /** An RFC 6749 section 5.2 error. Its description is fixed text, never user input. */
  public static final class TokenError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final int status;
    private final long retryAfterSeconds;

    public TokenError(String error, String description) {
      this(400, error, description);
    }

    /** An error answered with {@code status} (413 for a body over the limit). */
    public TokenError(int status, String error, String description) {
      this(status, error, description, 0);
    }

    /** An error answered with {@code status} and, when positive, {@code Retry-After} (429 for a throttled attempt). */
    public TokenError(int status, String error, String description, long retryAfterSeconds) {
      super(description, null, false, false);
      this.error = error;
      this.status = status;
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public String error() {
      return error;
    }

    /** The status (400 unless said otherwise). */
    public int status() {
      return status;
    }

    /** The status with {@code {"error": ..., "error_description": ...}} and the no-store headers. */
    public Response response() {
      Map<String, String> body = new LinkedHashMap<>();
      body.put("error", error);
      body.put("error_description", getMessage());
      Response.ResponseBuilder response = Response.status(status)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Json.write(body))
          .header("Cache-Control", "no-store")
          .header("Pragma", "no-cache")
          .header(JwtAuth.NOSNIFF_HEADER, "nosniff");
      if (retryAfterSeconds > 0) {
        response.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
      }
      return response.build();
    }
  }
}
