package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRuleTest {
  @Test
  void theStricterKindWinsWhicheverComesFirst() {
    List<AccessRule> byStrictness = List.of(AccessRule.PUBLIC, AccessRule.AUTHENTICATED,
        AccessRule.rolesAllowed("admin"), AccessRule.DENY_ALL);
    for (int i = 0; i < byStrictness.size(); i++) {
      for (int j = 0; j < byStrictness.size(); j++) {
        AccessRule expected = byStrictness.get(Math.max(i, j));
        assertEquals(expected.toString(), AccessRule.both(byStrictness.get(i), byStrictness.get(j)).toString(),
            i + " and " + j);
      }
    }
  }

  @Test
  void noRuleYetTakesTheOther() {
    assertSame(AccessRule.PUBLIC, AccessRule.both(null, AccessRule.PUBLIC));
  }

  @Test
  void oneRoleListAdmitsAnyOfItsRoles() {
    AccessRule rule = AccessRule.rolesAllowed("admin", "auditor");
    assertTrue(rule.allows(holding("auditor")));
    assertTrue(rule.allows(holding("admin")));
    assertFalse(rule.allows(holding("user")));
    assertFalse(rule.allows(holding()));
  }

  // A caller holding both roles was refused when two lists applied: each was cut to the roles both name.
  @Test
  void twoRoleListsAdmitACallerWithARoleOfEach() {
    AccessRule rule = AccessRule.both(AccessRule.rolesAllowed("staff"), AccessRule.rolesAllowed("admin", "auditor"));
    assertTrue(rule.allows(holding("staff", "auditor")));
    assertTrue(rule.allows(holding("staff", "admin")));
    assertFalse(rule.allows(holding("staff")));
    assertFalse(rule.allows(holding("admin", "auditor")));
    assertEquals(List.of("staff", "admin", "auditor"), rule.roles());
    assertEquals("RolesAllowed[staff] and RolesAllowed[admin, auditor]", rule.toString());
    assertEquals(rule.toString(), AccessRule.rolesAllowed("staff").andRolesAllowed("admin", "auditor").toString());
    assertEquals("RolesAllowed[admin]",
        AccessRule.both(AccessRule.rolesAllowed("admin"), AccessRule.rolesAllowed("admin")).toString());
    assertSame(AccessRule.DENY_ALL, AccessRule.rolesAllowed("admin").andRolesAllowed());
  }

  /** A security context of a caller holding {@code roles}. */
  private static SecurityContext holding(String... roles) {
    Set<String> held = Set.of(roles);
    return new SecurityContext() {
      @Override
      public Principal getUserPrincipal() {
        return () -> "caller";
      }

      @Override
      public boolean isUserInRole(String role) {
        return held.contains(role);
      }

      @Override
      public boolean isSecure() {
        return true;
      }

      @Override
      public String getAuthenticationScheme() {
        return "Bearer";
      }
    };
  }
}
