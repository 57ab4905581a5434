package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessRuleTest {
  @Test
  void theStricterRuleWinsWhicheverComesFirst() {
    List<AccessRule> byStrictness = List.of(AccessRule.PUBLIC, AccessRule.AUTHENTICATED,
        AccessRule.rolesAllowed("admin"), AccessRule.DENY_ALL);
    for (int i = 0; i < byStrictness.size(); i++) {
      for (int j = 0; j < byStrictness.size(); j++) {
        AccessRule expected = byStrictness.get(Math.max(i, j));
        assertEquals(expected.toString(), AccessRule.stricter(byStrictness.get(i), byStrictness.get(j)).toString(),
            i + " and " + j);
      }
    }
  }

  @Test
  void noRuleYetTakesTheOther() {
    assertSame(AccessRule.PUBLIC, AccessRule.stricter(null, AccessRule.PUBLIC));
  }

  @Test
  void twoRoleListsAdmitOnlyTheRolesTheyShareAndNoneSharedIsDenied() {
    AccessRule shared = AccessRule.stricter(AccessRule.rolesAllowed("admin", "auditor", "user"),
        AccessRule.rolesAllowed("user", "admin"));
    assertEquals(List.of("admin", "user"), shared.roles());
    assertEquals("RolesAllowed[admin, user]", shared.toString());
    assertSame(AccessRule.DENY_ALL,
        AccessRule.stricter(AccessRule.rolesAllowed("admin"), AccessRule.rolesAllowed("user")));
  }
}
