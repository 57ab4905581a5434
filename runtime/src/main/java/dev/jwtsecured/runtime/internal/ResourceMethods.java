package dev.jwtsecured.runtime.internal;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Compares the resource method JAX-RS hands over ({@code ResourceInfo.getResourceMethod()}) with a method the processor
 * named: by name and parameter types, against class literals in generated code. Nothing is looked up.
 */
public final class ResourceMethods {
  private ResourceMethods() {}

  /** Whether {@code method} is named {@code name} and declares exactly {@code parameterTypes}. */
  public static boolean is(Method method, String name, Class<?>... parameterTypes) {
    return method.getName().equals(name)
        && method.getParameterCount() == parameterTypes.length
        && Arrays.equals(method.getParameterTypes(), parameterTypes);
  }
}
