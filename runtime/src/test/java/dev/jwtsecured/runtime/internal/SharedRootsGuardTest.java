package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What a locator guard at {@code /{bucket}} (of the root resource class at {@code /}) learns of another configuration's
 * root operations when its feature is installed. {@code SharedRootsTest} in the sample serves it.
 */
class SharedRootsGuardTest {
  private static final SharedRoots.Operation[] LOCATORS = {SharedRoots.locator("/{bucket}", "/", "/{bucket}")};

  @Test
  void theOthersOperationsThatJaxRsMatchesFirstAreLeftToThem() {
    SharedRoots.Guard guard = new SharedRoots.Guard(LOCATORS, null);
    guard.leave("a.A", "b.B", new SharedRoots.Operation[] {
        SharedRoots.operation("/b/login", "/b/login", "POST"),
        // Its class's template sorts alike with the locator's: which class a runtime takes is not defined.
        SharedRoots.operation("/{name}", "/{name}", "GET", "HEAD")});
    LocatorPaths.Beside[] beside = guard.beside()[0];
    assertEquals(1, beside.length);
    assertTrue(LocatorPaths.taken("/b/login", "POST", beside));
    assertFalse(LocatorPaths.taken("/b/login", "GET", beside));
    assertFalse(LocatorPaths.taken("/photos", "GET", beside));
  }

  /**
   * The processor wrote {@code POST /login} beside the locator (it compiled both configurations in one application):
   * the runtime does not add it again, and a guard that learns nothing new keeps its table.
   */
  @Test
  void whatTheProcessorWroteBesideTheLocatorIsNotAddedAgain() {
    LocatorPaths.Beside[][] own = {{LocatorPaths.beside(Templates.beside("/login", false), "POST")}};
    SharedRoots.Guard guard = new SharedRoots.Guard(LOCATORS, own);
    SharedRoots.Operation[] theirs = {SharedRoots.operation("/login", "/login", "POST")};
    guard.leave("a.A", "b.B", theirs);
    assertSame(own, guard.beside());
    guard.leave("a.A", "b.B", new SharedRoots.Operation[] {SharedRoots.operation("/status", "/status", "GET")});
    assertEquals(2, guard.beside()[0].length);
    guard.leave("a.A", "b.B", theirs);
    assertEquals(2, guard.beside()[0].length);
    assertTrue(LocatorPaths.taken("/status", "GET", guard.beside()[0]));
  }
}
