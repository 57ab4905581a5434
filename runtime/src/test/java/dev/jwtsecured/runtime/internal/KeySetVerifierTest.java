package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.jwtsecured.runtime.AuthFailure;
import dev.jwtsecured.runtime.Token;
import dev.jwtsecured.runtime.MovableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key-set verifier against a JWKS served over real HTTP on loopback, with tokens signed by an independent library
 * (nimbus-jose-jwt; the JDK's own {@code Ed25519} signature for EdDSA).
 */
class KeySetVerifierTest {
  /** The default {@code maxTokenLength}. */
  static final int LENGTH = 8 * 1024;
  static final Set<String> ALL = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384",
      "ES512", "EdDSA");


  HttpServer server;
  final AtomicInteger fetches = new AtomicInteger();
  volatile int status = 200;
  volatile String jwks = "{\"keys\":[]}";
  /** When set, the JWKS endpoint's body instead of {@link #jwks}. */
  volatile byte[] jwksBytes;
  volatile String cacheControl = "";
  /** When not empty, the JWKS response's {@code Age} header: how long a cache in between has held it. */
  volatile String age = "";
  volatile String openIdConfiguration = "";
  /** How the JWKS endpoint misbehaves after sending its headers: "" for not at all. */
  volatile String bodyFault = "";
  final CountDownLatch released = new CountDownLatch(1);
  /** While set, the JWKS endpoint holds its answer until this opens (at most 20 s). */
  volatile CountDownLatch hold;
  final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));

  @BeforeEach
  void startJwksServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/jwks", exchange -> {
      fetches.incrementAndGet();
      CountDownLatch gate = hold;
      if (gate != null) {
        try {
          gate.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] body = jwksBytes != null ? jwksBytes : jwks.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
      if (!cacheControl.isEmpty()) {
        for (String line : cacheControl.split("\n")) { // a header line each
          exchange.getResponseHeaders().add("Cache-Control", line);
        }
      }
      if (!age.isEmpty()) {
        exchange.getResponseHeaders().add("Age", age);
      }
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        if (bodyFault.isEmpty()) {
          out.write(body);
          return;
        }
        try {
          for (int i = 0; i < body.length && released.getCount() > 0; i++) {
            out.write(body[i]);
            out.flush();
            // "stall": a few bytes, then nothing; "drip": a byte every 100 ms, long past the response timeout
            if (!released.await(bodyFault.equals("stall") && i >= 8 ? 60_000 : 100, TimeUnit.MILLISECONDS)) {
              continue;
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (IOException e) {
          // the client gave up, as it should
        }
      }
    });
    server.setExecutor(Executors.newCachedThreadPool());
    for (String discovery : List.of("/realms/demo/.well-known/openid-configuration",
        "/.well-known/openid-configuration", "/realms/demo/.well-known/oauth-authorization-server",
        "/.well-known/oauth-authorization-server")) {
      server.createContext(discovery, exchange -> {
        byte[] body = openIdConfiguration.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
    }
    server.start();
  }

  @AfterEach
  void stopJwksServer() {
    released.countDown();
    server.stop(0);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
  }

  KeySetVerifier verifier(Set<String> algorithms, UnaryOperator<JwksKeySet.Options> options, Set<String> issuers,
      List<String> audience, String rolesClaim, int cacheSize) {
    JwksKeySet keys = new JwksKeySet(uri(), options.apply(JwksKeySet.Options.DEFAULT.withClock(clock)));
    keySet = keys;
    return new KeySetVerifier(keys, algorithms,
        new ClaimRules(clock, Duration.ZERO, issuers, audience, rolesClaim), clock, cacheSize, LENGTH);
  }

  /** The key set of the last {@link #verifier}. */
  JwksKeySet keySet;

  /** Waits until the fetch a stale set started in the background has settled. */
  void awaitFetch() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (keySet.fetching()) {
      assertTrue(System.nanoTime() < deadline, "the fetch never settled");
      Thread.sleep(5);
    }
  }

  KeySetVerifier verifier(Set<String> algorithms) {
    return verifier(algorithms, o -> o, Set.of(), List.of(), "roles", 100);
  }

  void serve(JWK... keys) {
    jwks = new JWKSet(Arrays.asList(keys)).toString(true);
  }

  JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder().subject("alice")
        .issueTime(Date.from(clock.instant().minusSeconds(10)))
        .expirationTime(Date.from(clock.instant().plusSeconds(600)));
  }

  static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(header, claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  static JWSHeader header(JWSAlgorithm alg, String kid) {
    return new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build();
  }

  static AuthFailure failure(KeySetVerifier verifier, String jwt) {
    return assertThrows(AuthException.class, () -> verifier.verify(jwt)).failure();
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"})
  void rsaAlgorithmsVerify(String name) throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").keyUse(KeyUse.SIGNATURE).generate();
    serve(key);
    String jwt = sign(new RSASSASigner(key), header(JWSAlgorithm.parse(name), "r1"), claims().build());
    assertEquals("alice", verifier(ALL).verify(jwt).subject());
    assertEquals(AuthFailure.ALGORITHM_NOT_ACCEPTED, failure(verifier(Set.of("ES256")), jwt), "pinned elsewhere");
  }

  /**
   * Each ECDSA algorithm verifies its signature, R and S of the curve's size side by side (RFC 7518 section 3.4), and
   * no other form of it: all zeros (accepted by the JDK's ECDSA in Java 15 to 18.0.0, CVE-2022-21449), the DER form
   * the JDK's own {@code Signature} produces, and R||S a byte short or long.
   */
  @ParameterizedTest
  @ValueSource(strings = {"ES256", "ES384", "ES512"})
  void ecAlgorithmsVerifyTheirSignatureFormOnly(String name) throws Exception {
    Curve curve = Map.of("ES256", Curve.P_256, "ES384", Curve.P_384, "ES512", Curve.P_521).get(name);
    ECKey key = new ECKeyGenerator(curve).keyID("e1").generate();
    serve(key);
    String jwt = sign(new ECDSASigner(key), header(JWSAlgorithm.parse(name), "e1"), claims().build());
    KeySetVerifier verifier = verifier(ALL);
    assertEquals("alice", verifier.verify(jwt).subject());
    String signingInput = jwt.substring(0, jwt.lastIndexOf('.') + 1);
    byte[] raw = Base64.getUrlDecoder().decode(jwt.substring(signingInput.length()));
    Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
    for (byte[] signature : List.of(new byte[raw.length], ECDSA.transcodeSignatureToDER(raw),
        Arrays.copyOf(raw, raw.length - 1), Arrays.copyOf(raw, raw.length + 1))) {
      assertEquals(AuthFailure.BAD_SIGNATURE, failure(verifier, signingInput + base64url.encodeToString(signature)),
          () -> signature.length + " bytes");
    }
  }

  /**
   * A token of an identity provider taken from the cache still meets its times, and the leeway reaches the check of
   * {@code exp}: a token used again is one hit until it expires, and one expired less than the leeway ago passes.
   */
  @Test
  void aCachedKeySetTokenStillExpiresAndTheLeewayApplies() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).keyID("e1").generate();
    serve(key);
    String jwt = sign(new ECDSASigner(key), header(JWSAlgorithm.ES256, "e1"), claims().build());
    KeySetVerifier verifier = verifier(Set.of("ES256"));
    Token first = verifier.verify(jwt);
    Token cached = verifier.verify(jwt);
    assertTrue(first != cached, "a token seen once is not cached");
    assertTrue(cached == verifier.verify(jwt), "a token used again is taken from the cache");
    clock.advance(Duration.ofSeconds(599));
    assertTrue(cached == verifier.verify(jwt), "a second before exp");
    clock.advance(Duration.ofSeconds(1));
    assertEquals(AuthFailure.EXPIRED, failure(verifier, jwt), "a cached token at exp");
    KeySetVerifier lenient = new KeySetVerifier(keySet, Set.of("ES256"),
        new ClaimRules(clock, Duration.ofSeconds(30), Set.of(), List.of(), "roles"), clock, 100, LENGTH);
    clock.advance(Duration.ofSeconds(29));
    assertEquals("alice", lenient.verify(jwt).subject(), "expired 29 seconds ago, the leeway 30");
    assertEquals("alice", lenient.verify(jwt).subject(), "and from the cache");
    clock.advance(Duration.ofSeconds(1));
    assertEquals(AuthFailure.EXPIRED, failure(lenient, jwt), "expired as long ago as the leeway");
  }

  @Test
  void eddsaVerifies() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] spki = pair.getPublic().getEncoded();
    byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    jwks = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"d1\",\"use\":\"sig\",\"x\":\""
        + Base64URL.encode(raw) + "\"}]}";
    // nimbus signs Ed25519 only with Google Tink on the class path, so the JDK signs.
    String jwt = jdkSigned("{\"alg\":\"EdDSA\",\"kid\":\"d1\",\"typ\":\"JWT\"}", "Ed25519", pair);
    assertEquals("alice", verifier(ALL).verify(jwt).subject());
    assertEquals(AuthFailure.BAD_SIGNATURE, failure(verifier(ALL), tampered(jwt)));
  }

  String jdkSigned(String header, String jcaAlgorithm, KeyPair pair) throws Exception {
    return jdkSigned(b64(header) + "." + b64(claims().build().toString()), jcaAlgorithm, pair.getPrivate());
  }

  /** {@code signingInput} and its signature by the JDK. */
  static String jdkSigned(String signingInput, String jcaAlgorithm, PrivateKey key) throws Exception {
    Signature signature = Signature.getInstance(jcaAlgorithm);
    signature.initSign(key);
    signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
  }

  /** The messages {@code source}'s logger receives while {@code body} runs. */
  static List<String> logOf(Class<?> source, org.junit.jupiter.api.function.Executable body) throws Throwable {
    List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Logger log = java.util.logging.Logger.getLogger(source.getName());
    java.util.logging.Handler handler = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord record) {
        messages.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    log.addHandler(handler);
    try {
      body.execute();
    } finally {
      log.removeHandler(handler);
    }
    return messages;
  }

  /** {@code jwt} with the first character of its signature changed (still canonical base64url). */
  static String tampered(String jwt) {
    int at = jwt.lastIndexOf('.') + 1;
    return jwt.substring(0, at) + (jwt.charAt(at) == 'A' ? 'B' : 'A') + jwt.substring(at + 1);
  }

  static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aTamperedSignatureIsRefused() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    String jwt = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"), claims().build());
    String[] parts = jwt.split("\\.");
    String other = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"), claims().subject("mallory").build());
    assertEquals(AuthFailure.BAD_SIGNATURE, failure(verifier(ALL), parts[0] + "." + other.split("\\.")[1] + "."
        + parts[2]));
  }

  @Test
  void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    // Algorithm confusion: the RSA public key's bytes as an HMAC secret.
    String jwt = sign(new MACSigner(key.toRSAPublicKey().getEncoded()), header(JWSAlgorithm.HS256, "r1"),
        claims().build());
    assertEquals(AuthFailure.ALGORITHM_NOT_ACCEPTED, failure(verifier(ALL), jwt));
    assertThrows(IllegalArgumentException.class, () -> verifier(Set.of("HS256")), "an HMAC cannot be accepted");
  }

  @Test
  void anUnsignedTokenIsRefused() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    String jwt = b64("{\"alg\":\"none\",\"kid\":\"r1\"}") + "." + b64(claims().build().toString()) + ".";
    assertEquals(AuthFailure.MALFORMED_TOKEN, failure(verifier(ALL), jwt), "an empty signature segment");
    String withSignature = b64("{\"alg\":\"none\",\"kid\":\"r1\"}") + "." + b64(claims().build().toString()) + ".AAAA";
    assertEquals(AuthFailure.ALGORITHM_NOT_ACCEPTED, failure(verifier(ALL), withSignature));
  }

  /**
   * Microsoft Entra ID (and AD FS) name the signing key twice in every token's header, by {@code kid} and by the
   * certificate's SHA-1 thumbprint {@code x5t}, equal values: a thumbprint names a key the set holds, it carries or
   * fetches none, so it is no reason to refuse the token (every such token was refused as malformed).
   */
  @Test
  @SuppressWarnings("deprecation") // nimbus deprecates writing the SHA-1 x5t, which Entra ID still sends
  void certificateThumbprintsInTheHeaderAsEntraIdSendsThemAreAccepted() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("nOo3ZDrODXEK1jKWhXslHR_KXEg").generate();
    serve(key);
    KeySetVerifier verifier = verifier(ALL);
    Base64URL thumbprint = new Base64URL("nOo3ZDrODXEK1jKWhXslHR_KXEg");
    for (JWSHeader header : List.of(
        new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).x509CertThumbprint(thumbprint)
            .keyID("nOo3ZDrODXEK1jKWhXslHR_KXEg").build(),
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("nOo3ZDrODXEK1jKWhXslHR_KXEg")
            .x509CertSHA256Thumbprint(new Base64URL("47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU")).build())) {
      String jwt = sign(new RSASSASigner(key), header, claims().build());
      assertEquals("alice", verifier.verify(jwt).subject(), header.toString());
    }
  }

  /**
   * A key set shaped like Microsoft Entra ID's: each RSA key with its certificate ({@code x5c}), the certificate's
   * thumbprint as {@code x5t} and {@code kid}, and an {@code issuer} member; a token naming it both ways verifies. The
   * certificate is made by the JDK's {@code keytool}, as no test library here writes one.
   */
  @Test
  @SuppressWarnings("deprecation") // nimbus deprecates writing the SHA-1 x5t, which Entra ID still sends
  void anEntraIdShapedKeySetWithCertificatesVerifies(@TempDir Path dir) throws Exception {
    KeyStore.PrivateKeyEntry entry = selfSigned(dir);
    X509Certificate certificate = (X509Certificate) entry.getCertificate();
    PrivateKey privateKey = entry.getPrivateKey();
    RSAPublicKey publicKey = (RSAPublicKey) certificate.getPublicKey();
    String thumbprint = Base64URL.encode(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()))
        .toString();
    jwks = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"" + thumbprint + "\",\"x5t\":\"" + thumbprint
        + "\",\"n\":\"" + Base64URL.encode(publicKey.getModulus()) + "\",\"e\":\""
        + Base64URL.encode(publicKey.getPublicExponent()) + "\",\"x5c\":[\""
        + Base64.getEncoder().encodeToString(certificate.getEncoded())
        + "\"],\"issuer\":\"https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0\"}]}";
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
        .x509CertThumbprint(new Base64URL(thumbprint)).keyID(thumbprint).build();
    String jwt = sign(new RSASSASigner(privateKey), header, claims().build());
    assertEquals("alice", verifier(ALL).verify(jwt).subject());
  }

  /** An RSA key and its self-signed certificate, made by the JDK's {@code keytool} in {@code dir}. */
  static KeyStore.PrivateKeyEntry selfSigned(Path dir) throws Exception {
    return selfSigned(dir, "RSA", "2048");
  }

  /** A key of {@code algorithm} and {@code size} and its self-signed certificate, made by {@code keytool}. */
  static KeyStore.PrivateKeyEntry selfSigned(Path dir, String algorithm, String size) throws Exception {
    Path store = dir.resolve(algorithm + ".p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "k", "-keyalg", algorithm, "-keysize", size, "-validity", "365",
        "-dname", "CN=accounts.accesscontrol.windows.net", "-storetype", "PKCS12", "-keystore", store.toString(),
        "-storepass", "changeit").redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, keytool.waitFor(), output);
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = java.nio.file.Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    return (KeyStore.PrivateKeyEntry) keys.getEntry("k", new KeyStore.PasswordProtection("changeit".toCharArray()));
  }

  /**
   * A JWK whose certificate ({@code x5c}) holds another key than its {@code n} and {@code e}: RFC 7517 section 4.7
   * says they MUST match, and nimbus-jose-jwt refuses such a JWK, but jjwt read it as the key of {@code n} and
   * {@code e}, which then verified tokens. Such a JWK is no key of the set now, and the log says why.
   */
  @Test
  void aKeyWhoseCertificateHoldsAnotherKeyIsNoKey(@TempDir Path dir) throws Throwable {
    X509Certificate certificate = (X509Certificate) selfSigned(dir).getCertificate();
    RSAKey other = new RSAKeyGenerator(2048).keyID("m").generate();
    jwks = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"m\",\"n\":\"" + other.getModulus()
        + "\",\"e\":\"" + other.getPublicExponent() + "\",\"x5c\":[\""
        + Base64.getEncoder().encodeToString(certificate.getEncoded()) + "\"]}]}";
    assertThrows(java.text.ParseException.class, () -> JWK.parse(jwks.substring(9, jwks.length() - 2)),
        "nimbus refuses it");
    String jwt = sign(new RSASSASigner(other), header(JWSAlgorithm.RS256, "m"), claims().build());
    KeySetVerifier verifier = verifier(ALL);
    List<String> log = logOf(StrictJson.class, () -> assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier, jwt)));
    assertTrue(log.stream().anyMatch(line -> line.contains("\"m\"") && line.contains("x5c")), log.toString());

    KeyStore.PrivateKeyEntry ec = selfSigned(dir, "EC", "256");
    ECKey published = new ECKey.Builder(Curve.P_256, (java.security.interfaces.ECPublicKey) ec.getCertificate()
        .getPublicKey()).keyID("e").x509CertChain(List.of(com.nimbusds.jose.util.Base64.encode(
            ec.getCertificate().getEncoded()))).build();
    serve(published);
    assertEquals("alice", verifier(ALL).verify(sign(new ECDSASigner((java.security.interfaces.ECPrivateKey)
        ec.getPrivateKey()), header(JWSAlgorithm.ES256, "e"), claims().build())).subject(),
        "an EC key with its own certificate");
    ECKey otherEc = new ECKeyGenerator(Curve.P_256).keyID("e").generate();
    String otherPublic = otherEc.toPublicJWK().toJSONString(); // nimbus builds no such JWK: written by hand
    jwks = "{\"keys\":[" + otherPublic.substring(0, otherPublic.length() - 1) + ",\"x5c\":[\""
        + Base64.getEncoder().encodeToString(ec.getCertificate().getEncoded()) + "\"]}]}";
    assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier(ALL), sign(new ECDSASigner(otherEc),
        header(JWSAlgorithm.ES256, "e"), claims().build())), "an EC key with another key's certificate");
  }

  /**
   * Auth0 (and any provider following RFC 7519 section 4.2) names custom claims by URI, dots and all: roles under
   * {@code https://shop.example.com/roles} were looked for as nested objects {@code https://shop}, {@code example},
   * {@code com/roles}, found nowhere, and every {@code @RolesAllowed} answered 403. A URI is one claim name; and a
   * configuration with a private key writes its roles under that one name.
   */
  @Test
  void aRolesClaimNamedByUriIsOneClaim() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    String claim = "https://shop.example.com/roles";
    KeySetVerifier verifier = verifier(ALL, o -> o, Set.of(), List.of(), claim, 0);
    Token token = verifier.verify(sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"),
        claims().claim(claim, List.of("admin", "user")).build()));
    assertEquals(Set.of("admin", "user"), token.roles());

    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    ClaimRules rules = new ClaimRules(clock, Duration.ZERO, Set.of(), List.of(), claim);
    KeyPairCodec codec = new KeyPairCodec(generator.generateKeyPair().getPrivate(), List.of(), rules, claim, clock, 0,
        LENGTH);
    String issued = codec.issue(Token.builder().subject("bob").issuedAt(clock.instant())
        .expiresAt(clock.instant().plusSeconds(60)).roles(Set.of("admin")).build());
    assertEquals(List.of("admin"), SignedJWT.parse(issued).getJWTClaimsSet().getStringListClaim(claim),
        "written under the one name");
    assertEquals(Set.of("admin"), codec.verify(issued).roles());
  }

  /**
   * Wherever a private key's configuration writes roles, its own tokens come back whole: subject, session, issuer,
   * audience, roles and scopes, each read where it was written (roles at {@code sub} made every login fail, at {@code
   * aud} every token refused, at {@code sid} or {@code scope} a session or roles lost; those claims are refused as
   * {@code rolesClaim} by the settings and the processor).
   */
  @Test
  void aPrivateKeysTokensComeBackWholeWhereverTheirRolesAreWritten() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    PrivateKey privateKey = generator.generateKeyPair().getPrivate();
    Pattern taken = Pattern.compile(dev.jwtsecured.JwtSecured.CLAIM_PATH_TAKEN);
    // Each roles claim, and where in the token's JSON it puts the roles.
    Map<String, List<String>> where = new java.util.LinkedHashMap<>();
    for (String name : List.of("roles", "groups", "subject", "scopes", "sid_roles", "sub:roles",
        "https://shop.example.com/roles")) {
      where.put(name, List.of(name));
    }
    where.put("realm_access.roles", List.of("realm_access", "roles"));
    where.put("resource_access.\"com.example.shop\".roles", List.of("resource_access", "com.example.shop", "roles"));
    where.put("\"sub.roles\"", List.of("sub.roles"));
    where.put("\"https://shop.example.com/app_metadata\".roles", List.of("https://shop.example.com/app_metadata",
        "roles"));
    for (Map.Entry<String, List<String>> entry : where.entrySet()) {
      String claim = entry.getKey();
      assertFalse(taken.matcher(claim).matches(), claim);
      ClaimRules rules = new ClaimRules(clock, Duration.ZERO, Set.of("https://issuer.example"), List.of("api"), claim);
      KeyPairCodec codec = new KeyPairCodec(privateKey, List.of(), rules, claim, clock, 0, LENGTH);
      Token issued = Token.builder().subject("bob").issuedAt(clock.instant()).notBefore(clock.instant())
          .expiresAt(clock.instant().plusSeconds(60)).issuer("https://issuer.example").audience(List.of("api"))
          .id("j1").sessionId("s1").roles(Set.of("admin", "user")).scopes(Set.of("orders:read"))
          .extras(Map.of("tenant", "t1")).build();
      String jwt = codec.issue(issued);
      Token read = codec.verify(jwt);
      assertEquals(List.of("bob", Optional.of("s1"), Optional.of("https://issuer.example"), List.of("api"),
          Set.of("admin", "user"), Set.of("orders:read"), "t1"), List.of(read.subject(), read.sessionId(),
          read.issuer(), read.audience(), read.roles(), read.scopes(), read.extras().get("tenant")), claim);
      Object at = SignedJWT.parse(jwt).getJWTClaimsSet().getClaims();
      for (String name : entry.getValue()) {
        at = ((Map<?, ?>) at).get(name);
      }
      assertEquals(Set.of("admin", "user"), Set.copyOf((List<?>) at), claim);
      // Every other claim the token carries is one the settings refuse as rolesClaim: the rule and the writer agree.
      Set<String> written = new HashSet<>(SignedJWT.parse(jwt).getJWTClaimsSet().getClaims().keySet());
      written.remove(entry.getValue().get(0));
      assertEquals(Set.of("sub", "iss", "aud", "exp", "nbf", "iat", "jti", "sid", "scope", "extras"), written);
      written.forEach(name -> assertTrue(taken.matcher(name).matches(), name));
    }
  }

  /**
   * Microsoft Entra ID writes up to 200 group ids into a token's {@code groups} claim, about 11 KiB in all: refused at
   * the default bound, accepted where {@code maxTokenLength} is raised, with every group read as a role.
   */
  @Test
  void anEntraIdTokenWithTwoHundredGroupsVerifiesWhereTheLengthBoundIsRaised() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      groups.add(UUID.nameUUIDFromBytes(new byte[] {(byte) i}).toString());
    }
    String jwt = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"), claims().claim("groups", groups)
        .claim("name", "Alice Example").claim("oid", UUID.randomUUID().toString()).build());
    assertTrue(jwt.length() > 10 * 1024 && jwt.length() < 12 * 1024, "length " + jwt.length());
    assertEquals(AuthFailure.TOKEN_TOO_LONG, failure(verifier(ALL, o -> o, Set.of(), List.of(), "groups", 0), jwt));
    JwksKeySet keys = new JwksKeySet(uri(), JwksKeySet.Options.DEFAULT.withClock(clock));
    KeySetVerifier raised = new KeySetVerifier(keys, ALL,
        new ClaimRules(clock, Duration.ZERO, Set.of(), List.of(), "groups"), clock, 100, 16 * 1024);
    assertEquals(Set.copyOf(groups), raised.verify(jwt).roles());
  }

  /**
   * Where providers put what an application checks, each named by {@code rolesClaim} as the README's provider table
   * says: Entra ID's {@code scp} (a space-separated string), Okta's {@code scp} (an array), Auth0's and Keycloak's
   * {@code scope}, Cognito's {@code cognito:groups}, Keycloak's client roles at {@code resource_access.<client>.roles}.
   */
  @Test
  void eachProvidersScopesOrGroupsBecomeRolesWhereRolesClaimNamesThem() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    Map<String, JWTClaimsSet> tokens = new java.util.LinkedHashMap<>();
    tokens.put("scp", claims().claim("scp", "orders:read Files.Read").build());
    tokens.put("scp ", claims().claim("scp", List.of("orders:read", "Files.Read")).build());
    tokens.put("scope", claims().claim("scope", "openid orders:read Files.Read").build());
    tokens.put("cognito:groups", claims().claim("cognito:groups", List.of("orders:read", "Files.Read")).build());
    tokens.put("resource_access.shop-api.roles", claims()
        .claim("resource_access", Map.of("shop-api", Map.of("roles", List.of("orders:read", "Files.Read")))).build());
    // A Keycloak client id with dots, and an Auth0 claim named by URI holding an object: their names are quoted.
    tokens.put("resource_access.\"com.example.shop\".roles", claims().claim("resource_access",
        Map.of("com.example.shop", Map.of("roles", List.of("orders:read", "Files.Read")))).build());
    tokens.put("\"https://shop.example.com/app_metadata\".roles", claims().claim(
        "https://shop.example.com/app_metadata", Map.of("roles", List.of("orders:read", "Files.Read"))).build());
    for (Map.Entry<String, JWTClaimsSet> e : tokens.entrySet()) {
      KeySetVerifier verifier = verifier(ALL, o -> o, Set.of(), List.of(), e.getKey().trim(), 0);
      Token token = verifier.verify(sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"), e.getValue()));
      assertTrue(token.roles().containsAll(Set.of("orders:read", "Files.Read")), e.getKey() + ": " + token.roles());
    }
    // Unquoted, the client id's dots lead through objects that are not there: no roles, so every rule denies.
    KeySetVerifier unquoted = verifier(ALL, o -> o, Set.of(), List.of(), "resource_access.com.example.shop.roles", 0);
    assertEquals(Set.of(), unquoted.verify(sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"),
        tokens.get("resource_access.\"com.example.shop\".roles"))).roles());
  }

  /**
   * Microsoft Entra ID writes no {@code groups} into the token of a user in more than 200 groups: it names the claim in
   * {@code _claim_names} instead (the groups overage claim), for the application to fetch from Microsoft Graph. Such a
   * user has no roles here, and every group rule denied them without a word; a warning now says why (once per token,
   * within a log budget).
   */
  @Test
  void aRolesClaimTheIssuerLeftOutIsLogged() throws Throwable {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    KeySetVerifier verifier = verifier(ALL, o -> o, Set.of(), List.of(), "groups", 0);
    JWTClaimsSet overage = claims().claim("_claim_names", Map.of("groups", "src1")).claim("_claim_sources",
        Map.of("src1", Map.of("endpoint", "https://graph.microsoft.com/v1.0/users/alice/getMemberObjects"))).build();
    List<String> log = logOf(ClaimRules.class, () -> assertEquals(Set.of(), verifier.verify(
        sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"), overage)).roles()));
    assertEquals(1, log.size(), log.toString());
    assertTrue(log.get(0).contains("\"groups\"") && log.get(0).contains("_claim_names"), log.get(0));
    List<String> none = logOf(ClaimRules.class, () -> {
      verifier.verify(sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"), claims().build()));
      verifier.verify(sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"), claims()
          .claim("_claim_names", Map.of("other", "src1")).build()));
    });
    assertEquals(List.of(), none, "no groups named elsewhere: nothing to say");
  }

  /**
   * Spring Authorization Server writes {@code scope} as an array of scopes (RFC 8693 writes one space-separated
   * string): every token it issued was refused as one with a claim of the wrong type. Both forms are read now; the
   * scopes become roles where {@code rolesClaim} names {@code scope}, and a scope that is not a string still refuses
   * the token.
   */
  @Test
  void aScopeClaimWrittenAsAnArrayIsRead() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    JWTClaimsSet spring = claims().claim("scope", List.of("orders:read", "openid")).notBeforeTime(
        Date.from(clock.instant())).jwtID(UUID.randomUUID().toString()).build();
    String jwt = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"), spring);
    assertEquals(Set.of("orders:read", "openid"), verifier(ALL).verify(jwt).scopes());
    assertEquals(Set.of("orders:read", "openid"), verifier(ALL, o -> o, Set.of(), List.of(), "scope", 0).verify(jwt)
        .roles());
    assertEquals(AuthFailure.BAD_CLAIM, failure(verifier(ALL), sign(new RSASSASigner(key),
        header(JWSAlgorithm.RS256, "r1"), claims().claim("scope", List.of("openid", 7)).build())));
  }

  /**
   * A verifier may read roles where its provider writes them, {@code aud} among the claims it allows: but jjwt reads
   * {@code aud} as a set, which the check that roles are strings took for another type, and every token with an
   * {@code aud} was refused as one with a claim of the wrong type (random configuration 43). Its audiences are the
   * roles now, one string or several.
   */
  @Test
  void rolesReadFromTheAudienceClaimAreItsAudiences() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    KeySetVerifier verifier = verifier(ALL, o -> o, Set.of(), List.of(), "aud", 0);
    assertEquals(Set.of("orders", "billing"), verifier.verify(sign(new RSASSASigner(key),
        header(JWSAlgorithm.RS256, "r1"), claims().audience(List.of("orders", "billing")).build())).roles());
    assertEquals(Set.of("orders"), verifier.verify(sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"),
        claims().audience("orders").build())).roles());
  }

  /**
   * Roles are strings: a roles claim holding a number, a null, an object or an array was read as the text Java writes
   * for it ({@code [1]} as role {@code "1"}, {@code [null]} as {@code "null"}), roles no token held. Such a token is
   * refused, as one with such a top-level {@code roles} claim is. An object's member names are its roles (ZITADEL).
   */
  @Test
  void aRolesClaimOfAnotherTypeThanStringsRefusesTheToken() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    KeySetVerifier groups = verifier(ALL, o -> o, Set.of(), List.of(), "groups", 0);
    KeySetVerifier nested = verifier(ALL, o -> o, Set.of(), List.of(), "realm_access.roles", 0);
    java.util.List<Object> withNull = new ArrayList<>(List.of("admin"));
    withNull.add(null);
    for (Object bad : List.of(List.of(1), List.of("admin", 1), withNull, List.of(Map.of("name", "admin")),
        List.of(List.of("admin")), true, 1)) {
      assertEquals(AuthFailure.BAD_CLAIM, failure(groups, sign(new RSASSASigner(key), header(JWSAlgorithm.RS256,
          "r1"), claims().claim("groups", bad).build())), String.valueOf(bad));
      assertEquals(AuthFailure.BAD_CLAIM, failure(nested, sign(new RSASSASigner(key), header(JWSAlgorithm.RS256,
          "r1"), claims().claim("realm_access", Map.of("roles", bad)).build())), String.valueOf(bad));
    }
    assertEquals(Set.of("admin", "user"), groups.verify(sign(new RSASSASigner(key), header(JWSAlgorithm.RS256,
        "r1"), claims().claim("groups", List.of("admin", "user")).build())).roles());
    assertEquals(Set.of("admin", "user"), groups.verify(sign(new RSASSASigner(key), header(JWSAlgorithm.RS256,
        "r1"), claims().claim("groups", "admin user").build())).roles());
    // VMware Identity Broker writes "roles" as objects: read from group_names, its tokens verify (every one was
    // refused, "roles" checked whatever claim the roles came from); read from "roles", such a token is refused.
    JWTClaimsSet broker = claims().claim("roles", List.of(Map.of("name", "admin", "display_name", "Administrator")))
        .claim("group_names", List.of("admins")).build();
    String brokerJwt = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"), broker);
    assertEquals(Set.of("admins"), verifier(ALL, o -> o, Set.of(), List.of(), "group_names", 0).verify(brokerJwt)
        .roles());
    assertEquals(AuthFailure.BAD_CLAIM, failure(verifier(ALL), brokerJwt));
    // An object names its roles by its members, as ZITADEL writes its project roles.
    String zitadel = "urn:zitadel:iam:org:project:roles";
    assertEquals(Set.of("admin", "user"), verifier(ALL, o -> o, Set.of(), List.of(), zitadel, 0).verify(sign(
        new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"), claims().claim(zitadel, Map.of("admin",
        Map.of("2834", "shop.zitadel.cloud"), "user", Map.of("2834", "shop.zitadel.cloud"))).build())).roles());
    // Where the path leads through something other than an object, there are no roles, as where it leads nowhere.
    assertEquals(Set.of(), nested.verify(sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"),
        claims().claim("realm_access", List.of("admin")).build())).roles());
  }

  /**
   * RFC 9068 access tokens say {@code "typ":"at+jwt"} (Duende IdentityServer and panva's oidc-provider write it);
   * others write no {@code typ}.
   */
  @Test
  void accessTokensTypedAtJwtOrUntypedVerify() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    KeySetVerifier verifier = verifier(ALL);
    for (JWSHeader header : List.of(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("r1").type(new JOSEObjectType("at+jwt")).build(),
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("r1").build())) {
      assertEquals("alice", verifier.verify(sign(new RSASSASigner(key), header, claims().build())).subject(),
          header.toString());
    }
  }

  /**
   * A provider signs more than access tokens with its keys: an OpenID back-channel logout token ({@code logout+jwt})
   * or a security event token ({@code secevent+jwt}) with every claim of an access token was accepted as one.
   */
  @Test
  void tokensTypedAsAnotherKindAreRefused() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    KeySetVerifier verifier = verifier(ALL);
    for (String type : List.of("logout+jwt", "secevent+jwt", "application/logout+jwt")) {
      JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("r1").type(new JOSEObjectType(type)).build();
      assertEquals(AuthFailure.TYPE_NOT_ACCEPTED, failure(verifier, sign(new RSASSASigner(key), header,
          claims().build())), type);
    }
  }

  /**
   * Identity providers type their ID tokens {@code JWT}, as their access tokens, and sign both with one key: a
   * Keycloak 26.7 ID token (its claim {@code typ} {@code ID}, an {@code at_hash}) whose audience a mapper extended to
   * the API, or an Amazon Cognito ID token ({@code token_use} {@code id}) where no audience can be set, passed for an
   * access token. Claims only other kinds of tokens carry refuse a token now; an access token's pass.
   */
  @Test
  void tokensWhoseClaimsMarkAnotherKindAreRefused() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    KeySetVerifier verifier = verifier(ALL);
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("r1").type(JOSEObjectType.JWT).build();
    Map<String, Map<String, Object>> refused = new java.util.LinkedHashMap<>();
    refused.put("Keycloak's ID token", Map.of("typ", "ID", "at_hash", "XASgkg57BTlnw66LMyz-OA", "azp", "demo"));
    refused.put("an ID token typed as such alone", Map.of("typ", "id"));
    refused.put("an ID token with the access token's hash alone", Map.of("at_hash", "XASgkg57BTlnw66LMyz-OA"));
    refused.put("an ID token with the code's hash", Map.of("c_hash", "LDktKdoQak3Pk0cnXxCltA"));
    refused.put("an ID token with the state's hash", Map.of("s_hash", "x7RrTQ4RFmQi0xQ2M1YFVg"));
    refused.put("Keycloak's refresh token", Map.of("typ", "Refresh"));
    refused.put("Keycloak's offline token", Map.of("typ", "Offline"));
    refused.put("Keycloak's logout token", Map.of("typ", "Logout"));
    refused.put("Cognito's ID token", Map.of("token_use", "id", "cognito:groups", List.of("admin")));
    refused.put("a token_use of another kind", Map.of("token_use", "refresh"));
    refused.put("a token_use not a string", Map.of("token_use", List.of("access")));
    refused.put("Django SimpleJWT's refresh token", Map.of("token_type", "refresh"));
    refused.put("Flask-JWT-Extended's refresh token", Map.of("type", "refresh"));
    for (Map.Entry<String, Map<String, Object>> kind : refused.entrySet()) {
      JWTClaimsSet.Builder claims = claims();
      kind.getValue().forEach(claims::claim);
      assertEquals(AuthFailure.TYPE_NOT_ACCEPTED, failure(verifier, sign(new RSASSASigner(key), header,
          claims.build())), kind.getKey());
    }
    Map<String, Map<String, Object>> accepted = new java.util.LinkedHashMap<>();
    accepted.put("Keycloak's access token", Map.of("typ", "Bearer", "azp", "demo", "auth_time", 1796474268L));
    accepted.put("Keycloak's DPoP-bound access token, a bearer token here (aTokenBoundToAKeyIsABearerTokenHere)",
        Map.of("typ", "DPoP", "cnf", Map.of("jkt", "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I")));
    accepted.put("an access token with a nonce, as Keycloak's were", Map.of("nonce", "n-0S6_WzA2Mj"));
    accepted.put("Cognito's access token", Map.of("token_use", "access", "client_id", "demo"));
    accepted.put("SimpleJWT's access token", Map.of("token_type", "access"));
    accepted.put("Flask-JWT-Extended's access token", Map.of("type", "access"));
    accepted.put("an application's claim named type", Map.of("type", "employee"));
    accepted.put("an application's typ that is no kind", Map.of("typ", List.of("ID")));
    for (Map.Entry<String, Map<String, Object>> kind : accepted.entrySet()) {
      JWTClaimsSet.Builder claims = claims();
      kind.getValue().forEach(claims::claim);
      assertEquals("alice", verifier.verify(sign(new RSASSASigner(key), header, claims.build())).subject(),
          kind.getKey());
    }
  }

  @Test
  void keyReferencesInTheHeaderAreRefused() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    RSAKey attacker = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    KeySetVerifier verifier = verifier(ALL);
    for (JWSHeader header : List.of(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("r1").jwkURL(URI.create("https://attacker.example/jwks"))
            .build(),
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("r1").x509CertURL(URI.create("https://attacker.example/c"))
            .build(),
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("r1").jwk(attacker.toPublicJWK()).build())) {
      String jwt = sign(new RSASSASigner(attacker), header, claims().build());
      assertEquals(AuthFailure.MALFORMED_TOKEN, failure(verifier, jwt), header.toString());
    }
  }

  /**
   * A key the set publishes for another purpose ({@code use} other than {@code sig}, or {@code key_ops} without
   * {@code verify}: RFC 7517 sections 4.2 and 4.3) verifies nothing, as if the set did not hold it; a key whose
   * {@code key_ops} has {@code verify} does, also behind an encryption key of the same {@code kid}. An empty
   * {@code use} or {@code alg} is no purpose or algorithm a strict reader knows either: jjwt read it as none, a key for
   * anything ({@code JwksFuzzTest} found {@code "alg":""}).
   */
  @Test
  void aKeyPublishedForAnotherPurposeVerifiesNothing() throws Exception {
    ECKey signing = new ECKeyGenerator(Curve.P_256).keyID("e1").generate();
    for (ECKey published : List.of(
        new ECKey.Builder(signing).keyUse(KeyUse.ENCRYPTION).build(),
        new ECKey.Builder(signing).keyOperations(Set.of(KeyOperation.DERIVE_KEY)).build())) {
      serve(published);
      String jwt = sign(new ECDSASigner(signing), header(JWSAlgorithm.ES256, "e1"), claims().build());
      assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier(ALL), jwt), published.toJSONString());
    }
    String jwt = sign(new ECDSASigner(signing), header(JWSAlgorithm.ES256, "e1"), claims().build());
    String members = signing.toPublicJWK().toJSONString();
    for (String empty : List.of("\"use\":\"\",", "\"use\":\" \",", "\"alg\":\"\",", "\"alg\":\"\\t\",")) {
      jwks = "{\"keys\":[{" + empty + members.substring(1) + "]}";
      assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier(ALL), jwt), jwks);
    }
    serve(new ECKey.Builder(signing).keyOperations(Set.of(KeyOperation.SIGN, KeyOperation.VERIFY)).build());
    assertEquals("alice", verifier(ALL).verify(jwt).subject());
    // An encryption key listed first under the same kid does not hide the signing key.
    ECKey encryption = new ECKeyGenerator(Curve.P_256).keyID("e1").keyUse(KeyUse.ENCRYPTION).generate();
    serve(encryption, new ECKey.Builder(signing).keyUse(KeyUse.SIGNATURE).build());
    assertEquals("alice", verifier(ALL).verify(jwt).subject());
  }

  /**
   * Keys of different types may share a {@code kid} as equivalent alternatives (RFC 7517 section 4.5): a token takes
   * the one that fits its algorithm, whichever the set lists first; a token for which none fits is refused.
   */
  @Test
  void keysOfDifferentTypesUnderOneKidEachVerifyTheirTokens() throws Exception {
    RSAKey rsa = new RSAKeyGenerator(2048).keyID("k1").generate();
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
    String rsaSigned = sign(new RSASSASigner(rsa), header(JWSAlgorithm.RS256, "k1"), claims().build());
    String ecSigned = sign(new ECDSASigner(ec), header(JWSAlgorithm.ES256, "k1"), claims().build());
    for (List<JWK> order : List.of(List.<JWK>of(rsa, ec), List.<JWK>of(ec, rsa))) {
      serve(order.toArray(JWK[]::new));
      KeySetVerifier verifier = verifier(ALL);
      assertEquals("alice", verifier.verify(rsaSigned).subject(), order.get(0).getKeyType() + " first");
      assertEquals("alice", verifier.verify(ecSigned).subject(), order.get(0).getKeyType() + " first");
      String es384 = sign(new ECDSASigner(new ECKeyGenerator(Curve.P_384).keyID("k1").generate()),
          header(JWSAlgorithm.ES384, "k1"), claims().build());
      assertEquals(AuthFailure.ALGORITHM_NOT_ACCEPTED, failure(verifier, es384), "no P-384 key under k1");
    }
  }

  /** An EC key whose point is not on its curve (the invalid-curve attack's key) is no key of the set. */
  @Test
  void anEcKeyOffItsCurveVerifiesNothing() throws Exception {
    ECKey signing = new ECKeyGenerator(Curve.P_256).keyID("e1").generate();
    String jwt = sign(new ECDSASigner(signing), header(JWSAlgorithm.ES256, "e1"), claims().build());
    serve(signing);
    assertEquals("alice", verifier(ALL).verify(jwt).subject());
    byte[] y = signing.getY().decode();
    y[y.length - 1] ^= 1;
    jwks = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"e1\",\"x\":\"" + signing.getX()
        + "\",\"y\":\"" + Base64URL.encode(y) + "\"}]}";
    assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier(ALL), jwt));
  }

  /**
   * jjwt's decoder skips characters outside base64url, and jjwt trims member names: a key published with a quote or an
   * {@code é} in its modulus, padded, or with its {@code x} as {@code " x"}, was read as the key without them, where
   * other readers find no such key. Such a JWK is no key of the set, whose other keys verify; a set whose
   * {@code keys} is written {@code " keys"} is none ({@code JwksFuzzTest} found both).
   */
  @Test
  void aKeyWrittenOtherwiseThanStrictReadersReadItIsNoKeyOfTheSet() throws Throwable {
    RSAKey rsa = new RSAKeyGenerator(2048).keyID("r1").generate();
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("e1").generate();
    String rsaJwt = sign(new RSASSASigner(rsa), header(JWSAlgorithm.RS256, "r1"), claims().build());
    String ecJwt = sign(new ECDSASigner(ec), header(JWSAlgorithm.ES256, "e1"), claims().build());
    String n = rsa.getModulus().toString();
    String ecJson = ec.toPublicJWK().toJSONString();
    List<String> warnings = logOf(StrictJson.class, () -> {
      for (String modulus : List.of("\\\"" + n, n.substring(0, 10) + "\u00e9" + n.substring(10), n + "=")) {
        jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"r1\",\"e\":\"AQAB\",\"n\":\"" + modulus + "\"}," + ecJson + "]}";
        KeySetVerifier verifier = verifier(ALL);
        assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier, rsaJwt), modulus);
        assertEquals("alice", verifier.verify(ecJwt).subject(), modulus);
      }
      jwks = "{\"keys\":[" + rsa.toPublicJWK().toJSONString() + "," + ecJson.replace("\"x\"", "\" x\"") + "]}";
      KeySetVerifier verifier = verifier(ALL);
      assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier, ecJwt));
      assertEquals("alice", verifier.verify(rsaJwt).subject());
    });
    assertTrue(warnings.contains("jwtsecured: a JWKS key (kid \"r1\") is skipped: its \"n\" is not unpadded base64url"),
        warnings.toString());
    assertTrue(warnings.contains("jwtsecured: a JWKS key (kid \"e1\") is skipped: a member name has white space around"
        + " it"), warnings.toString());
    jwks = "{\" keys\":[" + rsa.toPublicJWK().toJSONString() + "]}";
    assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier(ALL), rsaJwt));
  }

  /**
   * A token whose header or claims are not UTF-8 is malformed however well it is signed, as one signed with a secret
   * ({@code TokenCodecTest}); a key set that is not UTF-8 is none: a {@code kid} published as {@code r} and byte
   * {@code FF} was read as {@code r\uFFFD}, and a token naming that found the key.
   */
  @Test
  void tokensAndKeySetsThatAreNotUtf8AreRefused() throws Throwable {
    RSAKey rsa = new RSAKeyGenerator(2048).keyID("r1").generate();
    PrivateKey signer = rsa.toPrivateKey();
    serve(rsa);
    KeySetVerifier verifier = verifier(ALL);
    long iat = clock.instant().getEpochSecond();
    String claims = "{\"sub\":\"a#\",\"iat\":" + iat + ",\"exp\":" + (iat + 600) + "}";
    String header = "{\"alg\":\"RS256\",\"kid\":\"r#\"}";
    String utf8Claims = b64(claims.replace("#", ""));
    for (byte[] bad : TokenCodecTest.NOT_UTF8) {
      String input = b64(header.replace("#", "1")) + "." + TokenCodecTest.b64With(claims, bad);
      assertEquals(AuthFailure.MALFORMED_TOKEN, failure(verifier, jdkSigned(input, "SHA256withRSA", signer)),
          Arrays.toString(bad));
      input = TokenCodecTest.b64With(header.replace("}", ",\"x\":\"#\"}").replaceFirst("#", "1"), bad) + "."
          + utf8Claims;
      assertEquals(AuthFailure.MALFORMED_TOKEN, failure(verifier, jdkSigned(input, "SHA256withRSA", signer)),
          Arrays.toString(bad));
    }
    String replacement = b64(header.replace("#", "1")) + "." + b64(claims.replace("#", "\ufffd"));
    assertEquals("a\ufffd", verifier.verify(jdkSigned(replacement, "SHA256withRSA", signer)).subject());

    String set = new JWKSet(new RSAKey.Builder(rsa.toRSAPublicKey()).keyID("r#").build()).toString();
    jwksBytes = Base64.getUrlDecoder().decode(TokenCodecTest.b64With(set, new byte[] {(byte) 0xFF}));
    String namingIt = b64(header.replace("#", "\ufffd")) + "." + utf8Claims;
    List<String> log = logOf(JwksKeySet.class, () -> assertEquals(AuthFailure.UNKNOWN_KEY,
        failure(verifier(ALL), jdkSigned(namingIt, "SHA256withRSA", signer))));
    assertTrue(log.stream().anyMatch(m -> m.contains("(the response is not UTF-8); tokens are refused")),
        log.toString());
    jwksBytes = set.replace("#", "\ufffd").getBytes(StandardCharsets.UTF_8);
    assertEquals("a", verifier(ALL).verify(jdkSigned(namingIt, "SHA256withRSA", signer)).subject(),
        "U+FFFD written as UTF-8 is a kid like any other");
  }

  /**
   * An identity provider's token with a top-level member name that has white space around it is malformed, as one
   * signed with a secret ({@code TokenCodecTest}): jjwt trimmed {@code " sub"} into the subject and {@code " exp"}
   * into the expiry. A nested object is read as written, by jjwt too: {@code " roles"} in {@code realm_access} is not
   * the roles claim {@code realm_access.roles}.
   */
  @Test
  void topLevelNamesWithWhiteSpaceAroundThemAreRefused() throws Exception {
    RSAKey rsa = new RSAKeyGenerator(2048).keyID("r1").generate();
    PrivateKey signer = rsa.toPrivateKey();
    serve(rsa);
    KeySetVerifier verifier = verifier(ALL, o -> o, Set.of(), List.of(), "realm_access.roles", 100);
    long iat = clock.instant().getEpochSecond();
    String times = ",\"iat\":" + iat + ",\"exp\":" + (iat + 600);
    String header = b64("{\"alg\":\"RS256\",\"kid\":\"r1\"}") + ".";
    for (String claims : List.of("{\"sub\":\"alice\",\" sub\":\"admin\"" + times + "}",
        "{\"sub\":\"alice\",\"iat\":" + iat + ",\"exp\":" + (iat - 100) + ",\"exp \":" + (iat + 600) + "}",
        "{\"sub\":\"alice\",\" realm_access\":{\"roles\":[\"admin\"]}" + times + "}")) {
      assertEquals(AuthFailure.MALFORMED_TOKEN, failure(verifier, jdkSigned(header + b64(claims), "SHA256withRSA",
          signer)), claims);
    }
    String nested = "{\"sub\":\"alice\",\"realm_access\":{\" roles\":[\"admin\"],\"roles\":[\"user\"]}" + times + "}";
    assertEquals(Set.of("user"),
        verifier.verify(jdkSigned(header + b64(nested), "SHA256withRSA", signer)).roles());
  }

  @Test
  void aKeyIsUsedOnlyWithItsFamilyAndItsOwnAlg() throws Exception {
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
    RSAKey rsa = new RSAKeyGenerator(2048).keyID("k1").generate();
    serve(ec);
    String rsaSigned = sign(new RSASSASigner(rsa), header(JWSAlgorithm.RS256, "k1"), claims().build());
    assertEquals(AuthFailure.ALGORITHM_NOT_ACCEPTED, failure(verifier(ALL), rsaSigned), "an EC key for RS256");
    ECKey p384 = new ECKeyGenerator(Curve.P_384).keyID("k2").generate();
    serve(p384);
    String wrongCurve = sign(new ECDSASigner(p384), header(JWSAlgorithm.ES384, "k2"), claims().build());
    assertEquals("alice", verifier(ALL).verify(wrongCurve).subject());
    RSAKey psOnly = new RSAKeyGenerator(2048).keyID("k3").algorithm(JWSAlgorithm.PS256).generate();
    serve(psOnly);
    String rs = sign(new RSASSASigner(psOnly), header(JWSAlgorithm.RS256, "k3"), claims().build());
    assertEquals(AuthFailure.ALGORITHM_NOT_ACCEPTED, failure(verifier(ALL), rs), "the JWK says PS256");
  }

  @Test
  void anRsaKeyUnder2048BitsIsRefused() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    KeyPair pair = generator.generateKeyPair();
    serve(new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID("w1").build());
    // nimbus refuses to sign with a key this short, so the JDK signs.
    String jwt = jdkSigned("{\"alg\":\"RS256\",\"kid\":\"w1\"}", "SHA256withRSA", pair);
    assertEquals(AuthFailure.ALGORITHM_NOT_ACCEPTED, failure(verifier(ALL), jwt));
  }

  @Test
  void issuersAudienceAndNestedRoles() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    KeySetVerifier verifier = verifier(ALL, o -> o, Set.of("https://idp.example/realms/a", "https://idp.example/b"),
        List.of("orders"), "realm_access.roles", 100);
    JWSSigner signer = new RSASSASigner(key);
    JWTClaimsSet good = claims().issuer("https://idp.example/b").audience(List.of("account", "orders"))
        .claim("realm_access", Map.of("roles", List.of("admin", "user"))).build();
    Token token = verifier.verify(sign(signer, header(JWSAlgorithm.RS256, "r1"), good));
    assertEquals(Set.of("admin", "user"), token.roles());
    assertEquals(AuthFailure.ISSUER_NOT_ACCEPTED, failure(verifier, sign(signer, header(JWSAlgorithm.RS256, "r1"),
        claims().issuer("https://evil.example").audience("orders").build())));
    assertEquals(AuthFailure.ISSUER_NOT_ACCEPTED, failure(verifier, sign(signer, header(JWSAlgorithm.RS256, "r1"),
        claims().audience("orders").build())), "no iss at all");
    assertEquals(AuthFailure.AUDIENCE_NOT_ACCEPTED, failure(verifier, sign(signer, header(JWSAlgorithm.RS256, "r1"),
        claims().issuer("https://idp.example/b").audience("billing").build())));
    Token groups = verifier(ALL, o -> o, Set.of(), List.of(), "groups", 100).verify(sign(signer,
        header(JWSAlgorithm.RS256, "r1"), claims().claim("groups", List.of("staff")).build()));
    assertEquals(Set.of("staff"), groups.roles());
  }

  @Test
  void aNewKeyIsTakenAfterRotationAndARemovedOneIsRefusedEvenFromTheCache() throws Exception {
    RSAKey first = new RSAKeyGenerator(2048).keyID("2026-11").generate();
    RSAKey second = new RSAKeyGenerator(2048).keyID("2026-12").generate();
    serve(first);
    KeySetVerifier verifier = verifier(ALL);
    String old = sign(new RSASSASigner(first), header(JWSAlgorithm.RS256, "2026-11"), claims().build());
    verifier.verify(old);
    verifier.verify(old);
    assertEquals(1, verifier.cachedTokens(), "cached on its second use");
    assertEquals("alice", verifier.verify(old).subject());
    serve(second); // the provider rotated: the old key is gone
    String fresh = sign(new RSASSASigner(second), header(JWSAlgorithm.RS256, "2026-12"), claims().build());
    assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier, fresh), "within the unknown-kid interval");
    clock.advance(Duration.ofSeconds(61));
    assertEquals("alice", verifier.verify(fresh).subject(),
        "an unknown kid refreshes the set once the interval passed");
    assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier, old), "the cached token of a removed key");
    assertEquals(0, verifier.cachedTokens());
  }

  @Test
  void aFloodOfUnknownKidsFetchesOncePerInterval() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    KeySetVerifier verifier = verifier(ALL);
    verifier.verify(sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"), claims().build()));
    assertEquals(1, keySet.fetches());
    RSASSASigner signer = new RSASSASigner(key);
    for (int i = 0; i < 200; i++) {
      String jwt = sign(signer, header(JWSAlgorithm.RS256, UUID.randomUUID().toString()), claims().build());
      assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier, jwt));
    }
    assertEquals(1, keySet.fetches(), "no fetch within the interval");
    clock.advance(Duration.ofSeconds(60));
    for (int i = 0; i < 200; i++) {
      String jwt = sign(signer, header(JWSAlgorithm.RS256, UUID.randomUUID().toString()), claims().build());
      assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier, jwt));
    }
    assertEquals(2, keySet.fetches(), "one fetch for the next interval");
  }

  @Test
  void startsWhileTheJwksIsDownAndKeepsTheLastGoodSetWhenItGoesDownAgain() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    status = 503;
    KeySetVerifier verifier = verifier(ALL);
    String jwt = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"), claims().build());
    assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier, jwt), "no set yet");
    assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier, jwt));
    assertEquals(1, fetches.get(), "retried at most once per interval while down");
    status = 200;
    clock.advance(Duration.ofSeconds(60));
    assertEquals("alice", verifier.verify(jwt).subject());
    status = 500;
    clock.advance(Duration.ofMinutes(6)); // past the default max-age: a refresh is due, and fails
    String later = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"), claims().build());
    assertEquals("alice", verifier.verify(later).subject(), "the last good set");
    awaitFetch();
    assertEquals(3, fetches.get());
    assertEquals("alice", verifier.verify(sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"),
        claims().build())).subject(), "still the last good set once the refresh failed");
  }

  /**
   * A stale set goes on serving while it is fetched again: no request waits for the provider (one did, for as long as
   * the provider took, up to the response timeout; on Quarkus REST's event loop, every connection of that loop waited
   * with it). The fetch then takes effect: a key that left the set is refused.
   */
  @Test
  void aStaleSetServesWhileItIsFetchedAgainAndTheFetchThenTakesEffect() throws Exception {
    RSAKey first = new RSAKeyGenerator(2048).keyID("k1").generate();
    RSAKey second = new RSAKeyGenerator(2048).keyID("k2").generate();
    serve(first);
    KeySetVerifier verifier = verifier(ALL, o -> o, Set.of(), List.of(), "roles", 0);
    assertEquals("alice", verifier.verify(sign(new RSASSASigner(first), header(JWSAlgorithm.RS256, "k1"),
        claims().build())).subject(), "the first set, waited for");
    serve(second); // the provider rotated
    CountDownLatch gate = new CountDownLatch(1);
    hold = gate;
    clock.advance(Duration.ofMinutes(6)); // past the default max-age of five minutes
    String stale = sign(new RSASSASigner(first), header(JWSAlgorithm.RS256, "k1"), claims().build());
    // Under the 5 s response timeout, which is how long a waiting request waited here.
    assertEquals("alice", assertTimeoutPreemptively(Duration.ofSeconds(3), () -> verifier.verify(stale).subject(),
        "the request waited for the provider's answer"), "the stale set serves meanwhile");
    assertTrue(keySet.fetching(), "the fetch is under way while the provider holds its answer");
    hold = null;
    gate.countDown();
    awaitFetch();
    assertEquals(2, fetches.get());
    assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier, sign(new RSASSASigner(first),
        header(JWSAlgorithm.RS256, "k1"), claims().build())), "the key that left the set, once the fetch settled");
    assertEquals("alice", verifier.verify(sign(new RSASSASigner(second), header(JWSAlgorithm.RS256, "k2"),
        claims().build())).subject());
    assertEquals(2, keySet.fetches(), "no fetch for the new key: the set already holds it");
  }

  /**
   * What a thread that must not wait (Quarkus REST's event loop) asks before verifying: the fetch a verification would
   * wait for, started as the verification would start it, or {@code null} when it would answer at once. It starts no
   * fetch of its own for a token refused without a key.
   */
  @Test
  void theFetchAVerificationWouldWaitForIsHandedOutInsteadOfWaitedFor() throws Exception {
    RSAKey first = new RSAKeyGenerator(2048).keyID("k1").generate();
    RSAKey second = new RSAKeyGenerator(2048).keyID("k2").generate();
    serve(first, second);
    KeySetVerifier verifier = verifier(Set.of("RS256"), o -> o, Set.of(), List.of(), "roles", 0);
    String jwt = sign(new RSASSASigner(first), header(JWSAlgorithm.RS256, "k1"), claims().build());
    for (String refused : List.of("", "a.b", "x".repeat(9000), tampered(jwt).replaceFirst("^[^.]+", b64("{}")),
        sign(new RSASSASigner(first), header(JWSAlgorithm.RS384, "k1"), claims().build()),
        sign(new RSASSASigner(first), header(JWSAlgorithm.RS256, ""), claims().build()))) {
      assertEquals(null, verifier.fetchFor(refused), refused);
    }
    assertEquals(0, keySet.fetches(), "no fetch for tokens refused without a key");

    CountDownLatch gate = new CountDownLatch(1);
    hold = gate;
    java.util.concurrent.CompletableFuture<?> fetch =
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> verifier.fetchFor(jwt), "it waited for the fetch");
    assertTrue(fetch != null && !fetch.isDone(), "no set yet: the first fetch, under way");
    assertTrue(fetch == verifier.fetchFor(jwt), "asked again, the same fetch");
    assertEquals(1, keySet.fetches());
    hold = null;
    gate.countDown();
    fetch.get(10, TimeUnit.SECONDS);
    assertEquals(null, verifier.fetchFor(jwt), "the key is at hand");
    assertEquals("alice", verifier.verify(jwt).subject());
    String noKid = sign(new RSASSASigner(first), new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims().build());
    assertEquals(null, verifier.fetchFor(noKid), "no kid, two keys: refused at once, no fetch");
    assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier, noKid));
    assertEquals(1, keySet.fetches());
    String unknown = sign(new RSASSASigner(new RSAKeyGenerator(2048).keyID("k9").generate()),
        header(JWSAlgorithm.RS256, "k9"), claims().build());
    assertEquals(null, verifier.fetchFor(unknown), "an unknown kid within the interval: refused at once, no fetch");
    assertEquals(1, keySet.fetches());
    clock.advance(Duration.ofSeconds(60)); // past the unknown-kid interval
    java.util.concurrent.CompletableFuture<?> again = verifier.fetchFor(unknown);
    assertTrue(again != null, "an unknown kid once the interval passed: a fetch the verification would wait for");
    again.get(10, TimeUnit.SECONDS);
    assertEquals(2, keySet.fetches());
    assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier, unknown), "the fetch did not bring it; no second fetch");
    assertEquals(2, keySet.fetches());
  }

  /** A token the cache holds needs no key, and asking about it starts no fetch, as verifying it starts none. */
  @Test
  void aCachedTokenNeedsNoFetch() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    serve(key);
    KeySetVerifier verifier = verifier(Set.of("RS256"), o -> o, Set.of(), List.of(), "roles", 100);
    String jwt = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "k1"), claims().build());
    verifier.verify(jwt);
    verifier.verify(jwt); // remembered from its second use
    assertEquals(1, verifier.cachedTokens());
    clock.advance(Duration.ofMinutes(6)); // past the default max-age: the set is stale
    assertEquals(null, verifier.fetchFor(jwt));
    assertEquals(1, keySet.fetches(), "no fetch for a cached token");
    String other = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "k1"), claims().subject("bob").build());
    assertEquals(null, verifier.fetchFor(other), "a known key: the stale set serves");
    assertEquals(2, keySet.fetches(),
        "an uncached token starts the stale set's fetch again, as its verification would");
    awaitFetch();
  }

  /**
   * Requests that need the fetch under way (a first set, or a new key's after a rotation) wait for it instead of being
   * refused: at start-up under load, or when clients turn to a rotated key together, every request but the one that
   * started the fetch answered 401 ("The token signing key is not known") until it completed.
   */
  @ParameterizedTest
  @ValueSource(strings = {"first set", "rotation"})
  void requestsThatNeedTheFetchUnderWayWaitForIt(String when) throws Exception {
    RSAKey first = new RSAKeyGenerator(2048).keyID("k1").generate();
    RSAKey second = new RSAKeyGenerator(2048).keyID("k2").generate();
    serve(first);
    KeySetVerifier verifier = verifier(ALL, o -> o, Set.of(), List.of(), "roles", 0);
    RSAKey key = first;
    if (when.equals("rotation")) {
      assertEquals("alice", verifier.verify(sign(new RSASSASigner(first), header(JWSAlgorithm.RS256, "k1"),
          claims().build())).subject());
      serve(first, second);
      clock.advance(Duration.ofSeconds(60)); // past the unknown-kid interval
      key = second;
    }
    int before = fetches.get();
    CountDownLatch gate = new CountDownLatch(1);
    hold = gate;
    String jwt = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, key.getKeyID()), claims().build());
    java.util.concurrent.ExecutorService callers = Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Future<String> starter = callers.submit(() -> verifier.verify(jwt).subject());
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (fetches.get() == before) { // the provider has the request, and holds it
        assertTrue(System.nanoTime() < deadline, "no fetch started");
        Thread.sleep(5);
      }
      java.util.concurrent.CompletableFuture<String> joined = new java.util.concurrent.CompletableFuture<>();
      Thread joiner = new Thread(() -> {
        try {
          joined.complete(verifier.verify(jwt).subject());
        } catch (RuntimeException e) {
          joined.completeExceptionally(e);
        }
      });
      joiner.start();
      // The provider answers only once the second request is waiting, or has answered (refused below).
      while (joiner.getState() != Thread.State.WAITING && !joined.isDone()) {
        assertTrue(System.nanoTime() < deadline, "the second request neither waited nor answered");
        Thread.sleep(5);
      }
      assertFalse(joined.isDone(), "the request that came during the fetch answered before the fetch completed");
      hold = null;
      gate.countDown();
      assertEquals("alice", starter.get(10, TimeUnit.SECONDS));
      assertEquals("alice", joined.get(10, TimeUnit.SECONDS), "the request that came during the fetch");
      assertEquals(before + 1, fetches.get(), "one fetch for both");
    } finally {
      callers.shutdownNow();
    }
  }

  /** Signs with the key {@link #verifierOfR1} serves. */
  RSASSASigner r1;

  /** A verifier, without a token cache, of a served set of one RSA key named {@code r1}. */
  KeySetVerifier verifierOfR1() throws Exception {
    return verifierOfR1(0);
  }

  /** A verifier, caching {@code cacheSize} tokens, of a served set of one RSA key named {@code r1}. */
  KeySetVerifier verifierOfR1(int cacheSize) throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    served = key;
    serve(key);
    r1 = new RSASSASigner(key);
    return verifier(ALL, o -> o, Set.of(), List.of(), "roles", cacheSize);
  }

  /** The key {@link #verifierOfR1} serves. */
  RSAKey served;

  /** The fetches started so far, once {@code verifier} verified a token {@code seconds} later and the fetch settled. */
  long fetchesAfter(long seconds, KeySetVerifier verifier) throws Exception {
    clock.advance(Duration.ofSeconds(seconds));
    verifier.verify(sign(r1, header(JWSAlgorithm.RS256, "r1"), claims().build()));
    awaitFetch();
    return keySet.fetches();
  }

  @Test
  void maxAgeIsHonouredWithinBounds() throws Exception {
    cacheControl = "public, max-age=120";
    KeySetVerifier verifier = verifierOfR1();
    assertEquals(1, fetchesAfter(0, verifier));
    assertEquals(1, fetchesAfter(100, verifier), "fresh for 120 s");
    assertEquals(2, fetchesAfter(21, verifier), "stale after 120 s");
    cacheControl = "max-age=1";
    assertEquals(3, fetchesAfter(121, verifier));
    assertEquals(3, fetchesAfter(30, verifier), "max-age=1 is raised to the one-minute minimum");
    cacheControl = "no-cache"; // as Keycloak answers: use it only once checked again
    assertEquals(4, fetchesAfter(31, verifier));
    assertEquals(4, fetchesAfter(59, verifier), "the one-minute minimum");
    assertEquals(5, fetchesAfter(2, verifier), "no-cache is no five-minute default");
    cacheControl = "no-store, max-age=3600";
    assertEquals(6, fetchesAfter(61, verifier), "no-store outweighs a max-age");
    cacheControl = "no-cache=\"Set-Cookie\", max-age=600"; // only that header is not to be reused
    assertEquals(7, fetchesAfter(61, verifier));
    assertEquals(7, fetchesAfter(590, verifier));
  }

  /**
   * A key set served from a cache in between (a CDN in front of the provider) comes with the time it has been held
   * there, {@code Age}: it stays fresh for what its {@code max-age} leaves (RFC 9111 section 4.2.3), not for the whole
   * {@code max-age} again; a removed key was trusted that much longer.
   */
  @Test
  void aCachedResponsesAgeCountsAgainstItsMaxAge() throws Exception {
    cacheControl = "public, max-age=600";
    age = "500";
    KeySetVerifier verifier = verifierOfR1();
    assertEquals(1, fetchesAfter(0, verifier));
    assertEquals(1, fetchesAfter(90, verifier), "fresh for the 100 s left");
    assertEquals(2, fetchesAfter(11, verifier), "stale after 100 s");
    age = "9000";
    assertEquals(3, fetchesAfter(101, verifier));
    assertEquals(3, fetchesAfter(59, verifier), "older than its max-age: the one-minute minimum");
    age = "x";
    cacheControl = "public\nmax-age=600"; // one directive per header line: the lines make one list
    assertEquals(4, fetchesAfter(2, verifier));
    assertEquals(4, fetchesAfter(590, verifier),
        "an Age that is no number counts for nothing, a second Cache-Control line does");
  }

  @Test
  void anOversizedJwksIsNotRead() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    jwks = "{\"keys\":[" + key.toPublicJWK().toJSONString() + "],\"padding\":\"" + "x".repeat(4096) + "\"}";
    KeySetVerifier verifier = verifier(ALL, o -> new JwksKeySet.Options(o.defaultMaxAge(), o.minMaxAge(),
        o.maxMaxAge(), o.unknownKidInterval(), o.connectTimeout(), o.responseTimeout(), 2048, o.clock()),
        Set.of(), List.of(), "roles", 0);
    String jwt = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"), claims().build());
    assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier, jwt));
    assertEquals(1, fetches.get());
  }

  @ParameterizedTest
  @ValueSource(strings = {"stall", "drip"})
  void aJwksBodyThatStallsOrDripsIsCutAtTheResponseTimeoutAndTheNextFetchWorks(String fault) throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    bodyFault = fault;
    KeySetVerifier verifier = verifier(ALL, o -> new JwksKeySet.Options(o.defaultMaxAge(), o.minMaxAge(),
        o.maxMaxAge(), o.unknownKidInterval(), o.connectTimeout(), Duration.ofMillis(500), o.maxBytes(), o.clock()),
        Set.of(), List.of(), "roles", 0);
    String jwt = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"), claims().build());
    long start = System.nanoTime();
    AuthFailure first = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> failure(verifier, jwt),
        "the fetch, and the request thread making it, must not wait for the body past the response timeout");
    assertEquals(AuthFailure.UNKNOWN_KEY, first);
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "cut near the 500 ms timeout");
    bodyFault = "";
    clock.advance(Duration.ofSeconds(60));
    assertEquals("alice", assertTimeoutPreemptively(Duration.ofSeconds(20), () -> verifier.verify(jwt).subject()),
        "the stalled fetch released the set for the next one");
    assertEquals(2, fetches.get());
  }

  @ParameterizedTest
  @ValueSource(strings = {"EC", "RSA"})
  void aKeyPairCodecsTokensVerifyAgainstTheJwksItPublishes(String type) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
    generator.initialize(type.equals("EC") ? 256 : 2048);
    KeyPair pair = generator.generateKeyPair();
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
            pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    ClaimRules rules = new ClaimRules(clock, Duration.ZERO, Set.of("https://issuer.example"), List.of(),
        "realm_access.roles");
    KeyPairCodec codec = new KeyPairCodec(KeyPairCodec.parsePem(pem), List.of(), rules, "realm_access.roles", clock,
        100, LENGTH);
    Token token = Token.builder().subject("bob").issuer("https://issuer.example").issuedAt(clock.instant())
        .expiresAt(clock.instant().plusSeconds(60)).roles(Set.of("admin")).build();
    String jwt = codec.issue(token);
    assertEquals(Set.of("admin"), codec.verify(jwt).roles(), "the configuration verifies its own tokens");
    jwks = codec.jwks();
    KeySetVerifier other = verifier(ALL, o -> o, Set.of("https://issuer.example"), List.of(), "realm_access.roles", 0);
    Token verified = other.verify(jwt);
    assertEquals("bob", verified.subject());
    assertEquals(Set.of("admin"), verified.roles(), "roles at the nested claim");
    String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))),
        StandardCharsets.UTF_8);
    assertTrue(header.contains("\"alg\":\"" + (type.equals("EC") ? "ES256" : "RS256") + "\""), header);
    assertTrue(jwks.contains("\"use\":\"sig\""), jwks);
    assertEquals(AuthFailure.BAD_SIGNATURE, failure(other, tampered(jwt)));
  }

  /**
   * A rotation from an RSA key to an EC one: the new configuration signs with the EC key, publishes both keys (its own
   * first) and accepts the tokens the RSA key signed, each key only with its own algorithm; without the rotation key
   * those tokens are refused. A JWKS verifier reading the published set accepts both.
   */
  @Test
  void aRotationPublishesAndAcceptsTheOtherKeyWithItsOwnAlgorithm() throws Exception {
    KeyPair previous = pair("RSA", 2048);
    KeyPair next = pair("EC", 256);
    ClaimRules rules = new ClaimRules(clock, Duration.ZERO, Set.of(), List.of(), "roles");
    KeyPairCodec before = new KeyPairCodec(previous.getPrivate(), List.of(), rules, "roles", clock, 0, LENGTH);
    Token bob = Token.builder().subject("bob").issuedAt(clock.instant()).expiresAt(clock.instant().plusSeconds(60))
        .build();
    String old = before.issue(bob);
    KeyPairCodec after = new KeyPairCodec(next.getPrivate(), List.of(previous.getPublic()), rules, "roles", clock, 0,
        LENGTH);
    String current = after.issue(bob);
    assertEquals("bob", after.verify(old).subject(), "the previous key's token stays valid");
    assertEquals("bob", after.verify(current).subject());
    KeyPairCodec without = new KeyPairCodec(next.getPrivate(), List.of(), rules, "roles", clock, 0, LENGTH);
    assertEquals(AuthFailure.ALGORITHM_NOT_ACCEPTED,
        assertThrows(AuthException.class, () -> without.verify(old)).failure(), "without it: an ES256 key alone");

    jwks = after.jwks();
    List<com.nimbusds.jose.jwk.JWK> keys = com.nimbusds.jose.jwk.JWKSet.parse(jwks).getKeys();
    assertEquals(2, keys.size(), jwks);
    assertEquals(kid(current), keys.get(0).getKeyID(), "the signing key comes first");
    assertEquals("ES256", keys.get(0).getAlgorithm().getName());
    assertEquals(kid(old), keys.get(1).getKeyID());
    assertEquals("RS256", keys.get(1).getAlgorithm().getName());
    assertFalse(keys.get(0).isPrivate() || keys.get(1).isPrivate(), "no private part: " + jwks);
    KeySetVerifier resourceServer = verifier(ALL);
    assertEquals("bob", resourceServer.verify(old).subject());
    assertEquals("bob", resourceServer.verify(current).subject());

    RSAKey rsa = new RSAKey.Builder((RSAPublicKey) previous.getPublic())
        .privateKey(previous.getPrivate()).build();
    String namesTheEcKey = sign(new RSASSASigner(rsa), header(JWSAlgorithm.RS256, kid(current)), claims().build());
    assertEquals(AuthFailure.ALGORITHM_NOT_ACCEPTED,
        assertThrows(AuthException.class, () -> after.verify(namesTheEcKey)).failure(), "RS256 is the RSA key's only");
    String otherRsaAlgorithm = sign(new RSASSASigner(rsa), header(JWSAlgorithm.PS256, kid(old)), claims().build());
    assertEquals(AuthFailure.ALGORITHM_NOT_ACCEPTED,
        assertThrows(AuthException.class, () -> after.verify(otherRsaAlgorithm)).failure());
  }

  @Test
  void rotationKeysThatCannotSignOrRepeatAreRefused() throws Exception {
    KeyPair pair = pair("EC", 256);
    PublicKey other = pair("EC", 256).getPublic();
    ClaimRules rules = new ClaimRules(clock, Duration.ZERO, Set.of(), List.of(), "roles");
    for (List<PublicKey> keys : List.of(List.of(pair.getPublic()), List.of(other, other),
        List.of(pair("EC", 384).getPublic()), List.of(pair("RSA", 1024).getPublic()),
        List.of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()))) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> new KeyPairCodec(pair.getPrivate(), keys, rules, "roles", clock, 0, LENGTH));
      assertTrue(e.getMessage().contains(keys.get(0) == pair.getPublic() ? "the private key's own"
          : keys.size() == 2 ? "given twice" : "EC P-256 (ES256) or RSA of at least 2048 bits"), e.getMessage());
    }
  }

  static KeyPair pair(String type, int size) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
    generator.initialize(size);
    return generator.generateKeyPair();
  }

  static String kid(String jwt) throws Exception {
    return SignedJWT.parse(jwt).getHeader().getKeyID();
  }

  @Test
  void aShortRsaPrivateKeyIsRefused() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    KeyPair pair = generator.generateKeyPair();
    ClaimRules rules = new ClaimRules(clock, Duration.ZERO, Set.of(), List.of(), "roles");
    assertThrows(IllegalStateException.class,
        () -> new KeyPairCodec(pair.getPrivate(), List.of(), rules, "roles", clock, 0, LENGTH));
    assertThrows(IllegalStateException.class, () -> KeyPairCodec.parsePem("-----BEGIN PRIVATE KEY-----\nnot a key"));
  }

  @Test
  void openIdDiscoveryFindsTheKeySet() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    URI discovery = URI.create(base + "/realms/demo/.well-known/openid-configuration");
    String jwt = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"), claims().build());

    openIdConfiguration = "{\"issuer\":\"" + base + "/realms/demo\",\"jwks_uri\":\"" + base + "/jwks\"}";
    KeySetVerifier verifier = new KeySetVerifier(new JwksKeySet(discovery,
        JwksKeySet.Options.DEFAULT.withClock(clock)), ALL,
        new ClaimRules(clock, Duration.ZERO, Set.of(), List.of(), "roles"), clock, 0, LENGTH);
    assertEquals("alice", verifier.verify(jwt).subject());

    openIdConfiguration = "{\"issuer\":\"https://elsewhere.example\",\"jwks_uri\":\"" + base + "/jwks\"}";
    KeySetVerifier wrongIssuer = new KeySetVerifier(new JwksKeySet(discovery,
        JwksKeySet.Options.DEFAULT.withClock(clock)), ALL,
        new ClaimRules(clock, Duration.ZERO, Set.of(), List.of(), "roles"), clock, 0, LENGTH);
    assertEquals(AuthFailure.UNKNOWN_KEY, failure(wrongIssuer, jwt), "the document must name its own issuer");

    openIdConfiguration = "{\"issuer\":\"" + base + "/realms/demo\",\"jwks_uri\":\"http://idp.example/jwks\"}";
    KeySetVerifier insecure = new KeySetVerifier(new JwksKeySet(discovery,
        JwksKeySet.Options.DEFAULT.withClock(clock)), ALL,
        new ClaimRules(clock, Duration.ZERO, Set.of(), List.of(), "roles"), clock, 0, LENGTH);
    assertEquals(AuthFailure.UNKNOWN_KEY, failure(insecure, jwt), "a discovered jwks_uri must be https too");
  }

  /**
   * An issuer ending in {@code /}, as Auth0's do ({@code https://tenant.example/}): its configuration stands at the
   * issuer without that slash followed by {@code /.well-known/openid-configuration} (OpenID Connect Discovery 1.0
   * section 4.1), and names the issuer with it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"", "/realms/demo"})
  void openIdDiscoveryTakesAnIssuerEndingInASlash(String path) throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    URI discovery = URI.create(base + path + "/.well-known/openid-configuration");
    String jwt = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"), claims().build());
    openIdConfiguration = "{\"issuer\":\"" + base + path + "/\",\"jwks_uri\":\"" + base + "/jwks\"}";
    KeySetVerifier verifier = new KeySetVerifier(new JwksKeySet(discovery,
        JwksKeySet.Options.DEFAULT.withClock(clock)), ALL,
        new ClaimRules(clock, Duration.ZERO, Set.of(), List.of(), "roles"), clock, 0, LENGTH);
    assertEquals("alice", verifier.verify(jwt).subject());

    openIdConfiguration = "{\"issuer\":\"" + base + path + "//\",\"jwks_uri\":\"" + base + "/jwks\"}";
    KeySetVerifier twoSlashes = new KeySetVerifier(new JwksKeySet(discovery,
        JwksKeySet.Options.DEFAULT.withClock(clock)), ALL,
        new ClaimRules(clock, Duration.ZERO, Set.of(), List.of(), "roles"), clock, 0, LENGTH);
    assertEquals(AuthFailure.UNKNOWN_KEY, failure(twoSlashes, jwt), "only the one terminating slash");
  }

  /**
   * An authorization server's metadata (RFC 8414), where a provider publishes no OpenID configuration, and both
   * documents at their well-known name inserted before the issuer's path (RFC 8414 section 3.1; OpenID configurations
   * so placed, section 5): each was fetched as a key set, which it is not, and every token was refused. The document's
   * {@code issuer} must be the one its location names, as for an OpenID configuration.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/realms/demo/.well-known/oauth-authorization-server",
      "/.well-known/oauth-authorization-server/realms/demo", "/.well-known/openid-configuration/realms/demo"})
  void authorizationServerMetadataFindsTheKeySet(String location) throws Throwable {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    String jwt = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"), claims().build());
    openIdConfiguration = "{\"issuer\":\"" + base + "/realms/demo\",\"jwks_uri\":\"" + base + "/jwks\"}";
    KeySetVerifier verifier = new KeySetVerifier(new JwksKeySet(URI.create(base + location),
        JwksKeySet.Options.DEFAULT.withClock(clock)), ALL,
        new ClaimRules(clock, Duration.ZERO, Set.of(), List.of(), "roles"), clock, 0, LENGTH);
    assertEquals("alice", verifier.verify(jwt).subject());

    openIdConfiguration = "{\"issuer\":\"" + base + "/realms/other\",\"jwks_uri\":\"" + base + "/jwks\"}";
    KeySetVerifier other = new KeySetVerifier(new JwksKeySet(URI.create(base + location),
        JwksKeySet.Options.DEFAULT.withClock(clock)), ALL,
        new ClaimRules(clock, Duration.ZERO, Set.of(), List.of(), "roles"), clock, 0, LENGTH);
    List<String> log = logOf(JwksKeySet.class, () -> assertEquals(AuthFailure.UNKNOWN_KEY, failure(other, jwt)));
    assertTrue(log.stream().anyMatch(line -> line.contains("names issuer " + base + "/realms/other, not " + base
        + "/realms/demo")), log.toString());
  }

  /**
   * A token bound to its client's key ({@code cnf}, RFC 7800: DPoP's {@code jkt}, RFC 9449; a certificate's
   * {@code x5t#S256}, RFC 8705) is a bearer token here, as the README says: no scheme but {@code Bearer} is read, and
   * RFC 9449 section 7.2 expects a resource server without DPoP to accept it so. Its {@code cnf} stays readable.
   */
  @Test
  void aTokenBoundToAKeyIsABearerTokenHere() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    KeySetVerifier verifier = verifier(ALL);
    Map<String, Object> confirmation = Map.of("jkt", "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I");
    String jwt = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"),
        claims().claim("cnf", confirmation).build());
    assertEquals(confirmation, verifier.verify(jwt).extras().get("cnf"));
  }

  /**
   * Entra ID's multi-tenant documents ({@code common}, {@code organizations}) name a template as their issuer, which is
   * not where they stand, so they are refused like any document naming another issuer. The log said only that; it
   * now also names the document's {@code jwks_uri}, which, given as {@code jwksUri} itself, is the key set without
   * the metadata's issuer check.
   */
  @Test
  void aRefusedConfigurationNamesItsKeySet() throws Throwable {
    RSAKey key = new RSAKeyGenerator(2048).keyID("r1").generate();
    serve(key);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    String jwt = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256, "r1"), claims().build());
    String configuration = "{\"issuer\":\"" + base + "/{tenantid}/v2.0\",\"jwks_uri\":\"" + base + "/jwks\"}";
    server.createContext("/common/v2.0/.well-known/openid-configuration", exchange -> {
      byte[] body = configuration.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    KeySetVerifier common = new KeySetVerifier(new JwksKeySet(URI.create(base
        + "/common/v2.0/.well-known/openid-configuration"), JwksKeySet.Options.DEFAULT.withClock(clock)), ALL,
        new ClaimRules(clock, Duration.ZERO, Set.of(), List.of(), "roles"), clock, 0, LENGTH);
    List<String> log = logOf(JwksKeySet.class, () -> assertEquals(AuthFailure.UNKNOWN_KEY, failure(common, jwt)));
    assertTrue(log.stream().anyMatch(line -> line.contains("names issuer " + base + "/{tenantid}/v2.0, not " + base
        + "/common/v2.0; its key set, without this check, is jwksUri = \"" + base + "/jwks\"")), log.toString());
    assertEquals(0, fetches.get(), "the key set of a refused configuration is not fetched");

    // What a document holds reaches the log on one line: a line end would let it write lines of its own.
    openIdConfiguration = "{\"issuer\":\"" + base + "\\njwtsecured: forged\",\"jwks_uri\":\"" + base + "/jwks\"}";
    KeySetVerifier forged = new KeySetVerifier(new JwksKeySet(URI.create(base
        + "/.well-known/openid-configuration"), JwksKeySet.Options.DEFAULT.withClock(clock)), ALL,
        new ClaimRules(clock, Duration.ZERO, Set.of(), List.of(), "roles"), clock, 0, LENGTH);
    log = logOf(JwksKeySet.class, () -> assertEquals(AuthFailure.UNKNOWN_KEY, failure(forged, jwt)));
    assertTrue(log.stream().anyMatch(line -> line.contains("names issuer \"" + base + "\\njwtsecured: forged\", not "
        + base + "; its key set")), log.toString());
    assertTrue(log.stream().noneMatch(line -> line.contains("\n")), log.toString());
    openIdConfiguration = "{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base + "/jwks\\nforged\"}";
    KeySetVerifier badKeySet = new KeySetVerifier(new JwksKeySet(URI.create(base
        + "/.well-known/openid-configuration"), JwksKeySet.Options.DEFAULT.withClock(clock)), ALL,
        new ClaimRules(clock, Duration.ZERO, Set.of(), List.of(), "roles"), clock, 0, LENGTH);
    log = logOf(JwksKeySet.class, () -> assertEquals(AuthFailure.UNKNOWN_KEY, failure(badKeySet, jwt)));
    assertTrue(log.stream().anyMatch(line -> line.contains("jwks_uri is not https: \"" + base + "/jwks\\nforged\"")),
        log.toString());

    KeySetVerifier keySet = new KeySetVerifier(new JwksKeySet(URI.create(base + "/jwks"),
        JwksKeySet.Options.DEFAULT.withClock(clock)), ALL,
        new ClaimRules(clock, Duration.ZERO, Set.of(), List.of(), "roles"), clock, 0, LENGTH);
    assertEquals("alice", keySet.verify(jwt).subject());
  }

  /**
   * A provider that moves its key set, naming the new location in its metadata and answering 404 at the old one: the
   * location found once was fetched for good, and no key published after the move was ever found. A failed fetch
   * there now reads the metadata again and takes the key set where it names it; the metadata naming the failed
   * location again is not fetched twice.
   */
  @Test
  void aKeySetThatMovedIsFoundThroughTheMetadata() throws Throwable {
    RSAKey first = new RSAKeyGenerator(2048).keyID("r1").generate();
    RSAKey second = new RSAKeyGenerator(2048).keyID("r2").generate();
    serve(first);
    String moved = new JWKSet(List.of(first, second)).toString(true);
    AtomicInteger movedFetches = new AtomicInteger();
    AtomicInteger movedStatus = new AtomicInteger(200);
    server.createContext("/keys/v2", exchange -> {
      movedFetches.incrementAndGet();
      byte[] body = moved.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(movedStatus.get(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    openIdConfiguration = "{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base + "/jwks\"}";
    keySet = new JwksKeySet(URI.create(base + "/.well-known/openid-configuration"),
        JwksKeySet.Options.DEFAULT.withClock(clock));
    KeySetVerifier verifier = new KeySetVerifier(keySet, ALL,
        new ClaimRules(clock, Duration.ZERO, Set.of(), List.of(), "roles"), clock, 0, LENGTH);
    assertEquals("alice", verifier.verify(sign(new RSASSASigner(first), header(JWSAlgorithm.RS256, "r1"),
        claims().build())).subject());
    assertEquals(1, fetches.get());

    status = 404; // still the old location in the metadata: one failed fetch, the last good set kept
    clock.advance(Duration.ofMinutes(6));
    List<String> log = logOf(JwksKeySet.class, () -> {
      assertEquals("alice", verifier.verify(sign(new RSASSASigner(first), header(JWSAlgorithm.RS256, "r1"),
          claims().build())).subject());
      awaitFetch();
    });
    assertTrue(log.stream().anyMatch(line -> line.contains("(status 404); keeping the last good set")), log.toString());
    assertEquals(2, fetches.get(), "the location the metadata names again is not fetched a second time");

    openIdConfiguration = "{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base + "/keys/v2\"}";
    clock.advance(Duration.ofMinutes(2));
    String signedBySecond = sign(new RSASSASigner(second), header(JWSAlgorithm.RS256, "r2"), claims().build());
    assertEquals("alice", verifier.verify(signedBySecond).subject(), "the moved key set names r2");
    assertEquals(3, fetches.get());
    assertEquals(1, movedFetches.get());
    clock.advance(Duration.ofMinutes(6));
    assertEquals("alice", verifier.verify(signedBySecond).subject());
    awaitFetch();
    assertEquals(3, fetches.get(), "the new location is kept: the old one is not asked again");
    assertEquals(2, movedFetches.get());

    // The second location fails with 503, and the metadata names a third, not there: the last failure, 404, is told.
    movedStatus.set(503);
    openIdConfiguration = "{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base + "/keys/v3\"}";
    clock.advance(Duration.ofMinutes(6));
    String later = sign(new RSASSASigner(second), header(JWSAlgorithm.RS256, "r2"), claims().build());
    log = logOf(JwksKeySet.class, () -> {
      assertEquals("alice", verifier.verify(later).subject());
      awaitFetch();
    });
    assertEquals(3, movedFetches.get());
    assertTrue(log.stream().anyMatch(line -> line.contains("(status 404); keeping the last good set")), log.toString());
    assertEquals("alice", verifier.verify(later).subject());
  }

  /** The issuer a metadata location names; none for a key set's own location. */
  @Test
  void theIssuerAMetadataLocationNames() {
    Map<String, String> issuers = Map.of(
        "https://sso.example.com/realms/shop/.well-known/openid-configuration", "https://sso.example.com/realms/shop",
        "https://tenant.example/.well-known/openid-configuration", "https://tenant.example",
        "https://d.okta.example/oauth2/default/.well-known/oauth-authorization-server",
        "https://d.okta.example/oauth2/default",
        "https://as.example:8443/.well-known/oauth-authorization-server/tenant", "https://as.example:8443/tenant",
        "https://t.b2clogin.example/t.onmicrosoft.com/v2.0/.well-known/openid-configuration?p=b2c_1_signin",
        "https://t.b2clogin.example/t.onmicrosoft.com/v2.0");
    issuers.forEach((location, issuer) -> assertEquals(issuer, JwksFetcher.issuer(URI.create(location)), location));
    for (String keySet : List.of("https://login.example/discovery/v2.0/keys", "https://idp.example/jwks.json",
        "https://idp.example/.well-known/openid-configurationx", "https://idp.example/.well-known/jwks.json")) {
      assertEquals(null, JwksFetcher.issuer(URI.create(keySet)), keySet);
    }
  }

  /**
   * A token without {@code kid} is verified with the set's only key: OpenID Connect Core 1.0 section 10.1 asks for a
   * {@code kid} only when the set holds several keys, and a provider with one key may name it nowhere. With several
   * keys, an empty {@code kid} or a {@code kid} the set does not hold, such a token is refused.
   */
  @Test
  void aSetOfOneKeyVerifiesTokensWithoutKid() throws Exception {
    RSAKey unnamed = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).generate();
    serve(unnamed);
    JWSHeader noKid = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build();
    String jwt = sign(new RSASSASigner(unnamed), noKid, claims().build());
    KeySetVerifier verifier = verifier(ALL);
    CountDownLatch gate = new CountDownLatch(1);
    hold = gate;
    java.util.concurrent.CompletableFuture<?> fetch = verifier.fetchFor(jwt);
    assertTrue(fetch != null && !fetch.isDone(), "no set yet: the first fetch, which a verification would wait for");
    hold = null;
    gate.countDown();
    fetch.get(10, TimeUnit.SECONDS);
    assertEquals(null, verifier.fetchFor(jwt), "the key is at hand");
    assertEquals("alice", verifier.verify(jwt).subject());
    assertEquals(1, keySet.fetches());
    assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier,
        sign(new RSASSASigner(unnamed), header(JWSAlgorithm.RS256, "r1"), claims().build())),
        "a kid names a key, and the set's only key has none");
    assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier,
        sign(new RSASSASigner(unnamed), header(JWSAlgorithm.RS256, ""), claims().build())),
        "an empty kid names no key");
    assertEquals(AuthFailure.ALGORITHM_NOT_ACCEPTED, failure(verifier, sign(new ECDSASigner(
        new ECKeyGenerator(Curve.P_256).generate()), new JWSHeader.Builder(JWSAlgorithm.ES256).build(),
        claims().build())), "the only key is RSA");
    assertEquals(AuthFailure.BAD_SIGNATURE, failure(verifier, sign(new RSASSASigner(new RSAKeyGenerator(2048)
        .generate()), noKid, claims().build())));

    RSAKey named = new RSAKeyGenerator(2048).keyID("r1").algorithm(JWSAlgorithm.RS256).generate();
    serve(named);
    KeySetVerifier second = verifier(ALL);
    assertEquals("alice", second.verify(sign(new RSASSASigner(named), noKid, claims().build())).subject(),
        "the only key, named or not");
    assertEquals(AuthFailure.ALGORITHM_NOT_ACCEPTED, failure(second, sign(new RSASSASigner(named),
        new JWSHeader.Builder(JWSAlgorithm.PS256).build(), claims().build())), "the key is for RS256 only");

    RSAKey encryption = new RSAKeyGenerator(2048).keyID("enc").keyUse(KeyUse.ENCRYPTION).generate();
    serve(encryption, named);
    assertEquals("alice", verifier(ALL).verify(sign(new RSASSASigner(named), noKid, claims().build())).subject(),
        "a key published for encryption beside it (as Keycloak publishes one) does not count");

    RSAKey other = new RSAKeyGenerator(2048).keyID("r2").generate();
    serve(named, other);
    KeySetVerifier two = verifier(ALL);
    assertEquals(AuthFailure.UNKNOWN_KEY, failure(two, sign(new RSASSASigner(named), noKid, claims().build())),
        "two keys: a token must name its key");
    assertEquals(1, keySet.fetches(), "no fetch for a kid-less token once the set is at hand");
    assertEquals("alice", two.verify(sign(new RSASSASigner(other), header(JWSAlgorithm.RS256, "r2"),
        claims().build())).subject());
  }

  /**
   * One key published under several {@code kid}s (a provider renaming its {@code kid}s, or publishing a key once per
   * algorithm): jjwt's {@code JwkSet} keeps one JWK per key material, so tokens naming any {@code kid} but the first
   * were refused, each starting a fetch for an unknown key.
   */
  @Test
  void oneKeyUnderSeveralKids() throws Exception {
    RSAKey first = new RSAKeyGenerator(2048).keyID("first").keyUse(KeyUse.SIGNATURE).generate();
    RSAKey renamed = new RSAKey.Builder(first).keyID("renamed").build();
    RSAKey pss = new RSAKey.Builder(first).keyID("pss").algorithm(JWSAlgorithm.PS256).build();
    serve(first, renamed, pss);
    KeySetVerifier verifier = verifier(ALL);
    for (String kid : List.of("first", "renamed")) {
      assertEquals("alice", verifier.verify(sign(new RSASSASigner(first), header(JWSAlgorithm.RS256, kid),
          claims().build())).subject(), kid);
    }
    assertEquals("alice", verifier.verify(sign(new RSASSASigner(first), header(JWSAlgorithm.PS256, "pss"),
        claims().build())).subject());
    assertEquals(AuthFailure.ALGORITHM_NOT_ACCEPTED, failure(verifier, sign(new RSASSASigner(first),
        header(JWSAlgorithm.RS256, "pss"), claims().build())), "pss is published for PS256");
    assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier, sign(new RSASSASigner(first),
        new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims().build())), "three keys: a token names its key");
    assertEquals(1, keySet.fetches());
  }

  /**
   * A provider that withdraws every key (its only one compromised) publishes an empty set: jjwt's set parser calls
   * that no set, so the last good one, the withdrawn key in it, went on verifying tokens, however often the empty set
   * was fetched. An empty set now holds no key, and says so in the log; a set whose every key is for another use was
   * already read so.
   */
  @Test
  void anEmptySetWithdrawsEveryKey() throws Throwable {
    KeySetVerifier verifier = verifierOfR1(100);
    String jwt = sign(r1, header(JWSAlgorithm.RS256, "r1"), claims().build());
    verifier.verify(jwt);
    verifier.verify(jwt);
    assertEquals(1, verifier.cachedTokens());
    jwks = "{\"keys\":[]}";
    clock.advance(Duration.ofMinutes(6)); // past the default max-age
    List<String> log = logOf(JwksKeySet.class, () -> {
      try {
        verifier.verify(sign(r1, header(JWSAlgorithm.RS256, "r1"), claims().build()));
      } catch (AuthException stale) {
        // the stale set may serve this one, or the empty one refuse it
      }
      awaitFetch();
    });
    assertTrue(log.stream().anyMatch(line -> line.contains("holds no key")), log.toString());
    assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier, jwt), "the cached token of the withdrawn key");
    assertEquals(AuthFailure.UNKNOWN_KEY, failure(verifier, sign(r1,
        header(JWSAlgorithm.RS256, "r1"), claims().subject("bob").build())));
    serve(served);
    clock.advance(Duration.ofMinutes(1)); // the unknown-kid interval
    assertEquals("alice", verifier.verify(jwt).subject(), "published again");
  }

  /**
   * The provider of a one-key set replaces its key: tokens without {@code kid} follow at the set's next fetch, and a
   * cached token the old key verified is dropped with it.
   */
  @Test
  void theOnlyKeyReplaced() throws Exception {
    RSAKey old = new RSAKeyGenerator(2048).generate();
    serve(old);
    KeySetVerifier verifier = verifier(ALL);
    JWSHeader noKid = new JWSHeader.Builder(JWSAlgorithm.RS256).build();
    String before = sign(new RSASSASigner(old), noKid, claims().build());
    verifier.verify(before);
    verifier.verify(before);
    assertEquals(1, verifier.cachedTokens());
    RSAKey replacement = new RSAKeyGenerator(2048).generate();
    serve(replacement);
    String after = sign(new RSASSASigner(replacement), noKid, claims().build());
    assertEquals(AuthFailure.BAD_SIGNATURE, failure(verifier, after), "until the set is fetched again");
    clock.advance(Duration.ofMinutes(6)); // past the default max-age
    try {
      verifier.verify(after); // starts the stale set's fetch, and is answered from the stale set
    } catch (AuthException stale) {
      assertEquals(AuthFailure.BAD_SIGNATURE, stale.failure());
    }
    awaitFetch();
    assertEquals("alice", verifier.verify(after).subject());
    assertEquals(AuthFailure.BAD_SIGNATURE, failure(verifier, before), "the old key left, and its cached token");
  }

  @Test
  void onePublicKeyVerifiesTokensWithOrWithoutKid() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).generate();
    String pem = "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
            key.toRSAPublicKey().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
    KeySetVerifier verifier = new KeySetVerifier(new PublicKeySource(PublicKeySource.parsePem(pem)), ALL,
        new ClaimRules(clock, Duration.ZERO, Set.of(), List.of(), "roles"), clock, 0, LENGTH);
    JWTClaimsSet claims = claims().build();
    assertEquals("alice", verifier.verify(sign(new RSASSASigner(key),
        new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims)).subject(), "no kid");
    assertEquals("alice", verifier.verify(sign(new RSASSASigner(key), header(JWSAlgorithm.PS256, "any"), claims))
        .subject());
    ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
    assertEquals(AuthFailure.ALGORITHM_NOT_ACCEPTED, failure(verifier, sign(new ECDSASigner(ec),
        new JWSHeader.Builder(JWSAlgorithm.ES256).build(), claims)), "an RSA key never verifies ES256");
    assertEquals(AuthFailure.BAD_SIGNATURE, failure(verifier, sign(new RSASSASigner(new RSAKeyGenerator(2048)
        .generate()), new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims)));
    assertThrows(IllegalStateException.class, () -> PublicKeySource.parsePem("-----BEGIN PUBLIC KEY-----\nAAAA"));
  }

  @Test
  void plainHttpOnlyOnLoopback() {
    assertThrows(IllegalArgumentException.class,
        () -> new JwksKeySet(URI.create("http://idp.example/jwks"), JwksKeySet.Options.DEFAULT));
    assertThrows(IllegalArgumentException.class,
        () -> new JwksKeySet(URI.create("ftp://127.0.0.1/jwks"), JwksKeySet.Options.DEFAULT));
    new JwksKeySet(URI.create("https://idp.example/jwks"), JwksKeySet.Options.DEFAULT);
    new JwksKeySet(URI.create("http://localhost:8080/jwks"), JwksKeySet.Options.DEFAULT);
    new JwksKeySet(URI.create("http://[::1]:8080/jwks"), JwksKeySet.Options.DEFAULT);
    assertTrue(JwksFetcher.requireSecure(uri()).getScheme().equals("http"));
  }
}
