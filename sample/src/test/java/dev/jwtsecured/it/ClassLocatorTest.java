package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwtsecured.it.classlocator.BinsSecurity;
import dev.jwtsecured.it.classlocator.BinsSecurityJwtFeature;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sub-resource locator may return a class, which Jersey instantiates: {@code Class<Bin>} leads to {@code Bin} as
 * surely as a locator declaring {@code Bin}. The processor took such a locator for one declaring {@code Object}: the
 * methods behind it ran as unseen methods, any valid token and their {@code @RolesAllowed} not enforced (ada, no role,
 * emptied the bin: 200). Jersey only: the other runtimes serve no such locator.
 */
class ClassLocatorTest {
  @Test
  void theRulesOfTheClassALocatorReturnsAreEnforced() throws Exception {
    assumeTrue(TestServer.jersey(), "locators returning a class are Jersey's");
    BinsSecurityJwtFeature feature =
        new BinsSecurityJwtFeature(BinsSecurityJwtFeature.settings().secret(CxfTest.SECRET).build());
    try (TestServer server = TestServer.startAt("", List.of(feature), BinsSecurityJwtFeature.classes(),
        BinsSecurity.Bins.class)) {
      RawHttp http = server.http;
      String ada = CxfTest.bearer(http, "ada");
      String root = CxfTest.bearer(http, "root");
      for (String[] bin : new String[][] {{"/bins/b1", "b1"}, {"/bins/steel/s1", "steel s1"}}) {
        assertEquals(401, http.send("GET", bin[0]).status);
        RawHttp.Response look = http.send("GET", bin[0], ada);
        assertEquals(200, look.status, look.toString());
        assertEquals("bin " + bin[0].substring(bin[0].lastIndexOf('/') + 1), look.body);
        RawHttp.Response empty = http.send("DELETE", bin[0], ada);
        assertEquals(403, empty.status, bin[0] + " -> " + empty);
        RawHttp.Response emptied = http.send("DELETE", bin[0], root);
        assertEquals(200, emptied.status, emptied.toString());
        assertEquals("emptied " + bin[1], emptied.body);
      }
    }
  }
}
