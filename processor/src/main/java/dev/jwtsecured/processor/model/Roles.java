package dev.jwtsecured.processor.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the {@code @RolesAllowed} rules that apply to one operation require together: a role of each set. One rule is
 * one set, any of whose roles admits; a locator's rule and the method's behind it, or an interface method's and its
 * implementation's, are two, and a caller needs one role of each.
 *
 * @param sets each sorted; no set holds all the roles of another (that one is implied); fewest roles first
 */
public record Roles(List<List<String>> sets) {
  /** No role needed. */
  public static final Roles NONE = new Roles(List.of());

  /** At most this many alternatives are spelled out for OpenAPI; more are said in words only. */
  private static final int MOST_ALTERNATIVES = 16;

  public Roles {
    sets = sets.stream().map(List::copyOf).toList();
  }

  /** {@code @RolesAllowed(roles)}: any one of them. */
  public static Roles anyOf(Collection<String> roles) {
    return roles.isEmpty() ? NONE : new Roles(List.of(List.copyOf(new TreeSet<>(roles))));
  }

  /** What passes this and {@code other} both. */
  public Roles and(Roles other) {
    List<List<String>> all = new ArrayList<>(sets);
    all.addAll(other.sets);
    return new Roles(minimal(all));
  }

  public boolean isEmpty() {
    return sets.isEmpty();
  }

  /** Every role named, sorted, once each. */
  public List<String> all() {
    return List.copyOf(sets.stream().flatMap(List::stream).collect(Collectors.toCollection(TreeSet::new)));
  }

  /**
   * The ways to pass, each the roles a caller holding them all passes with (the security requirements of OpenAPI, whose
   * list names what is required together, one requirement per alternative), or empty where there would be more than
   * a document should list.
   */
  public List<List<String>> alternatives() {
    List<List<String>> ways = List.of(List.of());
    for (List<String> set : sets) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> way : ways) {
        for (String role : set) {
          Set<String> held = new TreeSet<>(way);
          held.add(role);
          next.add(List.copyOf(held));
        }
      }
      ways = minimal(next);
      if (ways.size() > MOST_ALTERNATIVES) {
        return List.of();
      }
    }
    return ways;
  }

  /** {@code admin, ops} for one set; {@code {user} and {admin, ops}} for several. */
  @Override
  public String toString() {
    return sets.size() == 1 ? String.join(", ", sets.get(0))
        : sets.stream().map(set -> "{" + String.join(", ", set) + "}").collect(Collectors.joining(" and "));
  }

  /** {@code sets} once each, without one holding all of another's roles, sorted. */
  private static List<List<String>> minimal(List<List<String>> sets) {
    List<List<String>> distinct = new ArrayList<>(new LinkedHashSet<>(sets));
    List<List<String>> kept = new ArrayList<>();
    for (List<String> set : distinct) {
      if (distinct.stream().noneMatch(other -> other != set && set.containsAll(other))) {
        kept.add(set);
      }
    }
    kept.sort(Comparator.comparing((List<String> set) -> set.size()).thenComparing(Object::toString));
    return kept;
  }
}
