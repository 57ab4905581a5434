package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.SameSite;
import dev.jwtsecured.Transport;
import dev.jwtsecured.runtime.JwtAuth;
import dev.jwtsecured.runtime.JwtSettings;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Providers;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request to the generated token endpoint as it reads it, from a form or a JSON object, and the responses of RFC 6749
 * sections 5.1 and 5.2: the resource owner password credentials grant (section 4.3) and, when refresh tokens are on,
 * the refresh token grant (section 6).
 *
 * <p>Rules: {@code grant_type} is required; every parameter appears at most once; every requested scope must be one the
 * configuration declares. {@code password} needs {@code username} and {@code password}, a user name without control
 * characters and a password without NUL, and neither with half a surrogate pair alone (no one has such credentials,
 * and the authenticator's store may fail on them: PostgreSQL refuses a NUL in text, a password hash written in C stops
 * at one); {@code refresh_token} needs
 * {@code refresh_token}, which for cookie transport may come from the refresh cookie instead. Another grant type, or
 * {@code refresh_token} while refresh tokens are off, is {@code unsupported_grant_type}. A violation is a
 * {@link TokenError}. Credentials are never part of an error.
 *
 * <p>It is about 300 lines because the request's rules and the answers to their violations, and to a failing
 * authenticator, are kept in one place: every rule above ends in a {@link TokenError} defined here.
 *
 * @param refreshToken the presented refresh token for the refresh grant, else {@code null}
 * @param scopes the requested scopes, all declared by the configuration
 * @param basePath the raw path of the request's base URI as the JAX-RS runtime reports it (servlet context path and
 *     application path included), where the refresh cookie's path starts; {@code null} when unknown
 * @param refreshFromCookie whether the refresh token came from the refresh cookie, which the browser adds to any
 *     request its page makes, a script's included (cookie transport), rather than from the request itself
 */
