package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.it.routes.Audit;
import dev.jwtsecured.it.routes.Cors;
import dev.jwtsecured.it.routes.billing.BillingSecurityJwtFeature;
import dev.jwtsecured.UnseenMethods;
import dev.jwtsecured.it.routes.Outside;
import dev.jwtsecured.it.routes.MethodOverride;
import dev.jwtsecured.it.routes.TokenFromHeader;
import dev.jwtsecured.it.routes.Versions;
import dev.jwtsecured.it.routes.billing.Invoices;
import dev.jwtsecured.it.routes.users.Archive;
import dev.jwtsecured.it.routes.users.Cabinets;
import dev.jwtsecured.it.routes.users.Drawers;
import dev.jwtsecured.it.routes.users.Files;
import dev.jwtsecured.it.routes.users.Counter;
import dev.jwtsecured.it.routes.users.Ledger;
import dev.jwtsecured.it.routes.users.Lobby;
import dev.jwtsecured.it.routes.users.Lockers;
import dev.jwtsecured.it.routes.users.Trays;
import dev.jwtsecured.it.routes.users.Notes;
import dev.jwtsecured.it.routes.users.Reports;
import dev.jwtsecured.it.routes.users.Shelves;
import dev.jwtsecured.it.routes.users.Status;
import dev.jwtsecured.it.routes.users.Rates;
import dev.jwtsecured.it.routes.users.Till;
import dev.jwtsecured.it.routes.users.Users;
import dev.jwtsecured.it.routes.users.UsersSecurity;
import dev.jwtsecured.it.routes.users.Wards;
import dev.jwtsecured.it.routes.users.UsersSecurityJwtFeature;
import dev.jwtsecured.it.routes.users.Vaults;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.runtime.SecurityEvent;
import dev.jwtsecured.testing.ServerPerClass;
import dev.jwtsecured.testing.TestServer;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An application shaped like users' rather than like the sample: served under {@code @ApplicationPath("/api")} declared
 * in a parent package, a literal exclusion beside a path template, role annotations on an interface, a sub-resource
 * locator, and two configurations side by side, each with its own secret and token endpoint.
 */
class RouteBoundSecurityTest {
  static final String USERS_SECRET = "routes-users-secret-routes-users-secret!!";
  static final String BILLING_SECRET = "routes-billing-secret-routes-billing-secret";
  static final ObjectMapper JSON = new ObjectMapper();
  /** Both configurations in one application. */
  TestServer server;
  RawHttp http;
  /** The users configuration alone, so that a defect of one configuration is not hidden by the other's filter. */
  TestServer usersServer;
  RawHttp users;

  @RegisterExtension
  static final ServerPerClass SERVER = new ServerPerClass(() -> TestServer.startAt("/api",
      List.of(usersFeature(), billingFeature()),
      TestServer.union(UsersSecurityJwtFeature.classes(), BillingSecurityJwtFeature.classes()),
      Users.class, Reports.class, Files.class, Archive.class, Shelves.class, Status.class, Drawers.class,
      Cabinets.class, Lockers.class, Vaults.class, Ledger.class, Till.class, Counter.class, Notes.class, Rates.class,
      Trays.class, Wards.class, Lobby.class, Invoices.class, Outside.class));
  @RegisterExtension
  static final ServerPerClass USERS_SERVER = new ServerPerClass("users", () -> TestServer.startAt("/api",
      List.of(usersFeature()), UsersSecurityJwtFeature.classes(),
      Users.class, Reports.class, Files.class, Archive.class, Shelves.class, Status.class, Drawers.class,
      Cabinets.class, Lockers.class, Vaults.class, Ledger.class, Till.class, Counter.class, Notes.class, Rates.class,
      Trays.class, Wards.class, Lobby.class, Audit.BeforeMatching.class, Audit.AfterMatching.class,
      Cors.Preflights.class, Cors.Responses.class, Versions.class, MethodOverride.class,
      TokenFromHeader.class));

  @BeforeEach
  void connect(TestServer server, @ServerPerClass.Named("users") TestServer usersServer) {
    this.server = server;
    this.http = server.http;
    this.usersServer = usersServer;
    this.users = usersServer.http;
  }

  /**
   * A root resource whose {@code @Path} stands on its interface or abstract superclass only: both runtimes serve it
   * (RESTEasy reporting the annotated type as the resource class), so the processor scans it like any other.
   */
  @Test
  void aResourceTakingItsPathFromAnInterfaceOrAbstractClassKeepsItsRules() throws Exception {
    int runs = UsersSecurity.PROTECTED_RUNS.get();
    for (String path : List.of("/api/till", "/api/counter")) {
      assertEquals(401, users.send("GET", path).status, path);
      RawHttp.Response alice = users.send("GET", path, bearer("alice"));
      assertEquals(403, alice.status, path + ": alice lacks the admin role: " + alice);
    }
    assertEquals(runs, UsersSecurity.PROTECTED_RUNS.get(), "an admin-only method ran");
    assertEquals("till open", users.send("GET", "/api/till", bearer("bob")).body);
    assertEquals("count 3", users.send("GET", "/api/counter", bearer("bob")).body);
    RawHttp.Response status = users.send("GET", "/api/till/status");
    assertEquals(200, status.status, "@PermitAll on the interface: " + status);
    assertEquals("till closed", status.body);
  }

