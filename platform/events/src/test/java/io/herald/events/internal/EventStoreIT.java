package io.herald.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.herald.events.api.EventHeader;
import io.herald.events.api.EventSubject;
import io.herald.events.api.EventType;
import io.herald.events.api.FeedBatch;
import io.herald.events.api.HeaderBatch;
import io.herald.events.api.NewEvent;
import io.herald.events.api.RecordedEvent;
import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import io.herald.shared.ingest.GroupCommit;
import io.herald.testing.TestDatabase;
import io.herald.testing.TestDatabases;
import jakarta.json.Json;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The group-commit writer, the readers and the change feed on a real MariaDB (embedded), with the
 * connection settings the app's ingest datasource uses.
 */
class EventStoreIT {

  private static TestDatabase database;
  private static MysqlDataSource dataSource;
  private static long workspace = 1;

  @BeforeAll
  static void database() throws SQLException {
    Path work = Path.of(System.getProperty("herald.test.work-dir", "target/events-it"));
    database = TestDatabases.embedded(work.resolve("mariadb"));
    dataSource = new MysqlDataSource();
    dataSource.setURL(database.jdbcUrl());
    dataSource.setUser(database.user());
    dataSource.setPassword(database.password());
    dataSource.setRewriteBatchedStatements(true);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void freshWorkspace() {
    workspace++;
  }

  private static NewEvent event(String cioId, String name, String dedupeId) {
    return new NewEvent(
        new EventSubject.Person(cioId),
        name,
        EventType.EVENT,
        dedupeId,
        Instant.parse("2026-11-29T10:00:00Z"),
        Json.createObjectBuilder().add("n", name).build(),
        null,
        "test");
  }

  private static EventRow row(NewEvent event) {
    return new EventRow(workspace, event, Instant.now());
  }

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

  @Test
  void theFeedDeliversEachEventUntilAcknowledgedAndResumesAfterTheAcknowledgedPosition()
      throws Exception {
    JdbcChangeFeed feed = feed(30);
    String consumer = "test-" + workspace;
    drain(feed, consumer);
    GroupCommit<EventRow, Boolean> group = new GroupCommit<>(1, 100, new EventWriter(dataSource));
    group.submit(List.of(row(event("p1", "a", null)), row(event("p1", "b", null))));

    FeedBatch first = feed.read(consumer, 100);
    assertThat(first.events()).extracting(RecordedEvent::name).containsExactly("a", "b");
    assertThat(feed.read(consumer, 100).events())
        .as("not acknowledged (a crash here): delivered again")
        .extracting(RecordedEvent::name)
        .containsExactly("a", "b");
    feed.acknowledge(consumer, first);

    group.submit(List.of(row(event("p1", "c", null))));
    assertThat(feed.read(consumer, 100).events())
        .extracting(RecordedEvent::name)
        .containsExactly("c");
    assertThat(feed.position(consumer)).isEqualTo(first.position());
  }

  @Test
  void headersComeInTheFeedsOrderAndTheChosenEventsLoadWholeByTheirIds() throws Exception {
    JdbcChangeFeed feed = feed(30);
    String consumer = "headers-" + workspace;
    drain(feed, consumer);
    GroupCommit<EventRow, Boolean> group = new GroupCommit<>(1, 100, new EventWriter(dataSource));
    group.submit(
        List.of(
            row(event("p1", "viewed", null)),
            row(event("p2", "bought", null)),
            row(event("p3", "viewed", null))));

    HeaderBatch headers = feed.readHeaders(consumer, 100);
    assertThat(headers.headers())
        .extracting(EventHeader::name, h -> ((EventSubject.Person) h.subject()).cioId())
        .containsExactly(tuple("viewed", "p1"), tuple("bought", "p2"), tuple("viewed", "p3"));
    assertThat(headers.headers())
        .allSatisfy(
            h -> {
              assertThat(h.workspaceId()).isEqualTo(workspace);
              assertThat(h.occurredAt()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
            });
    assertThat(headers.position()).isEqualTo(headers.headers().get(2).id());

    List<Long> chosen =
        List.of(headers.headers().get(2).id(), headers.headers().get(0).id(), Long.MAX_VALUE);
    assertThat(feed.events(chosen))
        .as("in id order, the unknown id left out, data and all")
        .extracting(RecordedEvent::id, e -> e.data().getString("n"))
        .containsExactly(
            tuple(headers.headers().get(0).id(), "viewed"),
            tuple(headers.headers().get(2).id(), "viewed"));
    assertThat(feed.events(List.of())).isEmpty();

    feed.acknowledge(consumer, headers.handled(List.of()));
    assertThat(feed.readHeaders(consumer, 100).headers()).isEmpty();
    assertThat(feed.read(consumer, 100).events()).as("one position for both reads").isEmpty();
  }

  @Test
  void theFeedWaitsForATransactionStillInFlightAndNeverSkipsItsEvent() throws Exception {
    JdbcChangeFeed feed = feed(30);
    String consumer = "gap-" + workspace;
    drain(feed, consumer);
    try (Connection slow = dataSource.getConnection()) {
      slow.setAutoCommit(false);
      insertRaw(slow, "slow");
      try (Connection fast = dataSource.getConnection()) {
        insertRaw(fast, "fast"); // autocommit: a higher id, committed first
      }
      assertThat(feed.read(consumer, 100).events())
          .as("the slow transaction's id is a hole that may still be filled")
          .isEmpty();
      slow.commit();
    }
    assertThat(feed.read(consumer, 100).events())
        .extracting(RecordedEvent::name)
        .containsExactly("slow", "fast");
  }

  @Test
  void aHoleLeftByARolledBackTransactionIsPassedOnceSettled() throws Exception {
    JdbcChangeFeed feed = feed(1);
    String consumer = "rollback-" + workspace;
    drain(feed, consumer);
    try (Connection aborted = dataSource.getConnection()) {
      aborted.setAutoCommit(false);
      insertRaw(aborted, "never");
      aborted.rollback();
    }
    try (Connection c = dataSource.getConnection()) {
      insertRaw(c, "after");
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(feed.read(consumer, 100).events())
                    .extracting(RecordedEvent::name)
                    .containsExactly("after"));
  }

  private static JdbcChangeFeed feed(int settleSeconds) {
    JdbcChangeFeed feed = new JdbcChangeFeed();
    feed.dataSource = dataSource;
    feed.settleSeconds = settleSeconds;
    return feed;
  }

  /** Moves the consumer past everything earlier tests wrote. */
  private static void drain(JdbcChangeFeed feed, String consumer) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM events_event")) {
      rs.next();
      feed.acknowledge(consumer, new FeedBatch(rs.getLong(1), List.of()));
    }
  }

  private static void insertRaw(Connection c, String name) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO events_event (workspace_id, person_cio_id, name, type, source,"
                + " occurred_at, received_at, data) VALUES (?, 'p1', ?, 'event', 'test',"
                + " NOW(3), NOW(3), '{}')")) {
      insert.setLong(1, workspace);
      insert.setString(2, name);
      insert.executeUpdate();
    }
  }

  private static long count() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT COUNT(*) FROM events_event WHERE workspace_id = ?")) {
      q.setLong(1, workspace);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
