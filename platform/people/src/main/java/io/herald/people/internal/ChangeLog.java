package io.herald.people.internal;

import io.herald.people.api.PersonChange;
import io.herald.shared.json.Jsons;
import io.herald.shared.persistence.DateTimes;
import io.herald.shared.persistence.MultiRowInsert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** {@code people_change}: written in the transaction that changed the person. */
@ApplicationScoped
public class ChangeLog {

  @PersistenceContext(unitName = "people")
  EntityManager em;

  /** A change-feed row to insert; {@code data} is the JSON text. */
  record Entry(long workspaceId, String cioId, String kind, Instant at, String data) {}

  /** Rows per multi-row insert of {@link #recordAll}, at most. */
  private static final int ROWS_PER_STATEMENT = 256;

  private static final MultiRowInsert<Entry> INSERT =
      new MultiRowInsert<>(
          "INSERT INTO people_change (workspace_id, person_cio_id, kind, changed_at, data)",
          5,
          ROWS_PER_STATEMENT,
          e ->
              20
                  + MultiRowInsert.literalBytes(e.cioId())
                  + MultiRowInsert.literalBytes(e.kind())
                  + 30
                  + MultiRowInsert.literalBytes(e.data()),
          (statement, first, e) -> {
            statement.setLong(first, e.workspaceId());
            statement.setString(first + 1, e.cioId());
            statement.setString(first + 2, e.kind());
            DateTimes.bind(statement, first + 3, e.at());
            statement.setString(first + 4, e.data());
            return first + 5;
          });

  /**
   * Inserts {@code entries} in their order (ids grow with it) with plain JDBC on {@code c}, the
   * caller's transaction's connection: a few statements of up to {@value #ROWS_PER_STATEMENT} rows.
   *
   * @param budget the bytes one statement's values may take ({@link MultiRowInsert#budget})
   */
  void recordAll(Connection c, long budget, List<Entry> entries) {
    try {
      INSERT.insert(c, entries, budget);
    } catch (SQLException e) {
      throw new IllegalStateException("change feed not written: " + e.getMessage(), e);
    }
  }

  void record(long workspaceId, String cioId, String kind, Instant at, JsonObject data) {
    em.createNativeQuery(
            "INSERT INTO people_change (workspace_id, person_cio_id, kind, changed_at, data)"
                + " VALUES (?, ?, ?, ?, ?)")
        .setParameter(1, workspaceId)
        .setParameter(2, cioId)
        .setParameter(3, kind)
        .setParameter(4, DateTimes.text(at))
        .setParameter(5, data.toString())
        .executeUpdate();
  }

  List<PersonChange> of(long workspaceId, String cioId, int start, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, kind, changed_at, data FROM people_change"
                    + " WHERE workspace_id = ? AND person_cio_id = ?"
                    + " ORDER BY changed_at DESC, id DESC LIMIT ? OFFSET ?")
            .setParameter(1, workspaceId)
            .setParameter(2, cioId)
            .setParameter(3, limit)
            .setParameter(4, start)
            .getResultList();
    List<PersonChange> changes = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      changes.add(
          new PersonChange(
              ((Number) row[0]).longValue(),
              cioId,
              (String) row[1],
              instant(row[2]),
              Jsons.createReader(new StringReader((String) row[3])).readObject()));
    }
    return changes;
  }

  /** DATETIME as the driver returns it: a Timestamp, or a LocalDateTime in the JVM's zone. */
  private static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof LocalDateTime l) {
      return Timestamp.valueOf(l).toInstant();
    }
    throw new IllegalStateException("unexpected DATETIME value " + value);
  }

  void moveAll(long workspaceId, String fromCioId, String toCioId) {
    em.createNativeQuery(
            "UPDATE people_change SET person_cio_id = ? WHERE workspace_id = ? AND person_cio_id = ?")
        .setParameter(1, toCioId)
        .setParameter(2, workspaceId)
        .setParameter(3, fromCioId)
        .executeUpdate();
  }

  void forget(long workspaceId, String cioId) {
    em.createNativeQuery("DELETE FROM people_change WHERE workspace_id = ? AND person_cio_id = ?")
        .setParameter(1, workspaceId)
        .setParameter(2, cioId)
        .executeUpdate();
  }

  /**
   * {@code {"attributes":{name:{"from":…,"to":…}}}} for the attributes that differ; empty if none.
   */
  static JsonObject diff(JsonObject before, JsonObject after) {
    JsonObjectBuilder attributes = Jsons.createObjectBuilder();
    boolean any = false;
    TreeSet<String> names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    for (String name : names) {
      JsonValue from = before.get(name);
      JsonValue to = after.get(name);
      if (!Objects.equals(from, to)) {
        JsonObjectBuilder change = Jsons.createObjectBuilder();
        if (from != null) {
          change.add("from", from);
        }
        if (to != null) {
          change.add("to", to);
        }
        attributes.add(name, change);
        any = true;
      }
    }
    return any
        ? Jsons.createObjectBuilder().add("attributes", attributes).build()
        : JsonValue.EMPTY_JSON_OBJECT;
  }
}