  /**
   * A default method of a resource interface, and a method of an HTTP method the application declares ({@code PURGE}):
   * each keeps its rule, and the route report lists the second, which OpenAPI has no field for.
   */
  @Test
  void defaultInterfaceMethodsAndTheApplicationsOwnHttpMethodsKeepTheirRules() throws Exception {
    int runs = UsersSecurity.PROTECTED_RUNS.get();
    for (String[] operation : new String[][] {{"GET", "/api/till/drawer"}, {"PURGE", "/api/till/receipts"}}) {
      RawHttp.Response anonymous = users.send(operation[0], operation[1]);
      assertEquals(401, anonymous.status, operation[0] + " " + operation[1] + " -> " + anonymous);
      RawHttp.Response alice = users.send(operation[0], operation[1], bearer("alice"));
      assertEquals(403, alice.status, operation[0] + " " + operation[1] + ": alice lacks the admin role: " + alice);
    }
    assertEquals(runs, UsersSecurity.PROTECTED_RUNS.get(), "an admin-only method ran");
    assertEquals("till drawer", users.send("GET", "/api/till/drawer", bearer("bob")).body);
    assertEquals("receipts purged", users.send("PURGE", "/api/till/receipts", bearer("bob")).body);
    JsonNode report = routeReport("dev.jwtsecured.it.routes.users.UsersSecurity");
    assertEquals("protected", access(report, "PURGE", "/api/till/receipts"));
    assertFalse(document("/api/users/openapi.json").get("paths").has("/api/till/receipts"));
  }

  /**
   * Resource methods that JAX-RS chooses between by media type keep their own rules, and the OpenAPI operation they
   * serve shows both: the scheme for the admin one (its roles in words: an oauth2 requirement lists scopes), {@code {}}
   * for the public one.
   */
  @Test
  void variantsByMediaTypeKeepTheirOwnRules() throws Exception {
    int runs = UsersSecurity.PROTECTED_RUNS.get();
    RawHttp.Response text = users.send("GET", "/api/rates", "Accept: text/plain");
    assertEquals(200, text.status, text.toString());
    assertEquals("public rates", text.body);
    assertEquals(401, users.send("GET", "/api/rates", "Accept: application/json").status);
    assertEquals(403, users.send("GET", "/api/rates", "Accept: application/json", bearer("alice")).status);
    RawHttp.Response quote = users.sendBody("POST", "/api/rates", "5", "Content-Type: text/plain");
    assertEquals(200, quote.status, quote.toString());
    assertEquals("quote for 5", quote.body);
    assertEquals(401, users.sendBody("POST", "/api/rates", "{}", "Content-Type: application/json").status);
    assertEquals(403, users.sendBody("POST", "/api/rates", "{}", "Content-Type: application/json",
        bearer("alice")).status);
    assertEquals(runs, UsersSecurity.PROTECTED_RUNS.get(), "an admin-only method ran");
    assertEquals("{\"wholesale\":true}",
        users.send("GET", "/api/rates", "Accept: application/json", bearer("bob")).body);
    assertEquals("rate set",
        users.sendBody("POST", "/api/rates", "{}", "Content-Type: application/json", bearer("bob")).body);
    JsonNode paths = document("/api/users/openapi.json").get("paths").get("/api/rates");
    for (String method : List.of("get", "post")) {
      assertEquals("[{\"BearerToken\":[]},{}]", paths.get(method).get("security").toString(), method);
      assertTrue(paths.get(method).get("description").asText().contains("requires a token with one of the roles:"
          + " admin."), paths.get(method).toString());
    }
  }

  /** Rules on a generic base class bind to the overriding methods JAX-RS reports (not their bridge methods). */
  @Test
  void rulesOnAGenericBaseClassBindToTheOverridingMethods() throws Exception {
    int runs = UsersSecurity.PROTECTED_RUNS.get();
    RawHttp.Response alice = users.sendBody("POST", "/api/notes", "hi", "Content-Type: text/plain", bearer("alice"));
    assertEquals(403, alice.status, alice.toString());
    assertEquals(runs, UsersSecurity.PROTECTED_RUNS.get(), "the admin-only method ran");
    assertEquals("created hi",
        users.sendBody("POST", "/api/notes", "hi", "Content-Type: text/plain", bearer("bob")).body);
    assertEquals(401, users.send("GET", "/api/notes/1").status);
    assertEquals("note 1", users.send("GET", "/api/notes/1", bearer("alice")).body);
  }

  static UsersSecurityJwtFeature usersFeature() {
    return new UsersSecurityJwtFeature(UsersSecurityJwtFeature.settings().secret(USERS_SECRET).build());
  }

  static BillingSecurityJwtFeature billingFeature() {
    return new BillingSecurityJwtFeature(BillingSecurityJwtFeature.settings().secret(BILLING_SECRET).build());
  }

  JsonNode login(String url, String user, String extra) throws Exception {
    return login(http, url, user, extra);
  }

  JsonNode login(RawHttp http, String url, String user, String extra) throws Exception {
    RawHttp.Response r = http.sendBody("POST", url, "grant_type=password&username=" + user + "&password=pw" + extra,
        "Content-Type: application/x-www-form-urlencoded");
    assertEquals(200, r.status, r.toString());
    return JSON.readTree(r.body);
  }

  String token(String user) throws Exception {
    boolean billing = user.equals("carol") || user.equals("dave");
    return billing
        ? login(http, "/api/billing/login", user, "").get("access_token").asText()
        : login(users, "/api/users/login", user, "").get("access_token").asText();
  }

  String bearer(String user) throws Exception {
    return "Authorization: Bearer " + token(user);
  }

