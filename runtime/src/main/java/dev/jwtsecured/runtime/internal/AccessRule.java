package dev.jwtsecured.runtime.internal;

import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a resource method requires, as the processor decided it at compile time from {@code @PermitAll},
 * {@code @DenyAll}, {@code @RolesAllowed} and the configuration's exclusions. The generated feature binds one rule to
 * each resource method when JAX-RS deploys it. Resource methods the processor did not see get {@link #AUTHENTICATED}
 * (or {@link #DENY_ALL}, as {@code unseenMethods} says): never anything more open.
 */
public final class AccessRule {
  /** A valid token; no role. The rule for resources without annotations and for unknown resources. */
  public static final AccessRule AUTHENTICATED = new AccessRule(Kind.AUTHENTICATED, List.of());
  /**
   * Public ({@code @PermitAll}, or excluded by pattern or HTTP method): no token needed; a valid one still makes the
   * user known, an absent or invalid one is ignored.
   */
  public static final AccessRule PUBLIC = new AccessRule(Kind.PUBLIC, List.of());
  /** {@code @DenyAll}: 403 for everyone. */
  public static final AccessRule DENY_ALL = new AccessRule(Kind.DENY_ALL, List.of());

  /** In order of strictness. */
  private enum Kind {
    PUBLIC,
    AUTHENTICATED,
    ROLES,
    DENY_ALL
  }

  private final Kind kind;
  /** For {@code ROLES}: a caller needs one role of each list. */
  private final List<List<String>> roleSets;

  private AccessRule(Kind kind, List<List<String>> roleSets) {
    this.kind = kind;
    this.roleSets = roleSets;
  }

  /** {@code @RolesAllowed(roles)}: a valid token whose roles or scopes include at least one of {@code roles}. */
  public static AccessRule rolesAllowed(String... roles) {
    if (roles.length == 0) {
      return DENY_ALL; // JSR-250: @RolesAllowed({}) admits nobody
    }
    return new AccessRule(Kind.ROLES, List.of(List.of(roles)));
  }

  /**
   * This rule and {@code @RolesAllowed(roles)} both: for a locator's rule and the method's behind it, each admitting
   * other roles, a token with one role of each.
   */
  public AccessRule andRolesAllowed(String... roles) {
    return both(this, rolesAllowed(roles));
  }

  /**
   * What passes {@code a} and {@code b} both, for a class that implements several types locators declare, each with a
   * rule for the same method: denied before roles before a valid token before public; two role rules, one role of
   * each. {@code a} may be {@code null} (no rule yet): then {@code b}.
   */
  public static AccessRule both(AccessRule a, AccessRule b) {
    if (a == null) {
      return b;
    }
    if (a.kind == Kind.ROLES && b.kind == Kind.ROLES) {
      List<List<String>> sets = new ArrayList<>(a.roleSets);
      for (List<String> set : b.roleSets) {
        if (!sets.contains(set)) {
          sets.add(set);
        }
      }
      return new AccessRule(Kind.ROLES, List.copyOf(sets));
    }
    return b.kind.compareTo(a.kind) > 0 ? b : a;
  }

  public boolean isPublic() {
    return kind == Kind.PUBLIC;
  }

  public boolean isDenyAll() {
    return kind == Kind.DENY_ALL;
  }

  /** Every role the rule names, once each (a caller needs one of each {@code @RolesAllowed} list), or empty. */
  public List<String> roles() {
    return roleSets.stream().flatMap(List::stream).distinct().toList();
  }

  /** Whether an authenticated request with this security context may proceed. */
  public boolean allows(SecurityContext security) {
    switch (kind) {
      case AUTHENTICATED:
      case PUBLIC:
        return true;
      case ROLES:
        for (List<String> set : roleSets) {
          if (!inAny(security, set)) {
            return false;
          }
        }
        return true;
      default:
        return false;
    }
  }

  private static boolean inAny(SecurityContext security, List<String> roles) {
    for (String role : roles) {
      if (security.isUserInRole(role)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return kind == Kind.ROLES
        ? roleSets.stream().map(set -> "RolesAllowed" + set).collect(Collectors.joining(" and "))
        : kind.name();
  }
}
