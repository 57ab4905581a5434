package dev.jwtsecured.processor.writing;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.annotation.processing.Filer;

/**
 * The class-path resources each compilation (known by its {@link Filer}, which javac gives every processor of it) has
 * written so far, so that {@link EarlierBuild} reads only what an earlier build left: javac refuses to hand out a file
 * this compilation wrote, warning "Attempt to create a file ... multiple times" under {@code -Xlint:processing}, and
 * another compiler would hand out this compilation's copy instead of the earlier build's. Both processors of the
 * module write and read, each through instances of its own, hence one table for the process; the filers are weak
 * keys, so a finished compilation leaves nothing behind.
 */
final class WrittenResources {
  private static final Map<Filer, Set<String>> WRITTEN = Collections.synchronizedMap(new WeakHashMap<>());

  private WrittenResources() {}

  static void add(Filer filer, String path) {
    WRITTEN.computeIfAbsent(filer, f -> Collections.synchronizedSet(new HashSet<>())).add(path);
  }

  static boolean contains(Filer filer, String path) {
    Set<String> written = WRITTEN.get(filer);
    return written != null && written.contains(path);
  }
}
