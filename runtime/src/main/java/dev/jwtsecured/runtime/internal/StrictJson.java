package dev.jwtsecured.runtime.internal;

import io.jsonwebtoken.io.AbstractDeserializer;
import io.jsonwebtoken.io.AbstractSerializer;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The JSON (de)serializers jwtsecured hands to jjwt, set explicitly rather than discovered on the class path.
 *
 * <p>Both are the runtime's own {@link Json}, not Jackson. Reading is strict: a duplicate member name, trailing
 * content, nesting deeper than {@value Json#MAX_DEPTH} levels or a top-level value that is not an object fails; so does
 * a registered claim of the wrong JSON type (time claims must be
 * integers between 0 and year 9999, {@code sub}/{@code iss}/{@code jti}/{@code scope} strings, {@code aud} a string or
 * an array of strings, {@code roles} an array of strings or a string, {@code extras} an object). jjwt would otherwise
 * convert, for example, an ISO date string in {@code exp} into a date.
 */
public final class StrictJson {
  /** 9999-12-31T23:59:59Z: later times overflow millisecond arithmetic in common libraries. */
  static final long MAX_NUMERIC_DATE = 253_402_300_799L;

  private StrictJson() {}

  /** A jjwt serializer for headers and claims. */
  public static AbstractSerializer<Map<String, ?>> serializer() {
    return new AbstractSerializer<>() {
      @Override
      protected void doSerialize(Map<String, ?> value, OutputStream out) throws Exception {
        out.write(Json.write(value).getBytes(StandardCharsets.UTF_8));
      }
    };
  }

  /** A jjwt deserializer that also enforces the claim types of the class comment. */
  public static AbstractDeserializer<Map<String, ?>> deserializer() {
    return new AbstractDeserializer<>() {
      @Override
      protected Map<String, ?> doDeserialize(Reader reader) throws Exception {
        StringBuilder text = new StringBuilder(512);
        char[] buffer = new char[512];
        for (int n; (n = reader.read(buffer)) >= 0; ) {
          text.append(buffer, 0, n);
        }
        Object value = Json.parse(text.toString());
        if (!(value instanceof Map)) {
          throw new BadClaimTypeException();
        }
        @SuppressWarnings("unchecked") // Json reads an object as Map<String, Object>
        Map<String, ?> map = (Map<String, ?>) value;
        checkTypes(map);
        return map;
      }
    };
  }

  /** Thrown by the deserializer for a registered claim of the wrong type; jjwt wraps it, the codec looks for it. */
  public static final class BadClaimTypeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadClaimTypeException() {
      super("a registered claim has the wrong JSON type", null, false, false);
    }
  }

  /** Whether {@code json} is a strict JSON object with a registered claim of the wrong type. */
  public static boolean hasBadClaimType(byte[] json) {
    Object value;
    try {
      value = Json.parse(json);
    } catch (Exception e) {
      return false;
    }
    if (!(value instanceof Map)) {
      return false;
    }
    try {
      @SuppressWarnings("unchecked") // Json reads an object as Map<String, Object>
      Map<String, ?> map = (Map<String, ?>) value;
      checkTypes(map);
      return false;
    } catch (BadClaimTypeException e) {
      return true;
    }
  }

  static void checkTypes(Map<String, ?> json) {
    for (String name : new String[] {"exp", "iat", "nbf"}) {
      if (json.containsKey(name) && !isNumericDate(json.get(name))) {
        throw new BadClaimTypeException();
      }
    }
    for (String name : new String[] {"sub", "iss", "jti", "sid", "scope"}) {
      if (json.containsKey(name) && !(json.get(name) instanceof String)) {
        throw new BadClaimTypeException();
      }
    }
    if (json.containsKey("aud") && !isStringOrStrings(json.get("aud"))) {
      throw new BadClaimTypeException();
    }
    if (json.containsKey("roles") && !isStringOrStrings(json.get("roles"))) {
      throw new BadClaimTypeException();
    }
    if (json.containsKey("extras") && !(json.get("extras") instanceof Map)) {
      throw new BadClaimTypeException();
    }
  }

  private static boolean isNumericDate(Object value) {
    long seconds;
    if (value instanceof Integer || value instanceof Long) {
      seconds = ((Number) value).longValue();
    } else {
      return false; // beyond long (a BigInteger), null, strings, fractions, booleans, arrays, objects
    }
    return seconds >= 0 && seconds <= MAX_NUMERIC_DATE;
  }

  private static boolean isStringOrStrings(Object value) {
    if (value instanceof String) {
      return true;
    }
    if (value instanceof List) {
      for (Object o : (List<?>) value) {
        if (!(o instanceof String)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }
}
