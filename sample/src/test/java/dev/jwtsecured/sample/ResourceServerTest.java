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
import com.nimbusds.jose.jwk.KeyUse;
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
    /** The RSA keys the JWKS serves; the test rotates them. */
    volatile List<RSAKey> rsaKeys;
    final java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();

    IdentityProvider() throws Exception {
      rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
      ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
      ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      rsaKeys = List.of(rsa);
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/realms/demo/protocol/openid-connect/certs", exchange -> {
        fetches.incrementAndGet();
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
      List<JWK> keys = new ArrayList<>(rsaKeys);
      keys.add(ec);
      String set = new JWKSet(keys).toString(true);
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

  /**
   * A user with 500 roles: a token of about 9 KiB, over the default bound of 8 KiB, within the example's 12 KiB. One
   * with 700, about 13 KiB, is refused by the library: the sample server's request header limit, 16 KiB, lets it in.
   */
  @Test
  void aTokenOfHundredsOfRolesGetsInUpToTheConfiguredLength() throws Exception {
    String[] roles = new String[700];
    for (int i = 0; i < roles.length; i++) {
      roles[i] = String.format(java.util.Locale.ROOT, "group-%04d", i);
    }
    String jwt = sign(new RSASSASigner(idp.rsa), JWSAlgorithm.RS256, "rsa-1",
        claims("alice", Arrays.copyOf(roles, 500)).build());
    assertTrue(jwt.length() > 8 * 1024 && jwt.length() < 12 * 1024, "length " + jwt.length());
    RawHttp.Response r = get("/some-path", jwt);
    assertEquals(200, r.status, r.toString());
    assertEquals(500, JSON.readTree(r.body).get("roles").size());

    String over = sign(new RSASSASigner(idp.rsa), JWSAlgorithm.RS256, "rsa-1", claims("alice", roles).build());
    assertTrue(over.length() > 12 * 1024 && over.length() < 15 * 1024, "length " + over.length());
    RawHttp.Response refused = get("/some-path", over);
    assertEquals(401, refused.status, refused.toString());
    assertTrue(refused.header("WWW-Authenticate").contains("The token is too long"), refused.toString());
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
    RSAKey attacker = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    for (JWSHeader header : List.of(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").jwk(attacker.toPublicJWK()).build(),
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
            .x509CertURL(java.net.URI.create("https://attacker.example/cert.pem")).build())) {
      SignedJWT jwt = new SignedJWT(header, claims("mallory", "admin").build());
      jwt.sign(new RSASSASigner(attacker));
      RawHttp.Response r = get("/admin", jwt.serialize());
      assertEquals(401, r.status, header + " -> " + r);
    }
  }

  @Test
  void everyAlgorithmOfTheListThroughHttp() throws Exception {
    try (IdentityProvider provider = new IdentityProvider()) {
      ECKey p384 = new ECKeyGenerator(Curve.P_384).keyID("ec-384").generate();
      ECKey p521 = new ECKeyGenerator(Curve.P_521).keyID("ec-521").generate();
      String base = provider.jwks();
      // Serve the two further curves beside the provider's keys.
      HttpServer extra = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      extra.createContext("/certs", exchange -> {
        String set = base.substring(0, base.lastIndexOf(']')) + "," + p384.toPublicJWK().toJSONString() + ","
            + p521.toPublicJWK().toJSONString() + "]}";
        byte[] body = set.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      extra.start();
      try (TestServer all = TestServer.example(Example.RESOURCE_SERVER, s -> s
          .jwksUri("http://127.0.0.1:" + extra.getAddress().getPort() + "/certs")
          .keyAlgorithms(List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
              "EdDSA")))) {
        JWTClaimsSet claims = claims("alice", "user").build();
        List<String> tokens = new ArrayList<>();
        for (JWSAlgorithm alg : List.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512)) {
          tokens.add(sign(new RSASSASigner(provider.rsa), alg, "rsa-1", claims));
        }
        tokens.add(sign(new ECDSASigner(provider.ec), JWSAlgorithm.ES256, "ec-1", claims));
        tokens.add(sign(new ECDSASigner(p384), JWSAlgorithm.ES384, "ec-384", claims));
        tokens.add(sign(new ECDSASigner(p521), JWSAlgorithm.ES512, "ec-521", claims));
        String input = b64("{\"alg\":\"EdDSA\",\"kid\":\"ed-1\"}") + "." + b64(claims.toString());
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(provider.ed.getPrivate());
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        tokens.add(input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign()));
        for (String jwt : tokens) {
          RawHttp.Response r = all.http.send("GET", "/some-path", "Authorization: Bearer " + jwt);
          assertEquals(200, r.status, jwt + "\n" + r);
        }
        assertEquals(10, tokens.size());
      } finally {
        extra.stop(0);
      }
    }
  }

  @Test
  void rotationFloodAndAnOutageThroughHttp() throws Exception {
    try (IdentityProvider provider = new IdentityProvider();
        TestServer server = TestServer.example(Example.RESOURCE_SERVER,
            s -> s.jwksUri(provider.jwksUri()).jwksMinRefresh(Duration.ofMillis(300)))) {
      RawHttp http = server.http;
      String old = sign(new RSASSASigner(provider.rsa), JWSAlgorithm.RS256, "rsa-1", claims("alice", "user").build());
      for (int i = 0; i < 3; i++) { // the third use comes from the cache
        assertEquals(200, http.send("GET", "/some-path", "Authorization: Bearer " + old).status);
      }
      assertEquals(1, provider.fetches.get());

      // A flood of random kids: at most one fetch per 300 ms interval, however many unknown kids arrive (signed
      // first, so that the flood itself is quick; on a loaded machine it may still span more than one interval).
      List<String> flood = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        flood.add(sign(new RSASSASigner(provider.rsa), JWSAlgorithm.RS256, "kid-" + i,
            claims("mallory", "admin").build()));
      }
      long start = System.nanoTime();
      for (String random : flood) {
        assertEquals(401, http.send("GET", "/some-path", "Authorization: Bearer " + random).status);
      }
      long intervals = Duration.ofNanos(System.nanoTime() - start).toMillis() / 300 + 1;
      assertTrue(provider.fetches.get() <= 1 + intervals,
          "fetches during the flood: " + provider.fetches.get() + " in " + intervals + " intervals of 300 ms");

      // Rotation: the provider replaces rsa-1 with rsa-2.
      RSAKey next = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
      provider.rsaKeys = List.of(next);
      Thread.sleep(350);
      String fresh = sign(new RSASSASigner(next), JWSAlgorithm.RS256, "rsa-2", claims("alice", "user").build());
      assertEquals(200, http.send("GET", "/some-path", "Authorization: Bearer " + fresh).status, "the new key");
      assertEquals(401, http.send("GET", "/some-path", "Authorization: Bearer " + old).status,
          "the removed key's token, although it was cached");

      // An outage during operation: the last good set stays.
      provider.status = 500;
      Thread.sleep(350);
      String another = sign(new RSASSASigner(next), JWSAlgorithm.RS256, "rsa-2", claims("bob", "user").build());
      assertEquals(200, http.send("GET", "/some-path", "Authorization: Bearer " + another).status);
      String unknown = sign(new RSASSASigner(next), JWSAlgorithm.RS256, "rsa-3", claims("bob", "user").build());
      assertEquals(401, http.send("GET", "/some-path", "Authorization: Bearer " + unknown).status);
      assertEquals(200, http.send("GET", "/some-path", "Authorization: Bearer " + fresh).status);
    }
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

  /**
   * The ID token a Keycloak 26.7 realm issued beside the access token, shaped as it was (its claim {@code typ}
   * {@code ID}, an {@code at_hash}, the realm's key, {@code typ} {@code JWT} in its header), whose audience a mapper
   * extended to the API: it answered 200 at {@code /some-path}. It is refused as another kind of token now; the access
   * token passes.
   */
  @Test
  void anIdentityProvidersIdTokenIsNoAccessToken() throws Exception {
    RSASSASigner signer = new RSASSASigner(idp.rsa);
    JWTClaimsSet idToken = claims("alice").audience(List.of("demo", "account")).claim("typ", "ID")
        .claim("azp", "demo").claim("at_hash", "XASgkg57BTlnw66LMyz-OA").claim("realm_access", null).build();
    RawHttp.Response refused = get("/some-path", sign(signer, JWSAlgorithm.RS256, "rsa-1", idToken));
    assertEquals(401, refused.status, refused.toString());
    assertTrue(refused.header("WWW-Authenticate").contains("error_description=\"The token type is not accepted\""),
        refused.toString());
    JWTClaimsSet accessToken = claims("alice", "user").audience(List.of("demo", "account")).claim("typ", "Bearer")
        .claim("azp", "demo").build();
    assertEquals(200, get("/some-path", sign(signer, JWSAlgorithm.RS256, "rsa-1", accessToken)).status);
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

  /**
   * A provider publishing one key names it nowhere (OpenID Connect Core 1.0 section 10.1 asks for a {@code kid} only
   * where a set holds several): its tokens take that key. The provider of three keys gets a token without one refused.
   */
  @Test
  void aProviderOfOneUnnamedKey() throws Exception {
    RSAKey unnamed = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).generate();
    HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    provider.createContext("/certs", exchange -> {
      byte[] body = new JWKSet(unnamed.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    provider.start();
    try (TestServer server = TestServer.example(Example.RESOURCE_SERVER,
        s -> s.jwksUri("http://127.0.0.1:" + provider.getAddress().getPort() + "/certs"))) {
      SignedJWT admin = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
          claims("carol", "admin").build());
      admin.sign(new RSASSASigner(unnamed));
      assertEquals(200, server.http.send("GET", "/admin", "Authorization: Bearer " + admin.serialize()).status);
      RawHttp.Response named = server.http.send("GET", "/admin", "Authorization: Bearer "
          + sign(new RSASSASigner(unnamed), JWSAlgorithm.RS256, "rsa-9", claims("carol", "admin").build()));
      assertEquals(401, named.status, "a kid names a key, and this one has none");
      assertTrue(named.header("WWW-Authenticate").contains("The token signing key is not known"), named.toString());
    } finally {
      provider.stop(0);
    }
    SignedJWT noKid = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(),
        claims("carol", "admin").build());
    noKid.sign(new RSASSASigner(idp.rsa));
    RawHttp.Response refused = http.send("GET", "/admin", "Authorization: Bearer " + noKid.serialize());
    assertEquals(401, refused.status, "three keys: a token names its key");
    assertTrue(refused.header("WWW-Authenticate").contains("The token signing key is not known"), refused.toString());
  }

  @Test
  void onePemPublicKeyInsteadOfAJwks() throws Exception {
    String pem = "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
            idp.rsa.toRSAPublicKey().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
    try (TestServer server = TestServer.example(Example.RESOURCE_SERVER, s -> s.jwksUri("").publicKey(pem))) {
      SignedJWT withoutKid = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(),
          claims("alice", "user").build());
      withoutKid.sign(new RSASSASigner(idp.rsa));
      assertEquals(200, server.http.send("GET", "/some-path", "Authorization: Bearer " + withoutKid.serialize())
          .status);
      assertEquals(401, server.http.send("GET", "/some-path", "Authorization: Bearer "
          + sign(new ECDSASigner(idp.ec), JWSAlgorithm.ES256, "ec-1", claims("alice", "user").build())).status,
          "the EC key of the JWKS is not this configuration's key");
      SignedJWT scope = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(),
          claims("carol", "user").claim("scope", "openid admin").build());
      scope.sign(new RSASSASigner(idp.rsa));
      assertEquals(403, server.http.send("GET", "/admin", "Authorization: Bearer " + scope.serialize()).status,
          "a scope never passes for a role with a configured public key either");
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
