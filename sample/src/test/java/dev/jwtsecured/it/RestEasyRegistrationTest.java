package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwtsecured.runtime.internal.Templates;
import dev.jwtsecured.testing.TestServer;
import org.jboss.resteasy.specimpl.ResteasyUriBuilderImpl;
import org.jboss.resteasy.spi.ResteasyUriBuilder;
import org.junit.jupiter.api.Test;

/**
 * {@link Templates#registered} against the RESTEasy of the run (7.0 or 6.2): for every pair of these {@code @Path}
 * values, of a root resource class and its locator, the template RESTEasy registers the locator at, as its
 * {@code ResourceBuilder} joins the two ({@code UriBuilder.path}, twice, escaping what it escapes) and its registry
 * drops one first and one last slash. The locator guard compares another configuration's root operations with it
 * ({@code SharedRootsTest}); a count of literal characters below RESTEasy's would leave it a path that RESTEasy with
 * wider matching takes to the locator.
 */
class RestEasyRegistrationTest {
  private static final String[] PATHS = {"", "/", "//", "a", "/a", "a/", "/a/", "a//", "//a", "caf\u00e9", "a b",
      "{x}", "/{rest: .*}", "{rest: .*}/", "100%", "%41", "x/{y: [0-9]+}/z", "\u00e9{x}\u00e9", "a;b=c",
      "!$&'()*+,:@", "[x]", "a\"b", "{w: \\p{L}+}", "x/{id: .+}/y"};

  @Test
  void locatorsAreRegisteredAsThisRestEasyRegistersThem() {
    assumeTrue(TestServer.runtime().equals("resteasy"), "RESTEasy's own registration");
    for (String classPath : PATHS) {
      for (String methodPath : PATHS) {
        assertEquals(RestEasy.registered(classPath, methodPath), Templates.registered(classPath, methodPath),
            classPath + " and " + methodPath);
      }
    }
  }

  /** RESTEasy's own classes, loaded only on its runs. */
  private static final class RestEasy {
    /** The locator's template as RESTEasy registers it, with one slash put first. */
    static String registered(String classPath, String methodPath) {
      ResteasyUriBuilder joined = new ResteasyUriBuilderImpl();
      joined.path(classPath);
      joined.path(methodPath);
      ResteasyUriBuilder registered = new ResteasyUriBuilderImpl();
      registered.path("");
      registered.path(joined.getPath());
      String path = registered.getPath();
      path = path.startsWith("/") ? path.substring(1) : path;
      path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      return "/" + path;
    }
  }
}
