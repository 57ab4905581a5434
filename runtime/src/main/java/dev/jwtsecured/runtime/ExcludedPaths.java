package dev.jwtsecured.runtime;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code exclude} patterns of a configuration, as the generated filter matches them (SPEC 5.2). Entries without
 * regular-expression syntax match exactly one path, so they sit in a hash set: matching costs the same for 1 or 1,000
 * of them. The others are matched in order with {@link java.util.regex.Matcher#matches()}, never {@code find()}.
 * Immutable and thread-safe.
 */
public final class ExcludedPaths {
  private static final ExcludedPaths NONE = new ExcludedPaths(Set.of(), List.of());

  private final Set<String> literals;
  private final Pattern[] patterns;

  private ExcludedPaths(Set<String> literals, List<Pattern> patterns) {
    this.literals = Set.copyOf(literals);
    this.patterns = patterns.toArray(new Pattern[0]);
  }

  /**
   * @param literals entries that are plain paths, compared as strings
   * @param patterns the other entries, each matched against the whole path
   */
  public static ExcludedPaths of(Set<String> literals, List<Pattern> patterns) {
    return literals.isEmpty() && patterns.isEmpty() ? NONE : new ExcludedPaths(literals, patterns);
  }

  /** No exclusions. */
  public static ExcludedPaths none() {
    return NONE;
  }

  /**
   * Whether {@code path} is excluded. {@code null} (a path with dot-segments or an encoded {@code /}, see
   * {@link JwtAuth#excludablePath}) never is.
   */
  public boolean matches(String path) {
    if (path == null) {
      return false;
    }
    if (literals.contains(path)) {
      return true;
    }
    for (Pattern pattern : patterns) {
      if (pattern.matcher(path).matches()) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return literals.isEmpty() && patterns.length == 0;
  }
}
