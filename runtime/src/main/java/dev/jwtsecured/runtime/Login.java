package dev.jwtsecured.runtime;

import dev.jwtsecured.Transport;
import dev.jwtsecured.runtime.internal.Json;
import dev.jwtsecured.runtime.internal.RefreshTokens;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A programmatic login (the seed framework's {@code login(identifier=..., response_body=...)}): builds a
 * token for a subject and the JAX-RS response that hands it to the client.
 *
 * <p>Defaults: lifetime, issuer and audience from the configuration, a random {@code jti} (so that the token can be
 * revoked), empty extras, status 201, the token in the configured header ({@code Bearer <jwt>}), and for cookie
 * transport a {@code Set-Cookie} as well. The body is the one given, or {@code {"token": "<jwt>"}} after
 * {@link #tokenInBody()}, or, for a configuration with a token endpoint, the OAuth2 token response.
 *
 * <p>A {@code Login} is used once, on one thread.
 */
public final class Login {
  private final JwtAuth auth;
  private final String subject;
  private Duration expiration;
  private String issuer;
  private List<String> audience;
  private String id = UUID.randomUUID().toString();
  private String sessionId;
  private Map<String, Object> extras = Map.of();
  private Set<String> roles = Set.of();
  private Set<String> scopes = Set.of();
  private int status = 201;
  private Object body;
  private boolean tokenInBody;
  private Token token;
  private String jwt;

  Login(JwtAuth auth, String subject) {
    if (subject == null || subject.isEmpty()) {
      throw new IllegalArgumentException("the subject of a login must not be empty");
    }
    this.auth = auth;
    this.subject = subject;
    this.expiration = auth.settings().expiration();
    this.issuer = auth.settings().issuer();
    this.audience = auth.settings().audience();
  }

  /**
   * The token's lifetime, from one second to {@link dev.jwtsecured.JwtSecured#MAX_LIFETIME}; also the cookie's {@code
   * Max-Age} and the OAuth2 {@code expires_in}.
   */
  public Login expiration(Duration expiration) {
    this.expiration = JwtSettings.requireLifetime(expiration, "expiration");
    return unbuilt();
  }

  /**
   * The {@code iss}; the configuration's issuer by default, {@code null} for none; otherwise text of the form {@link
   * dev.jwtsecured.JwtSecured#CLAIM_TEXT}.
   */
  public Login issuer(String issuer) {
    this.issuer = issuer == null ? null : JwtSettings.requireClaimText(issuer, "issuer");
    return unbuilt();
  }

  /**
   * The {@code aud}; the configuration's audience by default, none when empty; each text of the form {@link
   * dev.jwtsecured.JwtSecured#CLAIM_TEXT}.
   */
  public Login audience(String... audience) {
    List<String> values = List.of(audience);
    values.forEach(value -> JwtSettings.requireClaimText(value, "audience"));
    this.audience = values;
    return unbuilt();
  }

  /** The {@code jti}; a random UUID by default. {@code null} for none (such a token cannot be revoked by id). */
  public Login id(String id) {
    this.id = id;
    return unbuilt();
  }

  /** The {@code sid}: the refresh token family of a token endpoint login. */
  Login sessionId(String sessionId) {
    this.sessionId = sessionId;
    return unbuilt();
  }

  /** Application claims, written as the nested {@code extras} object. */
  public Login extras(Map<String, ?> extras) {
    this.extras = new LinkedHashMap<>(extras);
    return unbuilt();
  }

  /** The {@code roles} claim, read by {@code @RolesAllowed}. */
  public Login roles(Collection<String> roles) {
    this.roles = new LinkedHashSet<>(roles);
    return unbuilt();
  }

  /**
   * The {@code scope} claim, written space-separated; each scope must be an RFC 6749 scope token (one with a space
   * would come back from the token as two), which {@link JwtAuth#issue} checks when the token is signed.
   */
  public Login scopes(Collection<String> scopes) {
    this.scopes = new LinkedHashSet<>(scopes);
    return unbuilt();
  }

  /** The response status; 201 by default. */
  public Login status(int status) {
    this.status = status;
    return this;
  }

  /** The response entity, written by the application's message body writers (JSON for a record, say). */
  public Login body(Object body) {
    this.body = body;
    this.tokenInBody = false;
    return this;
  }

  /** Sends {@code {"token": "<jwt>"}} as the body. */
  public Login tokenInBody() {
    this.tokenInBody = true;
    this.body = null;
    return this;
  }

  private Login unbuilt() {
    if (token != null) {
      throw new IllegalStateException("the token of this login was already issued");
    }
    return this;
  }

  /** The token this login issues (built on first call, then fixed). */
  public Token token() {
    if (token == null) {
      Instant now = auth.now();
      Token built =
          Token.builder()
              .subject(subject)
              .issuedAt(now)
              .expiresAt(now.plusSeconds(expiration.getSeconds()))
              .issuer(issuer)
              .audience(audience)
              .id(id)
              .sessionId(sessionId)
              .roles(roles)
              .scopes(scopes)
              .extras(extras)
              .build();
      // Signed before it is kept: a refused token (a bad scope) leaves this login unissued, not half issued.
      jwt = auth.issue(built);
      token = built;
    }
    return token;
  }

  /** The signed JWT of {@link #token()}. */
  public String jwt() {
    token();
    return jwt;
  }

  /** The response: status, {@code <authHeader>: Bearer <jwt>}, the cookie for cookie transport, and the body. */
  public Response response() {
    String signed = jwt();
    JwtSettings s = auth.settings();
    Response.ResponseBuilder response =
        Response.status(status).header(s.authHeader(), "Bearer " + signed).header(HttpHeaders.CACHE_CONTROL, "no-store")
            .header(JwtAuth.NOSNIFF_HEADER, "nosniff");
    if (s.transport() == Transport.COOKIE) {
      response.header(HttpHeaders.SET_COOKIE, auth.cookie(signed, expiration.getSeconds()));
    }
    if (tokenInBody) {
      response.type(MediaType.APPLICATION_JSON_TYPE).entity(json(Map.of("token", signed)));
    } else if (body != null) {
      response.entity(body);
    } else if (s.tokenUrl() != null) {
      response.type(MediaType.APPLICATION_JSON_TYPE).entity(json(oauth2Body(signed)));
    }
    return response.build();
  }

  /**
   * The token endpoint's response (RFC 6749 section 5.1): 200, the OAuth2 body, {@code Cache-Control: no-store} and
   * {@code Pragma: no-cache}, and for cookie transport the cookie. A refresh token, when given, is the body's
   * {@code refresh_token}, or for cookie transport its own {@code HttpOnly} cookie (never readable by scripts), whose
   * path starts with {@code basePath} (the token endpoint's request base path; see {@link RefreshTokens#cookiePath}).
   *
   * @param cookiesOnly whether the access token goes in its cookie only, not in the body: for a refresh by the refresh
   *     cookie, which a script on the page can make (the browser adds the cookie) but must not read a token from
   */
  Response tokenResponse(RefreshTokens.Issued refreshToken, String basePath, boolean cookiesOnly) {
    String signed = jwt();
    JwtSettings s = auth.settings();
    Map<String, Object> body = oauth2Body(signed);
    if (cookiesOnly) {
      body.remove("access_token");
    }
    if (refreshToken != null && s.transport() != Transport.COOKIE) {
      body.put("refresh_token", refreshToken.value());
    }
    Response.ResponseBuilder response = Response.ok(json(body), MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Pragma", "no-cache")
        .header(JwtAuth.NOSNIFF_HEADER, "nosniff");
    if (s.transport() == Transport.COOKIE) {
      response.header(HttpHeaders.SET_COOKIE, auth.cookie(signed, expiration.getSeconds()));
      if (refreshToken != null) {
        long maxAge = s.refreshExpiration().orElseThrow().getSeconds();
        response.header(HttpHeaders.SET_COOKIE, RefreshTokens.cookie(s, refreshToken.value(), maxAge, basePath));
      }
    }
    return response.build();
  }

  /** The RFC 6749 section 5.1 token response body. */
  Map<String, Object> oauth2Body(String signed) {
    Map<String, Object> oauth2 = new LinkedHashMap<>();
    oauth2.put("access_token", signed);
    oauth2.put("token_type", "Bearer");
    oauth2.put("expires_in", expiration.getSeconds());
    if (!scopes.isEmpty()) {
      oauth2.put("scope", String.join(" ", scopes));
    }
    return oauth2;
  }

  static String json(Map<String, ?> value) {
    return Json.write(Objects.requireNonNull(value));
  }
}
