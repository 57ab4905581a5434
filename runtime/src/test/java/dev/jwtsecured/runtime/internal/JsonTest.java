package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The runtime's strict JSON reader and writer. */
class JsonTest {

  @Test
  void readsEveryJsonType() {
    Map<String, Object> m = Json.parseObject(
        " {\"s\":\"a\\u00e9\\n\\\"\",\"i\":42,\"l\":4102444800123,\"b\":123456789012345678901234567890,"
            + "\"d\":-1.5e3,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,[],{}],\"o\":{\"x\":\"y\"}} ");
    assertEquals("a\u00e9\n\"", m.get("s"));
    assertEquals(42, m.get("i"));
    assertEquals(4102444800123L, m.get("l"));
    assertEquals(new BigInteger("123456789012345678901234567890"), m.get("b"));
    assertEquals(-1500.0, m.get("d"));
    assertEquals(true, m.get("t"));
    assertEquals(false, m.get("f"));
    assertEquals(true, m.containsKey("n") && m.get("n") == null);
    assertEquals(List.of(1, List.of(), Map.of()), m.get("a"));
    assertEquals(Map.of("x", "y"), m.get("o"));
    assertEquals(List.of("s", "i", "l", "b", "d", "t", "f", "n", "a", "o"), List.copyOf(m.keySet()));
  }

  @Test
  void longBoundariesAreExact() {
    assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
    assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
    assertEquals(new BigInteger("9223372036854775808"), Json.parse("9223372036854775808"));
    assertEquals(Integer.MAX_VALUE, Json.parse("2147483647"));
    assertEquals(2147483648L, Json.parse("2147483648"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"a\":1,\"a\":2}", "{\"a\":1}{}", "{\"a\":1} x", "\uFEFF{}", "{'a':1}", "{\"a\":01}", "{\"a\":1.}",
      "{\"a\":.5}", "{\"a\":+1}", "{\"a\":1e}", "{\"a\":-}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":tru}",
      "{\"a\":\"\t\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"open}", "{\"a\":1,}", "[1,]", "{,}",
      "{\"a\" 1}", "/* c */ {}", "{} // c", "", " ", "{\"a\":[1 2]}", "{\"a\":1e999}", "{1:2}",
      // Hexadecimal digits are ASCII: neither Arabic-Indic nor full-width ones spell "A".
      "{\"a\":\"\\u\u0660\u0660\u0664\u0661\"}", "{\"a\":\"\\u\uFF10\uFF10\uFF14\uFF21\"}"})
  void refusesWhatIsNotStrictJson(String text) {
    assertThrows(Json.JsonException.class, () -> Json.parse(text));
  }

  /**
   * A surrogate pair is one character, escaped or written, in names and values; half of one is kept, as the writer
   * writes it (a path of the OpenAPI document may hold one). Tokens refuse it in a name ({@code TokenCodecTest}).
   */
  @Test
  void readsSurrogatePairsAndHalfOfOne() {
    assertEquals(Map.of("\ud83d\ude00", "a\ud83d\ude00b"), Json.parse("{\"\\ud83d\\ude00\":\"a\\uD83D\\uDE00b\"}"));
    assertEquals(Map.of("\ud83d\ude00", 1), Json.parse("{\"\ud83d\ude00\":1}"));
    assertEquals(List.of("x\ud83d", "\udc00"), Json.parse("[\"x\\ud83d\",\"\\udc00\"]"));
    Map<String, Object> lone = Map.of("/lone\ud800", List.of("\udc00"));
    assertEquals(lone, Json.parse(Json.write(lone)));
    // A token's reader refuses half a pair in a name, at any depth, and keeps it in a value.
    for (String name : List.of("{\"s\\ud800id\":1}", "{\"a\":[{\"\\udc00\":1}]}", "{\"\\ude00\\ud83d\":1}")) {
      assertThrows(Json.JsonException.class, () -> Json.parseToken(name), name);
    }
    assertEquals(Map.of("a", List.of("x\ud83d"), "\ud83d\ude00", 1),
        Json.parseToken("{\"a\":[\"x\\ud83d\"],\"\\ud83d\\ude00\":1}"));
  }

