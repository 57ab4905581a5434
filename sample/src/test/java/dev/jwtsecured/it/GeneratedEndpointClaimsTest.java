package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.jwtsecured.it.alone.AloneSecurity;
import dev.jwtsecured.it.alone.AloneSecurityJwtFeature;
import dev.jwtsecured.it.claims.a.CookieA;
import dev.jwtsecured.it.claims.a.CookieAJwtFeature;
import dev.jwtsecured.it.claims.b.CookieB;
import dev.jwtsecured.it.claims.b.CookieBJwtFeature;
import dev.jwtsecured.it.later.LaterSecurity;
import dev.jwtsecured.it.later.LaterSecurityJwtFeature;
import dev.jwtsecured.testing.TestServer;
import jakarta.ws.rs.core.Feature;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two configurations of one application that the processor did not compare (compiled apart, one in a module the
 * application depends on, or placed by nothing in one application) must not both answer one request with a generated
 * resource, nor keep their tokens in cookies a browser takes for one. The processor refuses both where it sees them
 * together; before, at run time Jersey refused to start over two token endpoints at one path, in words of its own
 * resource model, while RESTEasy started and answered every token request with one of them (the other
 * configuration's users were told their password was wrong), and two token cookies started everywhere. Now the
 * generated features refuse to start, naming both configurations. Not on Apache CXF, which shows a feature nothing of
 * the others.
 */
class GeneratedEndpointClaimsTest {
  private static final String SECRET = "claims-secret-claims-secret-claims-secret!!";

  private static final Feature ALONE =
      new AloneSecurityJwtFeature(AloneSecurityJwtFeature.settings().secret(SECRET).build());

  private static String refusal(List<Feature> features, Set<Class<?>> generated, Class<?>... resources) {
    RuntimeException refused = assertThrows(RuntimeException.class,
        () -> TestServer.startAt("", features, generated, resources).close());
    StringBuilder messages = new StringBuilder();
    for (Throwable t = refused; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    return messages.toString();
  }

  private static Set<Class<?>> union(Set<Class<?>> one, Set<Class<?>> other) {
    Set<Class<?>> all = new HashSet<>(one);
    all.addAll(other);
    return all;
  }

  @Test
  void twoTokenEndpointsAtOnePathDoNotStart() {
    assumeFalse(TestServer.runtime().equals("cxf"), "Apache CXF shows a feature nothing of the others");
    String said = refusal(List.of(ALONE, later()),
        union(AloneSecurityJwtFeature.classes(), LaterSecurityJwtFeature.classes()), AloneSecurity.Desks.class,
        LaterSecurity.Later.class);
    assertTrue(said.contains("two configurations of this application, both answer POST /login with a generated"
        + " resource"), said);
    assertTrue(said.contains(AloneSecurity.class.getName()) && said.contains(LaterSecurity.class.getName()), said);
  }

  @Test
  void twoTokenCookiesABrowserTakesForOneDoNotStart() {
    assumeFalse(TestServer.runtime().equals("cxf"), "Apache CXF shows a feature nothing of the others");
    String said = refusal(List.of(cookieA(), cookieB()),
        union(CookieAJwtFeature.classes(), CookieBJwtFeature.classes()), CookieA.Me.class, CookieB.Me.class);
    assertTrue(said.contains("keeps its tokens in cookie session at path /"), said);
    assertTrue(said.contains(CookieA.class.getName()) && said.contains(CookieB.class.getName()), said);
  }

  /** Their own paths and cookies: both start, and each token endpoint answers for its own configuration. */
  @Test
  void configurationsWithTheirOwnEndpointsAndCookiesStart() throws Exception {
    // Not AloneSecurity: on Apache CXF, CxfTest needs its feature never configured in the JVM before it runs.
    try (TestServer server = TestServer.startAt("", List.of(later(), cookieA()),
        union(LaterSecurityJwtFeature.classes(), CookieAJwtFeature.classes()), LaterSecurity.Later.class,
        CookieA.Me.class)) {
      String form = "grant_type=password&username=ada&password=pw";
      for (String tokenUrl : List.of("/login", "/a/login")) {
        assertEquals(200, server.http.sendBody("POST", tokenUrl, form,
            "Content-Type: application/x-www-form-urlencoded").status, tokenUrl);
      }
    }
  }

  private static Feature later() {
    return new LaterSecurityJwtFeature(LaterSecurityJwtFeature.settings().secret(SECRET).build());
  }

  private static Feature cookieA() {
    return new CookieAJwtFeature(CookieAJwtFeature.settings().secret(SECRET).build());
  }

  private static Feature cookieB() {
    return new CookieBJwtFeature(CookieBJwtFeature.settings().secret(SECRET).build());
  }
}
