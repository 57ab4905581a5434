package dev.jwtsecured.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RolesTest {
  @Test
  void twoRulesTakeARoleOfEachWhicheverComesFirst() {
    Roles staff = Roles.anyOf(List.of("staff"));
    Roles review = Roles.anyOf(List.of("auditor", "admin"));
    assertEquals(List.of(List.of("staff"), List.of("admin", "auditor")), staff.and(review).sets());
    assertEquals(staff.and(review), review.and(staff));
    assertEquals("{staff} and {admin, auditor}", staff.and(review).toString());
    assertEquals(List.of("admin", "auditor", "staff"), staff.and(review).all());
  }

  @Test
  void aListHoldingAllOfAnothersRolesIsImplied() {
    Roles admin = Roles.anyOf(List.of("admin"));
    assertEquals(admin, admin.and(Roles.anyOf(List.of("admin", "user"))));
    assertEquals(admin, admin.and(admin));
    assertEquals("admin", admin.toString());
  }

  @Test
  void alternativesNameWhatIsHeldTogetherWithTheFewestRoles() {
    assertEquals(List.of(List.of("admin"), List.of("auditor")),
        Roles.anyOf(List.of("admin", "auditor")).alternatives());
    assertEquals(List.of(List.of("auditor"), List.of("admin", "clerk")),
        Roles.anyOf(List.of("admin", "auditor")).and(Roles.anyOf(List.of("auditor", "clerk"))).alternatives());
    assertEquals(List.of(List.of()), Roles.NONE.alternatives());
  }

  @Test
  void moreThanSixteenWaysToPassAreNotSpelledOut() {
    Roles sixteen = Roles.anyOf(names("a", 4)).and(Roles.anyOf(names("b", 4)));
    assertEquals(16, sixteen.alternatives().size());
    Roles seventeen = Roles.anyOf(names("c", 17));
    assertTrue(seventeen.alternatives().isEmpty());
    assertTrue(sixteen.and(Roles.anyOf(names("d", 2))).alternatives().isEmpty());
  }

  private static List<String> names(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.toList());
  }
}