  @Test
  void refusesNestingDeeperThanTheLimit() {
    String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
    Json.parse(ok);
    String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
    assertThrows(Json.JsonException.class, () -> Json.parse(deep));
    assertThrows(Json.JsonException.class, () -> Json.parse("[".repeat(100_000)));
    String objects = "{\"a\":".repeat(Json.MAX_DEPTH - 1) + "{}" + "}".repeat(Json.MAX_DEPTH - 1);
    Json.parse(objects);
    assertThrows(Json.JsonException.class, () -> Json.parse("{\"a\":" + objects + "}"));
    assertThrows(Json.JsonException.class, () -> Json.parse("{\"a\":".repeat(100_000)));
  }

  /** White space may stand around every token of an object or array (RFC 8259 section 2): key sets come indented. */
  @Test
  void readsWhiteSpaceWhereverJsonAllowsIt() {
    String indented = "\n\t{ \"keys\" :\r\n [ { \"kid\" : \"a\" , \"n\" : [ 1 , 2 ] } ,\n {  } , [ ] ] ,"
        + " \"x\" : \"y\" }\n";
    assertEquals(Map.of("keys", List.of(Map.of("kid", "a", "n", List.of(1, 2)), Map.of(), List.of()), "x", "y"),
        Json.parse(indented));
  }

  /**
   * The writer nests as deep as the reader reads: it counted the values inside the deepest array as one more level,
   * and refused to write what the reader reads (roles at a {@code rolesClaim} of 31 names).
   */
  @Test
  void writesAsDeepAsItReads() {
    Object deepest = List.of("roles");
    for (int i = 1; i < Json.MAX_DEPTH; i++) {
      deepest = List.of(deepest);
    }
    assertEquals(deepest, Json.parse(Json.write(deepest)));
    Object deeper = List.of(deepest);
    assertThrows(IllegalArgumentException.class, () -> Json.write(deeper));
  }

  @Test
  void refusesLongNumbersAndInvalidUtf8() {
    assertThrows(Json.JsonException.class, () -> Json.parse("1".repeat(Json.MAX_NUMBER_LENGTH + 1)));
    assertEquals(new BigInteger("1".repeat(Json.MAX_NUMBER_LENGTH)), Json.parse("1".repeat(Json.MAX_NUMBER_LENGTH)));
    for (String cut : List.of("\"\\u", "\"\\u1", "\"\\u12", "\"\\u123", "[\"\\u12")) {
      assertThrows(Json.JsonException.class, () -> Json.parse(cut), cut); // an escape the text ends in
    }
    assertThrows(Json.JsonException.class, () -> Json.parse(new byte[] {'"', (byte) 0xC3, '"'}));
    assertEquals("\u00e9", Json.parse("\"\u00e9\"".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anErrorNeverCarriesTheInput() {
    Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse("{\"secret-token\":}"));
    assertEquals(false, e.getMessage().contains("secret-token"));
  }

  @Test
  void writesWhatItReads() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "q\"\\\n\u0001\u2028");
    m.put("n", null);
    m.put("a", Arrays.asList(1, 2, 1.5, true, null));
    m.put("o", Map.of("k", List.of()));
    String json = Json.write(m);
    assertEquals("{\"s\":\"q\\\"\\\\\\n\\u0001\\u2028\",\"n\":null,\"a\":[1,2,1.5,true,null],\"o\":{\"k\":[]}}",
        json);
    assertEquals(m, Json.parse(json));
    assertEquals("[9007199254740993,4102444800]", Json.write(List.of(9007199254740993L,
        new java.util.Date(4102444800_000L))));
  }

  /** What YAML may not hold as it is gets escaped too (the processor writes its YAML with this escaper). */
  @Test
  void escapesWhatAYamlDoubleQuotedScalarMayNotHold() {
    String text = "\u007f\u0085\u009f\ufeff\ufffe\uffff\ud800x\udc00\ud83d\ude00\u00e9\u00a0";
    String json = Json.write(text);
    assertEquals("\"\\u007f\\u0085\\u009f\\ufeff\\ufffe\\uffff\\ud800x\\udc00\ud83d\ude00\u00e9\u00a0\"", json);
    assertEquals(text, Json.parse(json));
  }

  @Test
  void refusesToWriteWhatIsNoJsonValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of("x",
        new Object())));
    assertEquals(true, e.getMessage().contains("java.lang.Object"));
    assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of("x", Double.NaN)));
  }
}
