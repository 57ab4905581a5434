package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.it.cafe.CafeSecurity;
import dev.jwtsecured.it.cafe.CafeSecurityJwtFeature;
import dev.jwtsecured.runtime.JwtSettings;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.ServerPerClass;
import dev.jwtsecured.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An {@code @ApplicationPath} that JAX-RS percent-encodes ({@code /carte des caf\u00e9s}, served at
 * {@code /carte%20des%20caf%C3%A9s}). The processor accepted it and wrote it into the generated settings as written,
 * which the runtime refuses as a path: the application compiled and never started (found by
 * {@code RandomConfigurationsTest}). The settings now carry the path as requests spell it. The suite's servers take no
 * such context path alike (Jetty's context encodes its spaces again in Jersey's base URI, Undertow and Grizzly answer
 * 404), so the application is served at the root, as by a runtime that leaves the application path out: the token
 * endpoint, refresh cookie, resources and OpenAPI document work there.
 */
class EncodedApplicationPathTest {
  static final String SECRET = "cafe-secret-cafe-secret-cafe-secret-cafe!";
  static final String ENCODED = "/carte%20des%20caf%C3%A9s";
  static final String FORM = "Content-Type: application/x-www-form-urlencoded";

  @RegisterExtension
  static final ServerPerClass SERVER = new ServerPerClass(() -> TestServer.startAt("",
      List.of(new CafeSecurityJwtFeature(settings())), CafeSecurityJwtFeature.classes(), CafeSecurity.Menu.class));

  static JwtSettings settings() {
    return CafeSecurityJwtFeature.settings().secret(SECRET).build();
  }

  @Test
  void theGeneratedSettingsStartWithThePathAsRequestsSpellIt() {
    assertEquals(ENCODED, settings().applicationPath());
  }

  @Test
  void theTokenEndpointRefreshCookieAndResourcesWorkThere(TestServer server) {
    RawHttp.Response login = server.http.sendBody("POST", "/token",
        "grant_type=password&username=ines&password=pw", FORM);
    assertEquals(200, login.status, login.toString());
    assertTrue(login.setCookie("cafe_refresh").contains("; Path=/token;"), login.toString());
    RawHttp.Response refreshed = server.http.sendBody("POST", "/token", "grant_type=refresh_token", FORM,
        "Cookie: cafe_refresh=" + login.cookieValue("cafe_refresh"));
    assertEquals(200, refreshed.status, refreshed.toString());
    RawHttp.Response menu = server.http.send("GET", "/menu", "Cookie: cafe=" + refreshed.cookieValue("cafe"));
    assertEquals(200, menu.status, menu.toString());
    assertEquals("espresso", menu.body);
    assertEquals(401, server.http.send("GET", "/menu").status);
  }

  @Test
  void theOpenApiDocumentLeadsToTheTokenEndpoint(TestServer server) throws Exception {
    RawHttp.Response answer = server.http.send("GET", "/openapi.json");
    assertEquals(200, answer.status, answer.toString());
    JsonNode document = new ObjectMapper().readTree(answer.body);
    String tokenUrl = document.at("/components/securitySchemes/BearerToken/flows/password/tokenUrl").asText();
    assertEquals("/token", tokenUrl, answer.body);
    assertTrue(document.at("/paths").has("/menu"), answer.body);
  }
}
