package io.herald.segments.internal.realtime;

import io.herald.events.api.EventHeader;
import io.herald.events.api.EventSubject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The engine's work, per workspace and person: what a batch of the events feed asks to re-evaluate
 * ({@link #of}), and how a person's work from several changes is merged ({@link #add}).
 */
final class EventWork {

  private EventWork() {}

  /** Who each event is about: people directly, anonymous visitors through their link. */
  static Map<Long, Map<String, Reevaluator.Work>> of(Connection c, List<EventHeader> batch)
      throws SQLException {
    Map<Long, Map<String, Reevaluator.Work>> work = new TreeMap<>();
    Map<Long, Map<String, List<String>>> anonymous = new HashMap<>();
    for (EventHeader e : batch) {
      if (e.subject() instanceof EventSubject.Person p) {
        add(work, e.workspaceId(), p.cioId(), work(e.name()));
      } else if (e.subject() instanceof EventSubject.Anonymous a && !a.anonymousId().isEmpty()) {
        anonymous
            .computeIfAbsent(e.workspaceId(), k -> new HashMap<>())
            .computeIfAbsent(a.anonymousId(), k -> new ArrayList<>())
            .add(e.name());
      }
    }
    for (var ws : anonymous.entrySet()) {
      List<String> ids = List.copyOf(ws.getValue().keySet());
      try (PreparedStatement q =
          c.prepareStatement(
              "SELECT anonymous_id, person_cio_id FROM people_anonymous_id WHERE workspace_id = ?"
                  + " AND anonymous_id IN ("
                  + Jdbc.placeholders(ids.size())
                  + ")")) {
        q.setLong(1, ws.getKey());
        for (int i = 0; i < ids.size(); i++) {
          q.setString(i + 2, ids.get(i));
        }
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            for (String name : ws.getValue().get(rs.getString(1))) {
              add(work, ws.getKey(), rs.getString(2), work(name));
            }
          }
        }
      }
    }
    return work;
  }

  private static Reevaluator.Work work(String name) {
    return new Reevaluator.Work(Set.of(new Trigger.Event(name)), "event");
  }

  /** Adds {@code w} to the person's work (merged with what is there). */
  static void add(
      Map<Long, Map<String, Reevaluator.Work>> work, long ws, String cio, Reevaluator.Work w) {
    work.computeIfAbsent(ws, k -> new TreeMap<>()).merge(cio, w, Reevaluator.Work::plus);
  }
}
