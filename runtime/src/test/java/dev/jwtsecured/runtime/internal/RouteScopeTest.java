package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.UnseenMethods;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A configuration's packages (the named ones and their subpackages, by whole package names), and which resource methods
 * its dynamic feature was asked about.
 */
class RouteScopeTest {
  @Test
  void aClassIsWithinItsPackageAndItsParentsNeverASiblingWithALongerName() {
    assertTrue(RouteScope.within(RouteScope.class, List.of("dev.jwtsecured.runtime.internal")));
    assertTrue(RouteScope.within(RouteScope.class, List.of("dev.jwtsecured")));
    assertTrue(RouteScope.within(RouteScope.class, List.of("")), "the default package's configuration: every class");
    assertFalse(RouteScope.within(RouteScope.class, List.of("dev.jwtsecured.runtime.inter")));
    assertFalse(RouteScope.within(RouteScope.class, List.of("dev.jwtsecured.runtime.internal.sub", "java.lang")));
    assertFalse(RouteScope.within(RouteScope.class, List.of()));
  }

  /**
   * Each method once, by the runtime's {@code ResourceInfo} for it: the configuration's dynamic feature and its feature
   * check both pass the same object on; two objects for equal methods (one method reached through two locators) are
   * two methods, each to be bound.
   */
  @Test
  void eachResourceMethodIsFirstAskedOnceByItsRuntimeObject() throws Exception {
    RouteScope scope = new RouteScope("test.Config", List.of("test"), c -> false, UnseenMethods.REQUIRE_TOKEN,
        null);
    assertFalse(scope.consulted());
    Method method = RouteScopeTest.class.getDeclaredMethod("eachResourceMethodIsFirstAskedOnceByItsRuntimeObject");
    ResourceInfo one = info(method);
    ResourceInfo other = info(method);
    assertTrue(scope.firstAsked(one));
    assertTrue(scope.consulted());
    assertFalse(scope.firstAsked(one), "the same method again");
    assertTrue(scope.firstAsked(other), "an equal method the runtime describes apart");
  }

  private static ResourceInfo info(Method method) {
    return new ResourceInfo() {
      @Override
      public Method getResourceMethod() {
        return method;
      }

      @Override
      public Class<?> getResourceClass() {
        return RouteScopeTest.class;
      }

      @Override
      public boolean equals(Object o) {
        return o instanceof ResourceInfo r && r.getResourceMethod().equals(method);
      }

      @Override
      public int hashCode() {
        return method.hashCode();
      }
    };
  }
}
