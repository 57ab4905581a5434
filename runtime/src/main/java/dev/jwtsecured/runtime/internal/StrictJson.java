package dev.jwtsecured.runtime.internal;

import io.jsonwebtoken.io.AbstractDeserializer;
import io.jsonwebtoken.io.AbstractSerializer;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON (de)serializers jwtsecured hands to jjwt, set explicitly rather than discovered on the class path.
 *
 * <p>Both are the runtime's own {@link Json}, not Jackson. Reading is strict: a duplicate member name, trailing
 * content, nesting deeper than {@value Json#MAX_DEPTH} levels, a top-level value that is not an object, a top-level
 * member name with white space around it or a member name with half a surrogate pair fails; so does a registered claim
 * of the wrong JSON type (time claims must be integers between 0 and year 9999, {@code sub}/{@code iss}/{@code jti}/
 * {@code sid} strings, {@code aud} a string or an array of strings, {@code scope} an array of strings or a string
 * (RFC 8693 writes a string, Spring Authorization Server an array; the claim {@code rolesClaim} names is checked
 * where it is read, by {@link ClaimRules}),
 * {@code extras} an object; {@code iss}, {@code jti} and a lone {@code aud} not empty or white space alone). jjwt
 * would otherwise convert, for example, an ISO date string in {@code exp} into a date, read {@code "jti":""} as no
 * {@code jti}, and trim {@code " exp"} into {@code exp}.
 */
public final class StrictJson {
  private static final System.Logger LOG = System.getLogger(StrictJson.class.getName());
  /** 9999-12-31T23:59:59Z: later times overflow millisecond arithmetic in common libraries. */
  static final long MAX_NUMERIC_DATE = 253_402_300_799L;

  private StrictJson() {}

  /** A jjwt serializer for headers and claims. */
  public static AbstractSerializer<Map<String, ?>> serializer() {
    return new AbstractSerializer<>() {
      @Override
      protected void doSerialize(Map<String, ?> value, OutputStream out) throws Exception {
        String json = Json.write(value);
        if (!pairedNames(value)) {
          throw new IllegalArgumentException("a claim name has half a surrogate pair: its token would be refused");
        }
        out.write(json.getBytes(StandardCharsets.UTF_8));
      }
    };
  }

  /**
   * A jjwt deserializer of token headers and claims that also enforces the claim types of the class comment and
   * refuses a member name with white space around it: jjwt trims the names, so that {@code " sub"} replaced
   * {@code sub}, {@code " exp"} an expired {@code exp} and {@code " roles"} the roles, where every other reader
   * (Jackson, nimbus, Go, Python) reads the names as written, {@code " sub"} a claim no one asked for. A member name,
   * at any depth, with half a surrogate pair alone ({@code "s\\ud800id"}) is refused while it is read
   * ({@link Json#parseToken}).
   */
  public static AbstractDeserializer<Map<String, ?>> deserializer() {
    return new AbstractDeserializer<>() {
      @Override
      protected Map<String, ?> doDeserialize(Reader reader) throws Exception {
        StringBuilder text = new StringBuilder(512);
        char[] buffer = new char[512];
        for (int n; (n = reader.read(buffer)) >= 0; ) {
          text.append(buffer, 0, n);
        }
        if (!(Json.parseToken(text.toString()) instanceof Map<?, ?> read)) {
          throw new BadClaimTypeException();
        }
        @SuppressWarnings("unchecked") // Json reads an object as Map<String, Object>
        Map<String, Object> claims = (Map<String, Object>) read;
        if (!asWritten(claims)) {
          throw new IllegalArgumentException("a member name with white space around it");
        }
        checkTypes(claims);
        return claims;
      }
    };
  }

  /**
   * A JWKS document read strictly, for jjwt to read its keys: strict JSON as above (claim types aside), whose
   * {@code keys} keep only the JWKs whose key members ({@code n}, {@code e}, {@code x}, {@code y}) are canonical
   * base64url, whose member names are as written, without surrounding white space, and whose {@code use} and
   * {@code alg}, when present, are not empty. jjwt's decoder skips characters outside the alphabet, jjwt trims member
   * names, and it reads an empty {@code use} or {@code alg} as none: a key published as {@code "n":"\"0ei4..."}, with
   * an {@code é} in it, or as {@code " x"}, was read as the key without them, and one with {@code "use":""} as a key
   * for any purpose, where other readers find no such key; such a JWK is no key of the set now, and a document with
   * such a name at the top is no key set ({@code JwksFuzzTest}, {@code KeySetVerifierTest}).
   *
   * @throws RuntimeException when {@code json} is no such document
   */
  public static Map<String, Object> keySet(String json) {
    if (!(Json.parse(json) instanceof Map<?, ?> read)) {
      throw new IllegalArgumentException("a JWKS is a JSON object");
    }
    if (!asWritten(read)) {
      throw new IllegalArgumentException("a JWKS member name with white space around it");
    }
    @SuppressWarnings("unchecked") // Json reads an object as Map<String, Object>
    Map<String, Object> document = new LinkedHashMap<>((Map<String, Object>) read);
    if (document.get("keys") instanceof List<?> keys) {
      document.put("keys", keys.stream().filter(StrictJson::canonicalKeyMembers).toList());
    }
    return document;
  }

  /**
   * Whether {@code jwk}'s member names are as written, the key members it has are canonical base64url strings and its
   * {@code use} and {@code alg} are not blank (anything else is left to jjwt).
   */
  private static boolean canonicalKeyMembers(Object jwk) {
    if (!(jwk instanceof Map<?, ?> members)) {
      return true;
    }
    String why = asWritten(members) ? null : "a member name has white space around it";
    for (String name : List.of("n", "e", "x", "y")) {
      if (why == null && members.get(name) instanceof String value
          && !StrictBase64Url.isCanonical(value, 0, value.length())) {
        why = "its \"" + name + "\" is not unpadded base64url";
      }
    }
    for (String name : List.of("use", "alg")) {
      // jjwt drops a member that is empty or white space alone, which left the key for any use and algorithm.
      if (why == null && members.get(name) instanceof String value && value.isBlank()) {
        why = "its \"" + name + "\" is empty";
      }
    }
    if (why == null) {
      return true;
    }
    skipped(members, why);
    return false;
  }

  /** Says in the log that the JWK of {@code members} is no key of its set, and {@code why}. */
  static void skipped(Map<?, ?> members, String why) {
    String kid = String.valueOf(members.get("kid")); // quoted as JSON and cut: what the provider sent
    LOG.log(System.Logger.Level.WARNING, "jwtsecured: a JWKS key (kid " + Json.write(kid.length() > 64
        ? kid.substring(0, 64) + "..." : kid) + ") is skipped: " + why);
  }

  /**
   * Whether no member name of {@code object} has white space around it, which jjwt would trim: what
   * {@link String#trim()} or {@link String#strip()} would remove (jjwt removes what {@link Character#isWhitespace}
   * calls white space).
   */
  private static boolean asWritten(Map<?, ?> object) {
    for (Object name : object.keySet()) {
      String text = (String) name;
      if (!text.equals(text.trim()) || !text.equals(text.strip())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether no member name in {@code value}, at any depth, has half a surrogate pair alone: what Jackson, and
   * {@link Json#parseToken}, refuse to read, and so what the serializer never writes into a token.
   */
  private static boolean pairedNames(Object value) {
    if (value instanceof Map<?, ?> object) {
      for (Map.Entry<?, ?> member : object.entrySet()) {
        if (member.getKey() instanceof String name && Json.hasLoneSurrogate(name) || !pairedNames(member.getValue())) {
          return false;
        }
      }
    } else if (value instanceof Iterable<?> items) {
      for (Object item : items) {
        if (!pairedNames(item)) {
          return false;
        }
      }
    }
    return true;
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
    for (String name : new String[] {"sub", "iss", "jti", "sid"}) {
      if (json.containsKey(name) && !(json.get(name) instanceof String)) {
        throw new BadClaimTypeException();
      }
    }
    if (json.containsKey("aud") && !isStringOrStrings(json.get("aud"))) {
      throw new BadClaimTypeException();
    }
    // jjwt reads a string of white space alone as no claim: a strict reader reads the string.
    for (String name : new String[] {"iss", "jti", "aud"}) {
      if (json.get(name) instanceof String value && value.isBlank()) {
        throw new BadClaimTypeException();
      }
    }
    // RFC 8693 section 4.2 writes scopes as one space-separated string; Spring Authorization Server writes an array of
    // them, and its every token was refused. Roles are checked where rolesClaim reads them (ClaimRules): a "roles"
    // claim of objects refused every token of VMware Identity Broker, whatever claim roles were read from.
    if (json.containsKey("scope") && !isStringOrStrings(json.get("scope"))) {
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

  static boolean isStringOrStrings(Object value) {
    if (value instanceof String) {
      return true;
    }
    // A JSON array, as Json reads it, or the set jjwt makes of aud.
    if (value instanceof java.util.Collection<?> items) {
      for (Object o : items) {
        if (!(o instanceof String)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }
}
