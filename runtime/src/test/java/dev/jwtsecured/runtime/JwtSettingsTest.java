package dev.jwtsecured.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.JwtSecured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values set on the builder follow the rules the processor applies to the annotation: names that go into headers are
 * RFC 9110 tokens, text that goes into a challenge or a cookie attribute cannot end it. A value that breaks them is
 * refused when the settings are built, with a message that names the setting and leaves the value out.
 */
class JwtSettingsTest {
  static final String SECRET = "settings-test-secret-settings-test-secret!!";

  static JwtSettings build(UnaryOperator<JwtSettings.Builder> change) {
    return change.apply(JwtSettings.builder().secret(SECRET)).build();
  }

  @Test
  void headerAndCookieNamesAreTokens() {
    for (String bad : List.of("", "Authorization:", "X Token", "X-Token\r\nX-Evil: 1", "Ä")) {
      assertRefused("authHeader", () -> build(b -> b.authHeader(bad)));
      assertRefused("cookieName", () -> build(b -> b.cookieName(bad)));
      if (!bad.isEmpty()) {
        assertRefused("clientAddressHeader", () -> build(b -> b.clientAddressHeader(bad)));
      }
    }
    JwtSettings ok = build(b -> b.authHeader("X-Api-Token").cookieName("__Host-session").cookieSecure(true)
        .clientAddressHeader(""));
    assertEquals("X-Api-Token", ok.authHeader());
    assertEquals("__Host-session", ok.cookieName());
    assertEquals(null, ok.clientAddressHeader());
  }

  @Test
  void textInAChallengeOrACookieAttributeCannotEndIt() {
    for (String bad : List.of("/; Domain=evil.example", "a\"b", "a\\b", "a,b", "/\r\nSet-Cookie: x=y", "é")) {
      assertRefused("realm", () -> build(b -> b.realm(bad)));
      assertRefused("cookiePath", () -> build(b -> b.cookiePath(bad)));
      assertRefused("cookieDomain", () -> build(b -> b.cookieDomain(bad)));
    }
    JwtSettings ok = build(b -> b.realm("my api").cookiePath("/app").cookieDomain("example.com"));
    assertEquals("my api", ok.realm());
    assertEquals("/app", ok.cookiePath());
    assertEquals("example.com", ok.cookieDomain());
  }

  /**
   * A cookie path starts with {@code /}: Chromium 156, given {@code Path=app} by {@code /auth/login}, kept the cookie
   * under {@code /auth} and did not send it to {@code /api/x}.
   */
  @Test
  void aCookiePathStartsWithASlash() {
    for (String bad : List.of("", "app", "app/", "./app", " /app", "/a b", "/a;b", "/a,b", "/a\"b", "/a\\b")) {
      assertRefused("cookiePath", () -> build(b -> b.cookiePath(bad)));
    }
    for (String good : List.of("/", "/app", "/app/", "/api/v1", "/a-b_c.d~e")) {
      assertEquals(good, build(b -> b.cookiePath(good)).cookiePath());
    }
  }

  /**
   * A cookie domain is a host name alone: Chromium 156 dropped, without a word, a cookie set with {@code
   * Domain=localhost:8099}, {@code Domain=http://localhost} or {@code Domain=localhost.} by {@code localhost:8099},
   * so a cookie login answered 200 and every later request 401.
   */
  @Test
  void aCookieDomainIsAHostNameAlone() {
    for (String bad : List.of("shop.example:8443", "https://shop.example", "shop.example/", "shop.example.",
        "shop..example", "-shop.example", "shop-.example", "bücher.example", "[::1]", ".", " shop.example")) {
      assertRefused("cookieDomain", () -> build(b -> b.cookieDomain(bad)));
    }
    for (String good : List.of("shop.example", ".shop.example", "localhost", "127.0.0.1", "a-b.example",
        "xn--bcher-kva.example", "my_host.internal")) {
      assertEquals(good, build(b -> b.cookieDomain(good)).cookieDomain());
    }
  }