  // The generated filters run at priority AUTHENTICATION, the locator guard before matching and the method's filter
  // after it: the application's own AUTHORIZATION filters, which JAX-RS runs later, see the authenticated user.
  @Test
  void theApplicationsAuthorizationFiltersRunAfterAuthentication() throws Exception {
    Audit.SEEN.clear();
    RawHttp.Response file = users.send("GET", "/api/files/notes.txt", bearer("alice"));
    assertEquals(200, file.status, file.toString());
    assertEquals("alice", Audit.SEEN.get("pre files/notes.txt"), Audit.SEEN.toString());
    assertEquals("alice", Audit.SEEN.get("post files/notes.txt"), Audit.SEEN.toString());
    RawHttp.Response report = users.send("GET", "/api/reports/2026", bearer("bob"));
    assertEquals(200, report.status, report.toString());
    assertEquals("anonymous", Audit.SEEN.get("pre reports/2026"), "no generated filter authenticates a method "
        + "before matching, unless a locator may lead to it");
    assertEquals("bob", Audit.SEEN.get("post reports/2026"), Audit.SEEN.toString());
  }

  // A record resource: its rules are bound like a class's (it was unseen: a valid token sufficed).
  @Test
  void aRecordResourceHasItsRolesEnforced() throws Exception {
    assertAdminOnly("GET", "/api/status", "status ok");
  }

  /**
   * {@code method path}: 403 for alice (role user) without running the method, 200 and {@code body} for bob (admin).
   */
  void assertAdminOnly(String method, String path, String body) throws Exception {
    int runs = UsersSecurity.PROTECTED_RUNS.get();
    RawHttp.Response alice = users.send(method, path, bearer("alice"));
    assertEquals(403, alice.status, path + " -> " + alice);
    assertEquals(runs, UsersSecurity.PROTECTED_RUNS.get(), path + " ran for alice");
    RawHttp.Response bob = users.send(method, path, bearer("bob"));
    assertEquals(200, bob.status, path + " -> " + bob);
    assertEquals(body, bob.body);
  }

  // One sub-resource class behind a plain locator and an admin-only one: JAX-RS binds one filter to its method, so
  // both paths require the admin role (the first path's rule was bound to both, and alice opened the locked drawer).
  @Test
  void aSubResourceMethodSharedByTwoLocatorsGetsTheStricterRuleAtBoth() throws Exception {
    assertAdminOnly("GET", "/api/drawers/locked/1", "drawer locked 1");
    assertAdminOnly("GET", "/api/drawers/all/1", "drawer 1");
  }

  // A locator declaring an interface: JAX-RS reports the returned object's class (Oak), never the interface; the
  // interface's rules bind to it (a table keyed by the interface never matched: any valid token emptied the cabinet).
  @Test
  void theRulesOfAnInterfaceALocatorDeclaresBindToItsImplementation() throws Exception {
    assertDeclaredTypesRules("/api/cabinets/c1", "emptied c1", "cabinet c1");
  }

  // A locator declaring a concrete class that returns a subclass: JAX-RS reports the subclass, which no table named,
  // so it ran as an unseen method (any valid token, roles not enforced: alice cleared the steel locker).
  @Test
  void theRulesOfAConcreteClassALocatorDeclaresBindToItsSubclasses() throws Exception {
    assertDeclaredTypesRules("/api/lockers/steel-1", "cleared steel steel-1", "locker steel-1");
    assertDeclaredTypesRules("/api/lockers/wood-1", "cleared wood-1", "locker wood-1");
  }

  // One class implementing two types that two locators declare, with different rules for the same method (a plain
  // locator, an admin-only one): JAX-RS binds one filter to its method, so both paths need the stricter rule (the
  // first type by name decided it, and alice opened the safe).
  @Test
  void aClassImplementingTwoDeclaredTypesGetsTheStricterRuleAtBothPaths() throws Exception {
    assertAdminOnly("GET", "/api/vaults/safe/v1", "vault v1");
    assertAdminOnly("GET", "/api/vaults/box/v1", "vault v1");
    assertEquals(401, users.send("GET", "/api/vaults/safe/v1").status);
  }

  /** A locator declaring a sealed interface: each permitted class keeps its own {@code @RolesAllowed}. */
  @Test
  void eachClassASealedLocatorTypePermitsKeepsItsOwnRoles() throws Exception {
    int runs = UsersSecurity.PROTECTED_RUNS.get();
    RawHttp.Response alice = users.send("GET", "/api/trays/locked", bearer("alice"));
    assertEquals(403, alice.status, "alice lacks the admin role: " + alice);
    assertEquals(401, users.send("GET", "/api/trays/open").status);
    assertEquals(runs, UsersSecurity.PROTECTED_RUNS.get(), "a refused look ran");
    assertEquals("locked tray", users.send("GET", "/api/trays/locked", bearer("bob")).body);
    assertEquals("open tray", users.send("GET", "/api/trays/open", bearer("alice")).body);
  }

  /**
   * The rules of the type a locator declares, at {@code path}: its {@code DELETE} admin only (answering
   * {@code deleted}), its {@code GET} any valid token (answering {@code looked}), nothing without a token.
   */
  void assertDeclaredTypesRules(String path, String deleted, String looked) throws Exception {
    assertAdminOnly("DELETE", path, deleted);
    RawHttp.Response look = users.send("GET", path, bearer("alice"));
    assertEquals(200, look.status, look.toString());
    assertEquals(looked, look.body);
    assertEquals(401, users.send("GET", path).status);
  }

