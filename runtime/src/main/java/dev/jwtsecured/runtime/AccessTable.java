package dev.jwtsecured.runtime;

import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the {@link AccessRule} of each matched resource method, so that the generated table is consulted once per
 * method rather than once per request. Keys are what {@code ResourceInfo} hands over; nothing is looked up
 * reflectively: the generated resolver compares the method's name and parameter types with class literals.
 */
public final class AccessTable {
  /** The generated part: the rule for a resource class and one of its methods. */
  @FunctionalInterface
  public interface Resolver {
    AccessRule resolve(Class<?> resourceClass, Method method);
  }

  private final Resolver resolver;
  private final ConcurrentHashMap<Class<?>, ConcurrentHashMap<Method, AccessRule>> rules = new ConcurrentHashMap<>();

  public AccessTable(Resolver resolver) {
    this.resolver = resolver;
  }

  /** The rule for the method JAX-RS matched; {@link AccessRule#AUTHENTICATED} when it names none. */
  public AccessRule ruleFor(ResourceInfo matched) {
    return matched == null
        ? AccessRule.AUTHENTICATED
        : ruleFor(matched.getResourceClass(), matched.getResourceMethod());
  }

  /** The rule for a resource class and method; {@link AccessRule#AUTHENTICATED} when either is unknown. */
  public AccessRule ruleFor(Class<?> resourceClass, Method method) {
    if (resourceClass == null || method == null) {
      return AccessRule.AUTHENTICATED;
    }
    ConcurrentHashMap<Method, AccessRule> byMethod = rules.get(resourceClass);
    if (byMethod == null) {
      byMethod = rules.computeIfAbsent(resourceClass, c -> new ConcurrentHashMap<>());
    }
    AccessRule rule = byMethod.get(method);
    if (rule == null) {
      rule = byMethod.computeIfAbsent(method, m -> resolver.resolve(resourceClass, m));
    }
    return rule;
  }

  /** Whether {@code method} is named {@code name} and declares exactly {@code parameterTypes}. For generated tables. */
  public static boolean is(Method method, String name, Class<?>... parameterTypes) {
    return method.getName().equals(name)
        && method.getParameterCount() == parameterTypes.length
        && Arrays.equals(method.getParameterTypes(), parameterTypes);
  }
}