  @Test
  void theRefreshCookiePathIsAnAbsolutePathThatCannotEndTheAttribute() {
    for (String bad : List.of("login", "/login; Domain=evil.example", "/a,b", "/a b", "/\r\nSet-Cookie: x=y")) {
      assertRefused("refreshCookiePath", () -> build(b -> b.tokenUrl("/login").refreshExpiration(
          java.time.Duration.ofDays(1)).refreshCookiePath(bad)));
    }
    assertRefused("tokenUrl", () -> build(b -> b.tokenUrl("/log in").refreshExpiration(
        java.time.Duration.ofDays(1))));
    for (String bad : List.of("api", "/a;b", "/a b")) {
      assertRefused("applicationPath", () -> build(b -> b.applicationPath(bad)));
    }
    JwtSettings byDefault = build(b -> b.tokenUrl("/login").applicationPath("/api/")
        .refreshExpiration(java.time.Duration.ofDays(1)));
    assertEquals(java.util.Optional.empty(), byDefault.refreshCookiePath(), "follows the requests");
    assertEquals("/api", byDefault.applicationPath());
    assertEquals("", build(b -> b.applicationPath("/")).applicationPath());
    JwtSettings set = build(b -> b.tokenUrl("/login").refreshExpiration(java.time.Duration.ofDays(1))
        .refreshCookiePath("/app/login"));
    assertEquals(java.util.Optional.of("/app/login"), set.refreshCookiePath());
  }

