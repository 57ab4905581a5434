package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.internal.TokenRequest.TokenError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Reads request bodies that jwtsecured parses itself, within a bound, and decodes them strictly: a body over the bound
 * is a 413, a malformed one a 400, never an exception that a JAX-RS runtime would turn into a 500.
 */
public final class Bodies {
  private Bodies() {}

  /** The body as text in {@code charset}, the one its {@code Content-Type} names ({@link #charset}). */
  public static String text(Charset charset, HttpHeaders headers, InputStream in, int maxBytes) {
    byte[] bytes = bytes(headers.getHeaderString(HttpHeaders.CONTENT_LENGTH), in, maxBytes);
    try {
      return charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new TokenError("invalid_request", "The body is not valid in its charset");
    }
  }

  /**
   * The body's bytes, at most {@code maxBytes} of them: a larger {@code contentLength} (the header's value, or
   * {@code null}) is refused before anything is read, a body that turns out larger as soon as it passes the bound.
   */
  public static byte[] bytes(String contentLength, InputStream in, int maxBytes) {
    if (contentLength != null) {
      long declared;
      try {
        declared = Long.parseLong(contentLength.trim());
      } catch (NumberFormatException e) {
        throw new TokenError("invalid_request", "The Content-Length is not a number");
      }
      if (declared > maxBytes) {
        throw tooLarge(maxBytes);
      }
    }
    return readAtMost(in, maxBytes);
  }

  /**
   * Whether the body is JSON ({@code application/json}) rather than a form ({@code
   * application/x-www-form-urlencoded}): the token endpoint takes both, and nothing else.
   *
   * @throws TokenError 415 for any other {@code Content-Type} or none, 400 for a malformed one
   */
  static boolean isJson(HttpHeaders headers) {
    MediaType type = mediaType(headers);
    if (type != null && type.getType().equalsIgnoreCase("application")) {
      if (type.getSubtype().equalsIgnoreCase("json")) {
        return true;
      }
      if (type.getSubtype().equalsIgnoreCase("x-www-form-urlencoded")) {
        return false;
      }
    }
    throw new TokenError(415, "invalid_request", "The body is neither a form nor JSON");
  }

  private static MediaType mediaType(HttpHeaders headers) {
    try {
      return headers.getMediaType();
    } catch (RuntimeException e) {
      throw new TokenError("invalid_request", "The Content-Type is malformed");
    }
  }

  /** The charset the body's {@code Content-Type} names, UTF-8 where it names none; one not supported is a 400. */
  public static Charset charset(HttpHeaders headers) {
    MediaType type = mediaType(headers);
    String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name.trim());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new TokenError("invalid_request", "The charset of the body is not supported");
    }
  }

  private static byte[] readAtMost(InputStream in, int maxBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 1024));
    byte[] buffer = new byte[4096];
    try (InputStream body = in) {
      int total = 0;
      for (int n; (n = body.read(buffer, 0, Math.min(buffer.length, maxBytes + 1 - total))) > 0; ) {
        total += n;
        if (total > maxBytes) {
          throw tooLarge(maxBytes);
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new TokenError("invalid_request", "The body could not be read");
    }
    return out.toByteArray();
  }

  private static TokenError tooLarge(int maxBytes) {
    return new TokenError(413, "invalid_request", "The body is larger than " + maxBytes + " bytes");
  }

  /**
   * Parses {@code application/x-www-form-urlencoded} text: {@code name=value} pairs joined by {@code &}, {@code +} for
   * a space, {@code %XX} escapes decoded as UTF-8. A malformed escape is a 400.
   */
  public static MultivaluedMap<String, String> form(String text) {
    return form(text, true);
  }

  /**
   * Parses a form as {@link #form(String)} does; where the body declared a charset other than UTF-8
   * ({@code utf8} {@code false}), an escape of a byte beyond ASCII is a 400: readers disagree on what it means (the
   * URL standard decodes escapes as UTF-8 whatever the charset, a servlet container in the declared one), so that the
   * same body would name another user to a proxy, a log or the application than to the token endpoint.
   */
  public static MultivaluedMap<String, String> form(String text, boolean utf8) {
    MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
    if (text.isEmpty()) {
      return form;
    }
    for (String pair : text.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), utf8);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), utf8);
      form.add(name, value);
    }
    return form;
  }

  private static String decode(String s, boolean utf8) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '+') {
        bytes.write(' ');
        i++;
      } else if (c == '%') {
        int hi = i + 2 < s.length() ? HexDigits.value(s.charAt(i + 1)) : -1;
        int lo = hi < 0 ? -1 : HexDigits.value(s.charAt(i + 2));
        if (lo < 0) {
          throw new TokenError("invalid_request", "The form has a malformed percent-escape");
        }
        if (!utf8 && hi >= 8) {
          throw new TokenError("invalid_request", "The form escapes a byte beyond ASCII in a charset other than UTF-8");
        }
        bytes.write(hi * 16 + lo);
        i += 3;
      } else {
        // A run of other characters, as UTF-8 (whole surrogate pairs stay together).
        int end = i;
        while (end < s.length() && s.charAt(end) != '%' && s.charAt(end) != '+') {
          end++;
        }
        bytes.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new TokenError("invalid_request", "The form has a malformed percent-escape");
    }
  }

}