  // Defect 1: percent-encoding must not move a request from a protected template to an excluded literal.
  @Test
  void anEncodedExcludedLiteralStillReachesTheProtectedTemplateProtected() {
    int runs = UsersSecurity.PROTECTED_RUNS.get();
    for (String target : List.of("/api/users/%72egister", "/api/users/registe%72", "/api/users/register;x=1")) {
      RawHttp.Response r = users.send("GET", target);
      assertEquals(401, r.status, target + " -> " + r);
    }
    assertEquals(runs, UsersSecurity.PROTECTED_RUNS.get(), "the protected {id} method ran without a token");
  }

  // Generic interface and superclass: the implementing or overriding method takes String, the compiler's bridge
  // Object; the rule is bound to the method JAX-RS reports, on both runtimes.
  @Test
  void rolesOnGenericInterfaceAndSuperclassMethodsAreEnforced() throws Exception {
    for (String[] call : new String[][] {{"POST", "/api/archive/a1", "stored minutes on a1"},
        {"PUT", "/api/shelves/s1", "put minutes on s1"}}) {
      int runs = UsersSecurity.PROTECTED_RUNS.get();
      RawHttp.Response alice = users.sendBody(call[0], call[1], "minutes", bearer("alice"),
          "Content-Type: text/plain");
      assertEquals(403, alice.status, call[1] + " " + alice);
      assertEquals(401, users.sendBody(call[0], call[1], "minutes", "Content-Type: text/plain").status, call[1]);
      assertEquals(runs, UsersSecurity.PROTECTED_RUNS.get(), "the admin-only " + call[1] + " ran for a non-admin");
      RawHttp.Response bob = users.sendBody(call[0], call[1], "minutes", bearer("bob"), "Content-Type: text/plain");
      assertEquals(200, bob.status, call[1] + " " + bob);
      assertEquals(call[2], bob.body);
    }
  }

  // Defect 2: @RolesAllowed on the interface method that JAX-RS takes the annotations from.
  @Test
  void rolesOnAnInterfaceMethodAreEnforced() throws Exception {
    int runs = UsersSecurity.PROTECTED_RUNS.get();
    RawHttp.Response alice = users.send("GET", "/api/reports/2026", bearer("alice"));
    assertEquals(403, alice.status, alice.toString());
    assertTrue(alice.header("WWW-Authenticate").endsWith("scope=\"admin\""), alice.toString());
    assertEquals(401, users.send("GET", "/api/reports/2026").status);
    assertEquals(runs, UsersSecurity.PROTECTED_RUNS.get());
    RawHttp.Response bob = users.send("GET", "/api/reports/2026", bearer("bob"));
    assertEquals(200, bob.status, bob.toString());
    assertEquals("report 2026", bob.body);
    assertEquals(200, users.send("GET", "/api/reports/summary").status, "@PermitAll on the interface method");
  }

  // Defect 3: @RolesAllowed on a method of a sub-resource reached through a locator.
  @Test
  void rolesOnASubResourceMethodAreEnforced() throws Exception {
    RawHttp.Response alice = users.send("DELETE", "/api/files/notes.txt", bearer("alice"));
    assertEquals(403, alice.status, alice.toString());
    assertEquals(200, users.send("GET", "/api/files/notes.txt", bearer("alice")).status);
    RawHttp.Response bob = users.send("DELETE", "/api/files/plan.txt", bearer("bob"));
    assertEquals(200, bob.status, bob.toString());
    assertEquals("deleted plan.txt", bob.body);
  }

  // A locator's rule (its class admits user) and the method's behind it (admin) both apply: a caller needs one role of
  // each. Each list was cut down to the roles both name, none here, and bob, holding both, was refused with alice.
  @Test
  void theRulesOfALocatorAndOfTheMethodBehindItBothApply() throws Exception {
    int runs = UsersSecurity.PROTECTED_RUNS.get();
    for (String user : List.of("alice", "erin")) {
      RawHttp.Response refused = users.send("DELETE", "/api/wards/east", bearer(user));
      assertEquals(403, refused.status, user + ": " + refused);
    }
    assertEquals(runs, UsersSecurity.PROTECTED_RUNS.get(), "a refused close ran");
    assertEquals(200, users.send("GET", "/api/wards/east", bearer("alice")).status);
    assertEquals(403, users.send("GET", "/api/wards/east", bearer("erin")).status, "erin lacks the locator's role");
    RawHttp.Response bob = users.send("DELETE", "/api/wards/east", bearer("bob"));
    assertEquals(200, bob.status, bob.toString());
    assertEquals("closed east", bob.body);
  }

  // "**" is Jakarta's any authenticated user: alice and erin, neither holding a role of that name, were refused.
  @Test
  void rolesAllowedAnyAuthenticatedUserAdmitsEveryValidToken() throws Exception {
    for (String user : List.of("alice", "erin", "bob")) {
      RawHttp.Response entered = users.send("GET", "/api/lobby", bearer(user));
      assertEquals(200, entered.status, user + ": " + entered);
      assertEquals("in the lobby: true", entered.body);
    }
    assertEquals(401, users.send("GET", "/api/lobby").status);
    assertEquals(401, users.send("GET", "/api/lobby", "Authorization: Bearer x.y.z").status);
    assertAdminOnly("DELETE", "/api/lobby", "lobby closed");
  }

