package io.herald.app.startup;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.conf.PropertyDefinitions.OpenTelemetry;
import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.jdbc.Driver;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.MysqlDataSource;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Message;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;
import io.herald.shared.persistence.DataSources;
import io.herald.testing.PersistenceUnits;
import io.herald.testing.TestDatabase;
import io.herald.testing.TestDatabases;
import jakarta.annotation.sql.DataSourceDefinition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The pools' driver settings, as {@link StartupSequence} declares them, on a real server (embedded
 * MariaDB, or the external one on the suite's external-database run).
 */
class PoolSettingsIT {

  private static final DataSourceDefinition[] POOLS =
      StartupSequence.class.getAnnotationsByType(DataSourceDefinition.class);

  /**
   * Each ingest connection starts with the 5 s lock wait the events writer relies on, and
   * statements as long as the writer's largest multi-row insert are cached.
   */
  @Test
  void anIngestConnectionWaitsFiveSecondsForALockAndCachesTheWritersStatements()
      throws SQLException {
    Properties settings = settings(pool(DataSources.INGEST));
    try (TestDatabase database = database("mariadb-ingest-pool")) {
      MysqlDataSource source = new MysqlDataSource();
      source.setURL(database.jdbcUrl());
      source.setUser(database.user());
      source.setPassword(database.password());
      source.setSessionVariables(settings.getProperty("sessionVariables"));
      source.setRewriteBatchedStatements(
          Boolean.parseBoolean(settings.getProperty("rewriteBatchedStatements")));
      try (Connection c = source.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT @@SESSION.innodb_lock_wait_timeout")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(5);
      }
    }
    assertThat(settings)
        .containsEntry("cachePrepStmts", "true")
        .containsEntry("rewriteBatchedStatements", "true");
    // The events writer's largest statement: 256 rows of 13 values, "(?,…)," each, and its head.
    int longest = 256 * ("(?" + ",?".repeat(12) + "),").length() + 200;
    assertThat(Integer.parseInt(settings.getProperty("prepStmtCacheSqlLimit")))
        .isGreaterThanOrEqualTo(longest);
  }

  /**
   * The people unit writes with JDBC batch writing ({@code eclipselink.jdbc.batch-writing}) on the
   * transactional pool, which rewrites batches: a batch of UPDATEs goes out as one multi-statement
   * command instead of one command each, and the driver still answers each statement's row count,
   * which EclipseLink's version check compares with the batch (a stale row counts 0).
   */
  @Test
  void theTransactionalPoolSendsABatchOfUpdatesAtOnceAndCountsEachStatementsRows()
      throws SQLException {
    assertThat(PersistenceUnits.properties("people"))
        .containsEntry("eclipselink.jdbc.batch-writing", "JDBC");
    Properties settings = settings(pool(DataSources.TRANSACTIONAL));
    assertThat(settings).containsEntry("rewriteBatchedStatements", "true");
    // The identify group's batches of up to 16 person UPDATEs (~250 characters each) are sent as
    // one command whose text the driver parses once per connection only if the cache keeps it.
    assertThat(Integer.parseInt(settings.getProperty("prepStmtCacheSqlLimit")))
        .isGreaterThanOrEqualTo(16 * 260);
    try (TestDatabase database = database("mariadb-tx-pool")) {
      Properties connect = new Properties();
      connect.putAll(settings);
      connect.setProperty("user", database.user());
      connect.setProperty("password", database.password());
      connect.setProperty("queryInterceptors", CommandCounter.class.getName());
      try (Connection c = new Driver().connect(database.jdbcUrl(), connect);
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE batch_check (id INT PRIMARY KEY, version INT NOT NULL)");
        s.execute(
            "INSERT INTO batch_check VALUES (1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (6, 0),"
                + " (7, 0), (8, 0), (9, 0), (10, 0)");
        CommandCounter commands =
            (CommandCounter) c.unwrap(JdbcConnection.class).getQueryInterceptorsInstances().get(0);
        try (PreparedStatement update =
            c.prepareStatement(
                "UPDATE batch_check SET version = version + 1 WHERE id = ? AND version = ?")) {
          for (int id = 1; id <= 10; id++) {
            update.setInt(1, id);
            update.setInt(2, id == 7 ? 3 : 0); // row 7 is "stale": its version is not 3
            update.addBatch();
          }
          long before = commands.sent;
          assertThat(update.executeBatch()).containsExactly(1, 1, 1, 1, 1, 1, 0, 1, 1, 1);
          assertThat(commands.sent - before)
              .as(
                  "the ten UPDATEs as one multi-statement command, with the driver's own"
                      + " commands around it (5 on MariaDB 10.11), not one command each")
              .isLessThanOrEqualTo(5);
        }
      }
    }
  }

