package dev.jwtsecured;

/** Where the generated filter reads tokens from and where login writes them. */
public enum Transport {
  /**
   * The token travels in the {@link JwtSecured#authHeader() authentication header} as {@code Bearer <jwt>} (the seed
   * framework's {@code JWTAuth}).
   */
  HEADER,

  /**
   * The header is read first; when it is absent, the {@link JwtSecured#cookieName() cookie} (the seed framework's
   * {@code JWTCookieAuth}). Login sets the cookie as well as the header.
   */
  COOKIE
}