  // Defect 4: the locator is user code; it must not run for a request that needs a token and has none.
  @Test
  void aLocatorDoesNotRunBeforeAuthentication() throws Exception {
    int locatorRuns = UsersSecurity.LOCATOR_RUNS.get();
    assertAnonymousCallersAreRefusedAlike("/api/files/");
    assertEquals(401, users.send("GET", "/api/files/notes.txt", "Authorization: Bearer x.y.z").status);
    assertEquals(locatorRuns, UsersSecurity.LOCATOR_RUNS.get(), "the locator ran before authentication");
    assertEquals(404, users.send("GET", "/api/files/secret-plans.txt", bearer("alice")).status);
  }

  // A literal path beside a protected locator's template: JAX-RS matches /files/count to the public methods there
  // (more literal characters than {name}), never to the locator; the guard asked anyone for a token (401). A request
  // method not served there, and the path sent otherwise, may reach the locator: a token is asked. Content types the
  // methods refuse get their 406 and 415 on every runtime, without the locator running.
  @Test
  void publicMethodsBesideAProtectedLocatorArePublic() throws Exception {
    int locatorRuns = UsersSecurity.LOCATOR_RUNS.get();
    for (String method : List.of("GET", "HEAD")) {
      RawHttp.Response count = users.send(method, "/api/files/count");
      assertEquals(200, count.status, method + ": " + count);
    }
    assertEquals("2", users.send("GET", "/api/files/count").body);
    RawHttp.Response lines = users.sendBody("POST", "/api/files/count", "a\nb", "Content-Type: text/plain");
    assertEquals(200, lines.status, lines.toString());
    assertEquals("2", lines.body);
    for (String[] call : new String[][] {{"401", "DELETE", "/api/files/count"}, {"401", "GET", "/api/files/count;v=1"},
        {"401", "GET", "/api/files/count/x"}, {"401", "GET", "/api/files/archive"},
        {"401", "PUT", "/api/files/archive/x"},
        {"406", "GET", "/api/files/count", "Accept: image/png"}}) {
      RawHttp.Response answer = users.send(call[1], call[2], Arrays.copyOfRange(call, 3, call.length));
      assertEquals(Integer.parseInt(call[0]), answer.status, String.join(" ", call) + ": " + answer);
    }
    RawHttp.Response json = users.sendBody("POST", "/api/files/count", "{}", "Content-Type: application/json");
    assertEquals(415, json.status, json.toString());
    // Percent-encoded or with a dot-segment: a server that normalizes it before JAX-RS (Jetty) shows JAX-RS the
    // method's path, 200; the others 401.
    for (String path : List.of("/api/files/%63ount", "/api/files/count/./", "/api/files/x/../count")) {
      RawHttp.Response sentOtherwise = users.send("GET", path);
      assertTrue(sentOtherwise.status == 200 || sentOtherwise.status == 401, path + ": " + sentOtherwise);
    }
    assertEquals(locatorRuns, UsersSecurity.LOCATOR_RUNS.get(), "the locator ran before authentication");
    // The archive's own locator, beside {name} and matched before it, is guarded itself.
    RawHttp.Response archive = users.send("GET", "/api/files/archive", bearer("alice"));
    assertEquals(200, archive.status, archive.toString());
    assertEquals("file archive", archive.body);
  }

  /** An unknown and a known file below {@code files}, asked for without a token: 401 alike. */
  void assertAnonymousCallersAreRefusedAlike(String files) throws Exception {
    RawHttp.Response unknown = users.send("GET", files + "secret-plans.txt");
    RawHttp.Response known = users.send("GET", files + "notes.txt");
    assertEquals(401, unknown.status, unknown.toString());
    assertEquals(401, known.status, known.toString());
    assertEquals(unknown.body, known.body, "an anonymous caller can tell which names exist");
  }

  // An application's own pre-matching filter, running after the guard at the default priority, rewrites
  // /api/v1/files/... to /api/files/...: the guard saw a path that leads to no locator, JAX-RS then matches the
  // locator. The locator still runs for no anonymous caller (it did: 404 for an unknown name, 401 for a known one).
  @Test
  void aLocatorDoesNotRunBeforeAuthenticationWhenAnApplicationFilterRewritesThePath() throws Exception {
    int locatorRuns = UsersSecurity.LOCATOR_RUNS.get();
    assertAnonymousCallersAreRefusedAlike("/api/v1/files/");
    assertEquals(locatorRuns, UsersSecurity.LOCATOR_RUNS.get(), "the locator ran before authentication");
    RawHttp.Response options = users.send("OPTIONS", "/api/v1/files/notes.txt");
    assertEquals(200, options.status, "OPTIONS (excludeMethods) answered alike below the rewrite: " + options);
    assertEquals(locatorRuns, UsersSecurity.LOCATOR_RUNS.get(), "OPTIONS: the locator ran before authentication");
    RawHttp.Response alice = users.send("GET", "/api/v1/files/notes.txt", bearer("alice"));
    assertEquals(200, alice.status, alice.toString());
    assertEquals("alice", Audit.SEEN.get("post files/notes.txt"), "the rewritten request, authenticated once");
    assertEquals(404, users.send("GET", "/api/v1/files/secret-plans.txt", bearer("alice")).status);
  }

