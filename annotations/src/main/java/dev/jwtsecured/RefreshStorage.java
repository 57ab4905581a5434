package dev.jwtsecured;

/** Where a configuration's refresh tokens live ({@link JwtSecured#refreshStorage()}). */
public enum RefreshStorage {
  /**
   * A bounded store in this process's memory (100,000 tokens, 10,000 for one user; when a bound is reached, whole
   * logins go, the least recently active first): for a single instance only. Refresh tokens are lost on restart (users
   * log in again), and a second instance would not know the first one's tokens.
   */
  IN_MEMORY,
  /**
   * The store a {@link RefreshStore} method of the configuration returns, such as a {@code JdbcRefreshTokenStore} on
   * the database the instances of a cluster share.
   */
  PROVIDED
}
