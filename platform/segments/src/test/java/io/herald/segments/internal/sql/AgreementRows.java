package io.herald.segments.internal.sql;

import io.herald.segments.internal.evaluate.PersonFacts;
import io.herald.segments.internal.sql.AgreementCases.Case;
import io.herald.segments.internal.sql.AgreementCases.Person;
import io.herald.shared.persistence.DateTimes;
import io.herald.testing.MigratedTestDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the agreement test's cases into one workspace of the real database, the way the owning
 * modules store them, and builds the {@link PersonFacts} the in-memory evaluator gets from the same
 * data. Object types, objects and segments are written once; each try deletes the rest and writes
 * its rows in batches, in one transaction.
 */
final class AgreementRows {

  private final long workspace;
  private final List<Long> objectKeys = new ArrayList<>();

  AgreementRows(long workspace) {
    this.workspace = workspace;
  }

  /**
   * The workspace's object types, objects and segments, written once: each try only rewrites the
   * objects' attributes.
   */
  void objectsAndSegments() {
    try (Connection connection = MigratedTestDatabase.dataSource().getConnection()) {
      Writer w = new Writer(connection);
      for (int type : AgreementCases.OBJECT_TYPES.stream().distinct().toList()) {
        w.insert(
            "INSERT INTO objects_type (workspace_id, type_id, name, created_at)"
                + " VALUES (?, ?, 't', '2026-01-01')",
            workspace,
            type);
      }
      for (int i = 0; i < AgreementCases.OBJECT_TYPES.size(); i++) {
        objectKeys.add(
            w.insert(
                "INSERT INTO objects_object (workspace_id, type_id, object_id, cio_object_id,"
                    + " attributes, attribute_timestamps, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, '{}', '{}', '2026-01-01', '2026-01-01')",
                workspace,
                AgreementCases.OBJECT_TYPES.get(i),
                "o" + i,
                "cio-o" + workspace + "-" + i));
      }
      for (long segment : AgreementCases.SEGMENT_IDS.subList(0, 2)) {
        w.insert(
            "INSERT INTO segments_segment (id, workspace_id, name, type, created_at, updated_at)"
                + " VALUES (?, ?, 's', 'manual', '2026-01-01', '2026-01-01')",
            segment,
            workspace);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Replaces the workspace's rows with the case's; returns what the evaluator gets per person. */
  Map<String, PersonFacts> write(Case c) {
    try (Connection connection = MigratedTestDatabase.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      clear(connection);
      Writer w = new Writer(connection);
      for (int i = 0; i < c.objects().size(); i++) {
        w.add(
            "UPDATE objects_object SET attributes = ? WHERE id = ?",
            c.objects().get(i).toString(),
            objectKeys.get(i));
      }
      for (Person p : c.people()) {
        w.add(
            "INSERT INTO people_person (workspace_id, cio_id, attributes, attribute_timestamps,"
                + " created_at, updated_at) VALUES (?, ?, ?, '{}', '2026-01-01', '2026-01-01')",
            workspace,
            p.cioId(),
            p.attributes().toString());
      }
      w.flush();
      Map<String, Long> keys = personKeys(connection);
      Map<String, PersonFacts> facts = new LinkedHashMap<>();
      for (Person p : c.people()) {
        facts.put(p.cioId(), writePerson(w, p, keys.get(p.cioId()), c));
      }
      w.flush();
      connection.commit();
      return facts;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Long> personKeys(Connection connection) throws SQLException {
    Map<String, Long> keys = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT cio_id, id FROM people_person WHERE workspace_id = ?")) {
      select.setLong(1, workspace);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          keys.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return keys;
  }

  private PersonFacts writePerson(Writer w, Person p, long key, Case c) throws SQLException {
    List<PersonFacts.EventFact> events = new ArrayList<>();
    for (AgreementCases.Event e : p.events()) {
      w.add(
          "INSERT INTO events_event (workspace_id, person_cio_id, name, type, source, occurred_at,"
              + " received_at, data) VALUES (?, ?, ?, 'event', 'test', ?, '2026-01-01', ?)",
          workspace,
          p.cioId(),
          e.name(),
          DateTimes.text(e.occurredAt()),
          e.data().toString());
      events.add(new PersonFacts.EventFact(e.name(), e.occurredAt(), e.data()));
    }
    List<PersonFacts.RelationshipFact> relationships = new ArrayList<>();
    for (Map.Entry<Integer, JsonObject> r : p.relationships().entrySet()) {
      w.add(
          "INSERT INTO objects_person_relationship (workspace_id, object_pk, person_cio_id,"
              + " attributes, created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, '2026-01-01', '2026-01-01')",
          workspace,
          objectKeys.get(r.getKey()),
          p.cioId(),
          r.getValue().toString());
      relationships.add(
          new PersonFacts.RelationshipFact(
              Integer.toString(AgreementCases.OBJECT_TYPES.get(r.getKey())),
              c.objects().get(r.getKey()),
              r.getValue()));
    }
    List<PersonFacts.DeviceFact> devices = new ArrayList<>();
    for (int i = 0; i < p.devices().size(); i++) {
      AgreementCases.Device d = p.devices().get(i);
      w.add(
          "INSERT INTO people_device (workspace_id, person_id, token, platform, last_used,"
              + " attributes, created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, 0, ?, '2026-01-01', '2026-01-01')",
          workspace,
          key,
          p.cioId() + "-" + i,
          d.platform(),
          d.attributes().toString());
      devices.add(new PersonFacts.DeviceFact(d.platform(), pushEnabled(d.attributes())));
    }
    for (int segment : p.segments()) {
      w.add(
          "INSERT INTO segments_membership (segment_id, workspace_id, cio_id, added_at)"
              + " VALUES (?, ?, ?, '2026-01-01')",
          AgreementCases.SEGMENT_IDS.get(segment),
          workspace,
          p.cioId());
    }
    List<PersonFacts.EngagementFact> engagements = new ArrayList<>();
    for (AgreementCases.Engagement g : p.engagements()) {
      w.add(
          "INSERT INTO segments_engagement (workspace_id, cio_id, metric, message_id, campaign_id,"
              + " occurred_at) VALUES (?, ?, ?, ?, ?, ?)",
          workspace,
          p.cioId(),
          g.metric().wireName(),
          g.messageId(),
          g.campaignId(),
          DateTimes.text(g.occurredAt()));
      engagements.add(
          new PersonFacts.EngagementFact(
              g.metric(), g.messageId(), g.campaignId(), g.occurredAt()));
    }
    return new PersonFacts(
        p.cioId(),
        p.attributes(),
        events,
        relationships,
        devices,
        p.segments().stream().map(AgreementCases.SEGMENT_IDS::get).collect(Collectors.toSet()),
        engagements);
  }

  /** The people module's rule: push is off only when push_enabled is false or "false". */
  private static boolean pushEnabled(JsonObject attributes) {
    JsonValue value = attributes.get("push_enabled");
    return !(value == JsonValue.FALSE
        || value instanceof JsonString s && s.getString().equals("false"));
  }

  private void clear(Connection connection) throws SQLException {
    for (String table :
        List.of(
            "segments_membership",
            "segments_engagement",
            "events_event",
            "objects_person_relationship",
            "people_person")) { // people_device goes with its person
      try (PreparedStatement delete =
          connection.prepareStatement("DELETE FROM " + table + " WHERE workspace_id = ?")) {
        delete.setLong(1, workspace);
        delete.executeUpdate();
      }
    }
  }

  /**
   * Batches inserts per statement (rows that others do not reference); {@link #insert} runs at once
   * (rows others reference, or whose key is needed).
   */
  private static final class Writer {
    private final Connection connection;
    private final Map<String, PreparedStatement> batches = new LinkedHashMap<>();

    Writer(Connection connection) {
      this.connection = connection;
    }

    void add(String sql, Object... values) throws SQLException {
      PreparedStatement statement = batches.get(sql);
      if (statement == null) {
        statement = connection.prepareStatement(sql);
        batches.put(sql, statement);
      }
      bind(statement, values);
      statement.addBatch();
    }

    long insert(String sql, Object... values) throws SQLException {
      try (PreparedStatement statement =
          connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
        bind(statement, values);
        statement.executeUpdate();
        try (ResultSet keys = statement.getGeneratedKeys()) {
          keys.next();
          return keys.getLong(1);
        }
      }
    }

    /** Runs the batches. */
    void flush() throws SQLException {
      for (PreparedStatement statement : batches.values()) {
        statement.executeBatch();
        statement.close();
      }
      batches.clear();
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
    }
  }
}
