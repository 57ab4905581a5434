package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated policies name a resource method by its name and its parameter types as text, written by the processor
 * as {@code Class.getTypeName()} gives them at run time: binary names for nested classes, {@code []} per array
 * dimension, primitives by keyword. The processor's side of this contract is pinned in its {@code RobustnessTest}.
 */
class ResourceMethodsTest {
  static final class Item {}

  @SuppressWarnings("unused")
  static final class Resource {
    public String list(int n, String[] names) {
      return "";
    }

    public void create(Item[][] items, Map.Entry<String, String> tag, List<String> tags, long... ids) {}

    public void create(String body) {}
  }

  static Method method(String name, int parameters) {
    // The test looks methods up, as JAX-RS does; the runtime itself only compares what it is handed.
    return Arrays.stream(Resource.class.getDeclaredMethods())
        .filter(m -> m.getName().equals(name) && m.getParameterCount() == parameters)
        .findFirst().orElseThrow();
  }

  @Test
  void matchesByNameAndParameterTypeNames() {
    assertTrue(ResourceMethods.is(method("list", 2), "list", "int", "java.lang.String[]"));
    assertTrue(ResourceMethods.is(method("create", 4), "create",
        "dev.jwtsecured.runtime.internal.ResourceMethodsTest$Item[][]", "java.util.Map$Entry", "java.util.List",
        "long[]"));
    assertTrue(ResourceMethods.is(method("create", 1), "create", "java.lang.String"));
  }

  @Test
  void anOverloadOrAnotherNameDoesNotMatch() {
    assertFalse(ResourceMethods.is(method("create", 1), "create", "java.lang.Object"));
    assertFalse(ResourceMethods.is(method("create", 1), "create"));
    assertFalse(ResourceMethods.is(method("create", 1), "list", "java.lang.String"));
    assertFalse(ResourceMethods.is(method("list", 2), "list", "int", "java.lang.String"));
    assertFalse(ResourceMethods.is(method("create", 4), "create",
        "dev.jwtsecured.runtime.internal.ResourceMethodsTest.Item[][]", "java.util.Map.Entry", "java.util.List",
        "long[]"), "canonical names are not binary names");
  }
}
