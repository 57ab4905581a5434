package dev.jwtsecured.runtime;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A verified JSON Web Token (the seed framework's {@code Token}).
 *
 * <p>Registered claims have typed accessors. Application claims are {@link #extras()}: on the wire they are written as
 * a nested JSON object claim {@code "extras"}; on reading, any top-level claim that is not one of {@code sub},
 * {@code exp}, {@code iat}, {@code nbf}, {@code iss}, {@code aud}, {@code jti}, {@code sid}, {@code extras},
 * {@code roles} or {@code scope} is collected into the extras too (a nested entry wins over a top-level one of the same
 * name). {@code roles} (a JSON array of strings or a space-separated string) and {@code scope} (a space-separated
 * string, RFC 8693) are read into {@link #roles()} and {@link #scopes()}.
 *
 * <p>Instances are immutable; {@link #builder()} is the usual way to make one.
 *
 * @param subject {@code sub}: the identifier the token was issued for. Never empty.
 * @param expiresAt {@code exp}
 * @param issuedAt {@code iat}
 * @param notBefore {@code nbf}, when present
 * @param issuer {@code iss}, when present
 * @param audience {@code aud}, as a list whether the wire had a string or an array; empty when absent
 * @param id {@code jti}, when present. Tokens issued by jwtsecured always have one.
 * @param sessionId {@code sid} (OpenID Connect's session id), when present: for tokens from a token endpoint with
 *     refresh tokens, the login they belong to, whose refresh tokens a logout revokes
 * @param roles the {@code roles} claim
 * @param scopes the space-separated {@code scope} claim, split
 * @param extras application claims; see above. Values are JSON values: strings, numbers, booleans, {@code null},
 *     lists and maps.
 */
public record Token(String subject, Instant expiresAt, Instant issuedAt, Optional<Instant> notBefore,
    Optional<String> issuer, List<String> audience, Optional<String> id, Optional<String> sessionId, Set<String> roles,
    Set<String> scopes, Map<String, Object> extras) {

  /** Checks the required claims and copies the collections, refusing a {@code null} role, scope or extra's name. */
  public Token {
    subject = requireText(subject, "subject");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sessionId, "sessionId");
    audience = List.copyOf(audience);
    // Empty collections are shared: cached tokens stay small, which matters to the garbage collector.
    roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(withoutNull(roles, "roles"));
    scopes = scopes.isEmpty() ? Set.of() : Collections.unmodifiableSet(withoutNull(scopes, "scopes"));
    extras = extras.isEmpty() ? Map.of() : Collections.unmodifiableMap(withoutNullNames(extras, "extras"));
  }

  /** A copy of {@code values}, refused where one is {@code null}, as {@code what}. */
  static <T> Set<T> withoutNull(Collection<T> values, String what) {
    Set<T> copy = new LinkedHashSet<>(values);
    if (copy.contains(null)) {
      throw new IllegalArgumentException(what + " must not contain null");
    }
    return copy;
  }

  /** A copy of {@code values}, refused where a name is {@code null}, as {@code what}. */
  static Map<String, Object> withoutNullNames(Map<String, ?> values, String what) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    if (copy.containsKey(null)) {
      throw new IllegalArgumentException(what + " must not contain null names");
    }
    return copy;
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value;
  }

  /** A builder with no claims set; {@code subject}, {@code expiresAt} and {@code issuedAt} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Names the subject and times only: a token's other claims may be personal data and never reach logs this way. */
  @Override
  public String toString() {
    return "Token{sub=" + subject + ", iat=" + issuedAt + ", exp=" + expiresAt + "}";
  }

  /** Builds a {@link Token}; {@code subject}, {@code expiresAt} and {@code issuedAt} are required. */
  public static final class Builder {
    private String subject;
    private Instant expiresAt;
    private Instant issuedAt;
    private Instant notBefore;
    private String issuer;
    private List<String> audience = List.of();
    private String id;
    private String sessionId;
    private Set<String> roles = Set.of();
    private Set<String> scopes = Set.of();
    private Map<String, Object> extras = Map.of();

    private Builder() {}

    /** {@code sub}: required, never empty. */
    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    /** {@code exp}: required. */
    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = expiresAt;
      return this;
    }

    /** {@code iat}: required. */
    public Builder issuedAt(Instant issuedAt) {
      this.issuedAt = issuedAt;
      return this;
    }

    /** {@code nbf}; {@code null} (the default) for none. */
    public Builder notBefore(Instant notBefore) {
      this.notBefore = notBefore;
      return this;
    }

    /** {@code iss}; {@code null} (the default) for none. */
    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    /** {@code aud}; empty (the default) for none. */
    public Builder audience(List<String> audience) {
      this.audience = Objects.requireNonNull(audience);
      return this;
    }

    /** {@code jti}; {@code null} (the default) for none. */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /** {@code sid}; {@code null} (the default) for none. */
    public Builder sessionId(String sessionId) {
      this.sessionId = sessionId;
      return this;
    }

    /** The {@code roles} claim; none by default. */
    public Builder roles(Set<String> roles) {
      this.roles = Objects.requireNonNull(roles);
      return this;
    }

    /** The scopes, written space-separated as the {@code scope} claim; none by default. */
    public Builder scopes(Set<String> scopes) {
      this.scopes = Objects.requireNonNull(scopes);
      return this;
    }

    /** Application claims, each a JSON value (see {@link Token#extras()}); none by default. */
    public Builder extras(Map<String, Object> extras) {
      this.extras = Objects.requireNonNull(extras);
      return this;
    }

    /**
     * The token.
     *
     * @throws IllegalArgumentException when the subject is missing or empty
     * @throws NullPointerException when {@code expiresAt} or {@code issuedAt} is missing
     */
    public Token build() {
      return new Token(subject, expiresAt, issuedAt, Optional.ofNullable(notBefore), Optional.ofNullable(issuer),
          audience, Optional.ofNullable(id), Optional.ofNullable(sessionId), roles, scopes, extras);
    }
  }
}
