package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.Token;
import dev.jwtsecured.runtime.JwtSettings;
import dev.jwtsecured.runtime.AuthFailure;
import dev.jwtsecured.runtime.JwsAlgorithm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The codec on its own, with a fixed clock: claim rules that are awkward to reach through HTTP. */
class TokenCodecTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef";
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static final long T = NOW.getEpochSecond();

  static TokenCodec codec(UnaryOperator<JwtSettings.Builder> settings) {
    return new TokenCodec(settings.apply(
        JwtSettings.builder().secret(SECRET).clock(Clock.fixed(NOW, ZoneOffset.UTC))).build());
  }

  static String sign(String payload) {
    String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(payload);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
          mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static AuthFailure failure(TokenCodec codec, String jwt) {
    return assertThrows(AuthException.class, () -> codec.verify(jwt)).failure();
  }

  /** The length bound is the configuration's: a token over the default verifies where it is raised, and not over. */
  @Test
  void theLengthBoundIsConfigured() {
    String jwt = sign("{\"sub\":\"alice\",\"iat\":" + T + ",\"exp\":" + (T + 60) + ",\"pad\":\""
        + "x".repeat(9000) + "\"}");
    assertTrue(jwt.length() > 8 * 1024 && jwt.length() < 16 * 1024, "length " + jwt.length());
    assertEquals(AuthFailure.TOKEN_TOO_LONG, failure(codec(s -> s), jwt));
    assertEquals("alice", codec(s -> s.maxTokenLength(16 * 1024)).verify(jwt).subject());
    assertEquals(AuthFailure.TOKEN_TOO_LONG, failure(codec(s -> s.maxTokenLength(jwt.length() - 1)), jwt));
    assertEquals("alice", codec(s -> s.maxTokenLength(jwt.length())).verify(jwt).subject(), "the bound is inclusive");
  }

  @Test
  void issuedTokensVerifyAndRoundTrip() {
    TokenCodec codec = codec(s -> s);
    Token token = Token.builder().subject("alice").issuedAt(NOW).expiresAt(NOW.plusSeconds(60)).id("j1")
        .issuer("me").audience(List.of("a", "b")).roles(Set.of("admin")).scopes(Set.of("read"))
        .extras(Map.of("plan", "gold")).build();
    assertEquals(token, codec.verify(codec.issue(token)));
  }

  @Test
  void aPreviousSecretKeepsItsTokensValidDuringARotation() {
    String next = "fedcba9876543210fedcba9876543210";
    Token token = Token.builder().subject("alice").issuedAt(NOW).expiresAt(NOW.plusSeconds(60)).build();
    String old = codec(s -> s).issue(token);
    TokenCodec rotated = codec(s -> s.secret(next).previousSecrets(List.of(SECRET)));
    assertEquals("alice", rotated.verify(old).subject(), "signed with the previous secret");
    String fresh = rotated.issue(token);
    assertEquals("alice", codec(s -> s.secret(next)).verify(fresh).subject(), "new tokens use the new secret");
    assertEquals(AuthFailure.BAD_SIGNATURE, failure(codec(s -> s.secret(next)), old), "once the old one is dropped");
    assertEquals(AuthFailure.BAD_SIGNATURE, failure(codec(s -> s), fresh));
    assertThrows(IllegalStateException.class, () -> codec(s -> s.previousSecrets(List.of("too-short"))),
        "a previous secret passes the same strength checks");
  }

  /** {@code ${NAME:}}: a rotation changes only the environment; unset, it accepts no earlier secret. */
  @Test
  void aPreviousSecretWithAnEmptyFallbackIsNoneWhileItsVariableIsUnset() {
    String next = "fedcba9876543210fedcba9876543210";
    Token token = Token.builder().subject("alice").issuedAt(NOW).expiresAt(NOW.plusSeconds(60)).build();
    String old = codec(s -> s).issue(token);
    Map<String, String> environment = new HashMap<>();
    UnaryOperator<JwtSettings.Builder> rotating = s -> s.secret(next).environment(environment::get)
        .properties(name -> null).previousSecrets(List.of("${JWT_SECRET_PREVIOUS:}"));
    assertTrue(rotating.apply(JwtSettings.builder()).build().previousSecrets().isEmpty(), "never an empty key");
    assertEquals(AuthFailure.BAD_SIGNATURE, failure(codec(rotating), old), "unset: no earlier secret");
    environment.put("JWT_SECRET_PREVIOUS", SECRET);
    assertEquals("alice", codec(rotating).verify(old).subject(), "set: the earlier secret");
    environment.put("JWT_SECRET_PREVIOUS", "too-short");
    assertThrows(IllegalStateException.class, () -> codec(rotating), "set, it passes the strength checks");
  }

  @Test
  void extrasAreNestedOnTheWireAndUnknownClaimsJoinThem() {
    Token t = codec(s -> s).verify(sign("{\"sub\":\"a\",\"iat\":" + T + ",\"exp\":" + (T + 60)
        + ",\"extras\":{\"x\":1,\"y\":\"nested\"},\"y\":\"top\",\"z\":true}"));
    assertEquals(Map.of("x", 1, "y", "nested", "z", true), t.extras());
  }

  /**
   * A signature cut short or made longer is a bad signature where it is still canonical base64url, and a malformed
   * token where it is not (one character encodes no byte): the comparison never reads past either end.
   */
  @Test
  void aSignatureOfAnotherLengthIsBad() {
    TokenCodec codec = codec(s -> s);
    String jwt = sign("{\"sub\":\"a\",\"iat\":" + T + ",\"exp\":" + (T + 60) + "}");
    String signature = jwt.substring(jwt.lastIndexOf('.') + 1);
    String input = jwt.substring(0, jwt.lastIndexOf('.') + 1);
    assertEquals(43, signature.length());
    assertEquals(AuthFailure.MALFORMED_TOKEN, failure(codec, input + signature.substring(0, 1)));
    for (String other : List.of(signature.substring(0, 4), signature.substring(0, 40), signature + "A",
        signature + "AAAA")) {
      assertEquals(AuthFailure.BAD_SIGNATURE, failure(codec, input + other), other.length() + " characters");
    }
  }

  @Test
  void expIsExclusiveAndLeewayApplies() {
    String atNow = sign("{\"sub\":\"a\",\"iat\":" + (T - 10) + ",\"exp\":" + T + "}");
    assertEquals(AuthFailure.EXPIRED, failure(codec(s -> s), atNow));
    assertEquals("a", codec(s -> s.leeway(Duration.ofSeconds(5))).verify(atNow).subject());
    String beyondLeeway = sign("{\"sub\":\"a\",\"iat\":" + (T - 100) + ",\"exp\":" + (T - 6) + "}");
    assertEquals(AuthFailure.EXPIRED, failure(codec(s -> s.leeway(Duration.ofSeconds(5))), beyondLeeway));
  }

  @Test
  void iatAndNbfInTheFutureRespectLeeway() {
    String iatSoon = sign("{\"sub\":\"a\",\"iat\":" + (T + 3) + ",\"exp\":" + (T + 60) + "}");
    assertEquals(AuthFailure.ISSUED_IN_FUTURE, failure(codec(s -> s), iatSoon));
    assertEquals("a", codec(s -> s.leeway(Duration.ofSeconds(5))).verify(iatSoon).subject());
    String nbfSoon = sign("{\"sub\":\"a\",\"iat\":" + T + ",\"nbf\":" + (T + 3) + ",\"exp\":" + (T + 60) + "}");
    assertEquals(AuthFailure.NOT_YET_VALID, failure(codec(s -> s), nbfSoon));
    TokenCodec lenient = codec(s -> s.leeway(Duration.ofSeconds(5)));
    for (long ahead = 1; ahead <= 6; ahead++) {
      String jwt = sign("{\"sub\":\"a\",\"iat\":" + T + ",\"nbf\":" + (T + ahead) + ",\"exp\":" + (T + 60) + "}");
      if (ahead <= 5) {
        assertEquals("a", lenient.verify(jwt).subject(), "nbf " + ahead + " s ahead, the leeway 5 s");
      } else {
        assertEquals(AuthFailure.NOT_YET_VALID, failure(lenient, jwt), "nbf " + ahead + " s ahead, the leeway 5 s");
      }
    }
  }

  /** RFC 7519 lets {@code aud} be one string; a {@code scope} or {@code roles} of spaces alone grants nothing. */
  @Test
  void oneStringAudienceIsReadAndBlankWordsGrantNothing() {
    String named = sign("{\"sub\":\"a\",\"iat\":" + T + ",\"exp\":" + (T + 60) + ",\"aud\":\"api\"}");
    assertEquals(List.of("api"), codec(s -> s.audience(List.of("api"))).verify(named).audience());
    assertEquals(AuthFailure.AUDIENCE_NOT_ACCEPTED, failure(codec(s -> s.audience(List.of("other"))), named));
    for (String blank : List.of("", " ", "   ")) {
      Token token = codec(s -> s).verify(sign("{\"sub\":\"a\",\"iat\":" + T + ",\"exp\":" + (T + 60)
          + ",\"scope\":\"" + blank + "\",\"roles\":\"" + blank + "\"}"));
      assertEquals(Set.of(), token.scopes(), "scope \"" + blank + "\"");
      assertEquals(Set.of(), token.roles(), "roles \"" + blank + "\"");
    }
    Token spaced = codec(s -> s).verify(sign("{\"sub\":\"a\",\"iat\":" + T + ",\"exp\":" + (T + 60)
        + ",\"scope\":\" read  write \"}"));
    assertEquals(Set.of("read", "write"), spaced.scopes());
  }

  @Test
  void timeClaimsMustBeIntegersInRange() {
    TokenCodec codec = codec(s -> s);
    for (String exp : List.of("\"" + (T + 60) + "\"", (T + 60) + ".5", "null", "-1", "99999999999999999999",
        "253402300800", "true", "[1]")) {
      assertEquals(AuthFailure.BAD_CLAIM, failure(codec, sign("{\"sub\":\"a\",\"iat\":" + T + ",\"exp\":" + exp + "}")),
          exp);
    }
  }

  @Test
  void issuerAndAudience() {
    TokenCodec codec = codec(s -> s.issuer("https://issuer").audience(List.of("api", "web")));
    String claims = "\"sub\":\"a\",\"iat\":" + T + ",\"exp\":" + (T + 60);
    assertEquals("a", codec.verify(sign("{" + claims + ",\"iss\":\"https://issuer\",\"aud\":\"web\"}")).subject());
    assertEquals("a", codec.verify(sign("{" + claims + ",\"iss\":\"https://issuer\",\"aud\":[\"x\",\"api\"]}"))
        .subject());
    assertEquals(AuthFailure.ISSUER_NOT_ACCEPTED,
        failure(codec, sign("{" + claims + ",\"iss\":\"https://other\",\"aud\":\"web\"}")));
    assertEquals(AuthFailure.ISSUER_NOT_ACCEPTED, failure(codec, sign("{" + claims + ",\"aud\":\"web\"}")));
    assertEquals(AuthFailure.AUDIENCE_NOT_ACCEPTED,
        failure(codec, sign("{" + claims + ",\"iss\":\"https://issuer\",\"aud\":[\"x\",\"y\"]}")));
    assertEquals(AuthFailure.AUDIENCE_NOT_ACCEPTED,
        failure(codec, sign("{" + claims + ",\"iss\":\"https://issuer\"}")));
  }

  /**
   * A member name, at any depth, with half a surrogate pair alone is refused, as Jackson refuses it (Go's reader reads
   * U+FFFD there); such a string value is kept, as Jackson keeps it: text cut in the middle of an emoji. The codec
   * never issues a token it would refuse: extras named so are an error when issuing.
   */
  @Test
  void memberNamesWithHalfASurrogatePairAreRefused() {
    TokenCodec codec = codec(s -> s);
    String claims = "\"sub\":\"a\",\"iat\":" + T + ",\"exp\":" + (T + 60);
    for (String named : List.of(",\"s\\ud800id\":\"x\"", ",\"\\udc00\":1", ",\"extras\":{\"plan\\ud83d\":1}",
        ",\"x\":[{\"\\ude00\\ud83d\":1}]")) {
      assertEquals(AuthFailure.MALFORMED_TOKEN, failure(codec, sign("{" + claims + named + "}")), named);
    }
    Token token = codec.verify(sign("{" + claims + ",\"name\":\"Ad\\ud83d\",\"\\ud83d\\ude00\":1}"));
    assertEquals(Map.of("name", "Ad\ud83d", "\ud83d\ude00", 1), token.extras());
    Token unreadable = Token.builder().subject("a").issuedAt(NOW).expiresAt(NOW.plusSeconds(60))
        .extras(Map.of("plan\ud83d", "gold")).build();
    Throwable refused = assertThrows(RuntimeException.class, () -> codec.issue(unreadable));
    while (refused.getCause() != null && !(refused instanceof IllegalArgumentException)) {
      refused = refused.getCause(); // jjwt wraps the serializer's exception
    }
    assertEquals("a claim name has half a surrogate pair: its token would be refused", refused.getMessage());
    Token cut = Token.builder().subject("a").issuedAt(NOW).expiresAt(NOW.plusSeconds(60))
        .extras(Map.of("plan", "gold\ud83d")).build();
    assertEquals(cut, codec.verify(codec.issue(cut)));
  }

  /**
   * jjwt reads {@code iss}, {@code jti} or a lone {@code aud} that is empty or white space alone as absent, where a
   * strict reader reads the string ({@code TokenFuzzTest} found {@code "jti":""}): such a token is refused as
   * {@link AuthFailure#BAD_CLAIM}. A {@code sub} like it is missing, as before.
   */
  @Test
  void blankIssuerIdOrAudienceIsABadClaim() {
    TokenCodec codec = codec(s -> s);
    String claims = "\"sub\":\"a\",\"iat\":" + T + ",\"exp\":" + (T + 60);
    for (String blank : List.of(",\"jti\":\"\"", ",\"jti\":\" \"", ",\"iss\":\"\"", ",\"iss\":\"\\t\"",
        ",\"aud\":\"\"", ",\"aud\":\"\\u2028\"")) {
      assertEquals(AuthFailure.BAD_CLAIM, failure(codec, sign("{" + claims + blank + "}")), blank);
    }
    assertEquals(AuthFailure.MISSING_CLAIM, failure(codec, sign("{\"sub\":\" \",\"iat\":" + T + ",\"exp\":"
        + (T + 60) + "}")));
    Token token = codec.verify(sign("{" + claims + ",\"jti\":\" j \",\"aud\":[\"\",\" \"]}"));
    assertEquals(java.util.Optional.of(" j "), token.id());
    assertEquals(List.of("", " "), token.audience(), "in an array, as a strict reader reads them");
  }

  static String hs256(String input) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          "HmacSHA256"));
      return java.util.Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void headerExtensionsAndKeyReferencesAreRefused() {
    TokenCodec codec = codec(s -> s);
    String payload = b64("{\"sub\":\"a\",\"iat\":" + T + ",\"exp\":" + (T + 60) + "}");
    for (String header : List.of("{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", "{\"alg\":\"HS256\",\"jku\":\"http://x\"}",
        "{\"alg\":\"HS256\",\"jwk\":{}}", "{\"alg\":\"HS256\",\"zip\":\"DEF\"}",
        "{\"alg\":\"HS256\",\"alg\":\"HS256\"}")) {
      // Correctly signed, so that only the header can be what refuses it.
      String input = b64(header) + "." + payload;
      AuthFailure f = failure(codec, input + "." + hs256(input));
      assertTrue(f == AuthFailure.MALFORMED_TOKEN, header + " gave " + f);
    }
  }

  /** Bytes that are not UTF-8: malformed, overlong, a surrogate, truncated, past U+10FFFF. */
  static final List<byte[]> NOT_UTF8 = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0x80},
      new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82},
      new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});

  /** {@code json} as UTF-8, with {@code bytes} where it has {@code #}, base64url-encoded. */
  static String b64With(String json, byte[] bytes) {
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    int at = json.indexOf('#');
    byte[] all = new byte[text.length - 1 + bytes.length];
    System.arraycopy(text, 0, all, 0, at);
    System.arraycopy(bytes, 0, all, at, bytes.length);
    System.arraycopy(text, at + 1, all, at + bytes.length, text.length - at - 1);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
  }

  /**
   * A correctly signed token whose header or claims are not UTF-8 is malformed (RFC 7519 section 7.2): jjwt decoded
   * such bytes as U+FFFD, so that {@code sub} signed as {@code a} and byte {@code FF} was read as {@code a\uFFFD}.
   * UTF-8 that is not ASCII, U+FFFD itself included, passes.
   */
  @Test
  void aHeaderOrPayloadThatIsNotUtf8IsMalformed() {
    TokenCodec codec = codec(s -> s);
    String claims = "{\"sub\":\"a#\",\"iat\":" + T + ",\"exp\":" + (T + 60) + "}";
    String header = b64("{\"alg\":\"HS256\"}");
    String payload = b64(claims.replace("#", ""));
    for (byte[] bad : NOT_UTF8) {
      String input = header + "." + b64With(claims, bad);
      assertEquals(AuthFailure.MALFORMED_TOKEN, failure(codec, input + "." + hs256(input)), Arrays.toString(bad));
      input = b64With("{\"alg\":\"HS256\",\"x\":\"#\"}", bad) + "." + payload;
      assertEquals(AuthFailure.MALFORMED_TOKEN, failure(codec, input + "." + hs256(input)), Arrays.toString(bad));
    }
    for (String good : List.of("\u00e9", "\ufffd", "\ud83d\ude00")) {
      String input = b64("{\"alg\":\"HS256\",\"x\":\"" + good + "\"}") + "." + b64(claims.replace("#", good));
      assertEquals("a" + good, codec.verify(input + "." + hs256(input)).subject());
    }
  }

  /**
   * jjwt trims member names, so that {@code " sub"} replaced the subject, {@code " exp"} an expired {@code exp} and
   * {@code " roles"} the roles of a correctly signed token, where other readers read a claim nobody asked for: a
   * header or claims member name with white space around it (as {@link Character#isWhitespace} or
   * {@link String#trim} has it) makes the token malformed. A no-break space is no white space to jjwt: a name that
   * starts with one is a claim of its own.
   */
  @Test
  void memberNamesWithWhiteSpaceAroundThemAreRefused() {
    TokenCodec codec = codec(s -> s);
    String times = ",\"iat\":" + T + ",\"exp\":" + (T + 60);
    String header = b64("{\"alg\":\"HS256\"}");
    for (String claims : List.of("{\"sub\":\"alice\",\" sub\":\"admin\"" + times + "}",
        "{\"sub\":\"alice\",\"sub \":\"admin\"" + times + "}",
        "{\"sub\":\"alice\",\"\\tsub\":\"admin\"" + times + "}",
        "{\"sub\":\"alice\",\"\\u2028sub\":\"admin\"" + times + "}",
        "{\"sub\":\"alice\",\"\\u0001sub\":\"admin\"" + times + "}",
        "{\"sub\":\"alice\",\" roles\":[\"admin\"]" + times + "}",
        "{\"sub\":\"alice\",\"iat\":" + T + ",\"exp\":" + (T - 100) + ",\" exp\":" + (T + 60) + "}")) {
      String input = header + "." + b64(claims);
      assertEquals(AuthFailure.MALFORMED_TOKEN, failure(codec, input + "." + hs256(input)), claims);
    }
    String payload = b64("{\"sub\":\"alice\"" + times + "}");
    for (String named : List.of("{\"alg\":\"HS256\",\" alg\":\"HS512\"}", "{\" alg\":\"HS256\",\"alg\":\"HS256\"}",
        "{\"alg\":\"HS256\",\" typ\":\"logout+jwt\"}", "{\"alg\":\"HS256\",\"kid \":\"k\"}")) {
      String input = b64(named) + "." + payload;
      assertEquals(AuthFailure.MALFORMED_TOKEN, failure(codec, input + "." + hs256(input)), named);
    }
    String input = header + "." + b64("{\"sub\":\"alice\",\"\u00a0roles\":[\"admin\"]" + times + "}");
    Token token = codec.verify(input + "." + hs256(input));
    assertEquals(Set.of(), token.roles());
    assertEquals(List.of("admin"), token.extras().get("\u00a0roles"));
  }

  /**
   * A token typed as another kind of JWT (RFC 8725 section 3.11) is refused however well it is signed; one typed as a
   * JWT or an access token (RFC 9068), in any case, or not typed, is not.
   */
  @Test
  void onlyAccessTokenTypesPass() {
    TokenCodec codec = codec(s -> s);
    String payload = b64("{\"sub\":\"a\",\"iat\":" + T + ",\"exp\":" + (T + 60) + "}");
    AuthFailure other = AuthFailure.TYPE_NOT_ACCEPTED;
    AuthFailure malformed = AuthFailure.MALFORMED_TOKEN;
    Map<String, AuthFailure> refused = Map.of("\"logout+jwt\"", other, "\"secevent+jwt\"", other,
        "\"dpop+jwt\"", other, "\"JWS\"", other, "\"\"", other, "1", malformed, "null", malformed,
        "[\"JWT\"]", malformed);
    refused.forEach((typ, expected) -> {
      String input = b64("{\"alg\":\"HS256\",\"typ\":" + typ + "}") + "." + payload;
      assertEquals(expected, failure(codec, input + "." + hs256(input)), typ);
    });
    for (String typ : List.of("\"JWT\"", "\"jwt\"", "\"at+jwt\"", "\"Application/AT+JWT\"",
        "\"application/jwt\"")) {
      String input = b64("{\"alg\":\"HS256\",\"typ\":" + typ + "}") + "." + payload;
      assertEquals("a", codec.verify(input + "." + hs256(input)).subject(), typ);
    }
  }

  /**
   * A service that shares the secret may sign refresh tokens with it as JWTs, told apart by a claim: Django REST
   * framework SimpleJWT's {@code "token_type": "refresh"}, Flask-JWT-Extended's {@code "type": "refresh"}. Such a
   * refresh token passed for an access token; it is refused now, and the same libraries' access tokens pass. (The
   * claims of other kinds of tokens: {@code KeySetVerifierTest.tokensWhoseClaimsMarkAnotherKindAreRefused}.)
   */
  @Test
  void refreshTokensOfAnotherServiceSharingTheSecretAreRefused() {
    TokenCodec codec = codec(s -> s);
    String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    String times = ",\"iat\":" + T + ",\"exp\":" + (T + 60) + "}";
    for (String marker : List.of("\"token_type\":\"refresh\"", "\"type\":\"refresh\"", "\"type\":\"Refresh\"",
        "\"at_hash\":\"XASgkg57BTlnw66LMyz-OA\"", "\"typ\":\"ID\"", "\"token_use\":\"id\"")) {
      String input = header + "." + b64("{\"sub\":\"a\"," + marker + times);
      assertEquals(AuthFailure.TYPE_NOT_ACCEPTED, failure(codec, input + "." + hs256(input)), marker);
    }
    for (String marker : List.of("\"token_type\":\"access\"", "\"type\":\"access\"",
        "\"extras\":{\"type\":\"refresh\",\"at_hash\":\"x\"}")) {
      String input = header + "." + b64("{\"sub\":\"a\"," + marker + times);
      assertEquals("a", codec.verify(input + "." + hs256(input)).subject(), marker);
    }
  }

  @Test
  void secretPlaceholdersResolveOrFailFast() {
    assertEquals(32, Secrets.resolve("${S}", JwsAlgorithm.HS256, n -> SECRET, n -> null).length);
    assertEquals(32, Secrets.resolve("${S}", JwsAlgorithm.HS256, n -> null, n -> SECRET).length);
    assertEquals(32, Secrets.resolve("${S:" + SECRET + "}", JwsAlgorithm.HS256, n -> null, n -> null).length);
    IllegalStateException unset = assertThrows(IllegalStateException.class,
        () -> Secrets.resolve("${JWT_SECRET}", JwsAlgorithm.HS256, n -> null, n -> null));
    assertTrue(unset.getMessage().contains("JWT_SECRET is not set") || unset.getMessage().contains("${JWT_SECRET}"),
        unset.getMessage());
    IllegalStateException shortOne = assertThrows(IllegalStateException.class,
        () -> Secrets.resolve("${S}", JwsAlgorithm.HS512, n -> SECRET, n -> null));
    assertTrue(shortOne.getMessage().contains("needs at least 64"), shortOne.getMessage());
    assertTrue(!shortOne.getMessage().contains(SECRET), "the message must not reveal the secret");
  }

  /**
   * Random bytes put into an environment variable as they are reach Java as a run of U+FFFD (every byte that is not
   * text in the JVM's encoding; all of those beyond ASCII under the POSIX locale), so that two different such secrets
   * were one HMAC key, which anyone could compute: found by hand, {@code JWT_SECRET="$(head -c 400 /dev/urandom |
   * tr -dc '\200-\377' | head -c 40)"} twice under {@code LANG=C} gave forty U+FFFD both times. Such a secret, or one
   * with half a surrogate pair (which UTF-8 writes as {@code ?}), is refused with a message that says what to do, as
   * a previous secret is; one with other text beyond ASCII is taken.
   */
  @Test
  void aSecretOfBytesThatWereNotTextIsRefused() {
    for (String lossy : List.of("\ufffd".repeat(40), SECRET + "\ufffd", SECRET + "\ud800", "\udc00" + SECRET)) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> Secrets.resolve("${JWT_SECRET}", JwsAlgorithm.HS256, n -> lossy, n -> null));
      assertTrue(e.getMessage().contains("environment variable JWT_SECRET holds U+FFFD")
          && e.getMessage().contains("openssl rand -base64 32"), e.getMessage());
      assertThrows(IllegalStateException.class, () -> Secrets.resolve("${JWT_SECRET}", JwsAlgorithm.HS256,
          n -> null, n -> lossy), "a system property too");
      assertThrows(IllegalStateException.class, () -> codec(s -> s.previousSecrets(List.of("${OLD}"))
          .environment(n -> n.equals("OLD") ? lossy : null)), "a previous secret too");
    }
    assertEquals(41, Secrets.resolve("${S}", JwsAlgorithm.HS256, n -> SECRET + "\u00e9\ud83d\ude00\u2603", n -> null)
        .length);
  }

  /**
   * A secret with a line break at its end (a mounted secret file, {@code echo} into a file) is taken as it is, the
   * break part of the key, with a warning that says so: a program sharing the secret that trims it gets another key.
   * The warning names the variable, never the secret.
   */
  @Test
  void aSecretWithWhiteSpaceAroundItIsTakenWithAWarning() throws Throwable {
    List<String> log = KeySetVerifierTest.logOf(Secrets.class, () -> {
      assertEquals(33, Secrets.resolve("${JWT_SECRET}", JwsAlgorithm.HS256, n -> SECRET + "\n", n -> null).length);
      assertEquals(32, Secrets.resolve("${JWT_SECRET}", JwsAlgorithm.HS256, n -> SECRET, n -> null).length);
    });
    assertEquals(List.of("jwtsecured: the JWT secret from environment variable JWT_SECRET begins or ends with white"
        + " space (a line break from a file?), which is part of the key; a program that shares the secret and trims it"
        + " computes another key"), log);
  }
}
