package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtsecured.it.generic.LeavesSecurity;
import dev.jwtsecured.it.generic.LeavesSecurityJwtFeature;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Overrides of a generic supertype's public methods, annotated admin-only anew: on Apache CXF, which reports the
 * compiler's bridge methods ({@code read(Object)}), the policies found no rule of the resource's own for the bridge
 * and took the superclass's (a resource of its own), public: anyone read and updated the leaves.
 */
class GenericOverridesTest {
  @Test
  void overridesOfAGenericSupertypesMethodsKeepTheirOwnRules() throws Exception {
    LeavesSecurityJwtFeature feature =
        new LeavesSecurityJwtFeature(LeavesSecurityJwtFeature.settings().secret(CxfTest.SECRET).build());
    try (TestServer server = TestServer.startAt("", List.of(feature), LeavesSecurityJwtFeature.classes(),
        LeavesSecurity.Base.class, LeavesSecurity.Leaves.class)) {
      RawHttp http = server.http;
      for (String method : List.of("GET", "POST", "HEAD")) {
        assertEquals(401, call(http, method).status, method);
        assertEquals(403, call(http, method, Jwts.bearer(CxfTest.SECRET, "ada", "user")).status, method);
        assertEquals(200, call(http, method, Jwts.bearer(CxfTest.SECRET, "ada", "admin")).status, method);
      }
    }
  }

  /** {@code method} on {@code /leaves}: a text body for POST, none otherwise (a server may refuse a GET body). */
  private static RawHttp.Response call(RawHttp http, String method, String... headers) {
    if (!method.equals("POST")) {
      return http.send(method, "/leaves", headers);
    }
    String[] all = java.util.Arrays.copyOf(headers, headers.length + 1);
    all[headers.length] = "Content-Type: text/plain";
    return http.sendBody(method, "/leaves", "x", all);
  }
}