public record TokenRequest(String username, String password, String refreshToken, Set<String> scopes,
    String basePath, boolean refreshFromCookie) {
  private static final List<String> FIELDS = List.of("grant_type", "username", "password", "scope", "refresh_token");

  public TokenRequest {
    scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
  }

  /** Whether this is the refresh token grant. */
  public boolean isRefresh() {
    return refreshToken != null;
  }

  /** Leaves the password and the refresh token out. */
  @Override
  public String toString() {
    return isRefresh() ? "TokenRequest{refresh_token, scopes=" + scopes + "}"
        : "TokenRequest{username=" + username + ", scopes=" + scopes + "}";
  }

  /**
   * Reads the token endpoint's body from {@code in}, at most {@code maxTokenRequestBytes} of it: a larger {@code
   * Content-Length} is refused before anything is read, and a body that turns out larger is refused as soon as it
   * passes the bound (413, {@code invalid_request}). The charset comes from {@code Content-Type} (UTF-8 when absent);
   * an unknown charset or bytes that are not valid in it are a 400 {@code invalid_request}, never an exception.
   *
   * <p>The body is a form ({@code application/x-www-form-urlencoded}) or the same fields as JSON ({@code
   * application/json}), as its {@code Content-Type} says; any other type, or none, is a 415 {@code invalid_request}
   * before anything is read. The generated endpoint names no media type for JAX-RS to match, so that runtimes that
   * look for a JSON provider where a resource names JSON (Quarkus REST warns at build time) find nothing to ask for.
   *
   * <p>Under cookie transport, a request a browser marks as coming from another site ({@code Sec-Fetch-Site:
   * cross-site}) is refused before anything is read (400 {@code invalid_request}): a page of another site posting a
   * form of the attacker's credentials would otherwise log the browser in as the attacker (login CSRF), since the
   * answer sets the cookies. Not with {@code SameSite=None}, which says the application's front end is on another
   * site; clients that are no browser send no such header.
   *
   * @param uri the request's URI information, for its base path
   */
  public static TokenRequest read(HttpHeaders headers, UriInfo uri, InputStream in, JwtSettings settings) {
    if (settings.transport() == Transport.COOKIE && settings.cookieSameSite() != SameSite.NONE && headers != null
        && crossSite(headers.getRequestHeader("Sec-Fetch-Site"))) {
      throw new TokenError("invalid_request", "A token request from another site is refused");
    }
    String basePath = uri == null ? null : RequestUris.rawBasePath(uri);
    if (uri != null && basePath == null) {
      throw new TokenError("invalid_request", "The request URI is malformed");
    }
    boolean json = Bodies.isJson(headers);
    Charset charset = Bodies.charset(headers);
    boolean utf8 = charset.equals(StandardCharsets.UTF_8);
    if (json && !utf8) {
      // RFC 8259 section 8.1: JSON is UTF-8, and a charset parameter has no effect on compliant readers, which would
      // read the body otherwise than a reader that honoured it.
      throw new TokenError("invalid_request", "A JSON body is UTF-8");
    }
    String text = Bodies.text(charset, headers, in, settings.maxTokenRequestBytes());
    Map<String, String> fields = json ? jsonFields(text) : formFields(Bodies.form(text, utf8));
    return from(fields, settings, headers, basePath);
  }

  /**
   * Whether a browser said the request comes from another site: {@code cross-site}, and, failing closed, any value but
   * {@code same-origin}, {@code same-site} or {@code none}, or more than one value.
   */
  private static boolean crossSite(List<String> secFetchSite) {
    if (secFetchSite == null || secFetchSite.isEmpty()) {
      return false;
    }
    return secFetchSite.size() > 1 || !SAME_SITE_VALUES.contains(secFetchSite.get(0).trim().toLowerCase(Locale.ROOT));
  }

  /** The values of {@code Sec-Fetch-Site} that are not {@code cross-site} (Fetch Metadata). */
  private static final Set<String> SAME_SITE_VALUES = Set.of("same-origin", "same-site", "none");

  private static Map<String, String> formFields(MultivaluedMap<String, String> form) {
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
    return fields;
  }

  private static Map<String, String> jsonFields(String body) {
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
    return fields;
  }

  private static TokenRequest from(Map<String, String> fields, JwtSettings settings, HttpHeaders headers,
      String basePath) {
    String grantType = fields.get("grant_type");
    if (grantType == null || grantType.isEmpty()) {
      throw new TokenError("invalid_request", "The parameter grant_type is missing");
    }
    boolean refresh = grantType.equals("refresh_token") && settings.refreshExpiration().isPresent();
    if (!grantType.equals("password") && !refresh) {
      throw new TokenError("unsupported_grant_type", settings.refreshExpiration().isPresent()
          ? "Only the password and refresh_token grant types are supported"
          : "Only the password grant type is supported");
    }
    Set<String> scopes = scopes(fields.get("scope"), settings.scopes());
    if (refresh) {
      String token = fields.get("refresh_token");
      boolean fromCookie = false;
      if ((token == null || token.isEmpty()) && settings.transport() == Transport.COOKIE && headers != null) {
        token = RefreshTokens.fromCookie(headers.getRequestHeader(HttpHeaders.COOKIE), settings);
        fromCookie = true;
      }
      if (token == null || token.isEmpty()) {
        throw new TokenError("invalid_request", "The parameter refresh_token is missing");
      }
      return new TokenRequest(null, null, token, scopes, basePath, fromCookie);
    }
    for (String required : List.of("username", "password")) {
      if (fields.get(required) == null || fields.get(required).isEmpty()) {
        throw new TokenError("invalid_request", "The parameter " + required + " is missing");
      }
    }
    String username = fields.get("username");
    String password = fields.get("password");
    if (username.chars().anyMatch(Character::isISOControl) || Json.hasLoneSurrogate(username)) {
      throw new TokenError("invalid_request", "The user name has a control character or a lone surrogate");
    }
    if (password.indexOf('\0') >= 0 || Json.hasLoneSurrogate(password)) {
      throw new TokenError("invalid_request", "The password has a NUL character or a lone surrogate");
    }
    return new TokenRequest(username, password, null, scopes, basePath, false);
  }

  private static Set<String> scopes(String scope, List<String> declaredScopes) {
    Set<String> scopes = new LinkedHashSet<>();
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
    return scopes;
  }

  /** Failures of the application's authenticator or user store at any token endpoint that are logged. */
  private static final LogBudget FAILURES = new LogBudget();

  /** The class of RESTEasy's fallback mapper, which answers an exception's message as the body. */
  private static final String RESTEASY_DEFAULT_MAPPER =
      "org.jboss.resteasy.core.providerfactory.DefaultExceptionMapper";

  /**
   * The answer to a token request whose authenticator or user store threw {@code failure} (a database that is down, a
   * driver refusing a value): the application's own exception mapper answers it when it has one for the exception (it
   * is rethrown), and so does a {@link WebApplicationException}'s response; otherwise a 500 {@code server_error} that
   * shows nothing of it, and the failure is logged (at most ten at once, then one every six seconds). The JAX-RS
   * runtime's default would answer with the exception's message (RESTEasy) or the container's error page, and the
   * authenticator runs on any user name a client sends.
   *
   * @param providers the request's {@code @Context Providers}, to find the application's mapper
   */
  public static Response failed(RuntimeException failure, Providers providers) {
    if (failure instanceof WebApplicationException) {
      throw failure;
    }
    ExceptionMapper<? extends RuntimeException> mapper =
        providers == null ? null : providers.getExceptionMapper(failure.getClass());
    if (mapper != null && !mapper.getClass().getName().equals(RESTEASY_DEFAULT_MAPPER)) {
      throw failure;
    }
    long refused = FAILURES.take();
    if (refused >= 0) {
      System.getLogger("dev.jwtsecured").log(System.Logger.Level.ERROR, LogBudget.withRefused(
          "jwtsecured: the token endpoint's authenticator or user store failed; answered 500", refused), failure);
    }
    return new TokenError(500, "server_error", "The server could not answer the token request").response();
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