  /** Counts the commands a connection sends (instantiated by the driver, one per connection). */
  public static final class CommandCounter implements QueryInterceptor {
    long sent;

    @Override
    public QueryInterceptor init(MysqlConnection conn, Properties props, Log log) {
      return this;
    }

    @Override
    public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
      return null;
    }

    @Override
    public <M extends Message> M preProcess(M packet) {
      sent++;
      return null;
    }

    @Override
    public boolean executeTopLevelOnly() {
      return false;
    }

    @Override
    public void destroy() {}

    @Override
    public <T extends Resultset> T postProcess(
        Supplier<String> sql, Query query, T result, ServerSession session) {
      return null;
    }
  }

  /**
   * Every pool's settings are properties the driver knows (a misspelt one is ignored silently), and
   * a connection made with them has the driver's OpenTelemetry instrumentation off: with Payara's
   * OpenTelemetry API on the classpath Connector/J would otherwise wrap every statement in a span
   * that nothing exports.
   */
  @Test
  void everyPoolsSettingsAreDriverPropertiesAndTurnTheDriversTelemetryOff() throws SQLException {
    assertThat(POOLS)
        .extracting(DataSourceDefinition::name)
        .containsExactlyInAnyOrder(
            DataSources.TRANSACTIONAL,
            DataSources.NON_TRANSACTIONAL,
            DataSources.INGEST,
            DataSources.BULK);
    try (TestDatabase database = database("mariadb-pools")) {
      for (DataSourceDefinition pool : POOLS) {
        Properties settings = settings(pool);
        assertThat(settings.stringPropertyNames())
            .as(pool.name())
            .allSatisfy(name -> assertThat(PropertyKey.fromValue(name)).as(name).isNotNull());
        Properties connect = new Properties();
        connect.putAll(settings);
        connect.setProperty("user", database.user());
        connect.setProperty("password", database.password());
        try (Connection c = new Driver().connect(database.jdbcUrl(), connect)) {
          OpenTelemetry telemetry =
              c.unwrap(JdbcConnection.class)
                  .getPropertySet()
                  .<OpenTelemetry>getEnumProperty(PropertyKey.openTelemetry)
                  .getValue();
          assertThat(telemetry).as(pool.name()).isEqualTo(OpenTelemetry.DISABLED);
        }
      }
    }
  }

  private static DataSourceDefinition pool(String name) {
    return Arrays.stream(POOLS).filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }

  private static Properties settings(DataSourceDefinition pool) {
    Properties settings = new Properties();
    for (String property : pool.properties()) {
      int eq = property.indexOf('=');
      settings.setProperty(property.substring(0, eq), property.substring(eq + 1));
    }
    return settings;
  }

  private static TestDatabase database(String dir) {
    Path work = Path.of(System.getProperty("herald.test.work-dir", "target/app-it"));
    // The external server on the suite's external run (when it is up), else the embedded one.
    return "external".equals(System.getProperty("herald.test.database"))
        ? TestDatabases.externalIfReachable()
            .orElseGet(() -> TestDatabases.embedded(work.resolve(dir)))
        : TestDatabases.embedded(work.resolve(dir));
  }
}
