package io.herald.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The run's database for a module's database tests: the one {@link TestDatabaseSessionListener}
 * provides (failsafe sets {@code herald.test.database}: the embedded MariaDB, then the external
 * server), migrated once per test JVM with every migration on the class path ({@code
 * classpath:db/migration}: the module adds {@code herald-migrations} in test scope), on a {@code
 * rewriteBatchedStatements} connection as the application's pool has. Tests keep apart by using a
 * workspace of their own ({@link #freshWorkspace}).
 */
public final class MigratedTestDatabase {

  /** Keeps Flyway's per-migration INFO lines out of the build log (strong ref: JUL is weak). */
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  private MigratedTestDatabase() {}

  /** Why there is no database for this run, if there is none. */
  public static Optional<String> unavailable() {
    String skip = System.getProperty(TestDatabaseSessionListener.SKIP_PROPERTY);
    if (skip != null) {
      return Optional.of(skip);
    }
    if (System.getProperty(TestDatabaseSessionListener.URL_PROPERTY) == null) {
      return Optional.of("no test database: run through failsafe (herald.test.database)");
    }
    return Optional.empty();
  }

  /**
   * The migrated database; skips the calling test (a JUnit assumption, with the reason) when the
   * run has none.
   */
  public static DataSource dataSource() {
    Optional<String> unavailable = unavailable();
    assumeTrue(unavailable.isEmpty(), unavailable::get);
    return Holder.DATA_SOURCE;
  }

  /** A workspace id no other test uses. */
  public static long freshWorkspace() {
    return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
  }

  /** Initialised on first use, once per JVM (the class-holder idiom: no mutable state). */
  private static final class Holder {
    static final DataSource DATA_SOURCE = open();

    private static DataSource open() {
      FLYWAY_LOG.setLevel(Level.WARNING);
      MysqlDataSource dataSource = new MysqlDataSource();
      dataSource.setURL(System.getProperty(TestDatabaseSessionListener.URL_PROPERTY));
      dataSource.setUser(System.getProperty(TestDatabaseSessionListener.USER_PROPERTY));
      dataSource.setPassword(System.getProperty(TestDatabaseSessionListener.PASSWORD_PROPERTY));
      try {
        dataSource.setRewriteBatchedStatements(true);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      return dataSource;
    }
  }
}
