package io.herald.journeys.internal;

import io.herald.events.api.EventHeader;
import io.herald.events.api.EventSubject;
import io.herald.events.api.RecordedEvent;
import io.herald.people.api.PersonChangeFeed;
import io.herald.shared.persistence.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Which entries of a feed batch can affect journeys, found with a few reads per workspace in
 * auto-commit mode: an event matters when its person has an active or still convertible run, or
 * when an active event-triggered journey of its workspace starts on its name; a person change
 * matters when the person has a run waiting for a condition; a segment enter or exit matters when
 * its person has an active run or an active segment-triggered journey of its workspace starts on
 * that segment and direction. {@link Triggers} then opens a transaction only for those, so a batch
 * no journey cares about commits nothing. A superset: each kept entry is checked again under the
 * run locks.
 */
final class FeedFilter {

  private static final int CHUNK = 500;

  private final DataSource dataSource;
  private final JourneyStore journeys;

  FeedFilter(DataSource dataSource, JourneyStore journeys) {
    this.dataSource = dataSource;
    this.journeys = journeys;
  }

  /** The events of {@code batch} that may affect journeys, in their order. */
  List<RecordedEvent> events(List<RecordedEvent> batch) {
    Set<Long> kept = relevant(batch.stream().map(RecordedEvent::header).toList());
    return batch.stream().filter(e -> kept.contains(e.id())).toList();
  }

  /** The ids of the events of {@code batch} that may affect journeys (judged by their headers). */
  Set<Long> relevant(List<EventHeader> batch) {
    Map<Long, List<EventHeader>> byWorkspace = new LinkedHashMap<>();
    for (EventHeader e : batch) {
      if (e.subject() instanceof EventSubject.Person) {
        byWorkspace.computeIfAbsent(e.workspaceId(), k -> new ArrayList<>()).add(e);
      }
    }
    if (byWorkspace.isEmpty()) {
      return Set.of();
    }
    Set<Long> kept = new HashSet<>();
    Transactions.autoCommit(
        dataSource,
        "journeys feed filter",
        c -> {
          for (var ws : byWorkspace.entrySet()) {
            Set<String> triggering =
                journeys.active(c, ws.getKey(), "event").stream()
                    .map(j -> j.definition().trigger().event())
                    .collect(Collectors.toSet());
            Instant earliest =
                ws.getValue().stream()
                    .map(EventHeader::occurredAt)
                    .min(Instant::compareTo)
                    .orElseThrow();
            Set<String> withRuns =
                withRuns(
                    c,
                    ws.getKey(),
                    ws.getValue().stream().map(FeedFilter::cioId).collect(Collectors.toSet()),
                    "(state = 'active' OR (converted_at IS NULL AND goal_until >= ?))",
                    earliest);
            for (EventHeader e : ws.getValue()) {
              if (triggering.contains(e.name()) || withRuns.contains(cioId(e))) {
                kept.add(e.id());
              }
            }
          }
          return null;
        });
    return kept;
  }

  /** The changes of {@code batch} whose person has a run waiting for a condition, in order. */
  List<PersonChangeFeed.Entry> waitingPeople(List<PersonChangeFeed.Entry> batch) {
    Map<Long, Set<String>> byWorkspace = new HashMap<>();
    for (PersonChangeFeed.Entry e : batch) {
      byWorkspace.computeIfAbsent(e.workspaceId(), k -> new HashSet<>()).add(e.change().cioId());
    }
    Map<Long, Set<String>> waiting = new HashMap<>();
    Transactions.autoCommit(
        dataSource,
        "journeys feed filter",
        c -> {
          for (var ws : byWorkspace.entrySet()) {
            waiting.put(
                ws.getKey(),
                withRuns(
                    c, ws.getKey(), ws.getValue(), "state = 'active' AND waiting_cond = 1", null));
          }
          return null;
        });
    return batch.stream()
        .filter(e -> waiting.getOrDefault(e.workspaceId(), Set.of()).contains(e.change().cioId()))
        .toList();
  }

  /**
   * The membership changes of {@code batch} that may affect journeys, in their order. A rebuild
   * records thousands of enters at once: without this, each would cost a transaction even where no
   * journey reads segments.
   */
  List<Triggers.MembershipChange> membershipChanges(List<Triggers.MembershipChange> batch) {
    Map<Long, Set<String>> byWorkspace = new LinkedHashMap<>();
    for (Triggers.MembershipChange m : batch) {
      byWorkspace.computeIfAbsent(m.workspaceId(), k -> new HashSet<>()).add(m.cioId());
    }
    Map<Long, Set<String>> withRuns = new HashMap<>();
    Map<Long, Set<Start>> starting = new HashMap<>();
    Transactions.autoCommit(
        dataSource,
        "journeys feed filter",
        c -> {
          for (var ws : byWorkspace.entrySet()) {
            starting.put(
                ws.getKey(),
                journeys.active(c, ws.getKey(), "segment").stream()
                    .map(j -> j.definition().trigger())
                    .map(t -> new Start(t.segmentId(), t.onEnter()))
                    .collect(Collectors.toSet()));
            withRuns.put(
                ws.getKey(), withRuns(c, ws.getKey(), ws.getValue(), "state = 'active'", null));
          }
          return null;
        });
    return batch.stream()
        .filter(
            m ->
                starting.get(m.workspaceId()).contains(new Start(m.segmentId(), m.entered()))
                    || withRuns.get(m.workspaceId()).contains(m.cioId()))
        .toList();
  }

  /** A segment and a direction that start runs of some journey. */
  private record Start(long segmentId, boolean entered) {}

  /**
   * Which of the people have a run matching {@code condition} (one optional parameter). A workspace
   * without any run (no journey ever started there) answers from one index entry: looking hundreds
   * of people up in both run indexes took ~4 ms of the server per feed batch, for nothing, in every
   * workspace that ingests without journeys (bench/ingest T1).
   */
  private static Set<String> withRuns(
      Connection c, long ws, Set<String> people, String condition, Object parameter)
      throws SQLException {
    if (Sql.list(c, "SELECT 1 FROM journeys_run WHERE workspace_id = ? LIMIT 1", rs -> 1, ws)
        .isEmpty()) {
      return Set.of();
    }
    Set<String> found = new HashSet<>();
    List<String> all = List.copyOf(people);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      List<Object> params = new ArrayList<>();
      params.add(ws);
      params.addAll(chunk);
      if (parameter != null) {
        params.add(parameter);
      }
      found.addAll(
          Sql.list(
              c,
              "SELECT DISTINCT cio_id FROM journeys_run WHERE workspace_id = ? AND cio_id IN ("
                  + Sql.marks(chunk.size())
                  + ") AND "
                  + condition,
              rs -> rs.getString(1),
              params.toArray()));
    }
    return found;
  }

  private static String cioId(EventHeader e) {
    return ((EventSubject.Person) e.subject()).cioId();
  }
}
