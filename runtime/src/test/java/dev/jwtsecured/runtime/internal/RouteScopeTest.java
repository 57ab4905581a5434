package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A configuration's packages: the named ones and their subpackages, by whole package names. */
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
}
