package dev.jwtsecured.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.runtime.JwtAuth;
import dev.jwtsecured.sample.issuer.IssuerSecurityJwtFeature;
import dev.jwtsecured.sample.resourceserver.ResourceServerSecurityJwtFeature;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import jakarta.ws.rs.core.Application;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC section 11: one process issues (the {@code issuer} example, ES256 with a private key, its public key at
 * {@code /.well-known/jwks.json}), another verifies (the {@code resource-server} example pointed at that JWKS), with
 * no shared secret.
 */
class IssuerAndResourceServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ISSUER = "http://issuer.test";

  static String pem() throws Exception {
    return pem("PRIVATE KEY", ecKeyPair().getPrivate().getEncoded());
  }

  static KeyPair ecKeyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }

  static String login(RawHttp http, String user, String password) throws Exception {
    RawHttp.Response r = http.sendBody("POST", "/login", "grant_type=password&username=" + user + "&password="
        + password, "Content-Type: application/x-www-form-urlencoded");
    assertEquals(200, r.status, r.toString());
    return JSON.readTree(r.body).get("access_token").asText();
  }

  @Test
  void theIssuersTokensAreAcceptedByTheResourceServer() throws Exception {
    String pem = pem();
    try (TestServer issuer = TestServer.example(Example.ISSUER,
        s -> s.privateKey(pem).issuer(ISSUER).audience(List.of("sample-api")))) {
      String bob = login(issuer.http, "bob", "builder");
      String alice = login(issuer.http, "alice", "wonderland");
      JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(bob.substring(0, bob.indexOf('.'))));
      assertEquals("ES256", header.get("alg").asText());
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(bob.split("\\.")[1]));
      assertEquals(ISSUER, claims.get("iss").asText());
      assertEquals(JSON.readTree("[\"sample-api\"]"), claims.get("aud"));
      assertEquals(JSON.readTree("[\"user\",\"admin\"]"), claims.at("/realm_access/roles"));
      assertEquals(200, issuer.http.send("GET", "/admin", "Authorization: Bearer " + bob).status,
          "the issuer verifies its own tokens");

      RawHttp.Response keys = issuer.http.send("GET", "/.well-known/jwks.json");
      assertEquals(200, keys.status, keys.toString());
      assertTrue(keys.header("Cache-Control").contains("max-age="), keys.toString());
      JsonNode key = JSON.readTree(keys.body).get("keys").get(0);
      assertEquals(header.get("kid").asText(), key.get("kid").asText());
      assertEquals("EC", key.get("kty").asText());
      assertEquals("P-256", key.get("crv").asText());
      assertFalse(key.has("d"), "the private part is never published: " + keys.body);

      String jwksUri = "http://127.0.0.1:" + issuer.port() + "/.well-known/jwks.json";
      try (TestServer resources = TestServer.example(Example.RESOURCE_SERVER,
          s -> s.jwksUri(jwksUri).issuer(ISSUER).audience(List.of("sample-api")).keyAlgorithms(List.of("ES256")))) {
        RawHttp.Response admin = resources.http.send("GET", "/admin", "Authorization: Bearer " + bob);
        assertEquals(200, admin.status, admin.toString());
        assertEquals(JSON.readTree("{\"subject\":\"bob\",\"roles\":[\"admin\",\"user\"]}"), JSON.readTree(admin.body));
        assertEquals(403, resources.http.send("GET", "/admin", "Authorization: Bearer " + alice).status);
        assertEquals(200, resources.http.send("GET", "/some-path", "Authorization: Bearer " + alice).status);
      }
      try (TestServer otherIssuer = TestServer.example(Example.RESOURCE_SERVER,
          s -> s.jwksUri(jwksUri).issuer("http://someone-else.test").keyAlgorithms(List.of("ES256")))) {
        assertEquals(401, otherIssuer.http.send("GET", "/some-path", "Authorization: Bearer " + bob).status);
      }
      try (TestServer otherApi = TestServer.example(Example.RESOURCE_SERVER,
          s -> s.jwksUri(jwksUri).issuer(ISSUER).audience(List.of("billing-api")).keyAlgorithms(List.of("ES256")))) {
        assertEquals(401, otherApi.http.send("GET", "/some-path", "Authorization: Bearer " + bob).status,
            "a token for another audience");
      }
    }
  }

  /**
   * A key rotation: the issuer restarted with a new private key and the old public key in {@code rotationPublicKeys}
   * publishes both keys, its own first, and its tokens and those the old key signed pass there and at a resource
   * server reading its JWKS; without the old key, the old tokens are refused.
   */
  @Test
  void aRotationKeepsTheOldKeysTokensValidAtTheIssuerAndTheResourceServer() throws Exception {
    KeyPair previous = ecKeyPair();
    KeyPair next = ecKeyPair();
    String old;
    try (TestServer issuer = TestServer.example(Example.ISSUER,
        s -> s.privateKey(pem("PRIVATE KEY", previous.getPrivate().getEncoded())).issuer(ISSUER))) {
      old = login(issuer.http, "bob", "builder");
    }
    String nextKey = pem("PRIVATE KEY", next.getPrivate().getEncoded());
    try (TestServer withoutIt = TestServer.example(Example.ISSUER, s -> s.privateKey(nextKey).issuer(ISSUER))) {
      assertEquals(401, withoutIt.http.send("GET", "/admin", "Authorization: Bearer " + old).status);
    }
    try (TestServer issuer = TestServer.example(Example.ISSUER, s -> s.privateKey(nextKey).issuer(ISSUER)
        .rotationPublicKeys(List.of(pem("PUBLIC KEY", previous.getPublic().getEncoded()))))) {
      String current = login(issuer.http, "bob", "builder");
      for (String token : List.of(old, current)) {
        assertEquals(200, issuer.http.send("GET", "/admin", "Authorization: Bearer " + token).status);
      }
      RawHttp.Response keys = issuer.http.send("GET", "/.well-known/jwks.json");
      JsonNode published = JSON.readTree(keys.body).get("keys");
      assertEquals(2, published.size(), keys.body);
      assertEquals(kid(current), published.get(0).get("kid").asText(), "the signing key first");
      assertEquals(kid(old), published.get(1).get("kid").asText());
      String jwksUri = "http://127.0.0.1:" + issuer.port() + "/.well-known/jwks.json";
      try (TestServer resources = TestServer.example(Example.RESOURCE_SERVER,
          s -> s.jwksUri(jwksUri).issuer(ISSUER).keyAlgorithms(List.of("ES256")))) {
        for (String token : List.of(old, current)) {
          RawHttp.Response admin = resources.http.send("GET", "/admin", "Authorization: Bearer " + token);
          assertEquals(200, admin.status, admin.toString());
        }
      }
    }
  }

  static String kid(String jwt) throws Exception {
    return JSON.readTree(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.')))).get("kid").asText();
  }

  /**
   * {@link JwtAuth#cachedTokens()} counts for a private key, a JWKS and one public key alike: a token verified a second
   * time is remembered.
   */
  @Test
  void everySourceOfKeysRemembersATokenVerifiedTwice() throws Exception {
    KeyPair pair = ecKeyPair();
    String privateKey = pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    String publicKey = pem("PUBLIC KEY", pair.getPublic().getEncoded());
    Application issuerApplication = Example.ISSUER.application(s -> s.privateKey(privateKey).issuer(ISSUER));
    try (TestServer issuer = TestServer.start("", issuerApplication)) {
      String bob = login(issuer.http, "bob", "builder");
      assertRememberedOnSecondUse(issuer, auth(issuerApplication), bob, "private key");
      String jwksUri = "http://127.0.0.1:" + issuer.port() + "/.well-known/jwks.json";
      Application jwks = Example.RESOURCE_SERVER.application(
          s -> s.jwksUri(jwksUri).issuer(ISSUER).keyAlgorithms(List.of("ES256")));
      try (TestServer server = TestServer.start("", jwks)) {
        assertRememberedOnSecondUse(server, auth(jwks), bob, "JWKS");
      }
      Application onePublicKey = Example.RESOURCE_SERVER.application(
          s -> s.jwksUri("").publicKey(publicKey).issuer(ISSUER).keyAlgorithms(List.of("ES256")));
      try (TestServer server = TestServer.start("", onePublicKey)) {
        assertRememberedOnSecondUse(server, auth(onePublicKey), bob, "public key");
      }
    }
  }

  static void assertRememberedOnSecondUse(TestServer server, JwtAuth auth, String jwt, String keys) {
    int before = auth.cachedTokens();
    assertEquals(200, server.http.send("GET", "/admin", "Authorization: Bearer " + jwt).status, keys);
    assertEquals(before, auth.cachedTokens(), keys + ": a token seen once is not remembered yet");
    assertEquals(200, server.http.send("GET", "/admin", "Authorization: Bearer " + jwt).status, keys);
    assertEquals(before + 1, auth.cachedTokens(), keys + ": the second use remembers it");
  }

  /** The feature's runtime; {@code getSingletons()} is deprecated, but it is where the sample registers the feature. */
  @SuppressWarnings("deprecation")
  static JwtAuth auth(Application application) {
    for (Object singleton : application.getSingletons()) {
      if (singleton instanceof IssuerSecurityJwtFeature feature) {
        return feature.auth();
      }
      if (singleton instanceof ResourceServerSecurityJwtFeature feature) {
        return feature.auth();
      }
    }
    throw new AssertionError("no jwtsecured feature in " + application.getSingletons());
  }
}
