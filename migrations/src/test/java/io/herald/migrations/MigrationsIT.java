package io.herald.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herald.testing.TestDatabase;
import io.herald.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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

  /** The last migration that kept a delivery's content in its row. */
  private static final String BEFORE_CONTENT_TABLE = "202612030100";

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
    MigrateResult upToContentInTheRow =
        Flyway.configure()
            .dataSource(db.jdbcUrl(), db.user(), db.password())
            .locations("classpath:db/migration")
            .target(BEFORE_CONTENT_TABLE)
            .load()
            .migrate();
    assertThat(upToContentInTheRow.success).isTrue();
    long[] deliveries = deliveriesWithContentInTheirRow(db);
    MigrateResult first = flyway.migrate();
    assertThat(first.success).isTrue();
    contentMovedToItsTable(db, deliveries);
    assertThat(first.migrationsExecuted).as("the migrations after the target").isPositive();
    assertThat(upToContentInTheRow.migrationsExecuted + first.migrationsExecuted)
        .isGreaterThanOrEqualTo(4);
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

  /**
   * Two deliveries stored as Herald stored them before {@code V202612040001}: one with its
   * compressed content in the row, one without; their primary keys.
   */
  private static long[] deliveriesWithContentInTheirRow(TestDatabase db) throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Statement s = c.createStatement()) {
      long[] keys = new long[2];
      for (int i = 0; i < 2; i++) {
        s.executeUpdate(
            "INSERT INTO messaging_delivery (delivery_id, workspace_id, channel, lane, recipient,"
                + " state, retain, content, created_at, updated_at) VALUES ('mig-"
                + i
                + "', 1, 'email', 'bulk', 'a@x.io', 'sent', 1, "
                + (i == 0 ? "COMPRESS('{\"html\":\"<p>Olá ✓</p>\"}')" : "NULL")
                + ", NOW(3), NOW(3))",
            Statement.RETURN_GENERATED_KEYS);
        try (ResultSet rs = s.getGeneratedKeys()) {
          rs.next();
          keys[i] = rs.getLong(1);
        }
      }
      return keys;
    }
  }

  /** After the migration the content is in its own table, and the row has no content column. */
  private static void contentMovedToItsTable(TestDatabase db, long[] deliveries) throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Statement s = c.createStatement()) {
      List<String> moved = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT delivery_pk, CONVERT(UNCOMPRESS(content) USING utf8mb4)"
                  + " FROM messaging_delivery_content ORDER BY delivery_pk")) {
        while (rs.next()) {
          moved.add(rs.getLong(1) + " " + rs.getString(2));
        }
      }
      assertThat(moved).containsExactly(deliveries[0] + " {\"html\":\"<p>Olá ✓</p>\"}");
      try (ResultSet rs =
          c.getMetaData().getColumns(c.getCatalog(), null, "messaging_delivery", "content")) {
        assertThat(rs.next()).as("messaging_delivery.content dropped").isFalse();
      }
      s.executeUpdate("DELETE FROM messaging_delivery WHERE delivery_id LIKE 'mig-%'");
    }
  }
}
