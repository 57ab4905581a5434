package dev.jwtsecured.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.ServerPerClass;
import dev.jwtsecured.testing.TestServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code resource-server} example (SPEC section 11) through real HTTP: tokens of an "identity provider" signed by
 * an independent library (nimbus-jose-jwt; the JDK for EdDSA), its JWKS served by a second HTTP server on loopback.
 */
class ResourceServerTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The identity provider: its keys, and its JWKS served over HTTP. */
  static final class IdentityProvider implements AutoCloseable {
    final RSAKey rsa;
    final ECKey ec;
    final KeyPair ed;
    final HttpServer server;
    volatile int status = 200;

    IdentityProvider() throws Exception {
      rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
      ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
      ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/realms/demo/protocol/openid-connect/certs", exchange -> {
        byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "max-age=300");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      server.start();
    }

    static IdentityProvider start() {
      try {
        return new IdentityProvider();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    String jwksUri() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/demo/protocol/openid-connect/certs";
    }

    String jwks() {
      byte[] spki = ed.getPublic().getEncoded();
      String edJwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"ed-1\",\"use\":\"sig\",\"x\":\""
          + Base64URL.encode(Arrays.copyOfRange(spki, spki.length - 32, spki.length)) + "\"}";
      String set = new JWKSet(List.<JWK>of(rsa, ec)).toString(true);
      return set.substring(0, set.lastIndexOf(']')) + "," + edJwk + "]}";
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.withFixture(IdentityProvider.class, IdentityProvider::start,
      idp -> TestServer.example(Example.RESOURCE_SERVER, s -> s.jwksUri(idp.jwksUri())));

  IdentityProvider idp;
  RawHttp http;

  @BeforeEach
  void connect(TestServer server, IdentityProvider idp) {
    this.http = server.http;
    this.idp = idp;
  }

  static JWTClaimsSet.Builder claims(String subject, String... roles) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder().subject(subject).issuer("https://idp.example/realms/demo")
        .audience("account").issueTime(Date.from(now.minusSeconds(5))).expirationTime(Date.from(now.plusSeconds(300)))
        .claim("realm_access", Map.of("roles", List.of(roles)));
  }

  static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  String eddsa(JWTClaimsSet claims) throws Exception {
    String input = b64("{\"alg\":\"EdDSA\",\"kid\":\"ed-1\",\"typ\":\"JWT\"}") + "." + b64(claims.toString());
    Signature signature = Signature.getInstance("Ed25519");
    signature.initSign(idp.ed.getPrivate());
    signature.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
  }

  static String b64(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  RawHttp.Response get(String path, String jwt) {
    return jwt == null ? http.send("GET", path) : http.send("GET", path, "Authorization: Bearer " + jwt);
  }

  @Test
  void eachAcceptedAlgorithmGetsInWithTheCallerFromTheToken() throws Exception {
    List<String> tokens = new ArrayList<>(List.of(
        sign(new RSASSASigner(idp.rsa), JWSAlgorithm.RS256, "rsa-1", claims("alice", "user").build()),
        sign(new RSASSASigner(idp.rsa), JWSAlgorithm.PS256, "rsa-1", claims("alice", "user").build()),
        sign(new ECDSASigner(idp.ec), JWSAlgorithm.ES256, "ec-1", claims("alice", "user").build())));
    tokens.add(eddsa(claims("alice", "user").build()));
    for (String jwt : tokens) {
      RawHttp.Response r = get("/some-path", jwt);
      assertEquals(200, r.status, r.toString());
      assertEquals(JSON.readTree("{\"subject\":\"alice\",\"roles\":[\"user\"]}"), JSON.readTree(r.body));
    }
  }

  @Test
  void nestedRolesDecideAdmin() throws Exception {
    RawHttp.Response user = get("/admin", sign(new RSASSASigner(idp.rsa), JWSAlgorithm.RS256, "rsa-1",
        claims("alice", "user").build()));
    assertEquals(403, user.status, user.toString());
    assertTrue(user.header("WWW-Authenticate").contains("error=\"insufficient_scope\""), user.toString());
    RawHttp.Response admin = get("/admin", sign(new RSASSASigner(idp.rsa), JWSAlgorithm.RS256, "rsa-1",
        claims("bob", "user", "admin").build()));
    assertEquals(200, admin.status, admin.toString());
    assertEquals(JSON.readTree("{\"subject\":\"bob\",\"roles\":[\"admin\",\"user\"]}"), JSON.readTree(admin.body));
    RawHttp.Response scope = get("/admin", sign(new RSASSASigner(idp.rsa), JWSAlgorithm.RS256, "rsa-1",
        claims("carol", "user").claim("scope", "openid admin").build()));
    assertEquals(403, scope.status, "a scope never passes for a role of an identity provider's token: " + scope);
  }

  @Test
  void refusedTokensGet401NeverA500() throws Exception {
    assertEquals(401, get("/some-path", null).status);
    List<String> refused = List.of(
        // algorithm confusion: HS256 keyed with the RSA public key's bytes
        sign(new MACSigner(idp.rsa.toRSAPublicKey().getEncoded()), JWSAlgorithm.HS256, "rsa-1",
            claims("mallory", "admin").build()),
        // an algorithm the example does not accept, with a key of the right family
        sign(new RSASSASigner(idp.rsa), JWSAlgorithm.RS512, "rsa-1", claims("mallory", "admin").build()),
        // a key the set does not hold
        sign(new RSASSASigner(new RSAKeyGenerator(2048).keyID("rsa-x").generate()), JWSAlgorithm.RS256, "rsa-x",
            claims("mallory", "admin").build()),
        // the right kid, another key
        sign(new RSASSASigner(new RSAKeyGenerator(2048).keyID("rsa-1").generate()), JWSAlgorithm.RS256, "rsa-1",
            claims("mallory", "admin").build()),
        // an RSA kid used for ES256
        sign(new ECDSASigner(idp.ec), JWSAlgorithm.ES256, "rsa-1", claims("mallory", "admin").build()),
        // expired
        sign(new RSASSASigner(idp.rsa), JWSAlgorithm.RS256, "rsa-1", claims("mallory", "admin")
            .expirationTime(Date.from(Instant.now().minusSeconds(60))).build()),
        b64("{\"alg\":\"none\",\"kid\":\"rsa-1\"}") + "." + b64(claims("mallory", "admin").build().toString()) + ".");
    for (String jwt : refused) {
      RawHttp.Response r = get("/admin", jwt);
      assertEquals(401, r.status, jwt + "\n" + r);
      assertTrue(r.header("WWW-Authenticate").contains("error=\"invalid_token\""), r.toString());
    }
    RawHttp.Response jku = get("/admin", sign(new RSASSASigner(idp.rsa), JWSAlgorithm.RS256, "rsa-1",
        claims("mallory", "admin").build()).replaceFirst("^[^.]+", b64("{\"alg\":\"RS256\",\"kid\":\"rsa-1\","
            + "\"jku\":\"https://attacker.example/jwks\"}")));
    assertEquals(401, jku.status, jku.toString());
  }

  @Test
  void healthAndTheOpenApiDocumentAreOpen() throws Exception {
    RawHttp.Response health = get("/health", null);
    assertEquals(200, health.status, health.toString());
    assertEquals(JSON.readTree("{\"status\":\"ok\"}"), JSON.readTree(health.body));
    RawHttp.Response openApi = get("/schema/openapi.json", null);
    assertEquals(200, openApi.status, openApi.toString());
    JsonNode schemes = JSON.readTree(openApi.body).at("/components/securitySchemes");
    assertEquals("http", schemes.elements().next().get("type").asText(), schemes.toString());
    assertEquals("bearer", schemes.elements().next().get("scheme").asText(), schemes.toString());
  }

  @Test
  void issuerAndAudienceWhenConfigured() throws Exception {
    try (TestServer strict = TestServer.example(Example.RESOURCE_SERVER, s -> s.jwksUri(idp.jwksUri())
        .issuer("https://idp.example/realms/demo").audience(List.of("orders")))) {
      RSASSASigner signer = new RSASSASigner(idp.rsa);
      assertEquals(401, strict.http.send("GET", "/some-path", "Authorization: Bearer " + sign(signer,
          JWSAlgorithm.RS256, "rsa-1", claims("alice", "user").build())).status, "aud is account, not orders");
      assertEquals(200, strict.http.send("GET", "/some-path", "Authorization: Bearer " + sign(signer,
          JWSAlgorithm.RS256, "rsa-1", claims("alice", "user").audience(List.of("account", "orders")).build()))
          .status);
      assertEquals(401, strict.http.send("GET", "/some-path", "Authorization: Bearer " + sign(signer,
          JWSAlgorithm.RS256, "rsa-1", claims("alice", "user").issuer("https://evil.example")
              .audience("orders").build())).status);
    }
    try (TestServer tenants = TestServer.example(Example.RESOURCE_SERVER, s -> s.jwksUri(idp.jwksUri())
        .issuer("https://idp.example/realms/demo").acceptedIssuers(List.of("https://idp.example/realms/other")))) {
      RSASSASigner signer = new RSASSASigner(idp.rsa);
      for (String issuer : List.of("https://idp.example/realms/demo", "https://idp.example/realms/other")) {
        assertEquals(200, tenants.http.send("GET", "/some-path", "Authorization: Bearer " + sign(signer,
            JWSAlgorithm.RS256, "rsa-1", claims("alice", "user").issuer(issuer).build())).status, issuer);
      }
      assertEquals(401, tenants.http.send("GET", "/some-path", "Authorization: Bearer " + sign(signer,
          JWSAlgorithm.RS256, "rsa-1", claims("alice", "user").issuer("https://idp.example/realms/third").build()))
          .status);
    }
  }

  @Test
  void startsWhileTheJwksIsDownAndAcceptsTokensOnceItIsUp() throws Exception {
    try (IdentityProvider down = new IdentityProvider()) {
      down.status = 503;
      try (TestServer server = TestServer.example(Example.RESOURCE_SERVER,
          s -> s.jwksUri(down.jwksUri()).jwksMinRefresh(Duration.ofMillis(200)))) {
        String jwt = sign(new RSASSASigner(down.rsa), JWSAlgorithm.RS256, "rsa-1", claims("alice", "user").build());
        RawHttp.Response refused = server.http.send("GET", "/some-path", "Authorization: Bearer " + jwt);
        assertEquals(401, refused.status, refused.toString());
        assertEquals(200, server.http.send("GET", "/health").status, "the service is up regardless");
        down.status = 200;
        Thread.sleep(250); // past the least time between two fetches
        RawHttp.Response accepted = server.http.send("GET", "/some-path", "Authorization: Bearer " + jwt);
        assertEquals(200, accepted.status, accepted.toString());
      }
    }
  }
}
