package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtsecured.it.folders.FoldersSecurity;
import dev.jwtsecured.it.folders.FoldersSecurityJwtFeature;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A locator's rule applies to everything behind it, also where it returns its own class (folders within folders): its
 * methods have one rule for every path that reaches them, all of the paths' rules. The processor stopped at the class
 * already on its path, and bound its methods their own rule alone: a caller without the locator's role descended.
 */
class RecursiveLocatorTest {
  private static final String SECRET = "recursive-locator-secret-0123456789-abcdef";

  @Test
  void aLocatorReturningItsOwnClassKeepsItsRuleBehindIt() {
    FoldersSecurityJwtFeature feature =
        new FoldersSecurityJwtFeature(FoldersSecurityJwtFeature.settings().secret(SECRET).build());
    try (TestServer server = TestServer.startAt("", List.of(feature), FoldersSecurityJwtFeature.classes(),
        FoldersSecurity.Folder.class)) {
      RawHttp http = server.http;
      String user = Jwts.bearer(SECRET, "ada", "user");
      String admin = Jwts.bearer(SECRET, "root", "admin");
      RawHttp.Response below = http.send("GET", "/folders/docs", user);
      assertEquals(403, below.status, below.toString());
      assertEquals(403, http.send("GET", "/folders/docs/old", user).status);
      RawHttp.Response deeper = http.send("GET", "/folders/docs/old", admin);
      assertEquals(200, deeper.status, deeper.toString());
      assertEquals("folders/docs/old", deeper.body);
      assertEquals(401, http.send("GET", "/folders/docs").status);
      // One rule per resource method: the listing's, at the top too.
      assertEquals(403, http.send("GET", "/folders", user).status);
      assertEquals(200, http.send("GET", "/folders", admin).status);
    }
  }
}