  // An application's own pre-matching filter changes the request method after the guard: POST /api/files/count is the
  // public method's, and served as DELETE it is not (Apache CXF then takes it to the locator at {name}). The locator
  // runs for no anonymous caller; a method the public path serves stays public, even where the method sent is not
  // served there (a POST to /api/files/recent served as GET: before, the guard asked a token for it, as for a POST).
  @Test
  void aLocatorDoesNotRunBeforeAuthenticationWhenAnApplicationFilterChangesTheMethod() throws Exception {
    int locatorRuns = UsersSecurity.LOCATOR_RUNS.get();
    RawHttp.Response get = users.sendBody("POST", "/api/files/count", "", "X-HTTP-Method-Override: GET");
    assertEquals(200, get.status, "the override is applied: " + get);
    assertEquals("2", get.body, get.toString());
    RawHttp.Response recent = users.sendBody("POST", "/api/files/recent", "", "X-HTTP-Method-Override: GET");
    assertEquals(200, recent.status, recent.toString());
    assertEquals("notes.txt plan.txt", recent.body, recent.toString());
    assertEquals(401, users.sendBody("POST", "/api/files/recent", "").status, "POST is not served there");
    RawHttp.Response delete = users.sendBody("POST", "/api/files/count", "", "X-HTTP-Method-Override: DELETE");
    assertEquals(401, delete.status, delete.toString());
    assertEquals(locatorRuns, UsersSecurity.LOCATOR_RUNS.get(), "the locator ran before authentication");
    RawHttp.Response alice = users.sendBody("POST", "/api/files/count", "", "X-HTTP-Method-Override: DELETE",
        bearer("alice"));
    // With a token it is matched as the runtime matches it: 405 at count, 404 where Apache CXF runs the locator.
    assertTrue(alice.status == 405 || alice.status == 404, alice.toString());
  }

  // An application's own pre-matching filter supplies the token after the guard (from a gateway's header): the guard
  // saw none and answered 401 below the locator, where methods elsewhere, checked after matching, saw the token. It
  // now leaves a request without credentials to Late, which checks it after those filters; the locator still runs for
  // no anonymous caller.
  @Test
  void aTokenAnApplicationFilterSuppliesIsReadBelowALocator() throws Exception {
    String alice = bearer("alice").replace("Authorization:", "X-Token:");
    RawHttp.Response file = users.send("GET", "/api/files/notes.txt", alice);
    assertEquals(200, file.status, file.toString());
    assertEquals("file notes.txt", file.body);
    int locatorRuns = UsersSecurity.LOCATOR_RUNS.get();
    assertAnonymousCallersAreRefusedAlike("/api/files/");
    assertEquals(401, users.send("GET", "/api/files/notes.txt", "X-Token: Bearer x.y.z").status);
    assertEquals(locatorRuns, UsersSecurity.LOCATOR_RUNS.get(), "the locator ran before authentication");
  }

  // OPTIONS skips authentication (excludeMethods), and HEAD runs the GET method: neither may run a protected locator
  // for an anonymous caller, whose answers would tell which names exist (OPTIONS: 404 for an unknown name, 200 with
  // the sub-resource's methods for a known one). OPTIONS is answered 200 alike, for CORS preflights; HEAD needs a
  // token.
  @Test
  void aLocatorDoesNotRunForAnonymousOptionsOrHead() throws Exception {
    for (String[] call : new String[][] {{"OPTIONS", "200"}, {"HEAD", "401"}}) {
      int locatorRuns = UsersSecurity.LOCATOR_RUNS.get();
      RawHttp.Response unknown = users.send(call[0], "/api/files/secret-plans.txt");
      RawHttp.Response known = users.send(call[0], "/api/files/notes.txt");
      assertEquals(Integer.parseInt(call[1]), unknown.status, call[0] + ": " + unknown);
      assertEquals(Integer.parseInt(call[1]), known.status, call[0] + ": " + known);
      assertEquals(unknown.body, known.body, call[0]);
      assertEquals(locatorRuns, UsersSecurity.LOCATOR_RUNS.get(), call[0] + ": the locator ran before authentication");
    }
    assertEquals(200, users.send("HEAD", "/api/files/notes.txt", bearer("alice")).status);
  }

  // A browser's CORS preflight carries no credentials: the application's CORS filter answers it below a protected
  // locator as anywhere (the guard's own OPTIONS answer came first, without CORS headers: the browser stopped there),
  // and the real request then needs the token.
  @Test
  void aCorsPreflightBelowAProtectedLocatorPasses() throws Exception {
    int locatorRuns = UsersSecurity.LOCATOR_RUNS.get();
    RawHttp.Response preflight = users.send("OPTIONS", "/api/files/notes.txt", "Origin: https://app.example",
        "Access-Control-Request-Method: DELETE", "Access-Control-Request-Headers: authorization");
    assertEquals(200, preflight.status, preflight.toString());
    assertEquals("https://app.example", preflight.header("Access-Control-Allow-Origin"), preflight.toString());
    assertEquals("GET, DELETE", preflight.header("Access-Control-Allow-Methods"), preflight.toString());
    RawHttp.Response anonymous = users.send("DELETE", "/api/files/notes.txt", "Origin: https://app.example");
    assertEquals(401, anonymous.status, anonymous.toString());
    assertEquals("https://app.example", anonymous.header("Access-Control-Allow-Origin"), anonymous.toString());
    assertEquals(locatorRuns, UsersSecurity.LOCATOR_RUNS.get(), "the locator ran before authentication");
  }

  // HEAD in excludeMethods: JAX-RS answers HEAD /invoices by running the GET method, which keeps its rule (it ran for
  // anyone, its answer's headers with it); a @HEAD method is public.
  @Test
  void excludingHeadMakesHeadMethodsPublicAndNeverRunsAProtectedGetMethod() throws Exception {
    int runs = Invoices.PROTECTED_RUNS.get();
    RawHttp.Response anonymous = http.send("HEAD", "/api/billing/invoices");
    assertEquals(401, anonymous.status, anonymous.toString());
    assertEquals(runs, Invoices.PROTECTED_RUNS.get(), "the protected GET method ran for an anonymous HEAD");
    assertEquals(200, http.send("HEAD", "/api/billing/invoices", bearer("carol")).status);
    RawHttp.Response ping = http.send("HEAD", "/api/billing/ping");
    assertEquals(200, ping.status, ping.toString());
    assertEquals("pong", ping.header("X-Ping"));
  }

