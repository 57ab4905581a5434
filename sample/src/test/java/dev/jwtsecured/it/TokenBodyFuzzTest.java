package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.it.rootlocator.BucketsSecurity;
import dev.jwtsecured.it.rootlocator.BucketsSecurityJwtFeature;
import dev.jwtsecured.runtime.LoginThrottle;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Token requests whose bodies are mutated at random, seeded so that a failure replays, through real HTTP on every
 * runtime: forms and JSON objects of the password grant with pieces of their grammars inserted (escapes, malformed,
 * overlong or of other scripts' digits, separators, repeated fields, quotes, escapes of JSON, control characters,
 * characters beyond ASCII), under the form's and JSON's media types with or without a charset. For every request: no
 * 5xx and no exception text; and a token only where a strict reader (the JDK's form decoding, Jackson refusing
 * duplicate names) reads the same body as one password grant with the password {@code pw}, for the user the token
 * names.
 */
class TokenBodyFuzzTest {
  static final long SEED = Long.getLong("jwtsecured.bodySeed", 20261204L);
  static final int CASES = Integer.getInteger("jwtsecured.bodyCases", 600);
  static final ObjectMapper STRICT = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  static final List<String> FORM_PIECES = List.of("%", "%2", "%zz", "%26", "%3D", "%00", "%0A", "%C3%A9", "%C0%AF",
      "%E0%80%AF", "%\u0667\u0667", "%\uff17\uff17", "%u0077", "%2B", "+", "&", "=", "&&", "==", "&username=root",
      "&password=pw", "&password=x", "&grant_type=password", "&scope=a", ";", "\u00e9", "\u202e", "\t", " ", "\"",
      "w", "pw", "root", "%70%77", "%72oot");
  /** No lone surrogate escape: Jackson refuses one in a member name, where RFC 8259 allows it ({@code JsonTest}). */
  static final List<String> JSON_PIECES = List.of("\\u0000", "\\u0077", "\\ud83d\\ude00", "\\\"", "\\\\", "\"",
      ",", ":", "{", "}", "[", "]", ",\"password\":\"pw\"", ",\"username\":\"root\"", ",\"grant_type\":\"password\"",
      "\u00e9", "\u202e", "\t", " ", "\n", "0", "-", "1e999", "null", "true", "/*x*/", "\ufeff", "\\u0070\\u0077");
  static final List<String> TYPES = List.of("application/x-www-form-urlencoded",
      "application/x-www-form-urlencoded; charset=UTF-8", "application/x-www-form-urlencoded; charset=ISO-8859-1",
      "application/json", "application/json; charset=utf-8", "APPLICATION/JSON");

  static String mutate(String body, List<String> pieces, boolean json, Random random) {
    StringBuilder b = new StringBuilder(body);
    for (int edits = random.nextInt(4); edits > 0; edits--) {
      int at = random.nextInt(b.length() + 1);
      int kind = random.nextInt(6);
      if (kind == 0 && at < b.length()) {
        b.deleteCharAt(at);
      } else if (kind <= 2 && at < b.length() && Character.isLetterOrDigit(b.charAt(at)) && b.charAt(at) < 0x80) {
        b.replace(at, at + 1, escape(b.charAt(at), json, random));
      } else {
        b.insert(at, pieces.get(random.nextInt(pieces.size())));
      }
    }
    return b.toString();
  }

  /**
   * {@code c} escaped, in one of the spellings a reader may take for it: plain hexadecimal digits in either case, or
   * the digits of another script or full-width ones ({@link Character#digit} reads them), a {@code %u} escape, or
   * (forms) an overlong UTF-8 sequence.
   */
  static String escape(char c, boolean json, Random random) {
    String hex = String.format("%02x", (int) c);
    String digits = switch (random.nextInt(4)) {
      case 0 -> hex;
      case 1 -> hex.toUpperCase(Locale.ROOT);
      case 2 -> shift(hex, '\u0660', 'a');
      default -> shift(hex, '\uff10', '\uff41');
    };
    if (json) {
      return "\\u00" + digits;
    }
    return switch (random.nextInt(4)) {
      case 0 -> "%u00" + digits;
      case 1 -> String.format("%%%02X%%%02X", 0xC0 | (c >> 6), 0x80 | (c & 0x3F));
      default -> "%" + digits;
    };
  }

