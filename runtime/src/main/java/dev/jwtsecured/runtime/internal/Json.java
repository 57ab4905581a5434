package dev.jwtsecured.runtime.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader and writer (RFC 8259) for what jwtsecured reads and writes itself: token headers and claims,
 * and the token endpoint's bodies. The runtime carries its own so that it does not depend on the Jackson version an
 * application's JAX-RS runtime brings, and so that nothing is done by reflection.
 *
 * <p>Reading refuses duplicate member names, trailing content, a byte-order mark, comments, leading zeros, control
 * characters in strings, invalid UTF-8, nesting deeper than {@value #MAX_DEPTH} levels and numbers longer than
 * {@value #MAX_NUMBER_LENGTH} characters. Objects become {@code LinkedHashMap<String, Object>} (member order kept),
 * arrays {@code List<Object>}, whole numbers {@code Integer}, {@code Long} or {@code BigInteger} (the smallest that
 * holds them), other numbers {@code Double}, and {@code true}, {@code false}, {@code null} as themselves.
 *
 * <p>It is long because it is a complete strict RFC 8259 reader and writer in one class.
 */
public final class Json {
  /** The deepest nesting of objects and arrays accepted, the top-level value counting as one. */
  public static final int MAX_DEPTH = 32;
  static final int MAX_NUMBER_LENGTH = 1000;

  /** Malformed or refused JSON. Carries no input text, so it can never echo a token. */
  public static final class JsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    JsonException(String message) {
      super(message, null);
    }
  }

  private final String text;
  /** Whether a member name with half a surrogate pair alone is refused ({@link #parseToken}). */
  private final boolean pairedNames;
  private int pos;

  private Json(String text, boolean pairedNames) {
    this.text = text;
    this.pairedNames = pairedNames;
  }

  /** Parses UTF-8 bytes; invalid UTF-8 is refused. */
  public static Object parse(byte[] utf8) {
    return parse(utf8(utf8));
  }

  /**
   * The text of UTF-8 bytes, refusing what is not UTF-8 (RFC 8259 section 8.1): malformed or truncated sequences,
   * overlong forms, surrogates. {@code new String(bytes, UTF_8)}, and the readers jjwt builds, replace such bytes
   * with U+FFFD instead, so that different bytes read as the same text.
   *
   * @throws JsonException when {@code bytes} are not UTF-8
   */
  public static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new JsonException("invalid UTF-8");
    }
  }

  /** Parses one JSON value that fills {@code text} (whitespace around it allowed). */
  public static Object parse(String text) {
    return parse(text, false);
  }

  /**
   * Parses a token's header or claims as {@link #parse(String)} does, refusing also a member name, at any depth, with
   * half a surrogate pair alone ({@code "s\\ud800id"}), as Jackson refuses it (Go's reader reads U+FFFD there). A
   * string value keeps one, as Jackson's does: text cut in the middle of an emoji. The general reader keeps both: an
   * OpenAPI path may hold one.
   */
  static Object parseToken(String text) {
    return parse(text, true);
  }

  private static Object parse(String text, boolean pairedNames) {
    Json reader = new Json(text, pairedNames);
    reader.skipWhitespace();
    Object value = reader.value(1);
    reader.skipWhitespace();
    if (reader.pos != text.length()) {
      throw new JsonException("trailing content");
    }
    return value;
  }

  /** Parses a JSON object; any other top-level value is refused. */
  @SuppressWarnings("unchecked") // value() builds objects as Map<String, Object>
  public static Map<String, Object> parseObject(String text) {
    Object value = parse(text);
    if (!(value instanceof Map)) {
      throw new JsonException("not an object");
    }
    return (Map<String, Object>) value;
  }

  private Object value(int depth) {
    if (pos >= text.length()) {
      throw new JsonException("unexpected end");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw new JsonException("unexpected character");
    }
  }

  private Map<String, Object> object(int depth) {
    checkDepth(depth);
    pos++; // '{'
    Map<String, Object> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return members;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw new JsonException("member name expected");
      }
      String name = string();
      if (pairedNames && hasLoneSurrogate(name)) {
        throw new JsonException("a member name with half a surrogate pair");
      }
      skipWhitespace();
      expect(':');
      skipWhitespace();
      Object value = value(depth + 1);
      if (members.containsKey(name)) {
        throw new JsonException("duplicate member name");
      }
      members.put(name, value);
      skipWhitespace();
      char c = next();
      if (c == '}') {
        return members;
      }
      if (c != ',') {
        throw new JsonException("',' or '}' expected");
      }
    }
  }

  private List<Object> array(int depth) {
    checkDepth(depth);
    pos++; // '['
    List<Object> items = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return Collections.unmodifiableList(items);
    }
    while (true) {
      skipWhitespace();
      items.add(value(depth + 1));
      skipWhitespace();
      char c = next();
      if (c == ']') {
        return Collections.unmodifiableList(items);
      }
      if (c != ',') {
        throw new JsonException("',' or ']' expected");
      }
    }
  }

  private static void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw new JsonException("nested too deeply");
    }
  }

  private String string() {
    pos++; // '"'
    StringBuilder out = null;
    int start = pos;
    while (true) {
      if (pos >= text.length()) {
        throw new JsonException("unterminated string");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        String value = out == null ? text.substring(start, pos) : out.append(text, start, pos).toString();
        pos++;
        return value;
      }
      if (c < 0x20) {
        throw new JsonException("control character in a string");
      }
      if (c != '\\') {
        pos++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder();
      }
      out.append(text, start, pos);
      pos++;
      char escape = next();
      switch (escape) {
        case '"', '\\', '/' -> out.append(escape);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> out.append(hex4());
        default -> throw new JsonException("invalid escape");
      }
      start = pos;
    }
  }

  /**
   * Whether {@code text} has half of a UTF-16 surrogate pair alone: no character, and not writable as UTF-8. The token
   * endpoint refuses credentials with one, and a token a member name with one ({@link #parseToken}).
   */
  static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private char hex4() {
    if (pos + 4 > text.length()) {
      throw new JsonException("invalid escape");
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = HexDigits.value(text.charAt(pos + i));
      if (d < 0) {
        throw new JsonException("invalid escape");
      }
      v = v * 16 + d;
    }
    pos += 4;
    return (char) v;
  }

  private Object number() {
    int start = pos;
    boolean whole = true;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw new JsonException("invalid number");
    }
    if (peek() == '.') {
      whole = false;
      pos++;
      if (!isDigit(peek())) {
        throw new JsonException("invalid number");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      whole = false;
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw new JsonException("invalid number");
      }
      digits();
    }
    if (pos - start > MAX_NUMBER_LENGTH) {
      throw new JsonException("number too long");
    }
    String n = text.substring(start, pos);
    if (!whole) {
      double d = Double.parseDouble(n);
      if (Double.isInfinite(d)) {
        throw new JsonException("number out of range");
      }
      return d;
    }
    if (pos - start <= 18) {
      long l = Long.parseLong(n);
      return l == (int) l ? (Object) (int) l : (Object) l;
    }
    BigInteger big = new BigInteger(n);
    return big.bitLength() < 64 ? (Object) big.longValue() : big;
  }

  private void digits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw new JsonException("unexpected word");
    }
    pos += word.length();
    return value;
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= text.length()) {
      throw new JsonException("unexpected end");
    }
    return text.charAt(pos++);
  }

  private void expect(char c) {
    if (next() != c) {
      throw new JsonException("'" + c + "' expected");
    }
  }

  // ---- writing ----

  /**
   * Writes {@code value}: maps with string keys, collections and arrays of objects, strings, numbers, booleans,
   * {@code null}, and {@code Date} (as NumericDate seconds).
   *
   * @throws IllegalArgumentException for any other type, naming it
   */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder(128);
    write(value, out, 1);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out, int depth) {
    // Objects and arrays count, as the reader counts them: a value inside the deepest one is no deeper level.
    if (depth > MAX_DEPTH && (value instanceof Map || value instanceof Iterable || value instanceof Object[])) {
      throw new IllegalArgumentException("JSON value nested deeper than " + MAX_DEPTH + " levels");
    }
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      quote(s, out);
    } else if (value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger) {
      out.append(value);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("JSON has no NaN or infinity");
      }
      out.append(value);
    } else if (value instanceof BigDecimal b) {
      out.append(b.toString());
    } else if (value instanceof Date date) {
      out.append(date.getTime() / 1000);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new IllegalArgumentException("JSON member names are strings, not " + typeOf(e.getKey()));
        }
        out.append(first ? "" : ",");
        first = false;
        quote((String) e.getKey(), out);
        out.append(':');
        write(e.getValue(), out, depth + 1);
      }
      out.append('}');
    } else if (value instanceof Iterable<?> items) {
      out.append('[');
      boolean first = true;
      for (Object item : items) {
        out.append(first ? "" : ",");
        first = false;
        write(item, out, depth + 1);
      }
      out.append(']');
    } else if (value instanceof Object[] items) {
      write(java.util.Arrays.asList(items), out, depth);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + typeOf(value)
          + "; use String, Number, Boolean, null, List or Map");
    }
  }

  private static String typeOf(Object o) {
    return o == null ? "null" : o.getClass().getName();
  }

  /**
   * Appends {@code s} as a JSON string. Besides quotes, backslashes and control characters, it escapes what a YAML
   * double-quoted scalar may not hold as it is (DEL, the C1 controls, U+FEFF, U+FFFE, U+FFFF, unpaired surrogates) and
   * the line separators U+2028 and U+2029, so that the result is also valid YAML and safe in a script. It is the one
   * string escaper of the project: the processor's jar carries a copy of this class (shaded) for the OpenAPI JSON and
   * YAML it writes.
   */
  public static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if ((c >= 0x20 && c < 0x7F) || !mustEscape(s, i, c)) {
            out.append(c);
          } else {
            out.append(String.format("\\u%04x", (int) c));
          }
        }
      }
    }
    out.append('"');
  }

  /** Whether {@link #quote} writes {@code c}, at {@code i} in {@code s}, as an escape with its code in hexadecimal. */
  private static boolean mustEscape(String s, int i, char c) {
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
      return true;
    }
    if (c == '\u2028' || c == '\u2029' || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF') {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
  }
}
