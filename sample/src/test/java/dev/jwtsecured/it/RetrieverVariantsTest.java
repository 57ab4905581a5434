package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtsecured.it.async.AsyncSecurity;
import dev.jwtsecured.it.asyncoptional.AsyncOptionalSecurity;
import dev.jwtsecured.it.asyncoptional.AsyncOptionalSecurityJwtFeature;
import dev.jwtsecured.it.async.AsyncSecurityJwtFeature;
import dev.jwtsecured.it.optional.OptionalSecurity;
import dev.jwtsecured.it.optional.OptionalSecurityJwtFeature;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The retriever shapes besides the static, synchronous one of {@link ItSecurityTest}: an instance method taking the
 * request and answering with a {@code CompletionStage}, and a static one answering {@code Optional} of a
 * parameterized type.
 */
class RetrieverVariantsTest {
  static final String SECRET = "variants-secret-variants-secret-variants!";

  static String token(String sub) {
    long now = Instant.now().getEpochSecond();
    return Jwts.hs256("{\"sub\":\"" + sub + "\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}",
        SECRET.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void instanceCompletionStageRetrieverWithRequest() {
    AsyncSecurityJwtFeature feature = new AsyncSecurityJwtFeature(new AsyncSecurity("async:"),
        AsyncSecurityJwtFeature.settings().secret(SECRET).build());
    try (TestServer server = TestServer.start(feature, AsyncSecurityJwtFeature.classes(), AsyncSecurity.WhoAmI.class)) {
      RawHttp.Response ok = server.http.send("GET", "/whoami", "Authorization: Bearer " + token("user-7"),
          "X-Tenant: acme");
      assertEquals(200, ok.status, ok.toString());
      assertEquals("async:user-7@acme", ok.body);
      RawHttp.Response unknown = server.http.send("GET", "/whoami", "Authorization: Bearer " + token("robot"));
      assertEquals(401, unknown.status, unknown.toString());
      assertEquals("{\"status_code\":401,\"detail\":\"Unauthorized\"}", unknown.body);
    }
  }

  @Test
  void staticOptionalRetrieverOfAParameterizedType() {
    OptionalSecurityJwtFeature feature =
        new OptionalSecurityJwtFeature(OptionalSecurityJwtFeature.settings().secret(SECRET).build());
    try (TestServer server =
        TestServer.start(feature, OptionalSecurityJwtFeature.classes(), OptionalSecurity.WhoAmI.class)) {
      RawHttp.Response ok = server.http.send("GET", "/whoami", "Authorization: Bearer " + token("carol"));
      assertEquals(200, ok.status, ok.toString());
      assertEquals("opt:carol", ok.body);
      RawHttp.Response empty = server.http.send("GET", "/whoami", "Authorization: Bearer " + token("nobody"));
      assertEquals(401, empty.status, empty.toString());
      assertEquals("{\"status_code\":401,\"detail\":\"Unauthorized\"}", empty.body);
    }
  }

  @Test
  void completionStageOfOptionalRetrieverTreatsEmptyAsAnUnknownUser() {
    AsyncOptionalSecurityJwtFeature feature =
        new AsyncOptionalSecurityJwtFeature(AsyncOptionalSecurityJwtFeature.settings().secret(SECRET).build());
    try (TestServer server = TestServer.start(feature, AsyncOptionalSecurityJwtFeature.classes(),
        AsyncOptionalSecurity.WhoAmI.class)) {
      RawHttp.Response ok = server.http.send("GET", "/whoami", "Authorization: Bearer " + token("erin"));
      assertEquals(200, ok.status, ok.toString());
      assertEquals("user:erin", ok.body);
      RawHttp.Response deleted = server.http.send("GET", "/whoami", "Authorization: Bearer " + token("deleted"));
      assertEquals(401, deleted.status, deleted.toString());
      assertEquals("{\"status_code\":401,\"detail\":\"Unauthorized\"}", deleted.body);
    }
  }

  @Test
  void missingSecretFailsAtStartUpNamingTheVariable() {
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> new OptionalSecurityJwtFeature(OptionalSecurityJwtFeature.settings()
            .environment(name -> null).properties(name -> null).build()));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("${IT_SECRET}"), e.getMessage());
  }
}
