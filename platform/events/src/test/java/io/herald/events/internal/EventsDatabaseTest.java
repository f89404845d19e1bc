package io.herald.events.internal;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.herald.events.api.EventSubject;
import io.herald.events.api.EventType;
import io.herald.events.api.NewEvent;
import io.herald.testing.TestDatabase;
import io.herald.testing.TestDatabases;
import jakarta.json.Json;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the event store's tests on a real MariaDB (embedded, one per class), reached with the
 * connection settings the app's ingest datasource uses, and a workspace of its own per test.
 */
abstract class EventsDatabaseTest {

  static TestDatabase database;
  static MysqlDataSource dataSource;
  static long workspace = 1;

  @BeforeAll
  static void database() {
    Path work = Path.of(System.getProperty("herald.test.work-dir", "target/events-it"));
    database = TestDatabases.embedded(work.resolve("mariadb"));
    dataSource = new MysqlDataSource();
    dataSource.setURL(database.jdbcUrl());
    dataSource.setUser(database.user());
    dataSource.setPassword(database.password());
    try {
      dataSource.setRewriteBatchedStatements(true);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void freshWorkspace() {
    workspace++;
  }

  static NewEvent event(String cioId, String name, String dedupeId) {
    return new NewEvent(
        new EventSubject.Person(cioId),
        name,
        EventType.EVENT,
        dedupeId,
        Instant.parse("2026-11-29T10:00:00Z"),
        Json.createObjectBuilder().add("n", name).build(),
        null,
        "test");
  }

  static EventRow row(NewEvent event) {
    return new EventRow(workspace, event, Instant.now());
  }

  /** The events stored in this test's workspace. */
  static long count() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT COUNT(*) FROM events_event WHERE workspace_id = ?")) {
      q.setLong(1, workspace);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
