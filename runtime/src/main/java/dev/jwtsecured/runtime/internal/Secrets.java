package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.runtime.JwsAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the {@code secret} of {@code @JwtSecured} at start-up: a literal, or a placeholder {@code ${NAME}} or
 * {@code ${NAME:fallback}} looked up in the environment first, then in system properties.
 *
 * <p>Resolution fails fast with an {@link IllegalStateException} whose message names the placeholder and the rule,
 * never the secret itself.
 */
public final class Secrets {
  private static final Pattern PLACEHOLDER = Pattern.compile(JwtSecured.SECRET_PLACEHOLDER, Pattern.DOTALL);

  private Secrets() {}

  /** Whether {@code spec} is a {@code ${NAME}} or {@code ${NAME:fallback}} placeholder rather than a literal. */
  public static boolean isPlaceholder(String spec) {
    return PLACEHOLDER.matcher(spec).matches();
  }

  /**
   * Whether {@code spec} is a {@code ${NAME:}} placeholder, an empty fallback, whose variable is unset (or empty) in
   * both places: a setting that stands for nothing between rotations.
   */
  public static boolean unsetWithEmptyFallback(String spec, Function<String, String> environment,
      Function<String, String> properties) {
    Matcher m = PLACEHOLDER.matcher(spec);
    return m.matches() && "".equals(m.group(2)) && lookUp(m.group(1), environment, properties) == null;
  }

  /** The value of {@code name}: the environment's, else the system property's; {@code null} when neither is set. */
  private static String lookUp(String name, Function<String, String> environment, Function<String, String> properties) {
    String fromEnv = environment.apply(name);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv;
    }
    String fromProperty = properties.apply(name);
    return fromProperty == null || fromProperty.isEmpty() ? null : fromProperty;
  }

  /**
   * Resolves a setting other than the secret, such as the JWKS URI: a literal, or a placeholder looked up like the
   * secret's; {@code what} names the setting in the error when the placeholder is unset without a fallback.
   */
  public static String resolveText(String spec, String what, Function<String, String> environment,
      Function<String, String> properties) {
    Matcher m = PLACEHOLDER.matcher(spec);
    if (!m.matches()) {
      return spec;
    }
    String name = m.group(1);
    String value = lookUp(name, environment, properties);
    if (value != null) {
      return value;
    }
    if (m.group(2) != null) {
      return m.group(2);
    }
    throw new IllegalStateException("jwtsecured: the " + what + " ${" + name + "} is not set: set the environment"
        + " variable or system property " + name);
  }

  /**
   * Resolves {@code spec} to the bytes of the HMAC key (UTF-8).
   *
   * @param environment looks a name up in the environment ({@code System::getenv} in production)
   * @param properties looks a name up in system properties ({@code System::getProperty} in production)
   * @throws IllegalStateException when the placeholder is unset and has no fallback, or the secret is too short or
   *     holds U+FFFD or half a surrogate pair (bytes that were not text, read as such)
   */
  public static byte[] resolve(
      String spec,
      JwsAlgorithm algorithm,
      Function<String, String> environment,
      Function<String, String> properties) {
    String secret = spec;
    String source = "the literal secret";
    Matcher m = PLACEHOLDER.matcher(spec);
    if (m.matches()) {
      String name = m.group(1);
      String fallback = m.group(2);
      String fromEnv = environment.apply(name);
      String fromProperty = properties.apply(name);
      if (fromEnv != null && !fromEnv.isEmpty()) {
        secret = fromEnv;
        source = "environment variable " + name;
      } else if (fromProperty != null && !fromProperty.isEmpty()) {
        secret = fromProperty;
        source = "system property " + name;
      } else if (fallback != null) {
        secret = fallback;
        source = "the fallback of ${" + name + ":...}";
      } else {
        throw new IllegalStateException(
            "jwtsecured: the JWT secret ${" + name + "} is not set: set the environment variable or system property "
                + name + " to a random value of at least " + algorithm.minimumSecretBytes() + " bytes");
      }
    }
    if (secret.indexOf('\uFFFD') >= 0 || Json.hasLoneSurrogate(secret)) {
      // U+FFFD is what the JVM reads for bytes of an environment variable or argument that are not text in its
      // encoding (sun.jnu.encoding): random bytes put there as they are come out as a run of it, the same key for
      // any two such secrets. Half a surrogate pair would become '?' in UTF-8: two secrets, one key, again.
      throw new IllegalStateException("jwtsecured: the JWT secret from " + source + " holds U+FFFD or half a"
          + " surrogate pair: what the JVM reads for bytes that are not text in its encoding ("
          + System.getProperty("sun.jnu.encoding", "unknown") + "), so raw random bytes lose most of what they"
          + " were; set it to random text, such as the base64 of " + algorithm.minimumSecretBytes()
          + " random bytes (openssl rand -base64 " + algorithm.minimumSecretBytes() + ")");
    }
    if (!secret.equals(secret.strip())) {
      // Taken as it is, but said: a line break from a file (a mounted secret, `echo`) that a program sharing the
      // secret trims gives it another key, and every token of one is refused by the other.
      System.getLogger(Secrets.class.getName()).log(System.Logger.Level.WARNING, "jwtsecured: the JWT secret from "
          + source + " begins or ends with white space (a line break from a file?), which is part of the key;"
          + " a program that shares the secret and trims it computes another key");
    }
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < algorithm.minimumSecretBytes()) {
      throw new IllegalStateException(
          "jwtsecured: the JWT secret from " + source + " has " + bytes.length + " bytes, but " + algorithm.name()
              + " needs at least " + algorithm.minimumSecretBytes()
              + " (RFC 7518 section 3.2): use a longer random value");
    }
    return bytes;
  }
}
