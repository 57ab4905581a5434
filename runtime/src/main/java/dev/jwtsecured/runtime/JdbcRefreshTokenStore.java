package dev.jwtsecured.runtime;

import dev.jwtsecured.runtime.internal.Json;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A {@link RefreshTokenStore} in a SQL database, shared by every instance that uses the same database: the way a
 * cluster shares refresh tokens (the database does the replication), or how one instance keeps them across restarts
 * (SQLite, HSQLDB or H2 in a file). Tested on PostgreSQL, MariaDB, H2, SQLite and HSQLDB. Create the table
 * ({@link #createTable()} at every start, or {@link #SCHEMA}; on MariaDB {@link #MARIADB_SCHEMA}, on MySQL
 * {@link #MYSQL_SCHEMA}, on HSQLDB {@link #HSQLDB_SCHEMA}):
 *
 * <pre>
 * CREATE TABLE IF NOT EXISTS jwtsecured_refresh_tokens (
 *   hash       VARCHAR(64)   PRIMARY KEY,   -- base64url SHA-256 of the configuration class, a space, the token
 *   family     VARCHAR(64)   NOT NULL,      -- every token descended from one login
 *   subject    TEXT          NOT NULL,
 *   roles      TEXT          NOT NULL,      -- a JSON array of strings
 *   scopes     TEXT          NOT NULL,      -- space-separated (scope tokens have no spaces, RFC 6749 section 3.3)
 *   extras     TEXT          NOT NULL,      -- a JSON object: the login's application claims
 *   expires_at BIGINT        NOT NULL,      -- epoch seconds
 *   spent      BOOLEAN       NOT NULL,
 *   revoked    BOOLEAN       NOT NULL)
 * CREATE INDEX IF NOT EXISTS jwtsecured_refresh_tokens_family ON jwtsecured_refresh_tokens (family)
 * </pre>
 *
 * <p>What a login carries has no length limit of the store's own: the columns that hold it are {@code TEXT}, so a
 * login with hundreds of directory groups, a long subject or large extras keeps working when refresh tokens are on.
 * MySQL's and MariaDB's {@code TEXT} holds 64 KiB, in the server's default character set (Latin-1 unless configured),
 * compared without regard to case, accents or trailing spaces: there the table has {@code LONGTEXT} in UTF-8 compared
 * byte for byte, so that subjects that differ only so are different users, as they are to the retriever.
 *
 * <p>A rotation is one transaction: a conditional {@code UPDATE ... SET spent = TRUE WHERE hash = ? AND NOT spent AND
 * NOT revoked AND expires_at > ?} decides the race (the database lets one such update change the row), and only the
 * winner inserts the successor, unless the login then holds its bound of tokens (it ends). Expired rows may be deleted
 * at any time after they expire ({@link #deleteExpired}). The statements are standard SQL, their booleans bound as
 * parameters. A transaction begins with its write, so that on SQLite it waits for a concurrent one to end; SQLite
 * writes one at a time, in WAL mode ({@code journal_mode=WAL}) fast enough for bursts of refreshes that its default
 * rollback journal answers with {@code SQLITE_BUSY} once its busy timeout passes (the README has the numbers).
 *
 * <p>It is a little over 300 lines because the table (as four families of databases need it), every statement of the
 * store's contract with its parameters bound one by one, and the rules of its transactions (isolation, retries) are
 * read together: a column or a condition changed in one place is seen in the others.
 */
public final class JdbcRefreshTokenStore implements RefreshTokenStore {
  /** The family index, declared within the table where {@code CREATE INDEX IF NOT EXISTS} is not to be had. */
  private static final String INLINE_FAMILY_INDEX = ", INDEX jwtsecured_refresh_tokens_family (family)";

  /** The family index unless it exists, where {@code CREATE INDEX IF NOT EXISTS} is to be had. */
  private static final String CREATE_FAMILY_INDEX =
      "; CREATE INDEX IF NOT EXISTS jwtsecured_refresh_tokens_family ON jwtsecured_refresh_tokens (family)";

  /** The table and its index unless they exist, in SQL that PostgreSQL, H2 and SQLite accept. */
  public static final String SCHEMA = schema("TEXT", "", "") + CREATE_FAMILY_INDEX;

  /**
   * The table and its index unless they exist, on HSQLDB, which has no {@code TEXT}: its {@code CLOB}, unbounded and
   * compared with trailing spaces counted, where its {@code LONGVARCHAR} ignores them.
   */
  public static final String HSQLDB_SCHEMA = schema("CLOB", "", "") + CREATE_FAMILY_INDEX;

  /**
   * The table and its index unless they exist, on MariaDB: unbounded UTF-8 text, compared byte for byte, trailing
   * spaces included.
   */
  public static final String MARIADB_SCHEMA = schema("LONGTEXT", INLINE_FAMILY_INDEX,
      " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin");

  /**
   * The table and its index unless they exist, on MySQL 8.0.17 or later: unbounded UTF-8 text, compared byte for
   * byte, trailing spaces included (MariaDB has no {@code utf8mb4_0900_bin}; MySQL's {@code utf8mb4_bin} ignores
   * trailing spaces). The index is declared in the table, as MySQL has no {@code CREATE INDEX IF NOT EXISTS}.
   */
  public static final String MYSQL_SCHEMA = schema("LONGTEXT", INLINE_FAMILY_INDEX,
      " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin");

  private static final int DEFAULT_TOKENS_PER_LOGIN = 10_000;
  /** How many times a transaction runs that the database rolls back as a serialization failure or a deadlock. */
  private static final int ATTEMPTS = 3;

  private final DataSource dataSource;
  private final int tokensPerLogin;

  /**
   * A store in the {@code jwtsecured_refresh_tokens} table of {@code dataSource}'s database, which must exist
   * ({@link #createTable()}), in which a login holds at most 10,000 unexpired tokens (see
   * {@link #JdbcRefreshTokenStore(DataSource, int)}).
   */
  public JdbcRefreshTokenStore(DataSource dataSource) {
    this(dataSource, DEFAULT_TOKENS_PER_LOGIN);
  }

  /**
   * A store in which a login (a family: its first token and one a refresh) holds at most {@code tokensPerLogin}
   * unexpired tokens (at least 2): the refresh that would pass it ends the login, and its rows are deleted. Each
   * refresh adds a row that stays until it expires, and a refresh costs no password check: without a bound, one
   * account refreshing in a loop would fill the database. Size it above the refreshes a client makes within
   * {@code refreshExpiration}.
   */
  public JdbcRefreshTokenStore(DataSource dataSource, int tokensPerLogin) {
    if (tokensPerLogin < 2) {
      throw new IllegalArgumentException("tokensPerLogin must be at least 2");
    }
    this.dataSource = java.util.Objects.requireNonNull(dataSource);
    this.tokensPerLogin = tokensPerLogin;
  }

  private static String schema(String text, String index, String options) {
    return "CREATE TABLE IF NOT EXISTS jwtsecured_refresh_tokens (hash VARCHAR(64) PRIMARY KEY,"
        + " family VARCHAR(64) NOT NULL, subject " + text + " NOT NULL, roles " + text + " NOT NULL, scopes " + text
        + " NOT NULL, extras " + text + " NOT NULL, expires_at BIGINT NOT NULL, spent BOOLEAN NOT NULL,"
        + " revoked BOOLEAN NOT NULL" + index + ")" + options;
  }

  /**
   * Creates the table and its index unless they exist, so it may run at every start of every instance:
   * {@link #MARIADB_SCHEMA} on MariaDB, {@link #MYSQL_SCHEMA} on MySQL (as the JDBC driver names the server),
   * {@link #HSQLDB_SCHEMA} on HSQLDB, {@link #SCHEMA} elsewhere. A table that exists is kept as it is, rows and
   * columns.
   *
   * @throws IllegalStateException if the database refuses the table, as databases the store was not tried on may:
   *     create an equivalent table there yourself
   */
  public void createTable() {
    try (Connection c = dataSource.getConnection(); var statement = c.createStatement()) {
      DatabaseMetaData database = c.getMetaData();
      String product = database.getDatabaseProductName();
      // MySQL's driver names a MariaDB server "MySQL"; its version says "MariaDB".
      String schema = "MariaDB".equalsIgnoreCase(product) || database.getDatabaseProductVersion().contains("MariaDB")
          ? MARIADB_SCHEMA
          : "MySQL".equalsIgnoreCase(product) ? MYSQL_SCHEMA
          : product.startsWith("HSQL") ? HSQLDB_SCHEMA : SCHEMA;
      for (String sql : schema.split(";")) {
        statement.execute(sql.trim());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("jwtsecured: could not create the refresh token table (" + e.getSQLState()
          + "); the store was tried on PostgreSQL, MariaDB, H2, SQLite and HSQLDB: elsewhere, create an equivalent"
          + " table yourself (JdbcRefreshTokenStore's documentation shows it)", e);
    }
  }

  @Override
  public void create(Entry entry) {
    run(c -> insert(c, entry));
  }

  @Override
  public Rotation rotate(String presentedHash, Instant now, Function<Entry, Entry> successor) {
    return inTransaction(c -> {
      // The write comes first: on SQLite a transaction that read before it wrote could not wait for a concurrent writer
      // (SQLITE_BUSY at once, a 500 at the token endpoint), where one that begins by writing waits its turn.
      boolean won;
      try (PreparedStatement spend = c.prepareStatement("UPDATE jwtsecured_refresh_tokens SET spent = ?"
          + " WHERE hash = ? AND spent = ? AND revoked = ? AND expires_at > ?")) {
        spend.setBoolean(1, true);
        spend.setString(2, presentedHash);
        spend.setBoolean(3, false);
        spend.setBoolean(4, false);
        spend.setLong(5, now.getEpochSecond());
        won = spend.executeUpdate() == 1;
      }
      Stored presented = find(c, presentedHash);
      if (won) {
        if (unexpiredTokens(c, presented.entry().family(), now) >= tokensPerLogin) {
          delete(c, presented.entry().family()); // it cannot keep its spent tokens and one more
          return new Invalid();
        }
        // A successor that throws rolls the spending back with the transaction.
        insert(c, successor.apply(presented.entry()));
        return new Rotated(presented.entry());
      }
      if (presented == null || !now.isBefore(presented.entry().expiresAt())) {
        return new Invalid();
      }
      revoke(c, presented.entry().family());
      return new Reused(presented.entry(), presented.spent());
    });
  }

  @Override
  public void revokeFamily(String family) {
    run(c -> revoke(c, family));
  }

  /** One {@code UPDATE} of every row of {@code subject}; without an index on {@code subject}, a scan of the table. */
  @Override
  public void revokeSubject(String subject) {
    run(c -> {
      try (PreparedStatement u = c.prepareStatement("UPDATE jwtsecured_refresh_tokens SET revoked = ?"
          + " WHERE subject = ? AND revoked = ?")) {
        u.setBoolean(1, true);
        u.setString(2, subject);
        u.setBoolean(3, false);
        u.executeUpdate();
      }
    });
  }

  @Override
  public Optional<String> familyOf(String hash, Instant now) {
    return inTransaction(c -> {
      try (PreparedStatement q = c.prepareStatement("SELECT family FROM jwtsecured_refresh_tokens WHERE hash = ?"
          + " AND spent = ? AND revoked = ? AND expires_at > ?")) {
        q.setString(1, hash);
        q.setBoolean(2, false);
        q.setBoolean(3, false);
        q.setLong(4, now.getEpochSecond());
        try (ResultSet r = q.executeQuery()) {
          return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
        }
      }
    });
  }

  /** Deletes the tokens that expired before {@code now}; returns how many. */
  public int deleteExpired(Instant now) {
    return inTransaction(c -> {
      try (PreparedStatement d = c.prepareStatement("DELETE FROM jwtsecured_refresh_tokens WHERE expires_at <= ?")) {
        d.setLong(1, now.getEpochSecond());
        return d.executeUpdate();
      }
    });
  }

  /** A row as stored: its entry, and whether it was spent. */
  private record Stored(Entry entry, boolean spent) {}

  private static Stored find(Connection c, String hash) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT family, subject, roles, scopes, extras, expires_at, spent"
        + " FROM jwtsecured_refresh_tokens WHERE hash = ?")) {
      q.setString(1, hash);
      try (ResultSet r = q.executeQuery()) {
        if (!r.next()) {
          return null;
        }
        Set<String> roles = new LinkedHashSet<>();
        for (Object role : (List<?>) Json.parse(r.getString(3))) {
          roles.add((String) role);
        }
        Set<String> scopes = Arrays.stream(r.getString(4).split(" ")).filter(s -> !s.isEmpty())
            .collect(Collectors.toCollection(LinkedHashSet::new));
        return new Stored(new Entry(hash, r.getString(1), r.getString(2), roles, scopes,
            Json.parseObject(r.getString(5)), Instant.ofEpochSecond(r.getLong(6))), r.getBoolean(7));
      }
    }
  }

  private static void insert(Connection c, Entry e) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO jwtsecured_refresh_tokens"
        + " (hash, family, subject, roles, scopes, extras, expires_at, spent, revoked)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, e.hash());
      insert.setString(2, e.family());
      insert.setString(3, e.subject());
      insert.setString(4, Json.write(List.copyOf(e.roles())));
      insert.setString(5, String.join(" ", e.scopes()));
      insert.setString(6, Json.write(e.extras()));
      insert.setLong(7, e.expiresAt().getEpochSecond());
      insert.setBoolean(8, false);
      insert.setBoolean(9, false);
      insert.executeUpdate();
    }
  }

  private static long unexpiredTokens(Connection c, String family, Instant now) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM jwtsecured_refresh_tokens"
        + " WHERE family = ? AND expires_at > ?")) {
      q.setString(1, family);
      q.setLong(2, now.getEpochSecond());
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static void delete(Connection c, String family) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM jwtsecured_refresh_tokens WHERE family = ?")) {
      delete.setString(1, family);
      delete.executeUpdate();
    }
  }

  private static void revoke(Connection c, String family) throws SQLException {
    try (PreparedStatement revoke = c.prepareStatement(
        "UPDATE jwtsecured_refresh_tokens SET revoked = ? WHERE family = ?")) {
      revoke.setBoolean(1, true);
      revoke.setString(2, family);
      revoke.executeUpdate();
    }
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private interface Step {
    void run(Connection c) throws SQLException;
  }

  private void run(Step step) {
    inTransaction(c -> {
      step.run(c);
      return null;
    });
  }

  /**
   * Runs {@code work} in one transaction at {@code READ COMMITTED}, whatever the pool's or the database's default: the
   * conditional {@code UPDATE} that decides a race then finds the row as the winner left it, where at {@code REPEATABLE
   * READ} or {@code SERIALIZABLE} (PostgreSQL) the losers failed with a serialization failure, a 500 at the token
   * endpoint instead of the reuse that revokes the login. A transaction the database still rolls back as a
   * serialization failure or a deadlock (SQLState class 40) runs again, at most {@value #ATTEMPTS} times in all.
   */
  private <T> T inTransaction(Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        boolean isolated = isolation != Connection.TRANSACTION_READ_COMMITTED
            && c.getMetaData().supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_COMMITTED);
        if (isolated) {
          c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
        c.setAutoCommit(false);
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(autoCommit);
          if (isolated) {
            c.setTransactionIsolation(isolation);
          }
        }
      } catch (SQLException e) {
        String state = e.getSQLState();
        if (attempt < ATTEMPTS && state != null && state.startsWith("40")) {
          continue;
        }
        throw new IllegalStateException("jwtsecured: the refresh token store failed (" + state + ")", e);
      }
    }
  }
}
