package dev.jwtsecured.runtime;

import java.time.Instant;
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
 * <p>Registered claims have typed accessors. Application claims are {@link #extras()}: on the wire they are written as a
 * nested JSON object claim {@code "extras"}; on reading, any top-level claim that is not one of {@code sub}, {@code exp},
 * {@code iat}, {@code nbf}, {@code iss}, {@code aud}, {@code jti}, {@code sid}, {@code extras}, {@code roles} or {@code scope} is
 * collected into the extras too (a nested entry wins over a top-level one of the same name). {@code roles} (a JSON array
 * of strings or a space-separated string) and {@code scope} (a space-separated string, RFC 8693) are read into
 * {@link #roles()} and {@link #scopes()}.
 *
 * <p>Instances are immutable.
 */
public final class Token {
  private final String subject;
  private final Instant expiresAt;
  private final Instant issuedAt;
  private final Instant notBefore;
  private final String issuer;
  private final List<String> audience;
  private final String id;
  private final String sessionId;
  private final Set<String> roles;
  private final Set<String> scopes;
  private final Map<String, Object> extras;

  private Token(Builder b) {
    this.subject = requireText(b.subject, "subject");
    this.expiresAt = Objects.requireNonNull(b.expiresAt, "expiresAt");
    this.issuedAt = Objects.requireNonNull(b.issuedAt, "issuedAt");
    this.notBefore = b.notBefore;
    this.issuer = b.issuer;
    this.audience = List.copyOf(b.audience);
    this.id = b.id;
    this.sessionId = b.sessionId;
    // Empty collections are shared: cached tokens stay small, which matters to the garbage collector.
    this.roles = b.roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(b.roles));
    this.scopes = b.scopes.isEmpty() ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(b.scopes));
    this.extras = b.extras.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extras));
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code sub}: the identifier the token was issued for. Never empty. */
  public String subject() {
    return subject;
  }

  /** {@code exp}. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** {@code iat}. */
  public Instant issuedAt() {
    return issuedAt;
  }

  /** {@code nbf}, when present. */
  public Optional<Instant> notBefore() {
    return Optional.ofNullable(notBefore);
  }

  /** {@code iss}, when present. */
  public Optional<String> issuer() {
    return Optional.ofNullable(issuer);
  }

  /** {@code aud}, as a list whether the wire had a string or an array; empty when absent. */
  public List<String> audience() {
    return audience;
  }

  /** {@code jti}, when present. Tokens issued by jwtsecured always have one. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /**
   * {@code sid} (OpenID Connect's session id), when present: for tokens from a token endpoint with refresh tokens, the
   * login they belong to, whose refresh tokens a logout revokes.
   */
  public Optional<String> sessionId() {
    return Optional.ofNullable(sessionId);
  }

  /** The {@code roles} claim. */
  public Set<String> roles() {
    return roles;
  }

  /** The space-separated {@code scope} claim, split. */
  public Set<String> scopes() {
    return scopes;
  }

  /** Application claims; see the class comment. Values are JSON values as Jackson reads them. */
  public Map<String, Object> extras() {
    return extras;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Token)) {
      return false;
    }
    Token t = (Token) o;
    return subject.equals(t.subject)
        && expiresAt.equals(t.expiresAt)
        && issuedAt.equals(t.issuedAt)
        && Objects.equals(notBefore, t.notBefore)
        && Objects.equals(issuer, t.issuer)
        && audience.equals(t.audience)
        && Objects.equals(id, t.id)
        && Objects.equals(sessionId, t.sessionId)
        && roles.equals(t.roles)
        && scopes.equals(t.scopes)
        && extras.equals(t.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(subject, expiresAt, issuedAt, notBefore, issuer, audience, id, sessionId, roles, scopes, extras);
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

    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = expiresAt;
      return this;
    }

    public Builder issuedAt(Instant issuedAt) {
      this.issuedAt = issuedAt;
      return this;
    }

    public Builder notBefore(Instant notBefore) {
      this.notBefore = notBefore;
      return this;
    }

    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    public Builder audience(List<String> audience) {
      this.audience = Objects.requireNonNull(audience);
      return this;
    }

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder sessionId(String sessionId) {
      this.sessionId = sessionId;
      return this;
    }

    public Builder roles(Set<String> roles) {
      this.roles = Objects.requireNonNull(roles);
      return this;
    }

    public Builder scopes(Set<String> scopes) {
      this.scopes = Objects.requireNonNull(scopes);
      return this;
    }

    public Builder extras(Map<String, Object> extras) {
      this.extras = Objects.requireNonNull(extras);
      return this;
    }

    public Token build() {
      return new Token(this);
    }
  }
}
