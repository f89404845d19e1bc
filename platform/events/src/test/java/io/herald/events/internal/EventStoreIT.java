package io.herald.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.events.api.RecordedEvent;
import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import io.herald.shared.ingest.GroupCommit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The group-commit writer and the readers on a real MariaDB (embedded); the change feed is in
 * {@link EventFeedIT}.
 */
class EventStoreIT extends EventsDatabaseTest {

  @Test
  void concurrentRequestsShareCommitsAndEveryAcknowledgedEventIsStored() throws Exception {
    GroupCommit<EventRow, Boolean> group = new GroupCommit<>(2, 2000, new EventWriter(dataSource));
    ExecutorService clients = Executors.newFixedThreadPool(16);
    List<Future<?>> requests = new ArrayList<>();
    for (int r = 0; r < 400; r++) {
      int request = r;
      requests.add(
          clients.submit(
              () -> {
                List<EventRow> rows = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                  rows.add(row(event("p" + (request % 50), "e" + request + "-" + i, null)));
                }
                group.submit(rows);
              }));
    }
    for (Future<?> f : requests) {
      f.get(60, TimeUnit.SECONDS);
    }
    clients.shutdown();

    assertThat(count()).isEqualTo(2000);
    assertThat(group.items()).isEqualTo(2000);
    assertThat(group.commits()).isLessThan(400);
  }

  @Test
  void namedPeopleAreLookedUpOncePerGroupAndAnEventForNobodyIsNotWritten() throws Exception {
    List<String> lookups = new CopyOnWriteArrayList<>();
    PersonResolver people =
        (ws, type, values) -> {
          lookups.add(ws + " " + type + " " + new TreeSet<>(values));
          Map<String, String> known = Map.of("u1", "cio-u1", "a@x.com", "cio-a");
          Map<String, String> found = new HashMap<>();
          values.forEach(
              v -> {
                if (known.containsKey(v)) {
                  found.put(v, known.get(v));
                }
              });
          return found;
        };
    EventWriter writer = new EventWriter(dataSource, people);

    List<Boolean> written =
        writer.write(
            List.of(
                named(IdType.ID, "u1", "first"),
                named(IdType.ID, "nobody", "lost"),
                row(event("p9", "known subject", null)),
                named(IdType.EMAIL, "a@x.com", "by email"),
                named(IdType.ID, "u1", "second")));

    assertThat(written).containsExactly(true, false, true, true, true);
    assertThat(lookups)
        .containsExactlyInAnyOrder(workspace + " ID [nobody, u1]", workspace + " EMAIL [a@x.com]");
    EventReader reader = new EventReader(dataSource);
    assertThat(reader.ofPerson(workspace, "cio-u1", 0, 10))
        .extracting(RecordedEvent::name)
        .containsExactlyInAnyOrder("first", "second");
    assertThat(reader.ofPerson(workspace, "cio-a", 0, 10))
        .extracting(RecordedEvent::name)
        .containsExactly("by email");
    assertThat(count()).isEqualTo(4);

    // A group whose every event is for nobody writes nothing.
    assertThat(writer.write(List.of(named(IdType.ID, "ghost", "x")))).containsExactly(false);
    assertThat(count()).isEqualTo(4);
  }

  private static EventRow named(IdType type, String identifier, String name) {
    return new EventRow(
        workspace,
        null,
        Instant.now(),
        new PersonRef(type, identifier),
        person -> event(person.cioId(), name, null));
  }

  @Test
  void aGroupThatFitsOneStatementIsOneAutoCommittedInsertAndALargerOneATransaction()
      throws Exception {
    GroupCommit<EventRow, Boolean> group = new GroupCommit<>(1, 100, new EventWriter(dataSource));
    group.submit(List.of(row(event("p0", "warm-up", null)))); // the writer reads its byte budget

    // Opening a connection (each snapshot's, the writer's) sends SET statements of its own.
    Map<String, Long> first = statementCounts();
    Map<String, Long> before = statementCounts();
    long connectionSets = delta(first, before).get("Com_set_option");
    List<EventRow> small = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      small.add(row(event("p1", "small-" + i, null)));
    }
    group.submit(small);
    Map<String, Long> afterSmall = statementCounts();
    List<EventRow> large = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      large.add(row(event("p1", "large-" + i, null)));
    }
    group.submit(large);
    Map<String, Long> afterLarge = statementCounts();

    // 5 rows: one INSERT, and neither SET autocommit nor COMMIT around it (the SETs counted are
    // the writer's and the snapshot's connections opening)
    assertThat(delta(before, afterSmall))
        .containsEntry("Com_insert", 1L)
        .containsEntry("Com_commit", 0L)
        .containsEntry("Com_set_option", 2 * connectionSets);
    // 20 rows: 16 and 4 in two INSERTs, committed together
    assertThat(delta(afterSmall, afterLarge))
        .containsEntry("Com_insert", 2L)
        .containsEntry("Com_commit", 1L)
        .containsEntry("Com_set_option", 2 * connectionSets + 1);
    assertThat(count()).isEqualTo(26);
  }

  private static Map<String, Long> statementCounts() throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SHOW GLOBAL STATUS WHERE Variable_name IN"
                    + " ('Com_insert', 'Com_commit', 'Com_set_option')")) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    }
    return counts;
  }

  private static Map<String, Long> delta(Map<String, Long> from, Map<String, Long> to) {
    Map<String, Long> delta = new HashMap<>();
    to.forEach((name, value) -> delta.put(name, value - from.getOrDefault(name, 0L)));
    return delta;
  }

  @Test
  void aRepeatedEventIdIsStoredOnceWithoutLeavingAHole() throws Exception {
    GroupCommit<EventRow, Boolean> group = new GroupCommit<>(1, 100, new EventWriter(dataSource));

    group.submit(List.of(row(event("p1", "first", "ULID-1")), row(event("p1", "again", "ULID-1"))));
    group.submit(List.of(row(event("p1", "later", "ULID-1")), row(event("p1", "other", "ULID-2"))));

    List<RecordedEvent> stored = new EventReader(dataSource).ofPerson(workspace, "p1", 0, 10);
    assertThat(stored).extracting(RecordedEvent::name).containsExactlyInAnyOrder("first", "other");
    assertThat(stored.get(0).id() - stored.get(1).id()).isEqualTo(1);
  }

  @Test
  void theSameEventIdInAnotherWorkspaceIsAnotherEvent() {
    GroupCommit<EventRow, Boolean> group = new GroupCommit<>(1, 100, new EventWriter(dataSource));
    group.submit(List.of(row(event("p1", "here", "SHARED"))));
    group.submit(
        List.of(new EventRow(workspace + 1000, event("p1", "there", "SHARED"), Instant.now())));

    assertThat(count()).isEqualTo(1);
  }
}
