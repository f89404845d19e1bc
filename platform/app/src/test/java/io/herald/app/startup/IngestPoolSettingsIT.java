package io.herald.app.startup;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.herald.shared.persistence.DataSources;
import io.herald.testing.TestDatabase;
import io.herald.testing.TestDatabases;
import jakarta.annotation.sql.DataSourceDefinition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The ingest pool's driver settings, as {@link StartupSequence} declares them, on a real server
 * (embedded MariaDB, or the external one on the suite's external-database run): each connection
 * starts with the 5 s lock wait the events writer relies on, and statements as long as the writer's
 * largest multi-row insert are cached.
 */
class IngestPoolSettingsIT {

  @Test
  void anIngestConnectionWaitsFiveSecondsForALockAndCachesTheWritersStatements()
      throws SQLException {
    DataSourceDefinition ingest =
        Arrays.stream(StartupSequence.class.getAnnotationsByType(DataSourceDefinition.class))
            .filter(d -> d.name().equals(DataSources.INGEST))
            .findFirst()
            .orElseThrow();
    Properties settings = new Properties();
    for (String property : ingest.properties()) {
      int eq = property.indexOf('=');
      settings.setProperty(property.substring(0, eq), property.substring(eq + 1));
    }
    Path work = Path.of(System.getProperty("herald.test.work-dir", "target/app-it"));
    // The external server on the suite's external run (when it is up), else the embedded one.
    TestDatabase database =
        "external".equals(System.getProperty("herald.test.database"))
            ? TestDatabases.externalIfReachable()
                .orElseGet(() -> TestDatabases.embedded(work.resolve("mariadb-ingest-pool")))
            : TestDatabases.embedded(work.resolve("mariadb-ingest-pool"));
    try (database) {
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
}