  // Defect 5: two configurations, each acting on its own resources only.
  @Test
  void twoConfigurationsCoexist() throws Exception {
    assertEquals(200, http.send("GET", "/api/billing/health").status, "billing's exclusion");
    assertEquals(200, http.sendBody("POST", "/api/users/register", "").status, "users' exclusion");
    assertEquals(200, http.send("GET", "/api/users/openapi.json").status);
    assertEquals(200, http.send("GET", "/api/billing/openapi.json").status);
    String carol = bearer("carol");
    String alice = bearer("alice");
    RawHttp.Response invoices = http.send("GET", "/api/billing/invoices", carol);
    assertEquals(200, invoices.status, invoices.toString());
    assertEquals("invoices for carol", invoices.body);
    assertEquals(200, http.send("GET", "/api/users/7", alice).status);
    assertEquals(401, http.send("GET", "/api/billing/invoices", alice).status, "a users token on billing");
    assertEquals(401, http.send("GET", "/api/users/7", carol).status, "a billing token on users");
  }

  // Defect 6: the Application is in a parent package; paths and tokenUrl carry its /api.
  @Test
  void openApiPathsAndTokenUrlCarryTheApplicationPath() throws Exception {
    JsonNode doc = document(users, "/api/users/openapi.json");
    String tokenUrl = doc.get("components").get("securitySchemes").get("BearerToken").get("flows").get("password")
        .get("tokenUrl").asText();
    assertEquals("/api/users/login", tokenUrl);
    assertTrue(doc.get("paths").has("/api/users/{id}"), doc.get("paths").toString());
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      assertTrue(path.getKey().startsWith("/api/"), path.getKey());
    }
    login(users, tokenUrl, "alice", "");
  }

  // Defect 7: a scope is granted only when the authenticator grants it.
  @Test
  void aGrantWithoutScopesGrantsNoRequestedScope() throws Exception {
    try (TestServer billing = TestServer.startAt("/api", List.of(billingFeature()), BillingSecurityJwtFeature.classes(),
        Invoices.class)) {
      JsonNode dave = login(billing.http, "/api/billing/login", "dave", "&scope=invoices:read");
      assertNull(dave.get("scope"), dave.toString());
      assertNull(JSON.readTree(Jwts.payload(dave.get("access_token").asText())).get("scope"));
      JsonNode carol = login(billing.http, "/api/billing/login", "carol", "&scope=invoices:read");
      assertEquals("invoices:read", carol.get("scope").asText());
    }
  }

  // Optional authentication on public routes: a valid token is read, an invalid one ignored, never a 401.
  @Test
  void publicRoutesKnowAValidTokenAndIgnoreAnInvalidOne() throws Exception {
    assertEquals("registered:anonymous", users.sendBody("POST", "/api/users/register", "").body);
    assertEquals("registered:alice", users.sendBody("POST", "/api/users/register", "", bearer("alice")).body);
    RawHttp.Response forged = users.sendBody("POST", "/api/users/register", "", "Authorization: Bearer a.b.c");
    assertEquals(200, forged.status, forged.toString());
    assertEquals("registered:anonymous", forged.body);
    long now = java.time.Instant.now().getEpochSecond();
    String otherKey = Jwts.hs256("{\"sub\":\"alice\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}",
        BILLING_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    RawHttp.Response wrongKey = users.sendBody("POST", "/api/users/register", "", "Authorization: Bearer " + otherKey);
    assertEquals("registered:anonymous", wrongKey.body);
  }

  // The route report, the OpenAPI document and the filter agree for every operation.
  @Test
  void everyDocumentedOperationHasItsDocumentedSecurity() throws Exception {
    int operations = 0;
    for (String config : List.of("users", "billing")) {
      JsonNode doc = document("/api/" + config + "/openapi.json");
      JsonNode report = routeReport(config.equals("users") ? "dev.jwtsecured.it.routes.users.UsersSecurity"
          : "dev.jwtsecured.it.routes.billing.BillingSecurity");
      String admin = config.equals("users") ? "bob" : "carol";
      for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
        String target = path.getKey().replace("{name}", "notes.txt").replaceAll("\\{[^}]+}", "7");
        for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
          String method = op.getKey().toUpperCase(Locale.ROOT);
          String what = config + " " + method + " " + target;
          JsonNode security = op.getValue().get("security");
          if (security.size() > 1) {
            continue; // variants by media type with different rules: variantsByMediaTypeKeepTheirOwnRules
          }
          boolean open = security.isEmpty();
          String access = access(report, method, path.getKey());
          assertEquals(open, List.of("public", "excluded", "token-endpoint", "excluded-method").contains(access),
              what + ": the report says " + access);

          RawHttp.Response anonymous = http.sendBody(method, target, "");
          assertNotEquals(404, anonymous.status, what);
          assertNotEquals(405, anonymous.status, what);
          assertTrue(anonymous.status < 500, what + " -> " + anonymous);
          assertEquals(open, anonymous.status != 401, what + " without a token -> " + anonymous);

          RawHttp.Response authorized = http.sendBody(method, target, "", bearer(admin));
          assertNotEquals(404, authorized.status, what + " with a token (a locator guard answers 401 before matching)");
          assertTrue(authorized.status != 401 && authorized.status != 403 && authorized.status < 500,
              what + " with a token -> " + authorized);
          operations++;
        }
      }
    }
    assertTrue(operations >= 10, "only " + operations + " operations documented");
  }

  @Test
  void theRouteReportAndOpenApiShowInterfaceAndSubResourceRoles() throws Exception {
    JsonNode report = routeReport("dev.jwtsecured.it.routes.users.UsersSecurity");
    assertEquals("protected", access(report, "GET", "/api/reports/{year}"));
    assertEquals("protected", access(report, "DELETE", "/api/files/{name}"));
    List<String> roles = new ArrayList<>();
    for (JsonNode r : report.get("routes")) {
      if (r.get("path").asText().equals("/api/files/{name}") && r.get("method").asText().equals("DELETE")
          || r.get("path").asText().equals("/api/reports/{year}")) {
        roles.add(r.get("roles").toString());
      }
    }
    assertEquals(List.of("[\"admin\"]", "[\"admin\"]"), roles);
    JsonNode doc = document("/api/users/openapi.json");
    JsonNode delete = doc.get("paths").get("/api/files/{name}").get("delete");
    assertTrue(delete.get("responses").has("403"), delete.toString());
    assertTrue(doc.get("paths").get("/api/reports/{year}").get("get").get("responses").has("403"));
    // Two rules at once (the ward's class admits user, its close method admin): a role of each, said both ways.
    JsonNode close = null;
    for (JsonNode r : report.get("routes")) {
      if (r.get("path").asText().equals("/api/wards/{name}") && r.get("method").asText().equals("DELETE")) {
        close = r;
      }
    }
    assertEquals("protected", close.get("access").asText(), close.toString());
    assertEquals("[\"admin\"]", close.get("roles").toString(), close.toString());
    assertEquals("[[\"user\"]]", close.get("andRoles").toString(), close.toString());
    assertEquals("Requires a token with a role of each list: {admin} and {user}.",
        doc.get("paths").get("/api/wards/{name}").get("delete").get("description").asText());
  }

  // Unseen methods: exactly one configuration guards them, with a valid token and nothing more (or a 403).
  @Test
  void aMethodNoConfigurationClassifiedNeedsOneConfigurationsValidToken() throws Exception {
    assertEquals(401, http.send("GET", "/api/outside").status);
    RawHttp.Response carol = http.send("GET", "/api/outside", bearer("carol"));
    assertEquals(200, carol.status, "billing comes first by name and guards it; roles are not enforced: " + carol);
    assertEquals(401, http.send("GET", "/api/outside", bearer("alice")).status, "one configuration, not both");

    UsersSecurityJwtFeature denying = new UsersSecurityJwtFeature(
        UsersSecurityJwtFeature.settings().secret(USERS_SECRET).unseenMethods(UnseenMethods.DENY).build());
    try (TestServer deny = TestServer.startAt("/api", List.of(denying), UsersSecurityJwtFeature.classes(), Users.class,
        Outside.class)) {
      RawHttp.Response alice = deny.http.send("GET", "/api/outside", bearer("alice"));
      assertEquals(403, alice.status, alice.toString());
      assertEquals(200, deny.http.send("GET", "/api/users/7", bearer("alice")).status, "seen methods unchanged");
    }
  }

  /**
   * The filter's decisions reach the configuration's security events with the subject where it is known, behind a
   * locator (where the guard authenticated before the locator ran) as at a root resource.
   */
  @Test
  void refusalsAndDenialsAreSecurityEventsBehindALocatorToo() throws Exception {
    java.util.Queue<SecurityEvent> events = new java.util.concurrent.ConcurrentLinkedQueue<>();
    UsersSecurityJwtFeature reporting = new UsersSecurityJwtFeature(UsersSecurityJwtFeature.settings()
        .secret(USERS_SECRET).securityEvents(events::add).build());
    try (TestServer server = TestServer.startAt("/api", List.of(reporting), UsersSecurityJwtFeature.classes(),
        Users.class, Files.class)) {
      assertEquals(403, server.http.send("DELETE", "/api/files/plan.txt", bearer("alice")).status);
      assertEquals(401, server.http.send("GET", "/api/files/notes.txt").status);
      assertEquals(List.of("REQUEST_DENIED alice INSUFFICIENT_SCOPE DELETE /api/files/plan.txt",
          "REQUEST_REFUSED null NO_TOKEN GET /api/files/notes.txt"),
          events.stream().map(e -> e.kind() + " " + e.subject() + " " + e.failure() + " " + e.request()).toList());
    }
  }

  JsonNode document(String url) throws Exception {
    return document(http, url);
  }

  JsonNode document(RawHttp http, String url) throws Exception {
    RawHttp.Response r = http.send("GET", url);
    assertEquals(200, r.status, r.toString());
    SwaggerParseResult parsed = new OpenAPIParser().readContents(r.body, null, null);
    assertEquals(List.of(), parsed.getMessages());
    return JSON.readTree(r.body);
  }

  static JsonNode routeReport(String config) throws Exception {
    try (InputStream in = RouteBoundSecurityTest.class.getResourceAsStream(
        "/META-INF/jwtsecured/" + config + ".routes.json")) {
      return JSON.readTree(in);
    }
  }

  static String access(JsonNode report, String method, String path) {
    for (JsonNode r : report.get("routes")) {
      if (r.get("method").asText().equals(method) && r.get("path").asText().equals(path)) {
        return r.get("access").asText();
      }
    }
    return "missing from the route report";
  }
}
