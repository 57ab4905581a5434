package dev.jwtsecured.runtime.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jsonwebtoken.jackson.io.JacksonDeserializer;
import io.jsonwebtoken.jackson.io.JacksonSerializer;
import java.io.Reader;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The JSON (de)serializers jwtsecured hands to jjwt, set explicitly rather than discovered on the class path.
 *
 * <p>Reading is strict: a duplicate member name, trailing content, nesting deeper than {@value #MAX_DEPTH} levels or a
 * top-level value that is not an object fails; so does a registered claim of the wrong JSON type (time claims must be
 * integers between 0 and year 9999, {@code sub}/{@code iss}/{@code jti}/{@code scope} strings, {@code aud} a string or an
 * array of strings, {@code roles} an array of strings or a string, {@code extras} an object). jjwt would otherwise
 * convert, for example, an ISO date string in {@code exp} into a date.
 */
public final class StrictJson {
  static final int MAX_DEPTH = 32;
  /** 9999-12-31T23:59:59Z: later times overflow millisecond arithmetic in common libraries. */
  static final long MAX_NUMERIC_DATE = 253_402_300_799L;

  private static final ObjectMapper MAPPER = newMapper();

  private StrictJson() {}

  private static ObjectMapper newMapper() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    return JsonMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(JsonParser.Feature.ALLOW_COMMENTS)
        .build();
  }

  /** The strict mapper; shared, thread-safe. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A jjwt serializer on the shared mapper. */
  public static JacksonSerializer<Map<String, ?>> serializer() {
    return new JacksonSerializer<>(MAPPER);
  }

  /** A jjwt deserializer on the shared mapper that also enforces the claim types of the class comment. */
  public static JacksonDeserializer<Map<String, ?>> deserializer() {
    return new ClaimTypeCheckingDeserializer();
  }

  /** Thrown by the deserializer for a registered claim of the wrong type; jjwt wraps it, the codec looks for it. */
  public static final class BadClaimTypeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadClaimTypeException() {
      super("a registered claim has the wrong JSON type", null, false, false);
    }
  }

  private static final class ClaimTypeCheckingDeserializer extends JacksonDeserializer<Map<String, ?>> {
    ClaimTypeCheckingDeserializer() {
      super(MAPPER);
    }

    @Override
    protected Map<String, ?> doDeserialize(Reader reader) throws Exception {
      Object value = super.doDeserialize(reader);
      if (!(value instanceof Map)) {
        throw new BadClaimTypeException();
      }
      @SuppressWarnings("unchecked") // Jackson reads a JSON object as Map<String, Object>
      Map<String, ?> map = (Map<String, ?>) value;
      checkTypes(map);
      return map;
    }
  }

  /** Whether {@code json} is a strict JSON object with a registered claim of the wrong type. */
  public static boolean hasBadClaimType(byte[] json) {
    Object value;
    try {
      value = MAPPER.readValue(json, Object.class);
    } catch (Exception e) {
      return false;
    }
    if (!(value instanceof Map)) {
      return false;
    }
    try {
      @SuppressWarnings("unchecked") // Jackson reads a JSON object as Map<String, Object>
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
    for (String name : new String[] {"sub", "iss", "jti", "scope"}) {
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
    } else if (value instanceof BigInteger) {
      return false; // beyond long
    } else {
      return false; // null, strings, fractions, booleans, arrays, objects
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
