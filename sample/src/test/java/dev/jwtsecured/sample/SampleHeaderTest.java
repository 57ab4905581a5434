package dev.jwtsecured.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.ServerPerClass;
import dev.jwtsecured.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code header} example's HTTP contract (README), against the sample application itself. */
class SampleHeaderTest {
  static final String SECRET = "sample-test-secret-sample-test-secret-0123";
  static final String ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
  static final String ADA = "{\"id\":\"" + ID + "\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}";
  static final ObjectMapper JSON = new ObjectMapper();

  TestServer server;
  RawHttp http;

  @RegisterExtension
  static final ServerPerClass SERVER =
      new ServerPerClass(() -> TestServer.example(Example.HEADER, s -> s.secret(SECRET)));

  @BeforeEach
  void connect(TestServer server) {
    this.server = server;
    this.http = server.http;
  }

  RawHttp.Response login(String body) {
    return http.sendBody("POST", "/login", body, "Content-Type: application/json");
  }

  @Test
  void loginIssuesTheSeedsTokenAndSomePathReturnsTheUser() throws Exception {
    RawHttp.Response login = login(ADA);
    assertEquals(201, login.status, login.toString());
    String authorization = login.header("Authorization");
    assertTrue(authorization.startsWith("Bearer "), authorization);
    String jwt = authorization.substring("Bearer ".length());
    JsonNode claims = JSON.readTree(Jwts.payload(jwt));
    assertEquals(ID, claims.get("sub").asText());
    assertEquals(86400, claims.get("exp").asLong() - claims.get("iat").asLong());
    assertEquals("{}", claims.get("extras").toString());
    JsonNode header = JSON.readTree(Jwts.header(jwt));
    assertEquals("HS256", header.get("alg").asText());
    assertEquals("JWT", header.get("typ").asText());
    assertEquals(2, header.size(), header.toString());
    assertEquals(JSON.readTree(ADA), JSON.readTree(login.body));

    RawHttp.Response me = http.send("GET", "/some-path", "Authorization: " + authorization);
    assertEquals(200, me.status, me.toString());
    assertEquals(JSON.readTree(ADA), JSON.readTree(me.body));
  }

  @Test
  void somePathWithoutATokenIs401() {
    RawHttp.Response r = http.send("GET", "/some-path");
    assertEquals(401, r.status, r.toString());
    assertEquals("Bearer realm=\"api\"", r.header("WWW-Authenticate"));
  }

  @Test
  void aTokenForAnUnknownUserIs401() throws Exception {
    String other = "{\"id\":\"11111111-2222-3333-4444-555555555555\",\"name\":\"B\",\"email\":\"b@example.com\"}";
    String jwt = login(other).header("Authorization");
    // A fresh server does not know the user: its cache is empty.
    try (TestServer fresh = TestServer.example(Example.HEADER, s -> s.secret(SECRET))) {
      RawHttp.Response r = new RawHttp(fresh.port()).send("GET", "/some-path", "Authorization: " + jwt);
      assertEquals(401, r.status, r.toString());
      assertEquals("{\"status_code\":401,\"detail\":\"Unauthorized\"}", r.body);
    }
  }

  @Test
  void invalidLoginBodiesAre400() {
    for (String body : new String[] {
        "", "not json", "[]", "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}",
        "{\"id\":\"not-a-uuid\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}",
        "{\"id\":\"" + ID + "\",\"name\":\"Ada\",\"email\":\"not-an-email\"}",
        "{\"id\":\"" + ID + "\",\"name\":\"\",\"email\":\"ada@example.com\"}",
        "{\"id\":\"" + ID + "\",\"name\":7,\"email\":\"ada@example.com\"}",
        // Stored for as long as the token lasts: a name or address of any length would let anyone fill the memory.
        "{\"id\":\"" + ID + "\",\"name\":\"" + "a".repeat(201) + "\",\"email\":\"ada@example.com\"}",
        "{\"id\":\"" + ID + "\",\"name\":\"Ada\",\"email\":\"" + "a".repeat(243) + "@example.com\"}"}) {
      RawHttp.Response r = login(body);
      assertEquals(400, r.status, body + " -> " + r);
      assertTrue(r.body.startsWith("{\"status_code\":400,\"detail\":"), r.body);
    }
  }
}
