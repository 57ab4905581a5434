package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.internal.AuthException;
import dev.jwtsecured.runtime.AuthFailure;
import java.util.List;

/**
 * Reads a bearer token from request headers as RFC 6750 section 2.1 says (ARCHITECTURE.md, "What runs per request").
 *
 * <p>{@code credentials = "Bearer" 1*SP b64token}, the scheme case-insensitive. A header of another scheme counts as no
 * credentials. Tabs, trailing words and characters outside {@code b64token} are malformed (400); so are repeated or
 * comma-joined headers, which could smuggle a second token past a proxy.
 */
public final class Credentials {
  private static final String BEARER = "bearer";

  private Credentials() {}

  /**
   * The token in the header's values, or {@code null} when there is no header or it has another scheme.
   *
   * @throws AuthException {@link AuthFailure#MULTIPLE_TOKENS}, {@link AuthFailure#EMPTY_BEARER} or
   *     {@link AuthFailure#MALFORMED_CREDENTIALS}
   */
  public static String fromHeader(List<String> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw new AuthException(AuthFailure.MULTIPLE_TOKENS);
    }
    return parse(values.get(0));
  }

  static String parse(String value) {
    if (value == null) {
      return null;
    }
    if (value.indexOf(',') >= 0) {
      throw new AuthException(AuthFailure.MULTIPLE_TOKENS);
    }
    int end = 0;
    while (end < value.length() && !isWhitespace(value.charAt(end))) {
      end++;
    }
    if (end != BEARER.length() || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      // "Basic ...", or a scheme word that merely starts with "Bearer": not ours.
      return null;
    }
    int start = end;
    while (start < value.length() && value.charAt(start) == ' ') {
      start++;
    }
    if (start == value.length()) {
      throw new AuthException(AuthFailure.EMPTY_BEARER);
    }
    if (start == end) {
      throw new AuthException(AuthFailure.MALFORMED_CREDENTIALS); // a tab, not SP, after the scheme
    }
    for (int i = start; i < value.length(); i++) {
      if (!isB64TokenChar(value.charAt(i))) {
        throw new AuthException(AuthFailure.MALFORMED_CREDENTIALS);
      }
    }
    // b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=": '=' only at the end.
    int firstEquals = value.indexOf('=', start);
    if (firstEquals == start) {
      throw new AuthException(AuthFailure.MALFORMED_CREDENTIALS);
    }
    if (firstEquals > 0) {
      for (int i = firstEquals; i < value.length(); i++) {
        if (value.charAt(i) != '=') {
          throw new AuthException(AuthFailure.MALFORMED_CREDENTIALS);
        }
      }
    }
    return value.substring(start);
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isB64TokenChar(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '=';
  }
}
