package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.it.rootlocator.BucketsSecurity;
import dev.jwtsecured.it.rootlocator.BucketsSecurityJwtFeature;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A protected locator at the application's root ({@code /{bucket}}) beside the token endpoint, the OpenAPI document
 * and a public root resource: JAX-RS matches {@code POST /login}, {@code GET /openapi.json} and {@code GET /status} to
 * their own classes, whose templates have more literal characters, and never runs the locator for them. The locator
 * guard asked a token for every one of them: no one could log in (401 at the token endpoint).
 */
class RootLocatorTest {
  @Test
  void theTokenEndpointAndPublicRootResourcesBesideARootLocatorNeedNoToken() throws Exception {
    BucketsSecurityJwtFeature feature =
        new BucketsSecurityJwtFeature(BucketsSecurityJwtFeature.settings().secret(CxfTest.SECRET).build());
    try (TestServer server = TestServer.startAt("", List.of(feature), BucketsSecurityJwtFeature.classes(),
        BucketsSecurity.Buckets.class, BucketsSecurity.Status.class)) {
      RawHttp http = server.http;
      int runs = BucketsSecurity.LOCATOR_RUNS.get();
      String ada = CxfTest.bearer(http, "ada");
      RawHttp.Response openApi = http.send("GET", "/openapi.json");
      assertEquals(200, openApi.status, openApi.toString());
      RawHttp.Response status = http.send("GET", "/status");
      assertEquals(200, status.status, status.toString());
      assertEquals("up", status.body);
      // Elsewhere below the locator, and what the classes beside it do not serve, a token is asked.
      for (String[] call : new String[][] {{"GET", "/photos"}, {"GET", "/photos/cat.jpg"}, {"GET", "/login"},
          {"DELETE", "/status"}, {"GET", "/status/x"}, {"GET", "/statu%73"}}) {
        RawHttp.Response anonymous = http.send(call[0], call[1]);
        assertTrue(anonymous.status == 401 || (call[1].contains("%") && anonymous.status == 200),
            String.join(" ", call) + ": " + anonymous);
      }
      assertEquals(runs, BucketsSecurity.LOCATOR_RUNS.get(), "the locator ran before authentication");
      RawHttp.Response photo = http.send("GET", "/photos/cat.jpg", ada);
      assertEquals(200, photo.status, photo.toString());
      assertEquals("photos/cat.jpg", photo.body);
    }
  }
}
