package dev.jwtsecured.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.testing.Chromium;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Swagger UI in a real headless Chromium against the oauth2 example: "Authorize" with the password flow against the
 * generated token endpoint, then "Try it out" on the protected {@code GET /some-path}, which must answer 200 with the
 * user. Screenshots land in {@code target/swagger-ui}. Needs Debian's {@code chromium}; {@code .ci/run} installs it,
 * and under CI its absence fails the test instead of skipping it.
 */
class SwaggerUiBrowserTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String OPERATION = "#operations-default-OAuth2Resources_SomePath_someRoute";

  @Test
  void authorizeWithThePasswordFlowThenCallAProtectedOperation() throws Exception {
    Path binary = Chromium.binary();
    if (binary == null) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("chromium is not installed; .ci/run installs Debian's chromium package");
      }
      Assumptions.abort("chromium is not installed (apt-get install chromium)");
    }
    Path shots = Path.of("target", "swagger-ui");
    try (SampleServer server = SampleServer.start(Example.OAUTH2, "127.0.0.1", 0,
            s -> s.secret("browser-test-secret-browser-test-secret!!"));
        Chromium browser = Chromium.start(binary)) {
      browser.navigate("http://127.0.0.1:" + server.port() + "/schema/swagger");
      browser.waitFor("the Authorize button", "document.querySelector('.btn.authorize')", WAIT);
      browser.waitFor("the operation", "document.querySelector('" + OPERATION + "')", WAIT);
      browser.screenshot(shots.resolve("1-loaded.png"));

      browser.click(".btn.authorize");
      browser.waitFor("the password form", "document.querySelector('#oauth_username')", WAIT);
      browser.type("#oauth_username", "alice");
      browser.type("#oauth_password", "wonderland");
      browser.screenshot(shots.resolve("2-form.png"));
      browser.click(".auth-btn-wrapper .btn.modal-btn.auth.authorize");
      browser.waitFor("the logged-in state", "[...document.querySelectorAll('.auth-btn-wrapper button')]"
          + ".some(b => b.textContent.trim() === 'Logout')", WAIT);
      browser.screenshot(shots.resolve("3-authorized.png"));
      browser.click(".btn-done");

      browser.click(OPERATION + " .opblock-summary-control");
      browser.waitFor("Try it out", "document.querySelector('" + OPERATION + " .try-out__btn')", WAIT);
      browser.click(OPERATION + " .try-out__btn");
      browser.waitFor("Execute", "document.querySelector('" + OPERATION + " .execute')", WAIT);
      browser.click(OPERATION + " .execute");
      browser.waitFor("a live response", "document.querySelector('" + OPERATION
          + " .live-responses-table .response-col_status')", WAIT);
      browser.screenshot(shots.resolve("4-response.png"));

      String status = browser.evaluate("document.querySelector('" + OPERATION
          + " .live-responses-table tbody .response-col_status').textContent.trim()").asText();
      String body = browser.evaluate("document.querySelector('" + OPERATION
          + " .live-responses-table tbody .response-col_description').textContent").asText();
      assertEquals("200", status.replaceAll("\\D.*", ""), body);
      assertTrue(body.contains("\"username\": \"alice\"") || body.contains("\"username\":\"alice\""), body);
    }
  }
}
