package io.herald.segments.internal.sql;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.herald.testing.TestDatabaseSessionListener;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The run's database for the SQL tests: the one herald-testing's session listener provides
 * (failsafe sets {@code herald.test.database}: the embedded MariaDB, then the external server),
 * migrated once per test JVM. Tests keep apart by using a workspace of their own.
 */
final class SegmentsTestDatabase {

  /** Keeps Flyway's per-migration INFO lines out of the build log (strong ref: JUL is weak). */
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  private SegmentsTestDatabase() {}

  /** Why there is no database for this run, if there is none. */
  static Optional<String> unavailable() {
    String skip = System.getProperty(TestDatabaseSessionListener.SKIP_PROPERTY);
    if (skip != null) {
      return Optional.of(skip);
    }
    if (System.getProperty("herald.it.db.url") == null) {
      return Optional.of("no test database: run through failsafe (herald.test.database)");
    }
    return Optional.empty();
  }

  /** The migrated database. */
  static DataSource dataSource() {
    return Holder.DATA_SOURCE;
  }

  /** A workspace id no other test uses. */
  static long freshWorkspace() {
    return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
  }

  /** Initialised on first use, once per JVM (the class-holder idiom: no mutable state). */
  private static final class Holder {
    static final DataSource DATA_SOURCE = open();

    private static DataSource open() {
      FLYWAY_LOG.setLevel(Level.WARNING);
      MysqlDataSource dataSource = new MysqlDataSource();
      dataSource.setURL(System.getProperty("herald.it.db.url"));
      dataSource.setUser(System.getProperty("herald.it.db.user"));
      dataSource.setPassword(System.getProperty("herald.it.db.password"));
      try {
        dataSource.setRewriteBatchedStatements(true);
      } catch (java.sql.SQLException e) {
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
