package io.herald.segments.internal.realtime;

import io.herald.testing.MigratedTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rows of the run's database (herald-testing's {@link MigratedTestDatabase}) for the engine's
 * tests: helpers that write other modules' rows as those modules do, and read the segment's
 * journal, members and state. Tests keep apart by using a workspace of their own.
 */
final class RealtimeTestDatabase {

  /** The engine tests' usual data segment: a login within the last hour. */
  static final String LOGIN_WITHIN_AN_HOUR =
      "{\"version\":1,\"condition\":{\"event\":{\"name\":\"login\","
          + "\"within\":{\"last\":1,\"unit\":\"hours\"}}}}";

  private RealtimeTestDatabase() {}

  static void person(long ws, String cioId, String attributesJson) throws SQLException {
    try (Connection c = MigratedTestDatabase.dataSource().getConnection();
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

  static void event(long ws, String cioId, String name, Instant at) throws SQLException {
    event(ws, cioId, name, at, "{}");
  }

  /** An event of the person with {@code data} (JSON). */
  static void event(long ws, String cioId, String name, Instant at, String data)
      throws SQLException {
    try (Connection c = MigratedTestDatabase.dataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO events_event (workspace_id, person_cio_id, name, type, source,"
                    + " occurred_at, received_at, data) VALUES (?, ?, ?, 'event', 'test', ?, ?, ?)")) {
      insert.setLong(1, ws);
      insert.setString(2, cioId);
      insert.setString(3, name);
      insert.setTimestamp(4, Timestamp.from(at));
      insert.setTimestamp(5, Timestamp.from(at));
      insert.setString(6, data);
      insert.executeUpdate();
    }
  }

  /** Relates the person to a new object of type 1 ({@code acct-<cio>}). */
  static void relate(long ws, String cio) throws SQLException {
    try (Connection c = MigratedTestDatabase.dataSource().getConnection()) {
      long key;
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO objects_object (workspace_id, type_id, object_id, cio_object_id,"
                  + " attributes, attribute_timestamps, created_at, updated_at)"
                  + " VALUES (?, 1, ?, ?, '{}', '{}', NOW(3), NOW(3))",
              Statement.RETURN_GENERATED_KEYS)) {
        insert.setLong(1, ws);
        insert.setString(2, "acct-" + cio);
        insert.setString(3, "o1-" + cio);
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          key = keys.getLong(1);
        }
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO objects_person_relationship (workspace_id, object_pk,"
                  + " person_cio_id, attributes, created_at, updated_at)"
                  + " VALUES (?, ?, ?, '{}', NOW(3), NOW(3))")) {
        insert.setLong(1, ws);
        insert.setLong(2, key);
        insert.setString(3, cio);
        insert.executeUpdate();
      }
    }
  }

  /** A re-check request as other modules' transactions append it. */
  static void recheckRequest(long ws, String cioId, String cause, Instant at) throws SQLException {
    try (Connection c = MigratedTestDatabase.dataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO segments_recheck_request (workspace_id, cio_id, cause, requested_at)"
                    + " VALUES (?, ?, ?, ?)")) {
      insert.setLong(1, ws);
      insert.setString(2, cioId);
      insert.setString(3, cause);
      io.herald.shared.persistence.DateTimes.bind(insert, 4, at);
      insert.executeUpdate();
    }
  }

  /** A data segment as the data-segment service stores it; returns its id. */
  static long dataSegment(long ws, String conditionsJson) throws SQLException {
    try (Connection c = MigratedTestDatabase.dataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO segments_segment (workspace_id, name, type, created_at, updated_at,"
                    + " conditions, conditions_version) VALUES (?, 'test', 'data', NOW(3), NOW(3),"
                    + " ?, 1)",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, ws);
      insert.setString(2, conditionsJson);
      insert.executeUpdate();
      try (var keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** The segment's change journal, oldest first: "cio entered|exited cause". */
  static List<String> changes(long segment) {
    List<String> found = new ArrayList<>();
    query(
        "SELECT cio_id, entered, cause FROM segments_membership_change WHERE segment_id = ?"
            + " ORDER BY id",
        segment,
        rs ->
            found.add(
                rs.getString(1) + (rs.getBoolean(2) ? " entered " : " exited ") + rs.getString(3)));
    return found;
  }

  /** The segment's members. */
  static Set<String> members(long segment) {
    Set<String> found = new TreeSet<>();
    query(
        "SELECT cio_id FROM segments_membership WHERE segment_id = ?",
        segment,
        rs -> found.add(rs.getString(1)));
    return found;
  }

  /** The segment's rebuild_state. */
  static String rebuildState(long segment) {
    List<String> found = new ArrayList<>();
    query(
        "SELECT rebuild_state FROM segments_segment WHERE id = ?",
        segment,
        rs -> found.add(rs.getString(1)));
    return found.get(0);
  }

  /** Reads each row of a query with one long parameter. */
  static void query(String sql, long parameter, RowReader reader) {
    try (Connection c = MigratedTestDatabase.dataSource().getConnection();
        PreparedStatement q = c.prepareStatement(sql)) {
      q.setLong(1, parameter);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads one row. */
  @FunctionalInterface
  interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }
}