  @Test
  void theRolesClaimIsAClaimPathAndGoesOnlyWithKeys() {
    for (String bad : List.of("", "realm_access..roles", ".roles", "roles.", "realm access", "a\r\nevil",
        "resource_access.\"\".roles", "resource_access.\"shop", "a.\"b\"c", "\"a\"\"b\"", "\"a\\\"b\"", "\"a\nb\"",
        "\"a\ud800\"", "https://shop.example.com/ns.\"roles\"", "\"a\".",
        // White space at either end of a name, which jjwt trims: a token's reader refuses such names.
        "\" roles\"", "resource_access.\"shop \".roles", "\"\u2003roles\"", "\"roles\u3000\"")) {
      assertRefused("rolesClaim", () -> JwtSettings.builder().jwksUri("https://idp.example/jwks").rolesClaim(bad)
          .build());
    }
    for (String good : List.of("realm_access.roles", "resource_access.\"com.example.shop\".roles",
        "\"https://shop.example.com/app_metadata\".roles", "\"Gruppen der Abteilung Ä\"", "\"\ud83d\udd11.roles\"")) {
      assertEquals(good, JwtSettings.builder().jwksUri("https://idp.example/jwks").rolesClaim(good).build()
          .rolesClaim());
    }
    // Tokens a secret signs carry their roles in "roles": another claim would be ignored, so it is refused.
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> build(b -> b.rolesClaim("groups")));
    assertEquals(true, e.getMessage().startsWith("jwtsecured: rolesClaim goes only with"), e.getMessage());
    assertEquals("roles", build(b -> b.rolesClaim("roles")).rolesClaim());
  }

  /**
   * A private key's tokens carry {@code sub}, {@code aud}, {@code sid}, {@code scope} and the rest for jwtsecured:
   * roles written at one of them made every login fail ({@code sub}, {@code exp}), every token one its own
   * configuration refused ({@code aud}), a session logout could not end ({@code sid}), or roles that vanished ({@code
   * scope}, {@code extras}). Refused with the private key; a verifier may read roles wherever its provider puts them,
   * but in a number.
   */
  @Test
  void aPrivateKeyDoesNotWriteRolesAtAClaimItsTokensCarryForAnotherPurpose() throws Exception {
    String privateKey = pem("PRIVATE KEY", ecPair().getPrivate().getEncoded());
    for (String taken : List.of("sub", "iss", "aud", "exp", "nbf", "iat", "jti", "sid", "scope", "extras",
        "sub.roles", "extras.roles", "\"sid\"", "\"extras\".roles")) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> JwtSettings.builder().privateKey(privateKey).rolesClaim(taken).build(), taken);
      assertEquals("jwtsecured: rolesClaim names the \"" + taken.replace("\"", "").split("\\.")[0] + "\" claim,"
          + " which the tokens a private key signs carry for jwtsecured: roles written there would take its place or"
          + " lose theirs",
          e.getMessage());
      if (!taken.matches("exp|nbf|iat")) { // numbers: aVerifiersRolesClaimIsNoNumericDate
        assertEquals(taken, JwtSettings.builder().jwksUri("https://idp.example/jwks").rolesClaim(taken).build()
            .rolesClaim(), "a verifier reads roles where its provider writes them");
      }
    }
    for (String own : List.of("roles", "groups", "subject", "scopes", "realm_access.roles", "sub:roles",
        "https://shop.example.com/roles", "\"sub.roles\"")) {
      assertEquals(own, JwtSettings.builder().privateKey(privateKey).rolesClaim(own).build().rolesClaim());
    }
  }

  /**
   * A token carries its {@code iss} and {@code aud} as written, and they are compared as written: an empty or blank
   * audience or issuer made every token this configuration issued one it refused, and one with white space or a line
   * end at either end (read from a file or an environment variable) matched no identity provider's token.
   */
  @Test
  void issuersAndAudiencesAreTextATokenCarriesAsWritten() {
    for (String bad : List.of(" ", "api ", "\tapi", "https://idp.example\r", "https://idp.example\n", "a\u0000b",
        "\u2003api", "api\u3000", "a\ud800")) {
      assertRefused("issuer", () -> build(b -> b.issuer(bad)));
      assertRefused("acceptedIssuers", () -> build(b -> b.acceptedIssuers(List.of("https://ok.example", bad))));
      assertRefused("audience", () -> build(b -> b.audience(List.of(bad))));
      JwtAuth auth = new JwtAuth(build(b -> b), JwtSettingsTest.class);
      assertRefused("issuer", () -> auth.login("bob").issuer(bad));
      assertRefused("audience", () -> auth.login("bob").audience("api", bad));
    }
    assertRefused("audience", () -> build(b -> b.audience(List.of(""))));
    assertRefused("acceptedIssuers", () -> build(b -> b.acceptedIssuers(List.of(""))));
    for (String good : List.of("api", "https://login.microsoftonline.com/tenant/v2.0", "api://default", "a b", "Ä",
        "\ud83d\udd11")) {
      JwtSettings settings = build(b -> b.issuer(good).acceptedIssuers(List.of(good)).audience(List.of(good)));
      assertEquals(List.of(good), settings.audience());
      JwtAuth auth = new JwtAuth(settings, JwtSettingsTest.class);
      Token token = auth.login("bob").issuer(good).audience(good).token();
      assertEquals(List.of(java.util.Optional.of(good), List.of(good)), List.of(token.issuer(), token.audience()));
    }
    assertEquals(null, build(b -> b.issuer("")).issuer(), "empty: no issuer");
  }

  /**
   * Durations have upper bounds, the processor's: an expiration past year 9999 issued tokens the reader refuses (or, at
   * {@code Long.MAX_VALUE} seconds, failed every login on the arithmetic), a leeway of a year accepted tokens a year
   * after they expired, and a {@code jwksMinRefresh} of {@code Long.MAX_VALUE} seconds failed every token with an
   * unknown {@code kid} on the arithmetic.
   */
  @Test
  void durationsHaveUpperBounds() {
    Duration lifetime = Duration.parse(dev.jwtsecured.JwtSecured.MAX_LIFETIME);
    Duration over = lifetime.plusSeconds(1);
    for (Duration bad : List.of(over, Duration.ofDays(3_000_000), Duration.ofSeconds(Long.MAX_VALUE))) {
      assertEquals("expiration must be at most P3650D", assertThrows(IllegalArgumentException.class,
          () -> build(b -> b.expiration(bad))).getMessage());
      assertEquals("refreshExpiration must be at most P3650D", assertThrows(IllegalArgumentException.class,
          () -> build(b -> b.tokenUrl("/login").refreshExpiration(bad))).getMessage());
      assertEquals("expiration must be at most P3650D", assertThrows(IllegalArgumentException.class,
          () -> new JwtAuth(build(b -> b), JwtSettingsTest.class).login("bob").expiration(bad)).getMessage());
    }
    assertEquals(lifetime, build(b -> b.expiration(lifetime)).expiration());
    JwtAuth auth = new JwtAuth(build(b -> b.expiration(lifetime)), JwtSettingsTest.class);
    assertEquals(auth.now().plus(lifetime), auth.login("bob").token().expiresAt(), "a token of the longest lifetime");
    for (Duration bad : List.of(Duration.ofMinutes(5).plusSeconds(1), Duration.ofDays(365),
        Duration.ofSeconds(Long.MAX_VALUE))) {
      assertEquals("leeway must be at most PT5M", assertThrows(IllegalArgumentException.class,
          () -> build(b -> b.leeway(bad))).getMessage());
    }
    assertEquals(Duration.ofMinutes(5), build(b -> b.leeway(Duration.ofMinutes(5))).leeway());
    for (Duration bad : List.of(Duration.ofDays(1).plusSeconds(1), Duration.ofSeconds(Long.MAX_VALUE))) {
      assertEquals("jwksMinRefresh must be at most P1D", assertThrows(IllegalArgumentException.class,
          () -> JwtSettings.builder().jwksUri("https://idp.example/jwks").jwksMinRefresh(bad).build()).getMessage());
    }
    assertEquals(Duration.ofDays(1), JwtSettings.builder().jwksUri("https://idp.example/jwks")
        .jwksMinRefresh(Duration.ofDays(1)).build().jwksMinRefresh());
  }

  /** Without a least interval, every token naming an unknown {@code kid} would make the server fetch the key set. */
  @Test
  void theKeySetRefreshIntervalIsNotZero() {
    for (java.time.Duration bad : List.of(java.time.Duration.ZERO, java.time.Duration.ofSeconds(-30))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> JwtSettings.builder().jwksUri("https://idp.example/jwks").jwksMinRefresh(bad).build());
      assertEquals("jwtsecured: jwksMinRefresh must be more than zero", e.getMessage());
    }
    assertEquals(java.time.Duration.ofMillis(200), JwtSettings.builder().jwksUri("https://idp.example/jwks")
        .jwksMinRefresh(java.time.Duration.ofMillis(200)).build().jwksMinRefresh());
  }

  /** Browsers drop a {@code __Host-} or {@code __Secure-} cookie without the attributes its prefix requires. */
  @Test
  void cookiePrefixesNeedTheirAttributes() {
    List<UnaryOperator<JwtSettings.Builder>> dropped = List.of(s -> s.cookieName("__Host-token"),
        s -> s.cookieName("__HOST-token").cookieSecure(true).cookiePath("/shop"),
        s -> s.cookieName("__Host-token").cookieSecure(true).cookieDomain("example.com"),
        s -> s.cookieName("__Secure-token"));
    for (UnaryOperator<JwtSettings.Builder> b : dropped) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> build(b));
      assertTrue(e.getMessage().contains("browsers drop a __"), e.getMessage());
    }
    assertEquals("__Host-token", build(s -> s.cookieName("__Host-token").cookieSecure(true)).cookieName());
    assertEquals("__Secure-token", build(s -> s.cookieName("__Secure-token").cookieSecure(true).cookiePath("/shop"))
        .cookieName());
  }

  /** Browsers drop a {@code SameSite=None} cookie without {@code Secure}: login would set a cookie nobody keeps. */
  @Test
  void sameSiteNoneNeedsSecure() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> build(b -> b.cookieSameSite(dev.jwtsecured.SameSite.NONE)));
    assertEquals(true, e.getMessage().startsWith("jwtsecured: cookieSameSite NONE needs cookieSecure"), e.getMessage());
    assertEquals(dev.jwtsecured.SameSite.NONE,
        build(b -> b.cookieSameSite(dev.jwtsecured.SameSite.NONE).cookieSecure(true)).cookieSameSite());
  }

  @Test
  void scopesAreScopeTokens() {
    // A scope with a space would be read back from the space-separated "scope" claim as two scopes.
    for (String bad : List.of("orders write", "", "say\"what\"", "back\\slash", "caf\u00e9")) {
      assertRefused("scopes", () -> build(b -> b.scopes(List.of("orders:read", bad))));
    }
    assertEquals(List.of("orders:read", "https://api.example/write"),
        build(b -> b.scopes(List.of("orders:read", "https://api.example/write"))).scopes());
  }

  /** Below 1 KiB a plain token could not pass; above 64 KiB no server's request header limit lets one through. */
  @Test
  void theTokenLengthBoundIsWithinRange() {
    for (int bad : List.of(1023, 65_537, 0, -1)) {
      assertRefused("maxTokenLength", () -> build(b -> b.maxTokenLength(bad)));
    }
    assertEquals(8 * 1024, build(b -> b).maxTokenLength());
    assertEquals(1024, build(b -> b.maxTokenLength(1024)).maxTokenLength());
    assertEquals(65_536, build(b -> b.maxTokenLength(65_536)).maxTokenLength());
  }

  /**
   * Rotation public keys go only with a private key; each value holds zero or more PEM public key blocks, so that one
   * variable serves every step of a rotation (unset between rotations with an empty fallback).
   */
  @Test
  void rotationPublicKeysComeFromOneValueEachAndGoOnlyWithAPrivateKey(@TempDir Path dir) throws Exception {
    String first = pem("PUBLIC KEY", ecPair().getPublic().getEncoded());
    String second = pem("PUBLIC KEY", ecPair().getPublic().getEncoded());
    String privateKey = pem("PRIVATE KEY", ecPair().getPrivate().getEncoded());
    Map<String, String> env = Map.of("BOTH", first + "\n" + second, "JUNK", first + "junk\n" + second);
    UnaryOperator<JwtSettings.Builder> keys = b -> JwtSettings.builder().privateKey(privateKey)
        .environment(env::get).properties(name -> null);
    assertEquals(List.of(), keys.apply(null).rotationPublicKeys(List.of("${UNSET:}")).build().rotationPublicKeys());
    assertEquals(2, keys.apply(null).rotationPublicKeys(List.of("${BOTH}")).build().rotationPublicKeys().size());
    assertEquals(3, keys.apply(null).rotationPublicKeys(List.of("${BOTH}", first.strip())).build()
        .rotationPublicKeys().size());
    Path file = Files.writeString(dir.resolve("keys.pem"), second + first);
    assertEquals(2, keys.apply(null).rotationPublicKeys(List.of("file:" + file)).build().rotationPublicKeys().size());

    IllegalStateException junk = assertThrows(IllegalStateException.class,
        () -> keys.apply(null).rotationPublicKeys(List.of("${JUNK}")).build());
    assertEquals("jwtsecured: the key is not PEM (-----BEGIN PUBLIC KEY-----)", junk.getMessage());
    IllegalStateException unset = assertThrows(IllegalStateException.class,
        () -> keys.apply(null).rotationPublicKeys(List.of("${UNSET}")).build());
    assertTrue(unset.getMessage().contains("the rotation public keys ${UNSET} is not set"), unset.getMessage());
    IllegalStateException withSecret = assertThrows(IllegalStateException.class,
        () -> build(b -> b.rotationPublicKeys(List.of(first))));
    assertEquals("jwtsecured: rotation public keys go only with a private key", withSecret.getMessage());
  }

  /** A key file that cannot be read is named as what it is (the public key's was called a private key). */
  @Test
  void anUnreadableKeyFileIsNamedAsWhatItIs(@TempDir Path dir) throws Exception {
    String missing = "file:" + dir.resolve("missing.pem");
    String privateKey = pem("PRIVATE KEY", ecPair().getPrivate().getEncoded());
    assertEquals("jwtsecured: the public key file " + dir.resolve("missing.pem") + " cannot be read",
        assertThrows(IllegalStateException.class, () -> JwtSettings.builder().publicKey(missing).build())
            .getMessage());
    assertEquals("jwtsecured: the private key file " + dir.resolve("missing.pem") + " cannot be read",
        assertThrows(IllegalStateException.class, () -> JwtSettings.builder().privateKey(missing).build())
            .getMessage());
    assertEquals("jwtsecured: the rotation public keys file " + dir.resolve("missing.pem") + " cannot be read",
        assertThrows(IllegalStateException.class, () -> JwtSettings.builder().privateKey(privateKey)
            .rotationPublicKeys(List.of(missing)).build()).getMessage());
  }

  /**
   * A key file past 1 MiB, a path naming a log or {@code /dev/zero} by mistake, is refused once that much is read: it
   * was read whole ({@code /dev/zero} until the heap ran out), and a large file was then "not PEM".
   */
  @Test
  void aKeyFileIsReadNoFurtherThanAKeyFileCouldBe(@TempDir Path dir) throws Exception {
    KeyPair pair = ecPair();
    String pem = pem("PUBLIC KEY", pair.getPublic().getEncoded());
    Path large = java.nio.file.Files.writeString(dir.resolve("large.pem"),
        pem + "#".repeat(1024 * 1024 - pem.length() + 1));
    assertEquals("jwtsecured: the public key file " + large + " holds more than 1024 KiB, more than any key file",
        assertThrows(IllegalStateException.class, () -> JwtSettings.builder().publicKey("file:" + large).build())
            .getMessage());
    Path zero = Path.of("/dev/zero");
    if (java.nio.file.Files.isReadable(zero)) {
      assertEquals("jwtsecured: the private key file /dev/zero holds more than 1024 KiB, more than any key file",
          assertThrows(IllegalStateException.class, () -> JwtSettings.builder().privateKey("file:/dev/zero").build())
              .getMessage());
    }
    Path most = java.nio.file.Files.writeString(dir.resolve("most.pem"), pem + "\n".repeat(1024 * 1024 - pem.length()));
    assertEquals(java.util.Optional.of(pair.getPublic()),
        JwtSettings.builder().publicKey("file:" + most).keyAlgorithms(List.of("ES256")).build().publicKey());
  }

  /**
   * A PEM key whose line breaks arrive as {@code \n}, a backslash and an {@code n} (an env file, a secret store), is
   * read as the key: it was "not PEM". Rotation keys, several blocks in one value, too.
   */
  @Test
  void pemKeysWithEscapedLineBreaksAreRead() throws Exception {
    KeyPair pair = ecPair();
    KeyPair next = ecPair();
    String privateKey = pem("PRIVATE KEY", pair.getPrivate().getEncoded()).replace("\n", "\\n");
    String publicKey = pem("PUBLIC KEY", pair.getPublic().getEncoded()).replace("\n", "\\r\\n");
    String both = (pem("PUBLIC KEY", next.getPublic().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded()))
        .replace("\n", "\\n");
    Map<String, String> env = Map.of("KEY", privateKey, "PUBLIC", publicKey, "NEXT", both);
    JwtSettings signing = JwtSettings.builder().privateKey("${KEY}").rotationPublicKeys(List.of("${NEXT}"))
        .environment(env::get).build();
    assertEquals(2, signing.rotationPublicKeys().size());
    JwtSettings verifying = JwtSettings.builder().publicKey("${PUBLIC}").keyAlgorithms(List.of("ES256"))
        .environment(env::get).build();
    assertEquals(java.util.Optional.of(pair.getPublic()), verifying.publicKey());
  }

  /**
   * A key file in DER, the binary form, where PEM text is expected, is said to be so, with the command that converts
   * it: it was said to be a file that "cannot be read", which it could.
   */
  @Test
  void aDerKeyFileIsSaidToBeNoPemText(@TempDir Path dir) throws Exception {
    Path der = java.nio.file.Files.write(dir.resolve("key.der"), ecPair().getPrivate().getEncoded());
    assertEquals("jwtsecured: the private key file " + der + " is not PEM text (is it DER? openssl pkey -in <file>"
        + " -inform DER writes it as PEM)", assertThrows(IllegalStateException.class,
            () -> JwtSettings.builder().privateKey("file:" + der).build()).getMessage());
  }

  /**
   * A key in another PEM form than the one a member takes is said to be so, with the command that converts it: an EC
   * key from {@code openssl ecparam -genkey} (SEC 1, {@code EC PRIVATE KEY}), an RSA key from OpenSSL 1
   * ({@code RSA PRIVATE KEY}), an encrypted one, a certificate or a PKCS #1 RSA public key given as the public key, a
   * private key given as a public one. Each was "not PEM", which it is.
   */
  @Test
  void aKeyInAnotherPemFormIsSaidToBeSo() throws Exception {
    byte[] bytes = new byte[64];
    Map<String, String> privateKeys = Map.of(
        "EC PRIVATE KEY", "SEC 1 (openssl ecparam -genkey writes it): openssl pkcs8 -topk8 -nocrypt -in <file>",
        "RSA PRIVATE KEY", "PKCS #1: openssl pkcs8 -topk8 -nocrypt -in <file>",
        "ENCRYPTED PRIVATE KEY", "encrypted: openssl pkcs8 -in <file> writes it decrypted",
        "PUBLIC KEY", "a public key, where the private key is needed");
    privateKeys.forEach((label, hint) -> assertEquals("jwtsecured: the private key is a PEM " + label + ", not a"
        + " PKCS #8 -----BEGIN PRIVATE KEY-----: " + hint, assertThrows(IllegalStateException.class,
            () -> JwtSettings.builder().privateKey(pem(label, bytes)).build()).getMessage(), label));
    Map<String, String> publicKeys = Map.of(
        "CERTIFICATE", "a certificate: openssl x509 -pubkey -noout -in <file> writes its public key",
        "RSA PUBLIC KEY", "PKCS #1: openssl rsa -RSAPublicKey_in -pubout -in <file>",
        "PRIVATE KEY", "a private key, which stays with its issuer: openssl pkey -pubout -in <file> writes its public"
            + " key");
    publicKeys.forEach((label, hint) -> {
      String expected = "jwtsecured: the public key is a PEM " + label + ", not a -----BEGIN PUBLIC KEY-----: " + hint;
      assertEquals(expected, assertThrows(IllegalStateException.class,
          () -> JwtSettings.builder().publicKey(pem(label, bytes)).build()).getMessage(), label);
      String privateKey = uncheckedPem("PRIVATE KEY");
      assertEquals(expected.replace("the public key is", "the rotation public keys are"),
          assertThrows(IllegalStateException.class, () -> JwtSettings.builder().privateKey(privateKey)
              .rotationPublicKeys(List.of(pem(label, bytes))).build()).getMessage(), label);
    });
  }

  /** A PEM key of a new EC pair, for lambdas that may not throw. */
  static String uncheckedPem(String label) {
    try {
      return pem(label, ecPair().getPrivate().getEncoded());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A public key that none of {@code keyAlgorithms} verifies with (an EC key with the default {@code RS256}, an RSA key
   * under 2048 bits, an Ed25519 key with {@code ES256}) made every token 401 and started without a word (random
   * configurations 458 and 43): start-up now refuses it, saying what to add.
   */
  @Test
  void aPublicKeyThatNoAcceptedAlgorithmFitsIsRefusedAtStartUp() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(1024);
    KeyPairGenerator ed = KeyPairGenerator.getInstance("Ed25519");
    Map<String, String> env = Map.of("EC", pem("PUBLIC KEY", ecPair().getPublic().getEncoded()),
        "RSA1024", pem("PUBLIC KEY", rsa.generateKeyPair().getPublic().getEncoded()),
        "ED", pem("PUBLIC KEY", ed.generateKeyPair().getPublic().getEncoded()));
    for (String[] c : new String[][] {{"EC", "RS256", "an EC key on P-256", "add ES256"},
        {"RSA1024", "RS256", "an RSA key of 1024 bits", "at least 2048 bits"},
        {"ED", "ES256", "an Ed25519 key", "add EdDSA"},
        {"EC", "ES384", "an EC key on P-256", "add ES256"}}) {
      IllegalStateException refused = assertThrows(IllegalStateException.class, () -> JwtSettings.builder()
          .publicKey("${" + c[0] + "}").keyAlgorithms(List.of(c[1])).audience(List.of("api")).environment(env::get)
          .build());
      assertTrue(refused.getMessage().startsWith("jwtsecured: the public key ${" + c[0] + "} is " + c[2]
          + ", which none of keyAlgorithms [" + c[1] + "] verifies with"), refused.getMessage());
      assertTrue(refused.getMessage().contains(c[3]), refused.getMessage());
    }
    assertTrue(JwtSettings.builder().publicKey("${EC}").keyAlgorithms(List.of("RS256", "ES256"))
        .environment(env::get).build().publicKey().isPresent());
  }

  /**
   * A verifier's {@code rolesClaim} naming {@code exp}, {@code nbf} or {@code iat}, which RFC 7519 makes numbers:
   * roles are never there, and a token carrying them there is refused.
   */
  @Test
  void aVerifiersRolesClaimIsNoNumericDate() {
    for (String claim : List.of("exp", "nbf", "iat", "\"iat\"")) {
      IllegalStateException refused = assertThrows(IllegalStateException.class, () -> JwtSettings.builder()
          .jwksUri("https://idp.example/jwks.json").rolesClaim(claim).build());
      assertTrue(refused.getMessage().contains("NumericDate"), refused.getMessage());
    }
    assertEquals("scope", JwtSettings.builder().jwksUri("https://idp.example/jwks.json").rolesClaim("scope").build()
        .rolesClaim());
  }

  /**
   * A token nests at most 32 levels deep (the strict reader's and writer's bound): roles at a {@code rolesClaim} of 32
   * names could never be read, and a private key's every login failed writing them (random configuration 10838's
   * sibling, 32 names). At most 31 names now; roles at 31 come back whole.
   */
  @Test
  void aRolesClaimPathFitsInATokensDepth() throws Exception {
    String privateKey = pem("PRIVATE KEY", ecPair().getPrivate().getEncoded());
    String deepest = String.join(".", java.util.Collections.nCopies(JwtSecured.MAX_CLAIM_PATH_NAMES, "r"));
    JwtAuth auth = new JwtAuth(JwtSettings.builder().privateKey(privateKey).rolesClaim(deepest).build(),
        JwtSettingsTest.class);
    String jwt = auth.login("ada").roles(List.of("admin")).jwt();
    String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
        java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(payload.contains("\"r\":{".repeat(JwtSecured.MAX_CLAIM_PATH_NAMES - 1) + "\"r\":[\"admin\"]"), payload);
    for (UnaryOperator<JwtSettings.Builder> source : List.<UnaryOperator<JwtSettings.Builder>>of(
        b -> b.privateKey(privateKey), b -> b.jwksUri("https://idp.example/jwks.json"))) {
      IllegalStateException refused = assertThrows(IllegalStateException.class,
          () -> source.apply(JwtSettings.builder()).rolesClaim(deepest + ".r").build());
      assertTrue(refused.getMessage().contains("has 32 names"), refused.getMessage());
    }
  }

  static KeyPair ecPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }

  /**
   * A JWKS URI from the environment (the compiler checks only a literal one) is checked when the settings are built:
   * not a URI, no host, a relative or opaque one, a scheme other than https (http on loopback aside) are each one
   * {@code jwtsecured:} line that names the placeholder; http goes only to a loopback address written in full or
   * {@code localhost} (not to another address, nor to {@code 127.1}, a name to a URI). "https://" gave {@link
   * java.net.URI}'s own "Expected authority at index 8: https://", and "https:/jwks" (no host) passed until the first
   * fetch.
   */
  @Test
  void aJwksUriFromTheEnvironmentIsCheckedWhenBuiltAndTheErrorNamesIt() {
    Map<String, String> env = Map.ofEntries(Map.entry("NO_HOST", "https://"), Map.entry("SPACE", "https://x y/jwks"),
        Map.entry("PATH_ONLY", "https:/jwks"), Map.entry("OPAQUE", "https:idp.example"),
        Map.entry("RELATIVE", "idp.example/jwks"), Map.entry("FTP", "ftp://idp.example/jwks"),
        Map.entry("PLAIN", "http://idp.example/jwks"), Map.entry("GOOD", "https://idp.example/jwks"),
        Map.entry("LOCAL", "http://127.0.0.1:8081/.well-known/jwks.json"),
        Map.entry("USER", "https://reader:s3cret@idp.example/jwks"), Map.entry("NAME", "http://127.idp.example/jwks"),
        Map.entry("OCTETS", "http://127.0.0.256/jwks"), Map.entry("V6", "http://[::1]:8081/jwks"),
        Map.entry("HOSTNAME", "http://localhost:8081/jwks"), Map.entry("ADDRESS", "http://192.0.2.1/jwks"),
        Map.entry("V6_ADDRESS", "http://[2001:db8::1]/jwks"), Map.entry("SHORT", "http://127.1/jwks"),
        Map.entry("LOOPBACK", "http://127.0.0.255/jwks"));
    UnaryOperator<JwtSettings.Builder> from = b -> b.environment(env::get).properties(name -> null);
    for (String name : List.of("NO_HOST", "SPACE", "PATH_ONLY", "OPAQUE", "RELATIVE", "FTP", "PLAIN", "USER", "NAME",
        "OCTETS", "ADDRESS", "V6_ADDRESS", "SHORT")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> from.apply(JwtSettings.builder()).jwksUri("${" + name + "}").build(), name);
      assertTrue(e.getMessage().startsWith("jwtsecured: the JWKS URI from ${" + name + "} "), e.getMessage());
      assertEquals(1, e.getMessage().lines().count(), e.getMessage());
      assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }
    IllegalArgumentException literal = assertThrows(IllegalArgumentException.class,
        () -> JwtSettings.builder().jwksUri("https://reader:s3cret@idp.example/jwks").build());
    assertEquals("jwtsecured: the JWKS URI is not an absolute URI with a host (and no user information)",
        literal.getMessage());
    assertEquals("jwtsecured: the JWKS URI from ${ADDRESS} must be https (http only on a loopback address)",
        assertThrows(IllegalArgumentException.class, () -> from.apply(JwtSettings.builder()).jwksUri("${ADDRESS}")
            .build()).getMessage(), "an address, not a loopback one");
    for (String name : List.of("V6", "HOSTNAME", "LOOPBACK")) {
      assertEquals(env.get(name), from.apply(JwtSettings.builder()).jwksUri("${" + name + "}").build().jwksUri()
          .orElseThrow().toString());
    }
    assertEquals("https://idp.example/jwks", from.apply(JwtSettings.builder()).jwksUri("${GOOD}").build().jwksUri()
        .orElseThrow().toString());
    assertEquals("http://127.0.0.1:8081/.well-known/jwks.json", from.apply(JwtSettings.builder()).jwksUri("${LOCAL}")
        .build().jwksUri().orElseThrow().toString());
  }

  static void assertRefused(String setting, org.junit.jupiter.api.function.Executable build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build, setting);
    assertEquals(true, e.getMessage().startsWith("jwtsecured: " + setting + " must be "), e.getMessage());
    assertFalse(e.getMessage().contains("\r") || e.getMessage().contains("evil"), e.getMessage());
  }
}
