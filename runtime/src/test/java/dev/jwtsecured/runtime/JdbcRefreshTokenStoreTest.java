package dev.jwtsecured.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The store contract on a real PostgreSQL (an embedded server process) and on H2. */
class JdbcRefreshTokenStoreTest {
  static final AtomicInteger SCHEMAS = new AtomicInteger();

  /** A fresh table per test: each gets its own schema (PostgreSQL) or in-memory database (H2). */
  @Nested
  class OnPostgreSql extends RefreshTokenStoreContract {
    @Override
    RefreshTokenStore store() {
      return storeWithLoginsOf(10_000);
    }

    @Override
    RefreshTokenStore storeWithLoginsOf(int tokens) {
      String schema = "s" + SCHEMAS.incrementAndGet();
      try (Connection c = postgres.getPostgresDatabase().getConnection()) {
        c.createStatement().execute("CREATE SCHEMA " + schema);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      DataSource ds = postgres.getDatabase("postgres", "postgres", java.util.Map.of("currentSchema", schema));
      JdbcRefreshTokenStore store = new JdbcRefreshTokenStore(ds, tokens);
      store.createTable();
      return store;
    }
  }

  @Nested
  class OnH2 extends RefreshTokenStoreContract {
    @Override
    RefreshTokenStore store() {
      return storeWithLoginsOf(10_000);
    }

    @Override
    RefreshTokenStore storeWithLoginsOf(int tokens) {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL("jdbc:h2:mem:refresh" + SCHEMAS.incrementAndGet() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
      JdbcRefreshTokenStore store = new JdbcRefreshTokenStore(ds, tokens);
      store.createTable();
      return store;
    }
  }

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }
}
