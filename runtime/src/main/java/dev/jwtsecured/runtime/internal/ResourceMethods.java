package dev.jwtsecured.runtime.internal;

import java.lang.reflect.Method;

/**
 * Compares the resource method JAX-RS hands over ({@code ResourceInfo.getResourceMethod()}) with a method the processor
 * named: by name and parameter types, the types as text ({@link Class#getTypeName()}), so that generated code in the
 * configuration's package never needs to see a parameter type (a package-private bean beside its resource, say). The
 * resource class itself is compared by identity before. Nothing is looked up.
 */
public final class ResourceMethods {
  private ResourceMethods() {}

  /**
   * Whether {@code method} is named {@code name} and declares exactly parameters of the types named
   * {@code parameterTypes}: binary names for classes ({@code Outer$Inner}), {@code []} per array dimension, primitives
   * by keyword.
   */
  public static boolean is(Method method, String name, String... parameterTypes) {
    if (!method.getName().equals(name) || method.getParameterCount() != parameterTypes.length) {
      return false;
    }
    Class<?>[] declared = method.getParameterTypes();
    for (int i = 0; i < declared.length; i++) {
      if (!declared[i].getTypeName().equals(parameterTypes[i])) {
        return false;
      }
    }
    return true;
  }
}
