package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.runtime.JwtSettings;
import dev.jwtsecured.runtime.RefreshTokenStore;
import dev.jwtsecured.runtime.RefreshTokenStore.Entry;
import dev.jwtsecured.runtime.internal.TokenRequest.TokenError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The refresh tokens of one configuration: opaque random values of 256 bits (base64url, 43 characters), of which the
 * {@link RefreshTokenStore} keeps only a SHA-256, of the configuration's name and the value; each login starts a family
 * (a random 128-bit id, the access tokens' {@code sid}), each refresh rotates within it (RFC 9700 section 4.14). The
 * name in the hash binds a token to the configuration that issued it: two configurations keeping their refresh
 * tokens in one store (one table of one database) find only their own, so a customer's refresh token buys no access
 * token at the staff's token endpoint.
 *
 * @param store where the hashes live
 * @param lifetime a refresh token's lifetime from its issue
 * @param configuration the name of the {@code @JwtSecured} class whose tokens these are
 */
public record RefreshTokens(RefreshTokenStore store, Duration lifetime, String configuration) {
  private static final int VALUE_BYTES = 32;
  private static final int FAMILY_BYTES = 16;
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  /** Thread-safe; shared by every configuration. */
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * For generated code: the store the {@code @RefreshStore} method {@code method} returned. {@code null} stops
   * start-up: a store in this instance's memory in its place would be unseen, and a cluster's instances would each
   * keep refresh tokens the others do not know.
   */
  public static RefreshTokenStore provided(RefreshTokenStore store, String method) {
    if (store == null) {
      throw new IllegalStateException("jwtsecured: the @RefreshStore method " + method + " returned null;"
          + " refreshStorage = PROVIDED keeps refresh tokens only where it says");
    }
    return store;
  }

  /** A new token and its stored entry. */
  public record Issued(String value, Entry entry) {
    /** Leaves the value out. */
    @Override
    public String toString() {
      return "Issued{" + entry + "}";
    }
  }

  /** Starts a family for a login: its first token, which the caller stores ({@link #store()}) once it is issued. */
  public Issued first(String subject, Set<String> roles, Set<String> scopes, Map<String, Object> extras, Instant now) {
    return next(random(FAMILY_BYTES), subject, roles, scopes, extras, now);
  }

  /**
   * Rotates {@code presented}: the stored entry it replaced, and the new token. A requested scope wider than the
   * family's is {@code invalid_scope} and leaves the presented token active; a spent (or revoked) token revokes its
   * family and is given to {@code reused}; it, an unknown, expired or malformed one are {@code invalid_grant}.
   */
  public Refreshed rotate(String presented, Set<String> requestedScopes, Instant now,
      Consumer<RefreshTokenStore.Reused> reused) {
    if (!isWellFormed(presented)) {
      throw unknown();
    }
    Issued[] issued = new Issued[1];
    RefreshTokenStore.Rotation rotation = store.rotate(hash(configuration, presented), now, previous -> {
      if (!previous.scopes().containsAll(requestedScopes)) {
        throw new TokenError("invalid_scope", "The requested scope exceeds the scope originally granted");
      }
      issued[0] = next(previous.family(), previous.subject(), previous.roles(), previous.scopes(), previous.extras(),
          now);
      return issued[0].entry();
    });
    if (rotation instanceof RefreshTokenStore.Rotated rotated) {
      return new Refreshed(rotated.previous(), issued[0]);
    }
    if (rotation instanceof RefreshTokenStore.Reused r) {
      reused.accept(r);
      throw new TokenError("invalid_grant",
          "The refresh token is spent or revoked; every token of its login is now revoked");
    }
    throw unknown();
  }

  /** What a refresh did: the entry presented and the token that replaced it. */
  public record Refreshed(Entry previous, Issued next) {}

  private static TokenError unknown() {
    return new TokenError("invalid_grant", "The refresh token is unknown or expired");
  }

  private Issued next(String family, String subject, Set<String> roles, Set<String> scopes,
      Map<String, Object> extras, Instant now) {
    String value = random(VALUE_BYTES);
    return new Issued(value, new Entry(hash(configuration, value), family, subject, roles, scopes, extras,
        now.plus(lifetime)));
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return BASE64URL.encodeToString(b);
  }

  /** The 43 base64url characters of 32 bytes, canonical. */
  static boolean isWellFormed(String value) {
    return value != null && value.length() == 43 && StrictBase64Url.isCanonical(value, 0, 43);
  }

  /**
   * What the store keeps of a token of {@code configuration} (a class's binary name, which holds no space): the
   * SHA-256, base64url, of the name, a space and the token's value.
   */
  public static String hash(String configuration, String value) {
    try {
      return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
          .digest((configuration + " " + value).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK offers no SHA-256", e);
    }
  }

  /**
   * The refresh cookie's name: the token cookie's with {@code _refresh} appended, and a {@code __Host-} prefix turned
   * into {@code __Secure-}, since the refresh cookie's path is the token endpoint's
   * ({@link JwtSecured#REFRESH_COOKIE_SUFFIX}).
   */
  public static String cookieName(JwtSettings settings) {
    String name = settings.cookieName();
    int prefix = JwtSecured.HOST_COOKIE_PREFIX.length();
    if (name.regionMatches(true, 0, JwtSecured.HOST_COOKIE_PREFIX, 0, prefix)) {
      name = JwtSecured.SECURE_COOKIE_PREFIX + name.substring(prefix);
    }
    return name + JwtSecured.REFRESH_COOKIE_SUFFIX;
  }

  /**
   * The refresh token in the refresh cookie, or {@code null}; a cookie sent twice (one perhaps planted by a sibling
   * domain) is {@code invalid_request}.
   */
  static String fromCookie(List<String> cookieHeaders, JwtSettings settings) {
    try {
      return Cookies.token(cookieHeaders, cookieName(settings));
    } catch (AuthException e) {
      throw new TokenError("invalid_request", "The refresh cookie is sent more than once");
    }
  }

  /**
   * The {@code Set-Cookie} value for the refresh cookie: {@code HttpOnly}, with the token cookie's {@code Domain},
   * {@code Secure} and {@code SameSite}, and {@code Path} the token endpoint's path ({@link #cookiePath}), so the
   * browser sends it there only.
   *
   * @param basePath the raw path of the request's base URI, or {@code null} when no request tells it
   */
  public static String cookie(JwtSettings settings, String value, long maxAgeSeconds, String basePath) {
    return Cookies.setCookie(settings, cookieName(settings), value, maxAgeSeconds, cookiePath(settings, basePath));
  }

  /**
   * The refresh cookie's {@code Path}: {@code refreshCookiePath} when set; else the token endpoint's path as requests
   * reach it, {@code basePath} (what the JAX-RS runtime reports as the request's base URI: servlet context path and
   * application path included) followed by {@code tokenUrl}; without a base path, the configured application path
   * followed by {@code tokenUrl}. A character that could end the attribute or the header is percent-encoded: a base
   * path is the client's spelling of the request, and a browser then simply does not send the cookie to other
   * spellings.
   */
  public static String cookiePath(JwtSettings settings, String basePath) {
    if (settings.refreshCookiePath().isPresent()) {
      return settings.refreshCookiePath().get();
    }
    String base = basePath == null ? settings.applicationPath() : basePath;
    String path = base.replaceAll("/+$", "") + settings.tokenUrl();
    StringBuilder safe = new StringBuilder(path.length());
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      if (b >= 0x21 && b <= 0x7E && b != ',' && b != ';') {
        safe.append((char) b);
      } else {
        safe.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
    }
    return safe.charAt(0) == '/' ? safe.toString() : "/" + safe;
  }
}
