package io.herald.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herald.testing.TestDatabase;
import io.herald.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/** Every migration applies to an empty schema, on both database servers we can reach. */
class MigrationsIT {

  private static final List<String> TABLES =
      List.of(
          "workspace_workspace",
          "workspace_credential",
          "workspace_admin_user",
          "people_person",
          "objects_type",
          "objects_object",
          "objects_person_relationship",
          "objects_object_relationship",
          "people_device",
          "segments_segment",
          "segments_membership",
          "scheduling_node",
          "QRTZ_JOB_DETAILS",
          "QRTZ_TRIGGERS",
          "QRTZ_SIMPLE_TRIGGERS",
          "QRTZ_FIRED_TRIGGERS",
          "QRTZ_SCHEDULER_STATE",
          "QRTZ_LOCKS");

  @Test
  void applyToTheEmbeddedMariaDb() throws Exception {
    Path work = Path.of(System.getProperty("herald.test.work-dir", "target/migrations-it"));
    try (TestDatabase db = TestDatabases.embedded(work.resolve("mariadb"))) {
      migrateTwiceAndCheck(db);
    }
  }

  @Test
  void applyToTheExternalServerWhenReachable() throws Exception {
    Optional<TestDatabase> external = TestDatabases.externalIfReachable();
    assumeTrue(external.isPresent(), "no MariaDB/MySQL at 127.0.0.1:3306 (reason printed above)");
    try (TestDatabase db = external.get()) {
      migrateTwiceAndCheck(db);
    }
  }

  private static void migrateTwiceAndCheck(TestDatabase db) throws Exception {
    Flyway flyway =
        Flyway.configure()
            .dataSource(db.jdbcUrl(), db.user(), db.password())
            .locations("classpath:db/migration")
            .load();
    MigrateResult first = flyway.migrate();
    assertThat(first.success).isTrue();
    assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(4);
    assertThat(flyway.migrate().migrationsExecuted).as("second run is a no-op").isZero();

    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).containsAll(TABLES);
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "SELECT LOCK_NAME FROM QRTZ_LOCKS WHERE SCHED_NAME = 'HeraldCluster' ORDER BY LOCK_NAME")) {
        List<String> locks = new ArrayList<>();
        while (rs.next()) {
          locks.add(rs.getString(1));
        }
        assertThat(locks).containsExactly("STATE_ACCESS", "TRIGGER_ACCESS");
      }
      // SKIP LOCKED, which the work queues of later issues rely on, is supported.
      c.setAutoCommit(false);
      c.createStatement()
          .executeQuery("SELECT node_id FROM scheduling_node FOR UPDATE SKIP LOCKED")
          .close();
      c.rollback();
    }
  }
}
