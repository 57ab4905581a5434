package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.it.twoconfigs.staff.StaffSecurityJwtFeature;
import dev.jwtsecured.it.twoconfigs.staff.StaffSecurity;
import dev.jwtsecured.it.twoconfigs.store.StoreSecurity;
import dev.jwtsecured.it.twoconfigs.store.StoreSecurityJwtFeature;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import jakarta.ws.rs.core.Feature;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two configurations of one application ({@code @ApplicationPath} in their parent package): a protected locator of
 * one at the application's root ({@code /api/{bucket}}), root resources and the token endpoint of the other beside
 * it. JAX-RS matches those to their own classes, whose templates have more literal characters, and never runs the
 * locator for them; the locator guard asked its own configuration's token for every one of them, which no caller of
 * the other has: the staff could not log in (401 at their token endpoint), nor call their own page with their token.
 */
class TwoConfigurationsTest {
  private static final String STORE_SECRET = "two-configurations-store-secret-0123456789";
  private static final String STAFF_SECRET = "two-configurations-staff-secret-0123456789";

  @Test
  void anotherConfigurationsResourcesBesideAProtectedLocatorKeepTheirOwnRules() throws Exception {
    List<Feature> features = List.of(
        new StoreSecurityJwtFeature(StoreSecurityJwtFeature.settings().secret(STORE_SECRET).build()),
        new StaffSecurityJwtFeature(StaffSecurityJwtFeature.settings().secret(STAFF_SECRET).build()));
    Set<Class<?>> generated = new LinkedHashSet<>(StoreSecurityJwtFeature.classes());
    generated.addAll(StaffSecurityJwtFeature.classes());
    try (TestServer server = TestServer.startAt("/api", features, generated, StoreSecurity.Buckets.class,
        StoreSecurity.Shelf.class, StaffSecurity.Staff.class, StaffSecurity.About.class,
        StaffSecurity.Backroom.class)) {
      RawHttp http = server.http;
      int runs = StoreSecurity.LOCATOR_RUNS.get();
      RawHttp.Response login = http.sendBody("POST", "/api/login", "grant_type=password&username=ada&password=pw",
          "Content-Type: application/x-www-form-urlencoded");
      assertEquals(200, login.status, login.toString());
      String staff = "Authorization: Bearer "
          + new ObjectMapper().readTree(login.body).get("access_token").asText();
      RawHttp.Response me = http.send("GET", "/api/staff", staff);
      assertEquals(200, me.status, me.toString());
      assertEquals("ada", me.body);
      assertEquals(401, http.send("GET", "/api/staff").status);
      RawHttp.Response about = http.send("GET", "/api/about");
      assertEquals(200, about.status, about.toString());
      assertEquals(200, http.send("GET", "/api/openapi.json").status);

      // A staff resource extending a store resource: the staff's, its methods bound to the staff's rules alone (the
      // store's filter was bound to them too, for the class it extends: no token passed both).
      RawHttp.Response backroom = http.send("GET", "/api/backroom", staff);
      assertEquals(200, backroom.status, backroom.toString());
      assertEquals("shelf of Backroom", backroom.body);
      assertEquals(401, http.send("GET", "/api/backroom", Jwts.bearer(STORE_SECRET, "bob")).status);
      assertEquals(200, http.send("GET", "/api/shelf", Jwts.bearer(STORE_SECRET, "bob")).status);
      assertEquals(401, http.send("GET", "/api/shelf", staff).status);

      // Below the locator, only the store's tokens pass the guard; it never runs for anyone else.
      for (String[] caller : new String[][] {{}, {staff}}) {
        assertEquals(401, http.send("GET", "/api/photos/cat.jpg", caller).status);
        assertEquals(401, http.send("GET", "/api/staff/x", caller).status);
      }
      assertEquals(runs, StoreSecurity.LOCATOR_RUNS.get(), "the locator ran before authentication");
      RawHttp.Response photo = http.send("GET", "/api/photos/cat.jpg", Jwts.bearer(STORE_SECRET, "bob"));
      assertEquals(200, photo.status, photo.toString());
      assertEquals("photos/cat.jpg", photo.body);
    }
  }

  /**
   * One secret for both, as {@code [JwtSecured.SecretShared]} warns of: the token the staff's login issues passes the
   * store's checks, and the store takes the staff member for one of its callers. An audience of each, as the warning
   * advises, keeps each one's tokens to it.
   */
  @Test
  void withOneSecretOnlyAnAudienceOfEachKeepsTheOthersTokensOut() throws Exception {
    for (boolean audiences : new boolean[] {false, true}) {
      var store = StoreSecurityJwtFeature.settings().secret(STAFF_SECRET);
      var staff = StaffSecurityJwtFeature.settings().secret(STAFF_SECRET);
      if (audiences) {
        store.audience(List.of("store"));
        staff.audience(List.of("staff"));
      }
      Set<Class<?>> generated = new LinkedHashSet<>(StoreSecurityJwtFeature.classes());
      generated.addAll(StaffSecurityJwtFeature.classes());
      try (TestServer server = TestServer.startAt("/api", List.of(new StoreSecurityJwtFeature(store.build()),
          new StaffSecurityJwtFeature(staff.build())), generated, StoreSecurity.Buckets.class,
          StoreSecurity.Shelf.class, StaffSecurity.Staff.class, StaffSecurity.About.class)) {
        RawHttp.Response login = server.http.sendBody("POST", "/api/login",
            "grant_type=password&username=ada&password=pw", "Content-Type: application/x-www-form-urlencoded");
        assertEquals(200, login.status, login.toString());
        String token = "Authorization: Bearer "
            + new ObjectMapper().readTree(login.body).get("access_token").asText();
        assertEquals(200, server.http.send("GET", "/api/staff", token).status);
        RawHttp.Response shelf = server.http.send("GET", "/api/shelf", token);
        assertEquals(audiences ? 401 : 200, shelf.status, "audiences " + audiences + ": " + shelf);
        RawHttp.Response bucket = server.http.send("GET", "/api/photos/cat.jpg", token);
        assertEquals(audiences ? 401 : 200, bucket.status, "audiences " + audiences + ": " + bucket);
      }
    }
  }
}
