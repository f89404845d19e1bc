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
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events part of {@link FactsLoader}: each person's events of the names their evaluated
 * segments mention, within the widest window a leaf of that name uses (events dated after now
 * included, so the evaluator can tell when they start to count).
 *
 * <p>Names no leaf filters on their data are read without {@code data}: then every column the query
 * needs is in {@code ix_events_event_person} (workspace, person, occurred_at, name), and InnoDB
 * answers from the index alone instead of looking up each event's row. Names with a data filter are
 * read in a second statement, with their data, for only the people whose segments filter on them.
 * Each statement reads the union of its people's names from the widest of their windows; a row is
 * kept only for a name the person's own segments mention, within their own window. A statement per
 * group of people with the same mentions read fewer rows but cost the server more than it saved
 * (bench/segments, 2026-12-06: a clause per group joined by {@code OR} kept MariaDB's range
 * optimizer busy, a {@code SELECT} per group joined by {@code UNION ALL} took twice as long per
 * batch as this read).
 */
final class EventFacts {

  private EventFacts() {}

  /** The people's events, by cio_id (people without such events are absent). */
  static Map<String, List<EventFact>> load(
      Connection c, long ws, List<String> cioIds, Map<String, Mentions> byPerson, Instant now)
      throws SQLException {
    Map<String, List<EventFact>> found = new HashMap<>();
    List<String> readers =
        cioIds.stream().filter(p -> !byPerson.get(p).events().isEmpty()).toList();
    if (readers.isEmpty()) {
      return found;
    }
    // Each person's earliest instant per mentioned name (null: every occurrence counts).
    Map<String, Map<String, Instant>> earliest = new HashMap<>();
    // By identity: people with the same segments share one Mentions (Reevaluator).
    Map<Mentions, Map<String, Instant>> shared = new IdentityHashMap<>();
    for (String cio : readers) {
      earliest.put(
          cio,
          shared.computeIfAbsent(
              byPerson.get(cio),
              m -> {
                Map<String, Instant> from = new HashMap<>();
                m.events()
                    .forEach((name, window) -> from.put(name, Mentions.earliest(window, now)));
                return from;
              }));
    }
    // Events of linked anonymous ids the events module has not attached to the person yet.
    Map<String, String> anonymous = anonymousIds(c, ws, readers);
    for (boolean data : new boolean[] {false, true}) {
      Read read = Read.of(readers, byPerson, earliest, data);
      if (read == null) {
        continue;
      }
      read.run(c, ws, read.people(), null, earliest, found, data);
      List<String> visitors = new ArrayList<>();
      anonymous.forEach(
          (visitor, owner) -> {
            if (read.people().contains(owner)) {
              visitors.add(visitor);
            }
          });
      if (!visitors.isEmpty()) {
        read.run(c, ws, visitors, anonymous, earliest, found, data);
      }
    }
    return found;
  }

  /**
   * One read: the people whose segments mention a name of its kind (read with or without data), the
   * union of those names, and the earliest instant any of them can matter ({@code null}: a leaf has
   * no lower bound).
   */
  private record Read(List<String> people, Set<String> names, Instant widest) {

    /** The read of the names with ({@code data}) or without data; null when nobody needs it. */
    static Read of(
        List<String> readers,
        Map<String, Mentions> byPerson,
        Map<String, Map<String, Instant>> earliest,
        boolean data) {
      List<String> people = new ArrayList<>();
      Set<String> names = new LinkedHashSet<>();
      boolean unbounded = false;
      Instant widest = Instant.MAX;
      for (String cio : readers) {
        Mentions m = byPerson.get(cio);
        boolean reads = false;
        for (var e : earliest.get(cio).entrySet()) {
          if (m.eventData().contains(e.getKey()) != data) {
            continue;
          }
          reads = true;
          names.add(e.getKey());
          if (e.getValue() == null) {
            unbounded = true;
          } else if (e.getValue().isBefore(widest)) {
            widest = e.getValue();
          }
        }
        if (reads) {
          people.add(cio);
        }
      }
      return people.isEmpty() ? null : new Read(people, names, unbounded ? null : widest);
    }

    /**
     * Reads the events of {@code subjects}: people's cio_ids, or ({@code owners} not null) linked
     * anonymous ids whose events are not attached to a person yet, credited to their owner.
     */
    void run(
        Connection c,
        long ws,
        List<String> subjects,
        Map<String, String> owners,
        Map<String, Map<String, Instant>> earliest,
        Map<String, List<EventFact>> found,
        boolean data)
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
            String cio = owners == null ? rs.getString(1) : owners.get(rs.getString(1));
            String name = rs.getString(2);
            Map<String, Instant> own = earliest.get(cio);
            // Another person's name, or before this person's window: not theirs to evaluate.
            if (own == null || !own.containsKey(name)) {
              continue;
            }
            Instant at = rs.getTimestamp(3).toInstant();
            Instant from = own.get(name);
            if (from != null && at.isBefore(from)) {
              continue;
            }
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
