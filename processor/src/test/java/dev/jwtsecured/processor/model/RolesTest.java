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

  /**
   * Over random rules and callers: a caller passes every list (holds a role of each) exactly when it holds all the
   * roles of one alternative, so the OpenAPI requirements say what the filter enforces.
   */
  @Test
  void theAlternativesAdmitExactlyTheCallersTheListsAdmit() {
    java.util.Random random = new java.util.Random(29);
    List<String> pool = List.of("a", "b", "c", "d", "e");
    int checked = 0;
    for (int round = 0; round < 2_000; round++) {
      Roles roles = Roles.NONE;
      for (int list = 0, lists = 1 + random.nextInt(3); list < lists; list++) {
        roles = roles.and(Roles.anyOf(subset(pool, random, 1)));
      }
      List<List<String>> ways = roles.alternatives();
      if (ways.isEmpty()) {
        continue; // more than a document lists: said in words only
      }
      checked++;
      for (int caller = 0; caller < 10; caller++) {
        java.util.Set<String> held = java.util.Set.copyOf(subset(pool, random, 0));
        boolean passes = roles.sets().stream().allMatch(set -> set.stream().anyMatch(held::contains));
        boolean documented = ways.stream().anyMatch(held::containsAll);
        assertEquals(passes, documented, roles + " held " + held + " ways " + ways);
      }
    }
    assertTrue(checked > 1_900, checked + " rules checked");
  }

  /** A random subset of {@code pool}, of at least {@code least} names. */
  private static List<String> subset(List<String> pool, java.util.Random random, int least) {
    List<String> chosen = new java.util.ArrayList<>();
    while (chosen.size() < least) {
      chosen.clear();
      pool.stream().filter(name -> random.nextBoolean()).forEach(chosen::add);
    }
    return chosen;
  }

  private static List<String> names(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.toList());
  }
}
