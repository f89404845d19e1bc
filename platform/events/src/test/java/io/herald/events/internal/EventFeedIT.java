package io.herald.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.herald.events.api.EventHeader;
import io.herald.events.api.EventSubject;
import io.herald.events.api.FeedBatch;
import io.herald.events.api.HeaderBatch;
import io.herald.events.api.RecordedEvent;
import io.herald.shared.ingest.GroupCommit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The change feed that segments and journeys consume, on a real MariaDB (embedded): delivered until
 * acknowledged, resumed after a crash, and never past an id a transaction may still fill.
 */
class EventFeedIT extends EventsDatabaseTest {

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
}
