package io.herald.segments.internal.realtime;

import io.herald.segments.api.condition.Window;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events part of {@link FactsLoader}: each person's events of the names their evaluated
 * segments mention, within the widest window a leaf of that name uses (events dated after now
 * included, so the evaluator can tell when they start to count).
 *
 * <p>People whose segments mention the same events form a group, and one statement reads every
 * group, each in its own {@code SELECT} joined by {@code UNION ALL}: the server scans each person's
 * index entries from their own group's earliest instant on, so someone whose change concerns "page
 * viewed in the last day" is not read back 90 days because another person of the batch made a
 * purchase. Not one {@code WHERE} with a clause per group joined by {@code OR}: MariaDB's range
 * optimizer took longer over such a condition than the read of every name for everyone (bench data,
 * 500 people in 12 groups: 11–20 ms against 8–11 ms; the {@code UNION ALL} 4–9 ms).
 *
 * <p>Names no leaf filters on their data are read without {@code data}: then every column the query
 * needs is in {@code ix_events_event_person} (workspace, person, occurred_at, name), and InnoDB
 * answers from the index alone instead of looking up each event's row. Names with a data filter are
 * read in a second statement, with their data.
 */
final class EventFacts {

  private EventFacts() {}

  /** The people's events, by cio_id (people without such events are absent). */
  static Map<String, List<EventFact>> load(
      Connection c, long ws, List<String> cioIds, Map<String, Mentions> byPerson, Instant now)
      throws SQLException {
    // Groups by what their segments mention of events, in first-seen order.
    Map<Key, List<String>> groups = new LinkedHashMap<>();
    for (String cio : cioIds) {
      Mentions m = byPerson.get(cio);
      if (!m.events().isEmpty()) {
        groups.computeIfAbsent(new Key(m.events(), m.eventData()), k -> new ArrayList<>()).add(cio);
      }
    }
    Map<String, List<EventFact>> found = new HashMap<>();
    if (groups.isEmpty()) {
      return found;
    }
    List<String> readers = groups.values().stream().flatMap(List::stream).toList();
    // Events of linked anonymous ids the events module has not attached to the person yet.
    Map<String, List<String>> anonymous = anonymousIds(c, ws, readers);
    for (boolean data : new boolean[] {false, true}) {
      List<Clause> people = new ArrayList<>();
      List<Clause> anonymousOnes = new ArrayList<>();
      for (var group : groups.entrySet()) {
        Clause clause = Clause.of(group.getKey(), data, group.getValue(), now);
        if (clause == null) {
          continue;
        }
        people.add(clause);
        List<String> ids = new ArrayList<>();
        group.getValue().forEach(cio -> ids.addAll(anonymous.getOrDefault(cio, List.of())));
        if (!ids.isEmpty()) {
          anonymousOnes.add(clause.withSubjects(ids));
        }
      }
      read(c, ws, people, data, false, found, Map.of());
      read(c, ws, anonymousOnes, data, true, found, owners(anonymous));
    }
    return found;
  }

  /** What a person's segments mention of events: the names with their windows, and data names. */
  private record Key(Map<String, Window> events, Set<String> eventData) {}

  /**
   * One group's part of a read: its subjects (people, or their linked anonymous ids), names, and
   * the earliest instant each name can matter ({@code null}: every occurrence).
   */
  private record Clause(List<String> subjects, Map<String, Instant> earliest, Instant widest) {

    /** The group's clause for the names read with ({@code data}) or without data; null if none. */
    static Clause of(Key key, boolean data, List<String> people, Instant now) {
      Map<String, Instant> earliest = new HashMap<>();
      boolean unbounded = false;
      Instant widest = Instant.MAX;
      for (var e : key.events().entrySet()) {
        if (key.eventData().contains(e.getKey()) != data) {
          continue;
        }
        Instant from = Mentions.earliest(e.getValue(), now);
        earliest.put(e.getKey(), from);
        if (from == null) {
          unbounded = true;
        } else if (from.isBefore(widest)) {
          widest = from;
        }
      }
      if (earliest.isEmpty()) {
        return null;
      }
      return new Clause(people, earliest, unbounded ? null : widest);
    }

    Clause withSubjects(List<String> ids) {
      return new Clause(ids, earliest, widest);
    }
  }

  /** Linked anonymous id to its person, from {@link #anonymousIds}. */
  private static Map<String, String> owners(Map<String, List<String>> anonymous) {
    Map<String, String> owners = new HashMap<>();
    anonymous.forEach((cio, ids) -> ids.forEach(id -> owners.put(id, cio)));
    return owners;
  }

  /**
   * Reads the clauses' events in one statement, a {@code SELECT} per clause: of people's cio_ids,
   * or ({@code anonymous}) of linked anonymous ids whose events are not attached to a person yet,
   * credited to their owner.
   */
  private static void read(
      Connection c,
      long ws,
      List<Clause> clauses,
      boolean data,
      boolean anonymous,
      Map<String, List<EventFact>> found,
      Map<String, String> owners)
      throws SQLException {
    if (clauses.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder();
    // Each subject's clause, to keep only the names and instants of its own group.
    Map<String, Clause> bySubject = new HashMap<>();
    for (Clause clause : clauses) {
      clause.subjects().forEach(s -> bySubject.put(s, clause));
      sql.append(sql.isEmpty() ? "" : " UNION ALL ")
          .append("SELECT ")
          .append(anonymous ? "anonymous_id" : "person_cio_id")
          .append(", name, occurred_at")
          .append(data ? ", data" : "")
          .append(" FROM events_event WHERE workspace_id = ?")
          .append(
              anonymous
                  ? " AND person_cio_id IS NULL AND anonymous_id IN ("
                  : " AND person_cio_id IN (")
          .append(Jdbc.placeholders(clause.subjects().size()))
          .append(") AND name IN (")
          .append(Jdbc.placeholders(clause.earliest().size()))
          .append(")")
          .append(clause.widest() == null ? "" : " AND occurred_at >= ?");
    }
    try (PreparedStatement q = c.prepareStatement(sql.toString())) {
      int p = 1;
      for (Clause clause : clauses) {
        q.setLong(p++, ws);
        for (String subject : clause.subjects()) {
          q.setString(p++, subject);
        }
        for (String name : clause.earliest().keySet()) {
          q.setString(p++, name);
        }
        if (clause.widest() != null) {
          DateTimes.bind(q, p++, clause.widest());
        }
      }
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String subject = rs.getString(1);
          String name = rs.getString(2);
          Instant at = rs.getTimestamp(3).toInstant();
          // The columns compare as binary (utf8mb4_bin): a subject is returned as it was bound.
          Instant from = bySubject.get(subject).earliest().get(name);
          if (from != null && at.isBefore(from)) {
            continue;
          }
          String cio = anonymous ? owners.get(subject) : subject;
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

  /** Each person's linked anonymous ids (people without any are absent). */
  private static Map<String, List<String>> anonymousIds(Connection c, long ws, List<String> cioIds)
      throws SQLException {
    Map<String, List<String>> found = new HashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT anonymous_id, person_cio_id FROM people_anonymous_id WHERE workspace_id = ?"
                + " AND person_cio_id IN ("
                + Jdbc.placeholders(cioIds.size())
                + ")")) {
      FactsLoader.bind(q, ws, cioIds);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          found.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1));
        }
      }
    }
    return found;
  }
}
