package dev.jwtsecured.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mariadb.jdbc.MariaDbDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store contract on a real PostgreSQL (an embedded server process), a real MariaDB (Debian's, through both its
 * driver and MySQL's), and on H2, SQLite and HSQLDB.
 */
class JdbcRefreshTokenStoreTest {
  static final AtomicInteger SCHEMAS = new AtomicInteger();

  /** The store contract, and what a table in a database adds to it. */
  abstract static class JdbcContract extends RefreshTokenStoreContract {
    @Override
    RefreshTokenStore store() {
      return storeWithLoginsOf(10_000);
    }

    /**
     * A table that is there already, made by an earlier start of this instance or by another instance, is kept with its
     * rows: {@link JdbcRefreshTokenStore#createTable()} may run at every start. Before, the second start failed.
     */
    @Test
    void creatingTheTableAgainKeepsItAndItsRows() {
      JdbcRefreshTokenStore store = (JdbcRefreshTokenStore) store();
      RefreshTokenStore.Entry first = entry("again");
      store.create(first);
      store.createTable();
      assertEquals(Optional.of("again"), store.familyOf(first.hash(), NOW));
    }
  }

  /** A fresh table per test: each gets a schema of its own, as every test below a database of its own. */
  @Nested
  class OnPostgreSql extends JdbcContract {
    @Override
    RefreshTokenStore storeWithLoginsOf(int tokens) {
      return created(postgreSql(Map.of()), tokens);
    }
  }

  /**
   * PostgreSQL whose sessions begin their transactions {@code SERIALIZABLE}, as a database or a pool may be set up: of
   * concurrent refreshes with one token, the losers' updates failed with a serialization failure (40001), a 500 at the
   * token endpoint where the race should have revoked the login.
   */
  @Nested
  class OnPostgreSqlSerializable extends JdbcContract {
    @Override
    RefreshTokenStore storeWithLoginsOf(int tokens) {
      return created(postgreSql(Map.of("options", "-c default_transaction_isolation=serializable")), tokens);
    }
  }

  /** A data source on a new, empty schema of the PostgreSQL server, with further connection {@code properties}. */
  static DataSource postgreSql(Map<String, String> properties) {
    String schema = "s" + SCHEMAS.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> all = new HashMap<>(properties);
    all.put("currentSchema", schema);
    return postgres.getDatabase("postgres", "postgres", all);
  }

  /**
   * A fresh SQLite database file per test, in its default rollback-journal mode: of concurrent refreshes with one
   * token, the losers failed with {@code SQLITE_BUSY} (a 500 at the token endpoint) where the race should have revoked
   * the login, as their transactions read before they wrote and SQLite then does not wait.
   */
  @Nested
  class OnSqlite extends JdbcContract {
    @Override
    RefreshTokenStore storeWithLoginsOf(int tokens) {
      return created(sqlite(new SQLiteConfig()), tokens);
    }
  }

  /** SQLite in write-ahead-log mode, where the losers failed alike. */
  @Nested
  class OnSqliteWal extends JdbcContract {
    @Override
    RefreshTokenStore storeWithLoginsOf(int tokens) {
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      return created(sqlite(config), tokens);
    }
  }

  static DataSource sqlite(SQLiteConfig config) {
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl("jdbc:sqlite:" + files.resolve("refresh" + SCHEMAS.incrementAndGet() + ".db"));
    return ds;
  }

  /** HSQLDB in memory, which has no {@code TEXT} type, and whose {@code LONGVARCHAR} ignores trailing spaces. */
  @Nested
  class OnHsqldb extends JdbcContract {
    @Override
    RefreshTokenStore storeWithLoginsOf(int tokens) {
      return created(hsqldb("mem:refresh" + SCHEMAS.incrementAndGet()), tokens);
    }
  }

  /** HSQLDB in a file, its transactions multi-version ({@code hsqldb.tx=mvcc}) rather than locking. */
  @Nested
  class OnHsqldbFileMvcc extends JdbcContract {
    @Override
    RefreshTokenStore storeWithLoginsOf(int tokens) {
      return created(hsqldb("file:" + files.resolve("refresh" + SCHEMAS.incrementAndGet()) + ";hsqldb.tx=mvcc"),
          tokens);
    }
  }

  static DataSource hsqldb(String database) {
    JDBCDataSource ds = new JDBCDataSource();
    ds.setUrl("jdbc:hsqldb:" + database);
    ds.setUser("SA");
    return ds;
  }

  @Nested
  class OnH2 extends JdbcContract {
    @Override
    RefreshTokenStore storeWithLoginsOf(int tokens) {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL("jdbc:h2:mem:refresh" + SCHEMAS.incrementAndGet() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
      return created(ds, tokens);
    }
  }

  /**
   * A fresh database per test on a MariaDB server of the test's own: the table
   * {@link JdbcRefreshTokenStore#createTable()} makes there, which MySQL's and MariaDB's defaults would otherwise shape
   * (text of at most 64 KiB, in Latin-1, compared without regard to case, accents or trailing spaces).
   */
  abstract static class OnMariaDbServer extends JdbcContract {
    @BeforeAll
    static void startMariaDb() throws Exception {
      mariaDb();
    }

    /** The driver's data source for {@code database}. */
    abstract DataSource dataSource(String database) throws SQLException;

    @Override
    RefreshTokenStore storeWithLoginsOf(int tokens) {
      String database = "m" + SCHEMAS.incrementAndGet();
      try {
        mariaDb().createDatabase(database);
        return created(dataSource(database), tokens);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Through MariaDB's driver. */
  @Nested
  class OnMariaDb extends OnMariaDbServer {
    @Override
    DataSource dataSource(String database) throws SQLException {
      return new MariaDbDataSource(mariaDb.url(database));
    }
  }

  /** Through MariaDB's driver, its sessions {@code SERIALIZABLE}: the race's losers failed as on PostgreSQL. */
  @Nested
  class OnMariaDbSerializable extends OnMariaDbServer {
    @Override
    DataSource dataSource(String database) throws SQLException {
      return new MariaDbDataSource(mariaDb.url(database) + "&sessionVariables=tx_isolation=SERIALIZABLE");
    }
  }

  /** Through MySQL's driver, which names the server "MySQL": the store still makes MariaDB's table. */
  @Nested
  class OnMariaDbThroughMySqlDriver extends OnMariaDbServer {
    @Override
    DataSource dataSource(String database) {
      MysqlDataSource ds = new MysqlDataSource();
      ds.setUrl(mariaDb.mySqlUrl(database));
      return ds;
    }
  }

  /** A database that refuses the table says which databases the store knows, and what to do elsewhere. */
  @Test
  void aTableTheDatabaseRefusesIsReportedWithWhatToDo() throws SQLException {
    SQLiteDataSource empty = (SQLiteDataSource) sqlite(new SQLiteConfig());
    empty.getConnection().close();
    SQLiteConfig readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true);
    SQLiteDataSource refusing = new SQLiteDataSource(readOnly);
    refusing.setUrl(empty.getUrl());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new JdbcRefreshTokenStore(refusing).createTable());
    assertTrue(e.getMessage().startsWith("jwtsecured: could not create the refresh token table"), e.getMessage());
    assertTrue(e.getMessage().endsWith("elsewhere, create an equivalent table yourself (JdbcRefreshTokenStore's"
        + " documentation shows it)"), e.getMessage());
    assertInstanceOf(SQLException.class, e.getCause());
  }

  private static JdbcRefreshTokenStore created(DataSource ds, int tokens) {
    JdbcRefreshTokenStore store = new JdbcRefreshTokenStore(ds, tokens);
    store.createTable();
    return store;
  }

  private static MariaDbServer mariaDb;

  /** The one MariaDB server of this class, started by the first test that needs it. */
  static synchronized MariaDbServer mariaDb() throws IOException, InterruptedException {
    if (mariaDb == null) {
      mariaDb = MariaDbServer.start();
    }
    return mariaDb;
  }

  static EmbeddedPostgres postgres;

  /** Where the databases in files are. */
  @TempDir
  static Path files;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopServers() throws IOException {
    postgres.close();
    if (mariaDb != null) {
      mariaDb.close();
    }
  }
}
