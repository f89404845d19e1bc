package io.herald.journeys.internal;

import io.herald.journeys.api.JourneyDefinition;
import io.herald.journeys.api.JourneyJson;
import io.herald.journeys.api.JourneyState;
import io.herald.shared.json.Jsons;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL of journeys and their versions. Versions never change once written (a draft's single version
 * is replaced only while no run can have entered it), so their parsed definitions are cached.
 */
final class JourneyStore {

  private static final String COLUMNS =
      "j.id, j.workspace_id, j.name, j.state, j.current_version, v.definition,"
          + " j.first_started_at, j.created_at, j.updated_at";

  private static final String FROM =
      " FROM journeys_journey j JOIN journeys_version v"
          + " ON v.journey_id = j.id AND v.version = j.current_version";

  private final Map<String, JourneyDefinition> versions = new ConcurrentHashMap<>();

  long create(Connection c, long ws, JourneyDefinition d, Instant now) throws SQLException {
    long id =
        Sql.insert(
            c,
            "INSERT INTO journeys_journey (workspace_id, name, state, current_version,"
                + " trigger_type, created_at, updated_at) VALUES (?, ?, 'draft', 1, ?, ?, ?)",
            ws,
            d.name(),
            d.trigger().type().name().toLowerCase(java.util.Locale.ROOT),
            now,
            now);
    Sql.update(
        c,
        "INSERT INTO journeys_version (journey_id, version, definition, created_at)"
            + " VALUES (?, 1, ?, ?)",
        id,
        d.document().toString(),
        now);
    return id;
  }

  /** Writes {@code d} as the journey's current version: replaced for a draft, else a new one. */
  void replace(Connection c, StoredJourney j, JourneyDefinition d, Instant now)
      throws SQLException {
    String trigger = d.trigger().type().name().toLowerCase(java.util.Locale.ROOT);
    if (j.state() == JourneyState.DRAFT) {
      Sql.update(
          c,
          "UPDATE journeys_version SET definition = ?, created_at = ?"
              + " WHERE journey_id = ? AND version = ?",
          d.document().toString(),
          now,
          j.id(),
          j.version());
      versions.remove(j.id() + ":" + j.version());
      Sql.update(
          c,
          "UPDATE journeys_journey SET name = ?, trigger_type = ?, updated_at = ? WHERE id = ?",
          d.name(),
          trigger,
          now,
          j.id());
      return;
    }
    int next = j.version() + 1;
    Sql.update(
        c,
        "INSERT INTO journeys_version (journey_id, version, definition, created_at)"
            + " VALUES (?, ?, ?, ?)",
        j.id(),
        next,
        d.document().toString(),
        now);
    Sql.update(
        c,
        "UPDATE journeys_journey SET name = ?, trigger_type = ?, current_version = ?,"
            + " updated_at = ? WHERE id = ?",
        d.name(),
        trigger,
        next,
        now,
        j.id());
  }

  void state(Connection c, long id, JourneyState state, Instant now) throws SQLException {
    Sql.update(
        c,
        "UPDATE journeys_journey SET state = ?, updated_at = ?,"
            + " first_started_at = CASE WHEN ? = 'active' AND first_started_at IS NULL"
            + " THEN ? ELSE first_started_at END WHERE id = ?",
        state.wire(),
        now,
        state.wire(),
        now,
        id);
  }

  Optional<StoredJourney> find(Connection c, long ws, long id, boolean lock) throws SQLException {
    return Sql.list(
            c,
            "SELECT "
                + COLUMNS
                + FROM
                + " WHERE j.workspace_id = ? AND j.id = ?"
                + (lock ? " FOR UPDATE" : ""),
            this::journey,
            ws,
            id)
        .stream()
        .findFirst();
  }

  List<StoredJourney> list(Connection c, long ws) throws SQLException {
    return Sql.list(
        c,
        "SELECT " + COLUMNS + FROM + " WHERE j.workspace_id = ? ORDER BY j.id",
        this::journey,
        ws);
  }

  /** The workspace's active journeys whose trigger is of {@code type}. */
  List<StoredJourney> active(Connection c, long ws, String triggerType) throws SQLException {
    return Sql.list(
        c,
        "SELECT "
            + COLUMNS
            + FROM
            + " WHERE j.workspace_id = ? AND j.state = 'active' AND j.trigger_type = ?"
            + " ORDER BY j.id",
        this::journey,
        ws,
        triggerType);
  }

  /** A journey's state, null when there is no such journey. */
  JourneyState stateOf(Connection c, long id) throws SQLException {
    List<String> found =
        Sql.list(c, "SELECT state FROM journeys_journey WHERE id = ?", rs -> rs.getString(1), id);
    return found.isEmpty() ? null : JourneyState.of(found.get(0));
  }

  /** One version's definition (cached). */
  JourneyDefinition version(Connection c, long journeyId, int version) throws SQLException {
    String key = journeyId + ":" + version;
    JourneyDefinition cached = versions.get(key);
    if (cached != null) {
      return cached;
    }
    List<String> found =
        Sql.list(
            c,
            "SELECT definition FROM journeys_version WHERE journey_id = ? AND version = ?",
            rs -> rs.getString(1),
            journeyId,
            version);
    if (found.isEmpty()) {
      throw new IllegalStateException("journey " + journeyId + " has no version " + version);
    }
    JourneyDefinition d = parse(found.get(0));
    versions.put(key, d);
    return d;
  }

  private StoredJourney journey(ResultSet rs) throws SQLException {
    String key = rs.getLong(1) + ":" + rs.getInt(5);
    // A draft's version may still be replaced (on another node too): never cached.
    boolean draft = JourneyState.of(rs.getString(4)) == JourneyState.DRAFT;
    JourneyDefinition d = draft ? null : versions.get(key);
    if (d == null) {
      d = parse(rs.getString(6));
    }
    return new StoredJourney(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        JourneyState.of(rs.getString(4)),
        rs.getInt(5),
        d,
        Sql.instant(rs, 7),
        Sql.instant(rs, 8),
        Sql.instant(rs, 9));
  }

  static JourneyDefinition parse(String text) {
    try (JsonReader reader = Jsons.createReader(new StringReader(text))) {
      return JourneyJson.parse(reader.readValue());
    }
  }
}
