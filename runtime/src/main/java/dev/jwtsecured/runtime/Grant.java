package dev.jwtsecured.runtime;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What an {@code @Authenticator} grants for good credentials: the token's subject, and optionally roles, scopes and
 * extras. Immutable; the {@code with*} methods return copies.
 */
public record Grant(String subject, Set<String> roles, Set<String> scopes, Map<String, Object> extras) {
  /** Copies every collection; {@code subject} must not be empty, nor a role, scope or extra's name {@code null}. */
  public Grant {
    if (subject == null || subject.isEmpty()) {
      throw new IllegalArgumentException("a grant needs a non-empty subject");
    }
    roles = Collections.unmodifiableSet(Token.withoutNull(roles, "a grant's roles"));
    scopes = Collections.unmodifiableSet(Token.withoutNull(scopes, "a grant's scopes"));
    extras = Collections.unmodifiableMap(Token.withoutNullNames(extras, "a grant's extras"));
  }

  /** A grant for {@code subject} with no roles, no scopes and no extras. */
  public static Grant of(String subject) {
    return new Grant(subject, Set.of(), Set.of(), Map.of());
  }

  /** The {@code roles} claim, read by {@code @RolesAllowed}. */
  public Grant withRoles(Collection<String> roles) {
    return new Grant(subject, new LinkedHashSet<>(roles), scopes, extras);
  }

  /**
   * The scopes this user may have. The token endpoint writes those that were also requested into the {@code scope}
   * claim; a grant without scopes grants none, whatever the client asks for. To grant what was asked, take the
   * requested scopes as the authenticator's third parameter, check them, and pass the allowed ones here.
   */
  public Grant withScopes(Collection<String> scopes) {
    return new Grant(subject, roles, new LinkedHashSet<>(scopes), extras);
  }

  /** Application claims, written as the nested {@code extras} object. */
  public Grant withExtras(Map<String, ?> extras) {
    return new Grant(subject, roles, scopes, new LinkedHashMap<>(extras));
  }

  /** Leaves the extras out: they are the application's and may hold what a log should not. */
  @Override
  public String toString() {
    return "Grant{sub=" + subject + ", roles=" + roles + ", scopes=" + scopes + "}";
  }
}
