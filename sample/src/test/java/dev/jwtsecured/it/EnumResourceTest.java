package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtsecured.it.enums.EnumSecurity;
import dev.jwtsecured.it.enums.EnumSecurityJwtFeature;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A root resource may be a singleton enum, registered as its instance, which every runtime serves: its rules bind like
 * a class's. The processor looked for root resources among classes and records only, so the enum's methods were
 * unseen: any valid token passed, its {@code @RolesAllowed("admin")} and {@code @DenyAll} unenforced.
 */
class EnumResourceTest {
  private static final String SECRET = "enum-resource-secret-0123456789-abcdefgh";

  @Test
  void anEnumRootResourceKeepsItsRules() {
    EnumSecurityJwtFeature feature =
        new EnumSecurityJwtFeature(EnumSecurityJwtFeature.settings().secret(SECRET).build());
    try (TestServer server = TestServer.start("", TestServer.application(
        Set.of(feature, EnumSecurity.Switches.INSTANCE), EnumSecurityJwtFeature.classes()))) {
      RawHttp http = server.http;
      String user = Jwts.bearer(SECRET, "ada", "user");
      String admin = Jwts.bearer(SECRET, "root", "admin");
      RawHttp.Response open = http.send("GET", "/switches");
      assertEquals(200, open.status, open.toString());
      assertEquals("switches", open.body);
      assertEquals(401, http.sendBody("POST", "/switches", "").status);
      RawHttp.Response refused = http.sendBody("POST", "/switches", "", user);
      assertEquals(403, refused.status, refused.toString());
      RawHttp.Response flipped = http.sendBody("POST", "/switches", "", admin);
      assertEquals(200, flipped.status, flipped.toString());
      assertEquals("flipped", flipped.body);
      assertEquals(403, http.sendBody("POST", "/switches/off", "", admin).status);
    }
  }
}
