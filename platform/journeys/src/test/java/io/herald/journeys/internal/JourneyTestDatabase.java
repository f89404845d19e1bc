package io.herald.journeys.internal;

import io.herald.events.api.EventSubject;
import io.herald.events.api.EventType;
import io.herald.events.api.RecordedEvent;
import io.herald.shared.persistence.DateTimes;
import io.herald.testing.MigratedTestDatabase;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The run's database for the engine's scenario tests (herald-testing's {@link
 * MigratedTestDatabase}), with helpers that write other modules' rows as those modules do. Tests
 * keep apart by using a workspace of their own.
 */
final class JourneyTestDatabase {

  private JourneyTestDatabase() {}

  // The bootstrap is herald-testing's; these name it for the scenario tests.

  /** Why there is no database for this run, if there is none. */
  static Optional<String> unavailable() {
    return MigratedTestDatabase.unavailable();
  }

  static DataSource dataSource() {
    return MigratedTestDatabase.dataSource();
  }

  static long freshWorkspace() {
    return MigratedTestDatabase.freshWorkspace();
  }

  static void person(long ws, String cioId, String attributesJson) throws SQLException {
    try (Connection c = dataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO people_person (workspace_id, cio_id, attributes,"
                    + " attribute_timestamps, created_at, updated_at)"
                    + " VALUES (?, ?, ?, '{}', NOW(3), NOW(3))")) {
      insert.setLong(1, ws);
      insert.setString(2, cioId);
      insert.setString(3, attributesJson);
      insert.executeUpdate();
    }
  }

  /** An event as the events module stores it, and as its change feed hands it over. */
  static RecordedEvent event(long ws, String cioId, String name, Instant at, JsonObject data)
      throws SQLException {
    try (Connection c = dataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO events_event (workspace_id, person_cio_id, name, type, source,"
                    + " occurred_at, received_at, data) VALUES (?, ?, ?, 'event', 'test', ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, ws);
      insert.setString(2, cioId);
      insert.setString(3, name);
      DateTimes.bind(insert, 4, at);
      DateTimes.bind(insert, 5, at);
      insert.setString(6, data.toString());
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return new RecordedEvent(
            keys.getLong(1),
            ws,
            new EventSubject.Person(cioId),
            name,
            EventType.EVENT,
            null,
            at,
            at,
            data,
            null,
            "test");
      }
    }
  }

  /** Runs one statement on the test database (a person's identifiers or attributes, …). */
  static void execute(String sql, Object... params) throws SQLException {
    try (Connection c = dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.executeUpdate();
    }
  }

  /** An object change as the objects module journals it ({@code objects_change}). */
  static void objectChange(
      long ws,
      int typeId,
      String objectId,
      String cioObjectId,
      String kind,
      String cioId,
      String attributes,
      Instant at)
      throws SQLException {
    try (Connection c = dataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO objects_change (workspace_id, object_type_id, object_id,"
                    + " cio_object_id, kind, cio_id, attributes, changed_at, inserted_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, ws);
      insert.setInt(2, typeId);
      insert.setString(3, objectId);
      insert.setString(4, cioObjectId);
      insert.setString(5, kind);
      insert.setString(6, cioId);
      insert.setString(7, attributes);
      DateTimes.bind(insert, 8, at);
      // Settled at once (an hour before the database's real clock): the feed never waits for it.
      DateTimes.bind(insert, 9, Instant.now().minusSeconds(3600));
      insert.executeUpdate();
    }
  }

  /** An object change naming another object (a link's other end) as the objects module does. */
  static void objectLinkChange(
      long ws,
      int typeId,
      String objectId,
      String kind,
      int otherTypeId,
      String otherObjectId,
      String attributes,
      Instant at)
      throws SQLException {
    objectChange(ws, typeId, objectId, "obj-" + objectId, kind, null, attributes, at);
    execute(
        "UPDATE objects_change SET other_type_id = ?, other_object_id = ?,"
            + " other_cio_object_id = ? WHERE workspace_id = ? AND object_id = ? AND kind = ?",
        otherTypeId,
        otherObjectId,
        "obj-" + otherObjectId,
        ws,
        objectId,
        kind);
  }

  /** A segment enter or exit as the segments module journals it. */
  static void membershipChange(long ws, long segment, String cioId, boolean entered, Instant at)
      throws SQLException {
    try (Connection c = dataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO segments_membership_change (workspace_id, segment_id, cio_id,"
                    + " entered, cause, changed_at) VALUES (?, ?, ?, ?, 'api', ?)")) {
      insert.setLong(1, ws);
      insert.setLong(2, segment);
      insert.setString(3, cioId);
      insert.setBoolean(4, entered);
      DateTimes.bind(insert, 5, at);
      insert.executeUpdate();
    }
  }
}
