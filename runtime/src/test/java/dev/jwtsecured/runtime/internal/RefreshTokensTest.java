package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtsecured.runtime.JwtSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The refresh cookie's path: the token endpoint's, as the request's base path places it. */
class RefreshTokensTest {
  @Test
  void theRefreshCookieFollowsTheRequestsBasePath() {
    JwtSettings s = JwtSettings.builder().secret("0123456789abcdef0123456789abcdef").tokenUrl("/session/token")
        .applicationPath("/api").refreshExpiration(Duration.ofDays(1)).build();
    assertEquals("/shop/api/session/token", RefreshTokens.cookiePath(s, "/shop/api/"));
    assertEquals("/session/token", RefreshTokens.cookiePath(s, "/"));
    assertEquals("/api/session/token", RefreshTokens.cookiePath(s, null), "no request: the application path");
    assertEquals("/s%3Bx=1%2Cy/%C3%A4/session/token", RefreshTokens.cookiePath(s, "/s;x=1,y/\u00e4/"),
        "nothing that could end the attribute or the header");
    assertEquals("/x%0D%0ASet-Cookie:%20a=b/session/token", RefreshTokens.cookiePath(s, "/x\r\nSet-Cookie: a=b/"));
    JwtSettings set = JwtSettings.builder().secret("0123456789abcdef0123456789abcdef").tokenUrl("/session/token")
        .refreshCookiePath("/proxied/api/session/token").refreshExpiration(Duration.ofDays(1)).build();
    assertEquals("/proxied/api/session/token", RefreshTokens.cookiePath(set, "/shop/api/"), "set: as set");
  }
}
