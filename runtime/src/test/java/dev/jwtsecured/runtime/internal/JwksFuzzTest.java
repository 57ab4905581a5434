package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import dev.jwtsecured.runtime.MovableClock;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Key set documents mutated at random, seeded so that a failure replays: what an identity provider, a proxy or an
 * attacker on the way might serve as the JWKS. Each document is read as a fetch reads it
 * ({@link JwksDocument#keys}), and tokens signed by the set's RSA, EC and Ed25519 keys, and one forged with another RSA
 * key under the RSA key's {@code kid}, are verified against what it gave. For every document: nothing but
 * {@link AuthException} leaves the verifier (a fetch takes any exception of the parser for an unreadable set); the
 * forged token never verifies; and a token verifies only where a strict reader (Jackson, duplicate names refused)
 * reads the same document as holding its key, unaltered, under its {@code kid}, published for verifying ({@code use}
 * absent or {@code sig}, {@code key_ops} absent, empty or with {@code verify}), with no {@code alg} or the token's, and
 * no private part ({@code d}; a {@code k}, no member of an RSA or EC key, is ignored as RFC 7517 section 4 asks).
 */
class JwksFuzzTest {
  /** Another seed or count widens the search: {@code -Djwtsecured.jwksSeed=...}, {@code ...jwksCases}. */
  static final long SEED = Long.getLong("jwtsecured.jwksSeed", 20261205L);
  static final int CASES = Integer.getInteger("jwtsecured.jwksCases", 1500);
  /** The algorithms of the tokens of the set's RSA, EC and Ed25519 keys, in that order. */
  static final List<String> ALGORITHMS = List.of("RS256", "ES256", "EdDSA");
  static final ObjectMapper STRICT = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  static final List<String> PIECES = List.of("\\u0000", "\\u0041", "\\ud83d\\ude00", "\\\"", "\\\\", "\"", ",", ":",
      "{", "}", "[", "]", "null", "true", "0", "-1", "1e999", " ", "\t", "\n", "\u00e9", "\ufeff", "/*x*/", "A", "_",
      "-", "=", "+", "/", ",\"use\":\"enc\"", ",\"use\":\"sig\"", ",\"key_ops\":[\"sign\"]", ",\"key_ops\":[]",
      ",\"key_ops\":[\"verify\"]", ",\"alg\":\"HS256\"", ",\"alg\":\"none\"", ",\"alg\":\"RS256\"",
      ",\"alg\":\"ES256\"", ",\"alg\":\"EdDSA\"", ",\"kid\":\"r1\"", ",\"kid\":\"e1\"", ",\"kid\":\"d1\"",
      ",\"crv\":\"Ed448\"", ",\"kty\":\"oct\"", ",\"kty\":\"RSA\"", ",\"k\":\"AAAA\"", ",\"d\":\"AAAA\"",
      ",\"crv\":\"P-384\"", ",\"x5c\":[\"MII\"]", ",\"e\":\"AQAB\"", ",\"e\":\"Aw\"", ",{}",
      ",{\"kty\":\"RSA\",\"kid\":\"r1\"}", "\"keys\"", ",\"use\":\"\"", ",\"use\":\" \"", ",\"alg\":\"\"",
      ",\"alg\":\"\\t\"", ",\"key_ops\":[\"\"]", ",\"kid\":\"\"");

  static String mutate(String document, Random random) {
    StringBuilder b = new StringBuilder(document);
    for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
      int at = random.nextInt(b.length() + 1);
      int kind = random.nextInt(4);
      if (kind == 0 && at < b.length()) {
        b.deleteCharAt(at);
      } else if (kind == 1 && at < b.length()) {
        char c = b.charAt(at);
        b.setCharAt(at, c == 'A' ? 'B' : 'A');
      } else {
        b.insert(at, PIECES.get(random.nextInt(PIECES.size())));
      }
    }
    return b.toString();
  }

  /**
   * Whether a strict reader finds in {@code document} the key {@code original} (its public members, unaltered) under
   * its {@code kid}, published for verifying with {@code alg}: the only documents under which its tokens may verify.
   */
  static boolean publishes(String document, JWK original, String alg) {
    JsonNode set;
    try {
      set = STRICT.readTree(document);
    } catch (Exception e) {
      return false;
    }
    if (set == null || !set.isObject() || !set.path("keys").isArray()) {
      return false;
    }
    Map<String, Object> members = original.toPublicJWK().toJSONObject();
    members.keySet().retainAll(Set.of("kty", "kid", "n", "e", "crv", "x", "y")); // the key, not what it is for
    for (JsonNode key : set.get("keys")) {
      boolean same = key.isObject() && members.entrySet().stream()
          .allMatch(m -> key.path(m.getKey()).isTextual() && key.get(m.getKey()).asText().equals(m.getValue()));
      JsonNode use = key.path("use");
      JsonNode operations = key.path("key_ops");
      JsonNode keyAlg = key.path("alg");
      if (same && (use.isMissingNode() || use.asText().equals("sig"))
          && (operations.isMissingNode() || operations.isArray() && (operations.isEmpty()
              || operations.toString().contains("\"verify\"")))
          && (keyAlg.isMissingNode() || keyAlg.asText().equals(alg))
          && !key.has("d")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void mutatedKeySetsVerifyOnlyWhatAStrictReaderReadsAsPublished() throws Exception {
    RSAKey rsa = new RSAKeyGenerator(2048).keyID("r1").keyUse(KeyUse.SIGNATURE).generate();
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("e1").generate();
    RSAKey forger = new RSAKeyGenerator(2048).keyID("r1").generate();
    KeySetVerifierTest claims = new KeySetVerifierTest();
    MovableClock clock = claims.clock;
    String rsaToken = KeySetVerifierTest.sign(new RSASSASigner(rsa),
        KeySetVerifierTest.header(JWSAlgorithm.RS256, "r1"), claims.claims().build());
    String ecToken = KeySetVerifierTest.sign(new ECDSASigner(ec), KeySetVerifierTest.header(JWSAlgorithm.ES256, "e1"),
        claims.claims().build());
    String forged = KeySetVerifierTest.sign(new RSASSASigner(forger),
        KeySetVerifierTest.header(JWSAlgorithm.RS256, "r1"), claims.claims().build());
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] spki = pair.getPublic().getEncoded();
    OctetKeyPair okp = new OctetKeyPair.Builder(Curve.Ed25519,
        Base64URL.encode(Arrays.copyOfRange(spki, spki.length - 32, spki.length))).keyID("d1").build();
    // nimbus signs Ed25519 only with Google Tink on the class path, so the JDK signs.
    String okpToken = claims.jdkSigned("{\"alg\":\"EdDSA\",\"kid\":\"d1\",\"typ\":\"JWT\"}", "Ed25519", pair);
    // Its warning for each key skipped as not base64url, hundreds here, is KeySetVerifierTest's to see.
    Logger skipped = Logger.getLogger(StrictJson.class.getName());
    Level level = skipped.getLevel();
    skipped.setLevel(Level.SEVERE);
    try {
      check(List.of(rsa, ec, okp), List.of(rsaToken, ecToken, okpToken), forged, clock);
    } finally {
      skipped.setLevel(level);
    }
  }

  /** Checks each mutated document with {@code keys}, whose tokens are {@code tokens}, in that order. */
  void check(List<JWK> keys, List<String> tokens, String forged, MovableClock clock) {
    String document = new JWKSet(keys.stream().map(JWK::toPublicJWK).toList()).toString(true);
    Random random = new Random(SEED);
    int readable = 0;
    int verified = 0;
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      String mutated = mutate(document, random);
      String context = "case " + i + " (seed " + SEED + "): " + mutated;
      Map<String, List<JwksKeySet.Key>> parsed;
      try {
        parsed = JwksDocument.keys(mutated);
        readable++;
      } catch (RuntimeException e) {
        parsed = Map.of(); // a fetch keeps the last good set, or refuses tokens while there is none
      }
      Map<String, List<JwksKeySet.Key>> set = parsed;
      KeySource source = new KeySource() {
        @Override
        public List<JwksKeySet.Key> keys(String kid) {
          return kid == null ? List.of() : set.getOrDefault(kid, List.of());
        }

        @Override
        public long generation() {
          return 0;
        }
      };
      KeySetVerifier verifier = new KeySetVerifier(source, Set.copyOf(ALGORITHMS),
          new ClaimRules(clock, Duration.ZERO, Set.of(), List.of(), "roles"), clock, 0, KeySetVerifierTest.LENGTH);
      if (verifies(verifier, forged, context)) {
        wrong.add(context + ": the forged token verified");
      }
      for (int k = 0; k < keys.size(); k++) {
        if (verifies(verifier, tokens.get(k), context)) {
          verified++;
          String alg = ALGORITHMS.get(k);
          if (!publishes(mutated, keys.get(k), alg)) {
            wrong.add(context + ": the " + alg + " token verified");
          }
        }
      }
    }
    assertEquals(List.of(), wrong.subList(0, Math.min(10, wrong.size())), wrong.size() + " documents verified tokens");
    assertTrue(readable > CASES / 10 && verified > CASES / 10,
        "too few readable sets among the mutations to mean anything: " + readable + " read, " + verified + " verified");
  }

  /** Whether {@code verifier} takes {@code jwt}; any exception but its refusal fails the test. */
  static boolean verifies(KeySetVerifier verifier, String jwt, String context) {
    try {
      verifier.verify(jwt);
      return true;
    } catch (AuthException refused) {
      return false;
    } catch (RuntimeException | Error e) {
      fail(context + ": " + e, e);
      return false;
    }
  }
}
