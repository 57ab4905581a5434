package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.it.routes.billing.BillingSecurityJwtFeature;
import dev.jwtsecured.it.routes.users.Ledger;
import dev.jwtsecured.it.routes.users.UsersSecurity;
import dev.jwtsecured.it.routes.users.UsersSecurityJwtFeature;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.ServerPerClass;
import dev.jwtsecured.testing.TestServer;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An application registers an instance of a subclass of a resource class the processor saw: here a subclass overriding
 * a method, as the proxy classes of AOP libraries do, outside every configuration's packages (public, as those are:
 * Apache CXF cannot call a method of an anonymous class). Jersey reports
 * the subclass as the resource class; the rules of the class it extends apply, under the configuration that saw that
 * class, not under the configuration first by name ({@code BillingSecurity}). RESTEasy reports the annotated class.
 */
class SubclassInstancesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final ServerPerClass SERVER = new ServerPerClass(() -> TestServer.start("/api", TestServer.application(
      Set.of(RouteBoundSecurityTest.usersFeature(), RouteBoundSecurityTest.billingFeature(), new ProxiedLedger()),
      TestServer.union(UsersSecurityJwtFeature.classes(), BillingSecurityJwtFeature.classes()))));

  static String bearer(RawHttp http, String user) throws Exception {
    RawHttp.Response login = http.sendBody("POST", "/api/users/login",
        "grant_type=password&username=" + user + "&password=pw", "Content-Type: application/x-www-form-urlencoded");
    assertEquals(200, login.status, login.toString());
    return "Authorization: Bearer " + JSON.readTree(login.body).get("access_token").asText();
  }

  @Test
  void aSubclassInstanceKeepsTheRulesOfTheClassItExtends(TestServer server) throws Exception {
    int runs = UsersSecurity.PROTECTED_RUNS.get();
    RawHttp.Response alice = server.http.send("GET", "/api/ledger", bearer(server.http, "alice"));
    assertEquals(403, alice.status, "alice lacks the admin role: " + alice);
    assertEquals(runs, UsersSecurity.PROTECTED_RUNS.get(), "the admin-only method did not run");
    assertEquals(401, server.http.send("GET", "/api/ledger").status);

    RawHttp.Response bob = server.http.send("GET", "/api/ledger", bearer(server.http, "bob"));
    assertEquals(200, bob.status, bob.toString());
    assertEquals("proxied entries", bob.body);

    RawHttp.Response summary = server.http.send("GET", "/api/ledger/summary");
    assertEquals(200, summary.status, "@PermitAll applies to the subclass too: " + summary);
    assertEquals("summary", summary.body);
  }

  /** Without the feature singleton, the check fails a subclass instance closed too, as its class's resources. */
  @Test
  void withoutTheFeatureASubclassInstanceAnswers500AndNeverRuns() {
    try (TestServer server = TestServer.start("/api", TestServer.application(Set.of(new Ledger() {}),
        UsersSecurityJwtFeature.classes()))) {
      int runs = UsersSecurity.PROTECTED_RUNS.get();
      RawHttp.Response r = server.http.send("GET", "/api/ledger");
      assertEquals(500, r.status, r.toString());
      assertEquals(runs, UsersSecurity.PROTECTED_RUNS.get(), "the protected method ran");
    }
  }

  /** The subclass, as an AOP library would make it. */
  public static class ProxiedLedger extends Ledger {
    @Override
    public String entries() {
      return "proxied " + super.entries();
    }
  }
}
