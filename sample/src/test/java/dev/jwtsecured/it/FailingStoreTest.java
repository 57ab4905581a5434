package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.it.failing.FailingSecurity;
import dev.jwtsecured.it.failing.FailingSecurityJwtFeature;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The application's user store failing (a database that is down, a driver refusing a value): the authenticator or the
 * retriever throws, on every runtime.
 */
class FailingStoreTest {
  static final String SECRET = RetrieverVariantsTest.SECRET;

  static String token(String sub) {
    return RetrieverVariantsTest.token(sub); // a token of a minute for sub, signed with SECRET
  }

  static void assertNothingLeaks(RawHttp.Response r) {
    assertEquals(500, r.status, r.toString());
    for (String leak : List.of("hunter2", "db.internal", "IllegalStateException", "Exception", "\tat ",
        "FailingSecurity")) {
      assertFalse(r.toString().contains(leak), "the answer shows " + leak + ": " + r);
    }
  }

  static RawHttp.Response login(TestServer server, String username) {
    return server.http.sendBody("POST", "/token", "grant_type=password&username=" + username + "&password=pw",
        "Content-Type: application/x-www-form-urlencoded");
  }

  static TestServer start(Class<?>... more) {
    FailingSecurityJwtFeature feature =
        new FailingSecurityJwtFeature(FailingSecurityJwtFeature.settings().secret(SECRET).build());
    List<Class<?>> classes = new ArrayList<>(List.of(FailingSecurity.WhoAmI.class));
    classes.addAll(List.of(more));
    return TestServer.start(feature, FailingSecurityJwtFeature.classes(), classes.toArray(Class<?>[]::new));
  }

  /**
   * The authenticator runs on whatever user name a client sends, and its store may fail on one: the answer is a 500
   * {@code server_error} that shows nothing of the failure. Before, RESTEasy answered with the exception's message
   * (its default mapper) and CXF's servlet with the container's error page.
   */
  @Test
  void aFailingAuthenticatorIsA500ThatShowsNothing() throws Exception {
    try (TestServer server = start()) {
      assertEquals(200, login(server, "ada").status);
      RawHttp.Response failed = login(server, "boom");
      assertNothingLeaks(failed);
      assertEquals("server_error", new ObjectMapper().readTree(failed.body).get("error").asText(), failed.toString());
      assertEquals("no-store", failed.header("Cache-Control"));
      RawHttp.Response busy = login(server, "busy");
      assertEquals(503, busy.status, "the application's own WebApplicationException: " + busy);
      assertEquals("7", busy.header("Retry-After"), busy.toString());
    }
  }

  /** With an exception mapper of the application's own, the application answers its store's failures. */
  @Test
  void theApplicationsExceptionMapperAnswersItsStoresFailures() {
    try (TestServer server = start(FailingSecurity.StoreDown.class)) {
      RawHttp.Response failed = login(server, "boom");
      assertEquals(503, failed.status, failed.toString());
      assertEquals("the user store is down", failed.body);
      RawHttp.Response filtered = server.http.send("GET", "/whoami", "Authorization: Bearer " + token("boom"));
      assertEquals(503, filtered.status, "the retriever's failure: " + filtered);
      assertEquals(200, server.http.send("GET", "/whoami", "Authorization: Bearer " + token("ada")).status);
    }
  }
}
