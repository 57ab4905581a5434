package dev.jwtsecured.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.jwtsecured.processor.Sources.plainConfig;
import static dev.jwtsecured.processor.Sources.source;
import static dev.jwtsecured.processor.Sources.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.jwtsecured.processor.validation.Message;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application far larger than the sample: 2,400 resource methods on 200 root resources, and 480 more on 40 types
 * that sub-resource locators declare. The generated policies held one branch per resource method in one method, which
 * the JVM limits to 65,535 bytes of bytecode: from about 1,700 resource methods javac failed with "code too large"
 * inside the generated file. Each resource method must still get its own rule, as in a small application.
 */
class LargeApplicationTest {
  private static final int ROOTS = 200;
  private static final int SUBS = 40;
  private static final int METHODS = 12;

  private static List<JavaFileObject> sources() {
    List<JavaFileObject> sources = new ArrayList<>(List.of(user(), plainConfig()));
    for (int c = 0; c < ROOTS; c++) {
      List<String> lines = new ArrayList<>(List.of("@Path(\"/r" + c + "\")", "public class R" + c + " {"));
      for (int m = 0; m < METHODS; m++) {
        lines.add("  @GET @Path(\"m" + m + "/{id}\") @RolesAllowed(\"role" + m + "\")"
            + " public String m" + m + "(@PathParam(\"id\") String id, @QueryParam(\"q\") int q) { return id; }");
      }
      if (c == 0) {
        for (int k = 0; k < SUBS; k++) {
          lines.add("  @Path(\"s" + k + "\") public S" + k + " s" + k + "() { return new S" + k + "(); }");
        }
      }
      lines.add("}");
      sources.add(source("R" + c, lines.toArray(new String[0])));
    }
    for (int k = 0; k < SUBS; k++) {
      List<String> lines = new ArrayList<>(List.of("public class S" + k + " {"));
      for (int m = 0; m < METHODS; m++) {
        lines.add("  @DELETE @Path(\"t" + m + "\") @RolesAllowed(\"sub" + m + "\") public void t" + m + "() {}");
      }
      lines.add("}");
      sources.add(source("S" + k, lines.toArray(new String[0])));
    }
    return sources;
  }

