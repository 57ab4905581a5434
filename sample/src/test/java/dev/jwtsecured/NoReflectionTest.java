package dev.jwtsecured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.runtime.Token;
import dev.jwtsecured.testing.ConstantPool;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing in {@code runtime} or in generated code is looked up, read or invoked reflectively. Reads the
 * compiled classes' constant pools, which list every method they can call, and fails on any of the members below.
 */
class NoReflectionTest {
  /** Owner prefix (internal form) and member name; {@code *} for every member of the owner. */
  static final Set<String> FORBIDDEN = Set.of(
      "java/lang/Class.forName", "java/lang/Class.getMethod", "java/lang/Class.getMethods",
      "java/lang/Class.getDeclaredMethod", "java/lang/Class.getDeclaredMethods", "java/lang/Class.getField",
      "java/lang/Class.getFields", "java/lang/Class.getDeclaredField", "java/lang/Class.getDeclaredFields",
      "java/lang/Class.getConstructor", "java/lang/Class.getConstructors", "java/lang/Class.getDeclaredConstructor",
      "java/lang/Class.getDeclaredConstructors", "java/lang/Class.newInstance", "java/lang/Class.getAnnotation",
      "java/lang/Class.getAnnotations", "java/lang/Class.getDeclaredAnnotation",
      "java/lang/Class.getDeclaredAnnotations", "java/lang/Class.getAnnotationsByType",
      "java/lang/Class.isAnnotationPresent", "java/lang/reflect/Method.invoke",
      "java/lang/reflect/Method.getAnnotation", "java/lang/reflect/Method.getAnnotations",
      "java/lang/reflect/Method.getDeclaredAnnotations", "java/lang/reflect/Method.isAnnotationPresent",
      "java/lang/reflect/Constructor.newInstance", "java/lang/reflect/AccessibleObject.setAccessible",
      "java/lang/reflect/Method.setAccessible", "java/lang/reflect/Field.setAccessible", "java/lang/reflect/Field.get",
      "java/lang/reflect/Field.set", "java/lang/reflect/Proxy.*", "java/lang/ClassLoader.loadClass",
      "java/lang/ClassLoader.getResources", "java/lang/ClassLoader.getResource", "java/util/ServiceLoader.*",
      "java/lang/invoke/MethodHandles$Lookup.findVirtual", "java/lang/invoke/MethodHandles$Lookup.findStatic",
      "java/lang/invoke/MethodHandles$Lookup.findConstructor", "java/lang/invoke/MethodHandles$Lookup.findGetter",
      "java/lang/invoke/MethodHandles$Lookup.unreflect");

  static List<String> violations(byte[] classFile) throws IOException {
    return ConstantPool.memberReferences(classFile).stream()
        .filter(ref -> FORBIDDEN.contains(ref) || FORBIDDEN.contains(ref.substring(0, ref.indexOf('.')) + ".*"))
        .collect(Collectors.toList());
  }

  /** Every class of the runtime jar (or directory) on the test class path. */
  static Map<String, byte[]> runtimeClasses() throws IOException, URISyntaxException {
    Path location = Path.of(Token.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Map<String, byte[]> classes = new LinkedHashMap<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.walk(location)) {
        for (Path p : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
          classes.put(location.relativize(p).toString(), Files.readAllBytes(p));
        }
      }
    } else {
      try (JarFile jar = new JarFile(location.toFile())) {
        for (JarEntry e : jar.stream().filter(e -> e.getName().endsWith(".class")).collect(Collectors.toList())) {
          try (InputStream in = jar.getInputStream(e)) {
            classes.put(e.getName(), in.readAllBytes());
          }
        }
      }
    }
    return classes;
  }

  /** The compiled classes (nested and lambda classes included) of every source the processor generated here. */
  static Map<String, byte[]> generatedClasses() throws IOException {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    String[][] pairs = {
        {"target/generated-sources/annotations", "target/classes"},
        {"target/generated-test-sources/test-annotations", "target/test-classes"}};
    for (String[] pair : pairs) {
      Path sources = Path.of(pair[0]);
      Path compiled = Path.of(pair[1]);
      if (!Files.isDirectory(sources)) {
        continue;
      }
      List<Path> generated;
      try (Stream<Path> files = Files.walk(sources)) {
        generated = files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList());
      }
      for (Path source : generated) {
        String relative = sources.relativize(source).toString();
        String stem = relative.substring(0, relative.length() - ".java".length());
        Path dir = compiled.resolve(stem).getParent();
        String simple = compiled.resolve(stem).getFileName().toString();
        try (Stream<Path> files = Files.list(dir)) {
          for (Path c : files.filter(f -> f.getFileName().toString().equals(simple + ".class")
              || f.getFileName().toString().startsWith(simple + "$")).collect(Collectors.toList())) {
            classes.put(compiled.relativize(c).toString(), Files.readAllBytes(c));
          }
        }
      }
    }
    return classes;
  }

  @Test
  void runtimeUsesNoReflection() throws Exception {
    Map<String, byte[]> classes = runtimeClasses();
    assertTrue(classes.size() > 10, "found only " + classes.keySet());
    assertEquals(Map.of(), findViolations(classes));
  }

  @Test
  void generatedCodeUsesNoReflection() throws Exception {
    Map<String, byte[]> classes = generatedClasses();
    assertTrue(classes.keySet().stream().anyMatch(n -> n.endsWith("HeaderSecurityJwtFilter.class")),
        classes.keySet()::toString);
    assertTrue(classes.keySet().stream().anyMatch(n -> n.endsWith("ItSecurityJwtFilter.class")),
        classes.keySet()::toString);
    assertEquals(Map.of(), findViolations(classes));
  }

  /** The check itself can fail: a class that does reflect is caught. */
  @Test
  void theCheckCatchesReflection() throws Exception {
    byte[] reflective;
    try (InputStream in = Reflective.class.getResourceAsStream("NoReflectionTest$Reflective.class")) {
      reflective = in.readAllBytes();
    }
    List<String> found = violations(reflective);
    assertTrue(found.contains("java/lang/Class.forName"), found.toString());
    assertTrue(found.contains("java/lang/reflect/Method.invoke"), found.toString());
  }

  private static Map<String, List<String>> findViolations(Map<String, byte[]> classes) throws IOException {
    Map<String, List<String>> found = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> c : classes.entrySet()) {
      List<String> v = violations(c.getValue());
      if (!v.isEmpty()) {
        found.put(c.getKey(), new ArrayList<>(v));
      }
    }
    return found;
  }

  /** Reflects on purpose, for {@link #theCheckCatchesReflection}. */
  static final class Reflective {
    static Object run() throws Exception {
      return Class.forName("java.lang.String").getMethod("length").invoke("abc");
    }
  }
}
