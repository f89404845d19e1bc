package io.herald.inapp.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.herald.testing.TestDatabaseSessionListener;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The run's database for the in-app module's tests (herald-testing's session listener provides it:
 * embedded MariaDB, then the external server), migrated once per JVM. Tests keep apart by using a
 * workspace of their own.
 */
final class InAppTestDatabase {

  private InAppTestDatabase() {}

  /** The migrated database; skips the calling test class when the run has none. */
  static DataSource dataSource() {
    String skip = System.getProperty(TestDatabaseSessionListener.SKIP_PROPERTY);
    assumeTrue(skip == null, skip);
    assumeTrue(System.getProperty("herald.it.db.url") != null, "run through failsafe");
    return Holder.DATA_SOURCE;
  }

  /** A workspace id no other test uses. */
  static long freshWorkspace() {
    return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
  }

  private static final class Holder {
    static final DataSource DATA_SOURCE = open();

    private static DataSource open() {
      MysqlDataSource ds = new MysqlDataSource();
      ds.setURL(System.getProperty("herald.it.db.url"));
      ds.setUser(System.getProperty("herald.it.db.user"));
      ds.setPassword(System.getProperty("herald.it.db.password"));
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
      return ds;
    }
  }
}
