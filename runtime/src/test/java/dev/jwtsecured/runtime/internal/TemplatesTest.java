package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplatesTest {
  /**
   * What a locator's template reaches: itself and every path below it; where its last segment may be empty, the path
   * without it too (Apache CXF takes {@code PUT /store} to {@code /store/{rest: .*}}, the rest empty; before, the guard
   * left that request alone and the locator ran without a token).
   */
  @ParameterizedTest
  @CsvSource({
    "/store/{rest: .*}, /store, true",
    "/store/{rest: .*}, /store/, true",
    "/store/{rest: .*}, /store/a/b, true",
    "/store/{rest: .*}, /storex, false",
    "/store/{a: .*}{b: [0-9]*}, /store, true",
    "/a/{x: [a-z]*}, /a, true",
    "/files/{name}, /files, false",
    "/files/{name}, /files/x/y, true",
    "/a/{x: .*}/b, /a, false",
    "/a/{x: .*}/b, /a//b, true",
    "/a/{x: a/.*}, /a, false",
    "/a/x{y: .*}, /a, false",
    "/a/x{y: .*}, /a/x, true",
    "/{rest: .*}, /, true",
    "/, /anything/at/all, true",
  })
  void aLocatorsTemplateReachesItselfAndBelowAndWithoutAnEmptyLastSegment(String template, String path,
      boolean reached) {
    assertEquals(reached, Pattern.compile(Templates.guarded(template)).matcher(path).matches(), template + " " + path);
  }

  /**
   * What a path beside a guarded locator takes stays narrow: {@code /store} is not taken by a locator at
   * {@code /store/{rest: .*}} beside it, which JAX-RS does not give it on every runtime; the guard would leave such a
   * request alone for the guarded locator.
   */
  @ParameterizedTest
  @CsvSource({
    "/store/{rest: .*}, /store, false",
    "/store/{rest: .*}, /store/, true",
    "/store/{rest: .*}, /store/a, true",
    "/files/{name}, /files/x/y, true",
  })
  void whatAPathBesideTakesStaysNarrow(String template, String path, boolean taken) {
    assertEquals(taken, Pattern.compile(Templates.below(template)).matcher(path).matches(), template + " " + path);
  }

  /**
   * The order JAX-RS sorts templates in (3.7.2, step 3): more literal characters first, then more parameters, then more
   * with their own regular expression; strictly, so a template never sorts before itself. Where runtimes count the
   * parameters apart (a capturing group, a name used twice, the default expression written out) only the literal
   * characters decide, and such templates never sort alike.
   */
  @ParameterizedTest(name = "{0} before {1}: {2}, alike: {3}")
  @CsvSource(delimiter = ';', value = {
    "/items/count; /items/{id}; true; false",
    "/items/{id}; /items/count; false; false",
    "/a/{x}/{y}; /ab/{x}; true; false",
    "/ab/{x}; /a/{x}/{y}; false; false",
    "/a/{x: [0-9]+}; /a/{x}; true; false",
    "/a/{x}; /a/{x: [0-9]+}; false; false",
    "/a/{x}; /b/{y}; false; true",
    "/a/{x}; /a/{x}; false; true",
    "/a/{x: (a|b)}; /a/{x}; false; false",
    "/a/{x}; /a/{x: (a|b)}; false; false",
    "/a/{x}/{x}; /ab/{x}; false; false",
    "/a/{x: [^/]+}; /a/{x}; false; false",
    "/abc/{x: (a|b)}; /a/{x}; true; false",
  })
  void templatesSortAsJaxRsSortsThem(String first, String second, boolean before, boolean alike) {
    assertEquals(before, Templates.sortsBefore(first, second), "sorts before");
    assertEquals(alike, Templates.sortsAlike(first, second), "sorts alike");
    assertEquals(alike, Templates.sortsAlike(second, first), "sorts alike, turned round");
  }

  /**
   * What a guarded locator leaves to a sibling of its class: only what every runtime tries first. RESTEasy counts no
   * parameters, so at as many literal characters a sibling with more parameters is first on Jersey and Apache CXF
   * only, unless it has more with their own regular expression, or is a resource method (before a locator wherever
   * the rest ties). Before, {@code /{id}} was left beside a locator at {@code //} ({@code /} once joined), and
   * RESTEasy ran that locator without a token (random application 88465).
   */
  @ParameterizedTest(name = "{0} before the locator at {1}, a method: {2}: {3}")
  @CsvSource(delimiter = ';', value = {
    "/{id}; /; false; false",
    "/{id}; /; true; true",
    "/{x}{y}; /{name}; false; false",
    "/{x}{y}; /{name}; true; true",
    "/{x: [0-9]+}; /{name}; false; true",
    "/count; /{name}; false; true",
    "/{name}; /{id}; true; true",
    "/{name}; /{id}; false; false",
    "/{name}; /count; true; false",
    "/{x}/{y}; /ab/{x}; true; false",
  })
  void siblingsAreFirstWhereEveryRuntimeSortsThemFirst(String first, String locator, boolean method, boolean taken) {
    assertEquals(taken, Templates.siblingFirst(first, locator, method));
  }

  /**
   * The template at which RESTEasy registers a root resource class's locator, as its {@code UriBuilder} joins the two
   * {@code @Path} values and escapes their literal characters, and as its registry drops one first and one last slash
   * ({@code RestEasyRegistrationTest} in the sample checks it against RESTEasy 7.0 and 6.2 themselves).
   */
  @ParameterizedTest(name = "{0} and {1}: {2}")
  @CsvSource(delimiter = '|', value = {
    "{rest: .*}| {rest: .*}| /{rest: .*}/{rest: .*}",
    "/shelves| {name: [a-z]+}| /shelves/{name: [a-z]+}",
    "a/| //| /a/",
    "/| /| /",
    "''|''| /",
    "//a| ''| //a",
    "/| café| /caf%C3%A9",
    "a b| {x}| /a%20b/{x}",
    "100%| %41| /100%25/%41",
    "a;b=c| é{x: [0-9]+}é| /a;b=c/%C3%A9{x: [0-9]+}%C3%A9",
    "[x]| {y}| /%5Bx%5D/{y}",
  })
  void locatorsAreRegisteredAsRestEasyRegistersThem(String classPath, String methodPath, String registered) {
    assertEquals(registered, Templates.registered(classPath, methodPath));
  }

  /**
   * What another configuration's guard leaves to a root operation at {@code path} of the class at {@code rootPath},
   * beside a protected locator at {@code locator} of the class at {@code locatorRoot}, reached through the outermost
   * locator RESTEasy registers at {@code entry}: only where JAX-RS picks the operation's class first and the operation
   * sorts before that outermost locator too, as RESTEasy with wider matching sorts them; and only where RESTEasy picks
   * the operation's class first by its own keys too, which count no parameter but those with a regular expression of
   * their own (before, {@code /x/{a}/{b}/{c}/x} was left beside a locator of the class at {@code /{d: [a-z]+}/x/x},
   * which RESTEasy picks first, and it ran without a token). Before, the operation was compared with the locator
   * itself: {@code /a/{id: [0-9]+}} beside {@code /{rest: .*}/{rest: .*}/{rest: .*}}, reached only through {@code
   * /{rest: .*}/{rest: .*}}, was not left, and the other's callers were refused (random application 65366).
   */
  @ParameterizedTest(name = "{0} of {1} before {2} of {3} through {4}: {5}")
  @CsvSource(delimiter = ';', value = {
    "/a/{id: [0-9]+}; /a; /{rest: .*}/{rest: .*}/{rest: .*}; /{rest: .*}; /{rest: .*}/{rest: .*}; true",
    "/a/{id: [0-9]+}; /a; /{rest: .*}/{rest: .*}/{rest: .*}; /{rest: .*}; /{rest: .*}/{rest: .*}/{rest: .*}; false",
    "/t/{tag}/{page}; /t; /{d: [a-z]+}/{f}/{file}/{e: .*}; /{d: [a-z]+}; /{d: [a-z]+}/{f}; true",
    "/t/{tag}/{page}; /t; /{d: [a-z]+}/{f}/{file}/{e: .*}; /{d: [a-z]+}; /{d: [a-z]+}/{f}/{file}/{e: .*}; false",
    "/{x}/{tag}/{page}; /{x}; /{d: [a-z]+}/{f}/{file}/{e: .*}; /{d: [a-z]+}; /{d: [a-z]+}/{f}; false",
    "/t/{path: .*}; /t/{path: .*}; /{d: [a-z]+}/{f}/{file}/{e: .*}; /{d: [a-z]+}; /{d: [a-z]+}/{f}; false",
    "/t/{tag}/{page}; /t; /{d: [a-z]+}/id; /{d: [a-z]+}; /{d: [a-z]+}/id; false",
    "/x/{a}/{b}/{c}/x; /x/{a}/{b}/{c}; /{d: [a-z]+}/x/x/{k}; /{d: [a-z]+}/x/x; /{d: [a-z]+}/x/x/{k}; false",
    "/x/{a}/{b}/{c}/x; /x/{a}/{b}/{c}; /{d}/x/x/{k}; /{d}/x/x; /{d}/x/x/{k}; false",
    "/x/{a}/{b}/{c}/x; /x/{a}/{b}/{c}; /{d}/x/{k}; /{d}/x; /{d}/x/{k}; true",
  })
  void anotherConfigurationsRootOperationIsLeftWhereEveryRuntimeTakesItFirst(String path, String rootPath,
      String locator, String locatorRoot, String entry, boolean taken) {
    assertEquals(taken, Templates.takenBefore(locator, locatorRoot, entry).test(path, rootPath));
  }

  /**
   * The order of RESTEasy with wider matching, of every root resource's templates together: literal characters as it
   * counts them ({@code é} escaped, nine for {@code café}), then parameters with a regular expression of their own
   * alone, where JAX-RS counts every parameter first ({@code /a/{x}/{y}} sorts before {@code /{r: [a-z]+}/bc} there).
   */
  @ParameterizedTest(name = "{0} before {1}: {2}, by JAX-RS: {3}")
  @CsvSource(delimiter = ';', value = {
    "/a/{x}/{y}; /{r: [a-z]+}/bc; false; true",
    "/a/{x: [0-9]+}/{y: [a-z]+}; /{r: [a-z]+}/bc; true; true",
    "/a/{x: [0-9]+}/{y}; /{r: [a-z]+}/bc; false; true",
    "/ab/{x}; /{r}/b%C3%A9; false; false",
    "/abc/{x}; /{r}/b; true; true",
    "/a/{x: [0-9]+}/{x: [0-9]+}; /{r}/bc; false; false",
  })
  void operationsSortBeforeALocatorAsRestEasyWithWiderMatchingSortsThem(String path, String entry, boolean first,
      boolean jaxRs) {
    assertEquals(first, Templates.firstAtRoot(path, entry));
    assertEquals(jaxRs, Templates.sortsBefore(path, entry));
  }
}
