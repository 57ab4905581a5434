package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.it.refreshcookie.RefreshCookieSecurity;
import dev.jwtsecured.it.refreshcookie.RefreshCookieSecurityJwtFeature;
import dev.jwtsecured.it.sharedstore.StaffSecurity;
import dev.jwtsecured.it.sharedstore.StaffSecurityJwtFeature;
import dev.jwtsecured.runtime.InMemoryRefreshTokenStore;
import dev.jwtsecured.runtime.JdbcRefreshTokenStore;
import dev.jwtsecured.runtime.RefreshTokenStore;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import jakarta.ws.rs.core.Feature;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Two configurations of one application, the customers' and the staff's, each with a secret of its own, keeping their
 * refresh tokens in one table (each a {@link JdbcRefreshTokenStore} on the application's one database), or in one
 * store object. A customer's refresh token presented at the staff's token endpoint was found there and bought a staff
 * access token naming the customer, with the customer's roles: the store was the only thing a refresh consulted, and
 * it knew nothing of configurations. A refresh token now counts only at the token endpoint of the configuration that
 * issued it.
 */
class SharedRefreshStoreTest {
  private static final String FORM = "Content-Type: application/x-www-form-urlencoded";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aRefreshTokenCountsOnlyWhereItWasIssuedInOneTable() throws Exception {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:shared-refresh-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    new JdbcRefreshTokenStore(database).createTable();
    check(() -> new JdbcRefreshTokenStore(database));
  }

  @Test
  void aRefreshTokenCountsOnlyWhereItWasIssuedInOneStoreObject() throws Exception {
    RefreshTokenStore store = InMemoryRefreshTokenStore.withDefaults();
    check(() -> store);
  }

  private static void check(Supplier<RefreshTokenStore> stores) throws Exception {
    List<Feature> features = List.of(
        new RefreshCookieSecurityJwtFeature(new RefreshCookieSecurity(stores.get()),
            RefreshCookieSecurityJwtFeature.settings().secret("shared-store-customers-secret-0123456789").build()),
        new StaffSecurityJwtFeature(new StaffSecurity(stores.get()),
            StaffSecurityJwtFeature.settings().secret("shared-store-staff-secret-0123456789-abcd").build()));
    Set<Class<?>> generated = new LinkedHashSet<>(RefreshCookieSecurityJwtFeature.classes());
    generated.addAll(StaffSecurityJwtFeature.classes());
    try (TestServer server = TestServer.startAt("", features, generated, RefreshCookieSecurity.WhoAmI.class,
        StaffSecurity.Me.class)) {
      RawHttp http = server.http;
      RawHttp.Response customer = http.sendBody("POST", "/auth/token", "grant_type=password&username=gina&password=pw",
          FORM);
      assertEquals(200, customer.status, customer.toString());
      String ginas = customer.cookieValue("token_refresh");

      RawHttp.Response atStaff = http.sendBody("POST", "/staff/token",
          "grant_type=refresh_token&refresh_token=" + ginas, FORM);
      assertEquals(400, atStaff.status, "a customer's refresh token at the staff's token endpoint: " + atStaff);
      assertEquals("invalid_grant", JSON.readTree(atStaff.body).get("error").asText());
      // Neither spent nor revoked there: it still refreshes where it was issued.
      RawHttp.Response own = http.sendBody("POST", "/auth/token", "grant_type=refresh_token", FORM,
          "Cookie: token_refresh=" + ginas);
      assertEquals(200, own.status, own.toString());
      assertEquals(200, http.send("GET", "/whoami", "Cookie: token=" + own.cookieValue("token")).status);

      RawHttp.Response staff = http.sendBody("POST", "/staff/token",
          "grant_type=password&username=root&password=staff-pw", FORM);
      assertEquals(200, staff.status, staff.toString());
      JsonNode tokens = JSON.readTree(staff.body);
      String roots = tokens.get("refresh_token").asText();
      RawHttp.Response atCustomers = http.sendBody("POST", "/auth/token", "grant_type=refresh_token", FORM,
          "Cookie: token_refresh=" + roots);
      assertEquals(400, atCustomers.status, "a staff refresh token at the customers' token endpoint: " + atCustomers);
      RawHttp.Response refreshed = http.sendBody("POST", "/staff/token", "grant_type=refresh_token&refresh_token="
          + roots, FORM);
      assertEquals(200, refreshed.status, refreshed.toString());
      String access = JSON.readTree(refreshed.body).get("access_token").asText();
      RawHttp.Response me = http.send("GET", "/staff/me", "Authorization: Bearer " + access);
      assertEquals(200, me.status, me.toString());
      assertEquals("root", me.body);
    }
  }
}
