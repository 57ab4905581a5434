package dev.jwtsecured.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The document each example serves at {@code /schema/openapi.json} against the server itself: it parses without a
 * message, its {@code tokenUrl} answers the password grant, and every operation in it exists with the security it
 * documents, called with and without a token.
 */
class OpenApiDocumentTest {
  static final String SECRET = "openapi-test-secret-openapi-test-secret!!";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String USER =
      "{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}";

  static JsonNode document(RawHttp http) throws Exception {
    RawHttp.Response r = http.send("GET", "/schema/openapi.json");
    assertEquals(200, r.status, r.toString());
    SwaggerParseResult parsed = new OpenAPIParser().readContents(r.body, null, null);
    assertTrue(parsed.getOpenAPI() != null);
    assertEquals(List.of(), parsed.getMessages());
    return JSON.readTree(r.body);
  }

  /** A fresh token for each call: calling {@code /logout} revokes the one it is given. */
  static Supplier<String> tokens(Example example, RawHttp http) {
    return () -> {
      RawHttp.Response r = example == Example.OAUTH2
          ? http.sendBody("POST", "/login", "grant_type=password&username=bob&password=builder",
              "Content-Type: application/x-www-form-urlencoded")
          : http.sendBody("POST", "/login", USER, "Content-Type: application/json");
      try {
        return example == Example.OAUTH2
            ? JSON.readTree(r.body).get("access_token").asText()
            : r.header("Authorization").substring("Bearer ".length());
      } catch (Exception e) {
        throw new AssertionError(r.toString(), e);
      }
    };
  }

  /** The examples that issue their own tokens; the resource server's document is checked in ResourceServerTest. */
  @ParameterizedTest
  @EnumSource(value = Example.class, names = {"HEADER", "COOKIE", "OAUTH2"})
  void everyDocumentedOperationExistsWithItsDocumentedSecurity(Example example) throws Exception {
    try (TestServer server = TestServer.example(example, s -> s.secret(SECRET))) {
      RawHttp http = new RawHttp(server.port());
      JsonNode doc = document(http);
      Supplier<String> token = tokens(example, http);
      int operations = 0;
      for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
        String target = path.getKey().replace("{file}", "swagger-ui.css").replaceAll("\\{[^}]+}", "1");
        for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
          String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
          boolean open = op.getValue().get("security").isEmpty();
          String what = example + " " + method + " " + target;

          RawHttp.Response anonymous = http.sendBody(method, target, "");
          assertNotEquals(404, anonymous.status, what);
          assertNotEquals(405, anonymous.status, what);
          assertTrue(anonymous.status < 500, what + " -> " + anonymous);
          assertEquals(open, anonymous.status != 401, what + " without a token -> " + anonymous);

          RawHttp.Response authenticated = http.sendBody(method, target, "", "Authorization: Bearer " + token.get());
          assertTrue(authenticated.status != 401 && authenticated.status != 403 && authenticated.status < 500,
              what + " with a token -> " + authenticated);
          operations++;
        }
      }
      assertTrue(operations >= 2, "only " + operations + " operations documented");
    }
  }

  @ParameterizedTest
  @EnumSource(value = Example.class, names = "OAUTH2")
  void documentedTokenUrlAnswersThePasswordGrant(Example example) throws Exception {
    try (TestServer server = TestServer.example(example, s -> s.secret(SECRET))) {
      RawHttp http = new RawHttp(server.port());
      JsonNode scheme = document(http).get("components").get("securitySchemes").get("BearerToken");
      assertEquals("oauth2", scheme.get("type").asText());
      String tokenUrl = scheme.get("flows").get("password").get("tokenUrl").asText();
      RawHttp.Response r = http.sendBody("POST", tokenUrl, "grant_type=password&username=alice&password=wonderland",
          "Content-Type: application/x-www-form-urlencoded");
      assertEquals(200, r.status, r.toString());
      assertEquals("Bearer", JSON.readTree(r.body).get("token_type").asText());
    }
  }

  /**
   * Each kind of answer the token endpoint gives, provoked for real, is a response of its documented operation with the
   * documented headers, and each error code is in the documented enum.
   */
  @ParameterizedTest
  @EnumSource(value = Example.class, names = "OAUTH2")
  void everyAnswerOfTheTokenEndpointIsDocumented(Example example) throws Exception {
    try (TestServer server = TestServer.example(example, s -> s.secret(SECRET))) {
      RawHttp http = new RawHttp(server.port());
      JsonNode doc = document(http);
      String tokenUrl = doc.get("components").get("securitySchemes").get("BearerToken").get("flows").get("password")
          .get("tokenUrl").asText();
      JsonNode documented = doc.get("paths").get(tokenUrl).get("post").get("responses");
      JsonNode errorCodes = doc.get("components").get("schemas").get("OAuth2Error").get("properties").get("error")
          .get("enum");
      String form = "Content-Type: application/x-www-form-urlencoded";

      List<RawHttp.Response> answers = new java.util.ArrayList<>();
      answers.add(http.sendBody("POST", tokenUrl, "grant_type=password&username=alice&password=wonderland", form));
      answers.add(http.sendBody("POST", tokenUrl, "grant_type=client_credentials", form));
      answers.add(http.sendBody("POST", tokenUrl, "grant_type=refresh_token&refresh_token=" + "A".repeat(43), form));
      answers.add(http.sendBody("POST", tokenUrl, "grant_type=password", "Content-Type: text/plain"));
      // Apache CXF reads and drops what a request sends (up to 16 MiB) before it answers: there the body is sent.
      String sent = TestServer.runtime().equals("cxf") ? "a".repeat(1_000_000) : "";
      answers.add(http.raw("POST " + tokenUrl + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + form
          + "\r\nContent-Length: 1000000\r\n\r\n" + sent));
      RawHttp.Response guess;
      int guesses = 0;
      do {
        guess = http.sendBody("POST", tokenUrl, "grant_type=password&username=mallory&password=guess" + guesses, form);
        answers.add(guess);
      } while (guess.status != 429 && ++guesses < 20);

      assertEquals(List.of(200, 400, 415, 413, 429),
          answers.stream().map(r -> r.status).distinct().toList(), answers.toString());
      for (RawHttp.Response answer : answers) {
        JsonNode response = documented.get(String.valueOf(answer.status));
        assertTrue(response != null, "undocumented: " + answer);
        if (response.has("headers")) {
          response.get("headers").fieldNames().forEachRemaining(name ->
              assertTrue(answer.header(name) != null, name + " documented but not sent: " + answer));
        }
        if (answer.status >= 400) {
          String error = JSON.readTree(answer.body).get("error").asText();
          assertTrue(errorCodes.toString().contains("\"" + error + "\""), error + " not documented: " + answer);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Example.class, names = {"HEADER", "COOKIE"})
  void schemeFollowsTheTransport(Example example) throws Exception {
    try (TestServer server = TestServer.example(example, s -> s.secret(SECRET))) {
      JsonNode scheme = document(new RawHttp(server.port())).get("components").get("securitySchemes")
          .get("BearerToken");
      if (example == Example.HEADER) {
        assertEquals("http", scheme.get("type").asText());
        assertEquals("bearer", scheme.get("scheme").asText());
        assertEquals("JWT", scheme.get("bearerFormat").asText());
      } else {
        assertEquals("apiKey", scheme.get("type").asText());
        assertEquals("cookie", scheme.get("in").asText());
        assertEquals("token", scheme.get("name").asText());
      }
    }
  }
}
