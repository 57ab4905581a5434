package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtsecured.it.front.FrontSecurity;
import dev.jwtsecured.it.front.FrontSecurityJwtFeature;
import dev.jwtsecured.it.orgs.OrgsSecurity;
import dev.jwtsecured.it.orgs.OrgsSecurityJwtFeature;
import dev.jwtsecured.it.sharedrule.SharedRuleSecurity;
import dev.jwtsecured.it.sharedrule.SharedRuleSecurityJwtFeature;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A protected locator below another one's path, in a root resource of its own ({@code /orgs/{org}}'s
 * {@code members} below {@code /orgs}' {@code {org}}): the guard knew only the outer locator, and left to it what
 * that locator's class takes first, {@code /orgs/directory} and below. But JAX-RS takes
 * {@code /orgs/directory/members} to the other root resource, and its members' locator ran for anonymous callers.
 */
class OverlappingRootsTest {
  @Test
  void aLocatorBelowAnotherOnesPathRunsOnlyForCallersWithAToken() throws Exception {
    OrgsSecurityJwtFeature feature =
        new OrgsSecurityJwtFeature(OrgsSecurityJwtFeature.settings().secret(CxfTest.SECRET).build());
    try (TestServer server = TestServer.startAt("", List.of(feature), OrgsSecurityJwtFeature.classes(),
        OrgsSecurity.Orgs.class, OrgsSecurity.OrgMembers.class)) {
      RawHttp http = server.http;
      int org = OrgsSecurity.ORG_RUNS.get();
      int members = OrgsSecurity.MEMBERS_RUNS.get();
      for (String path : List.of("/orgs/directory/members", "/orgs/acme/members", "/orgs/acme")) {
        RawHttp.Response anonymous = http.send("GET", path);
        assertEquals(401, anonymous.status, path + ": " + anonymous);
      }
      assertEquals(members, OrgsSecurity.MEMBERS_RUNS.get(), "the members' locator ran before authentication");
      assertEquals(org, OrgsSecurity.ORG_RUNS.get(), "the organisation's locator ran before authentication");
      RawHttp.Response listed = http.send("GET", "/orgs/directory/members", Jwts.bearer(CxfTest.SECRET, "ada"));
      assertEquals(200, listed.status, listed.toString());
      assertEquals("members of directory", listed.body);
    }
  }

  /**
   * A locator without a path of its own ({@code @Path("/")}) in the root resource at the application's root takes
   * every path the other root resources do not: the guard matched it only against {@code /} and {@code //...}, and it
   * ran for anonymous callers everywhere else.
   */
  @Test
  void aLocatorWithoutAPathAtTheRootRunsOnlyForCallersWithAToken() throws Exception {
    FrontSecurityJwtFeature feature =
        new FrontSecurityJwtFeature(FrontSecurityJwtFeature.settings().secret(CxfTest.SECRET).build());
    try (TestServer server = TestServer.startAt("", List.of(feature), FrontSecurityJwtFeature.classes(),
        FrontSecurity.Front.class)) {
      RawHttp http = server.http;
      int pages = FrontSecurity.RUNS.get();
      RawHttp.Response anonymous = http.send("GET", "/about");
      assertEquals(401, anonymous.status, anonymous.toString());
      assertEquals(pages, FrontSecurity.RUNS.get(), "the pages' locator ran before authentication");
      RawHttp.Response about = http.send("GET", "/about", Jwts.bearer(CxfTest.SECRET, "ada"));
      assertEquals(200, about.status, about.toString());
      assertEquals("page about", about.body);
    }
  }

  /**
   * A locator leading to a method that the path before it left public ({@code exclude}) but that a root resource's
   * rule makes admin-only everywhere (one filter per method): the guard judged the locator by the path's own rule,
   * public, and let it run for anonymous callers, though the method then refused them.
   */
  @Test
  void aLocatorToAMethodAnotherPathMadeProtectedRunsOnlyForCallersWithAToken() throws Exception {
    SharedRuleSecurityJwtFeature feature =
        new SharedRuleSecurityJwtFeature(SharedRuleSecurityJwtFeature.settings().secret(CxfTest.SECRET).build());
    try (TestServer server = TestServer.startAt("", List.of(feature), SharedRuleSecurityJwtFeature.classes(),
        SharedRuleSecurity.Public.class, SharedRuleSecurity.Reports.class)) {
      RawHttp http = server.http;
      int reports = SharedRuleSecurity.RUNS.get();
      RawHttp.Response anonymous = http.send("GET", "/public/reports");
      assertEquals(401, anonymous.status, anonymous.toString());
      assertEquals(reports, SharedRuleSecurity.RUNS.get(), "the reports' locator ran before authentication");
      assertEquals(403, http.send("GET", "/public/reports", Jwts.bearer(CxfTest.SECRET, "ada")).status);
    }
  }
}
