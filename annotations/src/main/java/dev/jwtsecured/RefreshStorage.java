package dev.jwtsecured;

/** Where a configuration's refresh tokens live ({@link JwtSecured#refreshStorage()}). */
public enum RefreshStorage {
  /**
   * A bounded store in this process's memory: for a single instance only. Refresh tokens are lost on restart (users
   * log in again), and a second instance would not know the first one's tokens.
   */
  IN_MEMORY,
  /**
   * The store a {@link RefreshStore} method of the configuration returns, such as a {@code JdbcRefreshTokenStore} on
   * the database the instances of a cluster share.
   */
  PROVIDED
}
