package dev.jwtsecured.processor.validation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Request header names that cannot carry a token as {@code authHeader}: HTTP gives them a meaning that servers,
 * proxies, the JAX-RS runtime, browsers or this library act on, so a token there never reaches the filter as the
 * client sent it (a server answers {@code Expect: Bearer ...} with 417, a proxy rewrites {@code Forwarded}), or
 * changes what the request is ({@code Content-Type}, {@code Accept}); and a login writes its token into the response
 * header of the same name.
 */
final class ReservedHeaders {
  /** By lower-case name: the name as HTTP spells it, and who acts on it. */
  private static final Map<String, String[]> RESERVED = new LinkedHashMap<>();

  static {
    reserve("servers", "Host", "Content-Length", "Transfer-Encoding", "TE", "Trailer", "Connection", "Keep-Alive",
        "Proxy-Connection", "Upgrade", "Expect", "HTTP2-Settings");
    reserve("proxies", "Forwarded", "Via", "Max-Forwards", "X-Forwarded-For", "X-Forwarded-Host",
        "X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Prefix");
    reserve("the JAX-RS runtime", "Content-Type", "Content-Encoding", "Content-Language", "Content-Location",
        "Content-Range", "Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language", "Range", "If-Match",
        "If-None-Match", "If-Modified-Since", "If-Unmodified-Since", "If-Range");
    reserve("browsers and this library", "Cookie", "Set-Cookie", "WWW-Authenticate", "Cache-Control", "Pragma",
        "X-Content-Type-Options", "Retry-After", "Location", "Vary", "Origin", "Referer", "Sec-Fetch-Site",
        "Sec-Fetch-Mode", "Sec-Fetch-Dest", "Sec-Fetch-User");
  }

  private ReservedHeaders() {}

  private static void reserve(String actor, String... names) {
    for (String name : names) {
      RESERVED.put(name.toLowerCase(Locale.ROOT), new String[] {name, actor});
    }
  }

  /** Who acts on the header {@code name} (any case), or {@code null} for a name free to carry a token. */
  static String actor(String name) {
    String[] reserved = RESERVED.get(name.toLowerCase(Locale.ROOT));
    return reserved == null ? null : reserved[1];
  }

  /** {@code name} as HTTP spells it; only for a reserved name. */
  static String name(String name) {
    return RESERVED.get(name.toLowerCase(Locale.ROOT))[0];
  }
}