  /** Failed before the fix: "code too large" in {@code ConfigJwtPolicies}. */
  @Test
  void everyResourceMethodOfALargeApplicationGetsItsRule(@TempDir Path dir) throws Exception {
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(sources());
    assertThat(c).succeededWithoutWarnings();
    String policies = c.generatedSourceFile("test.ConfigJwtPolicies").orElseThrow().getCharContent(true).toString();
    assertTrue(policies.contains("private static AccessRule rule2(Class<?> resourceClass, Method method)"), policies);

    List<URL> urls = new ArrayList<>();
    for (File f : Sources.classPathWith(dir, c)) {
      urls.add(f.toURI().toURL());
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), null)) {
      Class<?> generated = loader.loadClass("test.ConfigJwtPolicies");
      // The test reads the generated lookups as the generated feature calls them.
      Method rule = generated.getDeclaredMethod("rule", Class.class, Method.class);
      Method knows = generated.getDeclaredMethod("knows", Class.class);
      Method locator = generated.getDeclaredMethod("locator", Class.class, Method.class);
      rule.setAccessible(true);
      knows.setAccessible(true);
      locator.setAccessible(true);
      for (int r = 0; r < ROOTS; r++) {
        Class<?> resource = loader.loadClass("test.R" + r);
        assertTrue((Boolean) knows.invoke(null, resource), resource::getName);
        for (int m = 0; m < METHODS; m++) {
          Method method = resource.getMethod("m" + m, String.class, int.class);
          assertEquals("RolesAllowed[role" + m + "]", String.valueOf(rule.invoke(null, resource, method)),
              method::toString);
        }
      }
      Class<?> root = loader.loadClass("test.R0");
      for (int k = 0; k < SUBS; k++) {
        Class<?> sub = loader.loadClass("test.S" + k);
        assertTrue((Boolean) locator.invoke(null, root, root.getMethod("s" + k)));
        for (int m = 0; m < METHODS; m++) {
          Method method = sub.getMethod("t" + m);
          assertEquals("RolesAllowed[sub" + m + "]", String.valueOf(rule.invoke(null, sub, method)),
              method::toString);
        }
      }
      assertNull(rule.invoke(null, root, Object.class.getMethod("toString")));
      assertEquals(false, knows.invoke(null, loader.loadClass("test.Config")));
    }
  }

  /**
   * A protected catch-all locator at {@code /} with a thousand public root resource methods beside it, each matched
   * before it: the guard's table of paths beside the locator (one method of code) still compiles; beyond a thousand it
   * is left out, and the guard asks a token on all of those paths, as it did before such paths were known.
   */
  @Test
  void aThousandPathsBesideALocatorCompileAndMoreAreLeftOut() throws Exception {
    for (int roots : new int[] {10, 11}) {
      List<JavaFileObject> sources = new ArrayList<>(List.of(user(), plainConfig(), source("All",
          "@Path(\"/\")",
          "public class All {",
          "  @Path(\"{rest: .*}\") public Sub any() { return new Sub(); }",
          "  public static class Sub {",
          "    @GET public String read() { return \"\"; }",
          "  }",
          "}")));
      for (int c = 0; c < roots; c++) {
        List<String> lines = new ArrayList<>(List.of("@Path(\"/p" + c + "\")", "public class P" + c + " {"));
        for (int m = 0; m < 100; m++) {
          lines.add("  @GET @Path(\"m" + m + "\") @PermitAll public String m" + m + "() { return \"\"; }");
        }
        lines.add("}");
        sources.add(source("P" + c, lines.toArray(new String[0])));
      }
      Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(sources);
      assertThat(c).succeededWithoutWarnings();
      String guard = c.generatedSourceFile("test.ConfigJwtLocatorGuard").orElseThrow().getCharContent(true).toString();
      assertEquals(roots * 100 <= 1_000, guard.contains("BESIDE"), roots + " root resources");
      assertEquals(roots * 100 <= 1_000, guard.contains("LocatorPaths.beside(\"\\\\Q/p9/m99\\\\E/?\", \"GET\""),
          roots + " root resources");
    }
  }

  /**
   * {@code count} classes, each with a locator to every other (one of them declaring {@code Object}, whose rule the
   * guard checks), below a root resource at {@code /r}: JAX-RS reaches each class along every order of the others.
   */
  private static List<JavaFileObject> linked(int count) {
    List<JavaFileObject> sources = new ArrayList<>(List.of(user(), plainConfig()));
    for (int i = 0; i < count; i++) {
      List<String> lines = new ArrayList<>(List.of(i == 0 ? "@Path(\"/r\")" : "",
          "public class C" + i + " {", "  @GET public String get() { return \"\"; }"));
      for (int j = 0; j < count; j++) {
        if (j != i) {
          lines.add("  @Path(\"c" + j + "/{id}\") @RolesAllowed(\"r" + j + "\") public C" + j + " c" + j + "() {"
              + " return new C" + j + "(); }");
        }
      }
      lines.add("  @Path(\"any\") @RolesAllowed(\"any\") public Object any() { return new C0(); }");
      lines.add("}");
      sources.add(source("C" + i, lines.toArray(new String[0])));
    }
    return sources;
  }

  /**
   * Four classes whose locators lead to each other: thousands of paths to guard, more than one method of code holds
   * (the guard's static initializer held them all, and javac failed with "code too large" inside the generated file,
   * as it did for two applications of random shape). The tables are split over methods, in order.
   */
  @Test
  void locatorsLeadingToOneAnotherGetTheirGuardInParts(@TempDir Path dir) throws Exception {
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(linked(4));
    assertThat(c).succeeded();
    String guard = c.generatedSourceFile("test.ConfigJwtLocatorGuard").orElseThrow().getCharContent(true).toString();
    assertTrue(guard.contains("private static final Pattern[] LOCATORS = locators();"), guard);
    assertTrue(guard.contains("private static final AccessRule[] RULES = rules();"), guard);
    assertTrue(guard.contains("private static Pattern[] locators2() {"), guard);
    // Each class's method is reached along hundreds of paths: the warning names ten.
    assertEquals(4, c.warnings().size(), c.warnings().toString());
    assertTrue(c.warnings().stream().allMatch(w -> w.getMessage(null).matches(".* and [0-9]+ more paths; JAX-RS.*")),
        c.warnings().toString());
    int entries = guard.split("Pattern\\.compile\\(", -1).length - 1;
    List<URL> urls = new ArrayList<>();
    for (File f : Sources.classPathWith(dir, c)) {
      urls.add(f.toURI().toURL());
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), null)) {
      Class<?> generated = loader.loadClass("test.ConfigJwtLocatorGuard");
      // The two tables stay parallel, every entry in.
      java.lang.reflect.Field locators = generated.getDeclaredField("LOCATORS");
      java.lang.reflect.Field rules = generated.getDeclaredField("RULES");
      locators.setAccessible(true);
      rules.setAccessible(true);
      assertEquals(entries, ((Object[]) locators.get(null)).length);
      assertEquals(entries, ((Object[]) rules.get(null)).length);
      assertTrue(entries > 2_000, entries + " entries");
    }
  }

  /**
   * Five such classes lead to more paths than a class file can name (the guard's hundred thousand patterns, javac
   * "too many constants" after minutes and gigabytes): a compile error on the locator where the count passes the
   * limit says why and what to change, within seconds.
   */
  @Test
  void locatorsLeadingToOneAnotherInEveryOrderAreRefused() {
    Compilation c = javac().withProcessors(new JwtSecuredProcessor()).compile(linked(5));
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[" + Message.TOO_MANY_LOCATOR_PATHS.tag() + "] The configuration's resources"
        + " lead to more than 20,000 operations and locators, this locator at \"/r/c");
    assertThat(c).hadErrorCount(1);
    assertTrue(c.errors().get(0).getSource().getName().matches(".*/C[0-4]\\.java"), c.errors().toString());
  }
}