  /** {@code hex} with its digits from {@code zero} on and its letters from {@code a} on. */
  static String shift(String hex, char zero, char a) {
    StringBuilder b = new StringBuilder();
    for (char h : hex.toCharArray()) {
      b.append(h <= '9' ? (char) (zero + h - '0') : (char) (a + h - 'a'));
    }
    return b.toString();
  }

  /**
   * The fields of {@code form}, sent as UTF-8 bytes and declared in {@code charset}, as a strict reader decodes it, or
   * {@code null} where it refuses it.
   */
  static Map<String, List<String>> strictForm(String form, Charset charset) {
    Map<String, List<String>> fields = new HashMap<>();
    String wire = new String(form.getBytes(StandardCharsets.UTF_8), charset);
    for (String pair : wire.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
        if (name.indexOf('\ufffd') >= 0 || value.indexOf('\ufffd') >= 0) {
          return null; // bytes that are no UTF-8
        }
        fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return fields;
  }

  /** The fields of {@code json} as Jackson reads it, refusing duplicate names, or {@code null} where it refuses it. */
  static Map<String, List<String>> strictJson(String json) {
    try {
      JsonNode node = STRICT.readTree(json);
      if (node == null || !node.isObject()) {
        return null;
      }
      Map<String, List<String>> fields = new HashMap<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        fields.put(field.getKey(), List.of(field.getValue().isTextual() ? field.getValue().asText() : "\u0000"));
      }
      return fields;
    } catch (Exception e) {
      return null;
    }
  }

  static String one(Map<String, List<String>> fields, String name) {
    List<String> values = fields == null ? null : fields.get(name);
    return values == null || values.size() != 1 ? null : values.get(0);
  }

  @Test
  void mutatedTokenRequestsGetATokenOnlyForWhatAStrictReaderReadsAlike() throws Exception {
    Random random = new Random(SEED);
    BucketsSecurityJwtFeature feature = new BucketsSecurityJwtFeature(BucketsSecurityJwtFeature.settings()
        .secret(CxfTest.SECRET).loginThrottle(LoginThrottle.none()).build());
    try (TestServer server = TestServer.startAt("", List.of(feature), BucketsSecurityJwtFeature.classes(),
        BucketsSecurity.Buckets.class, BucketsSecurity.Status.class)) {
      int tokens = 0;
      for (int i = 0; i < CASES; i++) {
        String type = TYPES.get(random.nextInt(TYPES.size()));
        boolean json = type.toLowerCase(Locale.ROOT).contains("json");
        String user = random.nextBoolean() ? "writer" : "root";
        String body = json
            ? mutate("{\"grant_type\":\"password\",\"username\":\"" + user + "\",\"password\":\"pw\"}", JSON_PIECES,
                true, random)
            : mutate("grant_type=password&username=" + user + "&password=pw", FORM_PIECES, false, random);
        RawHttp.Response r = server.http.sendBody("POST", "/login", body, "Content-Type: " + type);
        String context = "case " + i + " (seed " + SEED + "): " + type + " " + body + " -> " + r.status;
        assertTrue(r.status < 500, context + ": " + r + r.body);
        AttackCorpusTest.assertNoExceptionText(context, r);
        if (r.status == 200) {
          tokens++;
          Map<String, List<String>> strict = json ? strictJson(body)
              : strictForm(body, type.contains("ISO") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
          String subject = CxfTest.JSON.readTree(Jwts.payload(CxfTest.JSON.readTree(r.body).get("access_token")
              .asText())).get("sub").asText();
          assertEquals("password", one(strict, "grant_type"), context + ": the grant, read strictly");
          assertEquals("pw", one(strict, "password"), context + ": the password, read strictly");
          assertEquals(subject, one(strict, "username"), context + ": the user, read strictly");
        }
      }
      assertTrue(tokens > CASES / 20, "too few valid requests among the mutations to mean anything: " + tokens);
    }
  }
}
