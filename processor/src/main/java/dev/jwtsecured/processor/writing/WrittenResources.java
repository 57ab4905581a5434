package dev.jwtsecured.processor.writing;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import javax.annotation.processing.Filer;

/**
 * The class-path resources each compilation (known by its {@link Filer}, which javac gives every processor of it) has
 * written so far, so that {@link EarlierBuild} reads only what an earlier build left: javac refuses to hand out a file
 * this compilation wrote, warning "Attempt to create a file ... multiple times" under {@code -Xlint:processing}, and
 * another compiler would hand out this compilation's copy instead of the earlier build's. What was written is kept,
 * for the package markers of a configuration written again ({@link EarlierBuild#securingWithParents}). Both
 * processors of the module write and read, each through instances of its own, hence one table for the process; the
 * filers are weak keys, so a finished compilation leaves nothing behind.
 */
final class WrittenResources {
  private static final Map<Filer, Map<String, String>> WRITTEN = Collections.synchronizedMap(new WeakHashMap<>());

  private WrittenResources() {}

  static void add(Filer filer, String path, String content) {
    WRITTEN.computeIfAbsent(filer, f -> Collections.synchronizedMap(new HashMap<>())).put(path, content);
  }

  static boolean contains(Filer filer, String path) {
    return content(filer, path).isPresent();
  }

  /** What this compilation wrote at {@code path}, if it wrote there. */
  static Optional<String> content(Filer filer, String path) {
    Map<String, String> written = WRITTEN.get(filer);
    return Optional.ofNullable(written == null ? null : written.get(path));
  }
}
