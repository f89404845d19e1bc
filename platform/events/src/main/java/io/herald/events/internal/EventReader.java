package io.herald.events.internal;

import io.herald.events.api.EventHeader;
import io.herald.events.api.EventSubject;
import io.herald.events.api.EventType;
import io.herald.events.api.RecordedEvent;
import io.herald.shared.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/** Reads committed events. */
final class EventReader {

  static final String SELECT =
      "SELECT id, workspace_id, person_cio_id, anonymous_id, object_type_id, object_id, dedupe_id,"
          + " name, type, source, occurred_at, received_at, data, context";

  /** The columns of an {@link EventHeader}. */
  static final String SELECT_HEADER =
      "SELECT id, workspace_id, person_cio_id, anonymous_id, object_type_id, object_id, name,"
          + " occurred_at";

  /** The most ids one {@link #byIds} query names. */
  private static final int IDS_PER_QUERY = 500;

  private final DataSource dataSource;

  EventReader(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  List<RecordedEvent> ofPerson(long workspaceId, String cioId, int start, int limit)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                SELECT
                    + " FROM events_event WHERE workspace_id = ? AND person_cio_id = ?"
                    + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")) {
      q.setLong(1, workspaceId);
      q.setString(2, cioId);
      q.setInt(3, limit);
      q.setInt(4, start);
      return all(q);
    }
  }

  static List<RecordedEvent> all(PreparedStatement q) throws SQLException {
    List<RecordedEvent> events = new ArrayList<>();
    try (ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        events.add(map(rs));
      }
    }
    return events;
  }

  /** The events with these ids, in id order. */
  List<RecordedEvent> byIds(Collection<Long> ids) throws SQLException {
    List<Long> sorted = ids.stream().distinct().sorted().toList();
    List<RecordedEvent> events = new ArrayList<>(sorted.size());
    try (Connection c = dataSource.getConnection()) {
      for (int from = 0; from < sorted.size(); from += IDS_PER_QUERY) {
        List<Long> chunk = sorted.subList(from, Math.min(sorted.size(), from + IDS_PER_QUERY));
        try (PreparedStatement q =
            c.prepareStatement(
                SELECT
                    + " FROM events_event WHERE id IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?"))
                    + ") ORDER BY id")) {
          for (int i = 0; i < chunk.size(); i++) {
            q.setLong(i + 1, chunk.get(i));
          }
          events.addAll(all(q));
        }
      }
    }
    return events;
  }

  /**
   * The header of the current row of a {@link #SELECT_HEADER} query, read by column position: the
   * change feed reads every event's header, and the driver's lookups by name cost more than the
   * values.
   */
  static EventHeader header(ResultSet rs) throws SQLException {
    return new EventHeader(
        rs.getLong(1), rs.getLong(2), subject(rs), rs.getString(7), rs.getTimestamp(8).toInstant());
  }

  /** The subject of the current row: columns 3 to 6 of both {@link #SELECT} and the header's. */
  private static EventSubject subject(ResultSet rs) throws SQLException {
    String person = rs.getString(3);
    if (person != null) {
      return new EventSubject.Person(person);
    }
    String anonymous = rs.getString(4);
    if (anonymous != null) {
      return new EventSubject.Anonymous(anonymous);
    }
    return new EventSubject.CustomObject(rs.getString(5), rs.getString(6));
  }

  static RecordedEvent map(ResultSet rs) throws SQLException {
    String context = rs.getString("context");
    return new RecordedEvent(
        rs.getLong("id"),
        rs.getLong("workspace_id"),
        subject(rs),
        rs.getString("name"),
        EventType.fromWire(rs.getString("type")).orElse(EventType.EVENT),
        rs.getString("dedupe_id"),
        rs.getTimestamp("occurred_at").toInstant(),
        rs.getTimestamp("received_at").toInstant(),
        json(rs.getString("data")),
        context == null ? null : json(context),
        rs.getString("source"));
  }

  private static JsonObject json(String text) {
    try (JsonReader reader = Jsons.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
