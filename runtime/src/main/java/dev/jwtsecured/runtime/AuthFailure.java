package dev.jwtsecured.runtime;

/**
 * Every way a request can fail authentication or authorization, with the fixed texts of its response.
 *
 * <p>The texts never carry the token, its claims, key material or exception messages. Descriptions use only the
 * characters RFC 6750 section 3 allows in {@code error_description} (printable ASCII without {@code "} and {@code \}).
 */
public enum AuthFailure {
  /** No credentials, or credentials of another scheme ({@code Basic ...}). Challenge without {@code error}. */
  NO_TOKEN(401, null, null, null),

  /** The {@code Bearer} credentials are empty. */
  EMPTY_BEARER(400, "invalid_request", "The Bearer credentials are empty", "Invalid request"),
  /** The header value does not follow the RFC 6750 section 2.1 grammar (tab, trailing words, illegal characters). */
  MALFORMED_CREDENTIALS(400, "invalid_request", "The Bearer credentials are malformed", "Invalid request"),
  /**
   * More than one token in the request: a repeated header, comma-joined values, a repeated cookie, or a header and a
   * cookie that differ.
   */
  MULTIPLE_TOKENS(400, "invalid_request", "The request carries more than one token", "Invalid request"),
  /**
   * The runtime cannot build the request's URI: its {@code Host} header is no URI authority ({@code x:|},
   * {@code [::1}), which RFC 9112 section 3.2 asks a server to refuse and some (Undertow) pass on. Nothing is
   * authenticated.
   */
  MALFORMED_REQUEST(400, "invalid_request", "The request URI is malformed", "Invalid request"),

  /** The token is longer than {@link JwtSettings#maxTokenLength()} characters; it is not parsed. */
  TOKEN_TOO_LONG(401, "invalid_token", "The token is too long", "Invalid token"),
  /**
   * The token is not three base64url parts with a JSON header and payload, or its header is refused (an extension, a
   * key carried or referenced, a {@code typ} that is not a string).
   */
  MALFORMED_TOKEN(401, "invalid_token", "The token is malformed", "Invalid token"),
  /** The header's {@code alg} is not one the configuration accepts ({@code none} never is). */
  ALGORITHM_NOT_ACCEPTED(401, "invalid_token", "The token algorithm is not accepted", "Invalid token"),
  /**
   * The header's {@code typ} names a kind of token other than an access token ({@code logout+jwt},
   * {@code secevent+jwt}, ...: RFC 8725 section 3.11); {@code JWT}, {@code at+jwt} (RFC 9068) or none pass. Or the
   * token's claims mark another kind: an ID token's {@code at_hash}, {@code c_hash} or {@code s_hash}, Keycloak's
   * claim {@code typ} of {@code ID}, {@code Refresh}, {@code Offline} or {@code Logout}, Amazon Cognito's
   * {@code token_use} other than {@code access}, a refresh token's {@code token_type} or {@code type} of
   * {@code refresh}.
   */
  TYPE_NOT_ACCEPTED(401, "invalid_token", "The token type is not accepted", "Invalid token"),
  /** The signature does not verify with any accepted key. */
  BAD_SIGNATURE(401, "invalid_token", "The token signature is invalid", "Invalid token"),
  /** The token names a key ({@code kid}) the configured key set does not hold, or the set could not be read yet. */
  UNKNOWN_KEY(401, "invalid_token", "The token signing key is not known", "Invalid token"),
  /** A required claim ({@code sub}, {@code exp}, {@code iat}) is absent. */
  MISSING_CLAIM(401, "invalid_token", "The token lacks a required claim", "Invalid token"),
  /** A claim has the wrong JSON type, such as a string {@code exp}. */
  BAD_CLAIM(401, "invalid_token", "The token has a claim of the wrong type", "Invalid token"),
  /** {@code exp} has passed, beyond the leeway. */
  EXPIRED(401, "invalid_token", "The token has expired", "Invalid token"),
  /** {@code nbf} is still ahead, beyond the leeway. */
  NOT_YET_VALID(401, "invalid_token", "The token is not yet valid", "Invalid token"),
  /** {@code iat} is ahead, beyond the leeway. */
  ISSUED_IN_FUTURE(401, "invalid_token", "The token was issued in the future", "Invalid token"),
  /** {@code iss} is not one of the accepted issuers. */
  ISSUER_NOT_ACCEPTED(401, "invalid_token", "The token issuer is not accepted", "Invalid token"),
  /** {@code aud} names none of the configured audiences. */
  AUDIENCE_NOT_ACCEPTED(401, "invalid_token", "The token audience is not accepted", "Invalid token"),
  /** The user retriever found no user for the token's subject. */
  UNKNOWN_USER(401, "invalid_token", "The token does not name a known user", "Unauthorized"),
  /** The revocation check refused the token. */
  REVOKED(401, "invalid_token", "The token has been revoked", "Unauthorized"),

  /** {@code @RolesAllowed} is not satisfied. The challenge names the needed scope. */
  INSUFFICIENT_SCOPE(403, "insufficient_scope", "The token lacks the role this resource requires", "Forbidden"),
  /** {@code @DenyAll}: nobody may call the resource. No challenge: no token would help. */
  DENIED(403, null, null, "Forbidden");

  private final int status;
  private final String error;
  private final String description;
  private final String detail;

  AuthFailure(int status, String error, String description, String detail) {
    this.status = status;
    this.error = error;
    this.description = description;
    this.detail = detail;
  }

  /** The HTTP status: 400, 401 or 403. */
  public int status() {
    return status;
  }

  /** The RFC 6750 {@code error} code, or {@code null} for none. */
  public String error() {
    return error;
  }

  /** The fixed {@code error_description}, or {@code null} for none. */
  public String description() {
    return description;
  }

  /**
   * The {@code detail} of the JSON body. For {@link #NO_TOKEN} it depends on the transport and is chosen by the caller.
   */
  public String detail() {
    return detail;
  }
}
