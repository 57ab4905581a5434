package dev.jwtsecured.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Forges tokens byte by byte for tests: any header, any payload, any algorithm and key. Deliberately independent of
 * jjwt and of the runtime, so that a bug there cannot make a forged token look right.
 */
public final class Jwts {
  private Jwts() {}

  public static String b64(String json) {
    return b64(json.getBytes(StandardCharsets.UTF_8));
  }

  public static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** {@code header.payload.signature} with an HMAC ({@code HmacSHA256/384/512}) over the first two segments. */
  public static String sign(String headerJson, String payloadJson, String jcaAlgorithm, byte[] key) {
    return sign(headerJson.getBytes(StandardCharsets.UTF_8), payloadJson.getBytes(StandardCharsets.UTF_8),
        jcaAlgorithm, key);
  }

  /** As {@link #sign(String, String, String, byte[])}, with header and payload as bytes: any bytes, UTF-8 or not. */
  public static String sign(byte[] header, byte[] payload, String jcaAlgorithm, byte[] key) {
    String input = b64(header) + "." + b64(payload);
    return input + "." + b64(hmac(jcaAlgorithm, key, input));
  }

  /** An HS256 token with the standard header. */
  public static String hs256(String payloadJson, byte[] key) {
    return sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payloadJson, "HmacSHA256", key);
  }

  /**
   * {@code Authorization: Bearer} with an HS256 token for {@code subject} under {@code secret}, valid for five minutes,
   * with {@code roles} in its {@code roles} claim (none: no claim).
   */
  public static String bearer(String secret, String subject, String... roles) {
    long now = System.currentTimeMillis() / 1000;
    String claim = roles.length == 0 ? "" : ",\"roles\":[\"" + String.join("\",\"", roles) + "\"]";
    return "Authorization: Bearer " + hs256("{\"sub\":\"" + subject + "\",\"iat\":" + now + ",\"exp\":" + (now + 300)
        + claim + "}", secret.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] hmac(String jcaAlgorithm, byte[] key, String input) {
    try {
      Mac mac = Mac.getInstance(jcaAlgorithm);
      mac.init(new SecretKeySpec(key, jcaAlgorithm));
      return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The decoded payload JSON of {@code jwt}. */
  public static String payload(String jwt) {
    return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  /** The decoded header JSON of {@code jwt}. */
  public static String header(String jwt) {
    return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
  }
}
