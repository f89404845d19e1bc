package io.herald.segments.internal.realtime;

import io.herald.segments.internal.evaluate.PersonFacts.EventFact;
import io.herald.shared.persistence.DateTimes;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events part of {@link FactsLoader}: a batch of people's events of the names the evaluated
 * segments mention, within the widest window a leaf of that name uses (events dated after now
 * included, so the evaluator can tell when they start to count).
 *
 * <p>Names no leaf filters on their data are read without {@code data}: then every column the query
 * needs is in {@code ix_events_event_person} (workspace, person, occurred_at, name), and InnoDB
 * answers from the index alone instead of looking up each event's row. Names with a data filter are
 * read in a second query, with their data.
 */
final class EventFacts {

  private EventFacts() {}

  /** The people's events, by cio_id (people without such events are absent). */
  static Map<String, List<EventFact>> load(
      Connection c, long ws, List<String> cioIds, Mentions mentions, Instant now)
      throws SQLException {
    Map<String, Instant> earliest = new HashMap<>();
    List<String> plain = new ArrayList<>();
    List<String> withData = new ArrayList<>();
    for (var e : mentions.events().entrySet()) {
      earliest.put(e.getKey(), Mentions.earliest(e.getValue(), now));
      (mentions.eventData().contains(e.getKey()) ? withData : plain).add(e.getKey());
    }
    Map<String, List<EventFact>> found = new HashMap<>();
    // Events of linked anonymous ids the events module has not attached to the person yet.
    Map<String, String> anonymous = anonymousIds(c, ws, cioIds);
    for (List<String> names : List.of(plain, withData)) {
      if (names.isEmpty()) {
        continue;
      }
      Query query = new Query(names, names == withData, earliest);
      query.read(c, ws, cioIds, found, null);
      if (!anonymous.isEmpty()) {
        query.read(c, ws, List.copyOf(anonymous.keySet()), found, anonymous);
      }
    }
    return found;
  }

  /**
   * One read of the events of {@code names}, from {@code widest} on ({@code null}: a leaf has no
   * lower bound).
   */
  private record Query(
      List<String> names, boolean data, Map<String, Instant> earliest, Instant widest) {

    Query(List<String> names, boolean data, Map<String, Instant> earliest) {
      this(names, data, earliest, widest(names, earliest));
    }

    private static Instant widest(List<String> names, Map<String, Instant> earliest) {
      Instant widest = Instant.MAX;
      for (String name : names) {
        Instant from = earliest.get(name);
        if (from == null) {
          return null;
        }
        if (from.isBefore(widest)) {
          widest = from;
        }
      }
      return widest;
    }

    /**
     * Reads the events of {@code subjects}: people's cio_ids, or ({@code owners} not null) linked
     * anonymous ids whose events are not attached to a person yet, credited to their owner.
     */
    void read(
        Connection c,
        long ws,
        List<String> subjects,
        Map<String, List<EventFact>> found,
        Map<String, String> owners)
        throws SQLException {
      String subject =
          owners == null ? "person_cio_id IN (" : "person_cio_id IS NULL AND anonymous_id IN (";
      try (PreparedStatement q =
          c.prepareStatement(
              "SELECT "
                  + (owners == null ? "person_cio_id" : "anonymous_id")
                  + ", name, occurred_at"
                  + (data ? ", data" : "")
                  + " FROM events_event WHERE workspace_id = ? AND "
                  + subject
                  + Jdbc.placeholders(subjects.size())
                  + ") AND name IN ("
                  + Jdbc.placeholders(names.size())
                  + ")"
                  + (widest == null ? "" : " AND occurred_at >= ?"))) {
        int i = FactsLoader.bind(q, ws, subjects);
        for (String name : names) {
          q.setString(i++, name);
        }
        if (widest != null) {
          DateTimes.bind(q, i, widest);
        }
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            String name = rs.getString(2);
            Instant at = rs.getTimestamp(3).toInstant();
            Instant from = earliest.get(name);
            if (from != null && at.isBefore(from)) {
              continue;
            }
            String cio = owners == null ? rs.getString(1) : owners.get(rs.getString(1));
            found
                .computeIfAbsent(cio, k -> new ArrayList<>())
                .add(
                    new EventFact(
                        name,
                        at,
                        data ? FactsLoader.json(rs.getString(4)) : JsonValue.EMPTY_JSON_OBJECT));
          }
        }
      }
    }
  }

  /** Linked anonymous id to its person. */
  private static Map<String, String> anonymousIds(Connection c, long ws, List<String> cioIds)
      throws SQLException {
    Map<String, String> found = new HashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT anonymous_id, person_cio_id FROM people_anonymous_id WHERE workspace_id = ?"
                + " AND person_cio_id IN ("
                + Jdbc.placeholders(cioIds.size())
                + ")")) {
      FactsLoader.bind(q, ws, cioIds);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return found;
  }
}
