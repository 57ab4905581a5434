package dev.jwtsecured.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The store contract on a real PostgreSQL (an embedded server process), a real MariaDB (Debian's, through both its
 * driver and MySQL's) and on H2.
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

  /** A fresh table per test: each gets its own schema (PostgreSQL) or in-memory database (H2). */
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
