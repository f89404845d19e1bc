package io.herald.segments.internal.sql;

import io.herald.segments.api.condition.EngagementCondition;
import io.herald.shared.persistence.DateTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Writes rows of one workspace straight into the tables the SQL compiler reads, the way their
 * owning modules store them (JSON documents as text). Times are written as text with their
 * milliseconds: Connector/J drops the fraction of Timestamp parameters on MariaDB 10.x.
 */
final class TestData {

  private static final Timestamp CREATED = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));

  private final DataSource dataSource;
  private final long workspace;

  TestData(DataSource dataSource, long workspace) {
    this.dataSource = dataSource;
    this.workspace = workspace;
  }

  long workspace() {
    return workspace;
  }

  /** A person with these attributes (a JSON object); returns the row key. */
  long person(String cioId, String attributes) {
    return insert(
        "INSERT INTO people_person (workspace_id, cio_id, attributes, attribute_timestamps,"
            + " created_at, updated_at) VALUES (?, ?, ?, '{}', ?, ?)",
        workspace,
        cioId,
        attributes,
        CREATED,
        CREATED);
  }

  /** An event of the person. */
  void event(String cioId, String name, Instant occurredAt, String data) {
    insert(
        "INSERT INTO events_event (workspace_id, person_cio_id, name, type, source, occurred_at,"
            + " received_at, data) VALUES (?, ?, ?, 'event', 'test', ?, ?, ?)",
        workspace,
        cioId,
        name,
        DateTimes.text(occurredAt),
        CREATED,
        data);
  }

  /** An event of an anonymous visitor nobody is linked to. */
  void anonymousEvent(String anonymousId, String name, Instant occurredAt) {
    insert(
        "INSERT INTO events_event (workspace_id, anonymous_id, name, type, source, occurred_at,"
            + " received_at, data) VALUES (?, ?, ?, 'event', 'test', ?, ?, '{}')",
        workspace,
        anonymousId,
        name,
        DateTimes.text(occurredAt),
        CREATED);
  }

  /** An object type. */
  void objectType(int typeId) {
    insert(
        "INSERT INTO objects_type (workspace_id, type_id, name, created_at) VALUES (?, ?, ?, ?)",
        workspace,
        typeId,
        "type " + typeId,
        CREATED);
  }

  /** An object of an existing type; returns its row key. */
  long object(int typeId, String objectId, String attributes) {
    return insert(
        "INSERT INTO objects_object (workspace_id, type_id, object_id, cio_object_id, attributes,"
            + " attribute_timestamps, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '{}', ?, ?)",
        workspace,
        typeId,
        objectId,
        "o" + typeId + "-" + objectId,
        attributes,
        CREATED,
        CREATED);
  }

  /** A relationship of the person to the object. */
  void relationship(long objectKey, String cioId, String attributes) {
    insert(
        "INSERT INTO objects_person_relationship (workspace_id, object_pk, person_cio_id,"
            + " attributes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        workspace,
        objectKey,
        cioId,
        attributes,
        CREATED,
        CREATED);
  }

  /** A device of the person (by row key). */
  void device(long personKey, String token, String platform, String attributes) {
    insert(
        "INSERT INTO people_device (workspace_id, person_id, token, platform, last_used,"
            + " attributes, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?, ?)",
        workspace,
        personKey,
        token,
        platform,
        attributes,
        CREATED,
        CREATED);
  }

  /** A manual segment; returns its id. */
  long segment() {
    return insert(
        "INSERT INTO segments_segment (workspace_id, name, type, created_at, updated_at)"
            + " VALUES (?, 'test', 'manual', ?, ?)",
        workspace,
        CREATED,
        CREATED);
  }

  /** Makes the person a member of the segment. */
  void member(long segmentId, String cioId) {
    insert(
        "INSERT INTO segments_membership (segment_id, workspace_id, cio_id, added_at)"
            + " VALUES (?, ?, ?, ?)",
        segmentId,
        workspace,
        cioId,
        CREATED);
  }

  /** A message engagement of the person. */
  void engagement(
      String cioId,
      EngagementCondition.Metric metric,
      String messageId,
      String campaignId,
      Instant occurredAt) {
    insert(
        "INSERT INTO segments_engagement (workspace_id, cio_id, metric, message_id, campaign_id,"
            + " occurred_at) VALUES (?, ?, ?, ?, ?, ?)",
        workspace,
        cioId,
        metric.wireName(),
        messageId,
        campaignId,
        DateTimes.text(occurredAt));
  }

  private long insert(String sql, Object... values) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        return keys.next() ? keys.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
