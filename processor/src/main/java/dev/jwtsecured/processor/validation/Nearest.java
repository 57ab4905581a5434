package dev.jwtsecured.processor.validation;

import java.util.Comparator;
import java.util.List;

/** What an {@code exclude} pattern that matches no route was probably meant to be: the nearest template. */
final class Nearest {
  private Nearest() {}

  /**
   * The template nearest to {@code pattern}: one it is a prefix of (the unanchored habit: {@code "/users"} meant to
   * cover {@code /users/{id}}), else the nearest by edit distance (a typo).
   */
  static String template(String pattern, List<String> templates) {
    return templates.stream()
        .min(Comparator.comparingInt((String t) -> t.startsWith(pattern) ? 0 : 1)
            .thenComparingInt(t -> distance(pattern, t))
            .thenComparing(Comparator.naturalOrder()))
        .orElseThrow();
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
