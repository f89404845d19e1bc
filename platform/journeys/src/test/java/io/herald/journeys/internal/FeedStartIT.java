package io.herald.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herald.people.internal.JdbcPersonChangeFeed;
import io.herald.shared.feed.FeedCursor;
import io.herald.shared.persistence.Transactions;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A consumer without a position starts at the feed's current end (triggers are for changes from now
 * on), and one with a position keeps it.
 */
class FeedStartIT {

  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  private static final FeedCursor OBJECTS =
      new FeedCursor("objects_change", "journeys_feed_cursor", "object change journal");

  @BeforeAll
  static void database() {
    assumeTrue(
        JourneyTestDatabase.unavailable().isEmpty(),
        () -> JourneyTestDatabase.unavailable().orElse(""));
  }

  @Test
  void aNewConsumerReadsOnlyWhatIsWrittenAfterItStarted() throws Exception {
    long ws = JourneyTestDatabase.freshWorkspace();
    String consumer = "test.start-" + System.nanoTime();
    JourneyTestDatabase.objectChange(ws, 1, "before", "obj-b", "created", null, "{}", T0);

    long end = maxId("objects_change");
    long position = OBJECTS.startAtEnd(JourneyTestDatabase.dataSource(), consumer);
    JourneyTestDatabase.objectChange(ws, 1, "after", "obj-a", "created", null, "{}", T0);
    FeedCursor.Slice<String> slice =
        OBJECTS.read(
            JourneyTestDatabase.dataSource(),
            consumer,
            "SELECT id, object_id, workspace_id",
            30,
            100_000,
            rs -> rs.getLong(3) == ws ? rs.getString(2) : "other");

    assertThat(position).isEqualTo(end);
    assertThat(slice.entries()).contains("after").doesNotContain("before");

    OBJECTS.acknowledge(JourneyTestDatabase.dataSource(), consumer, slice.position());
    JourneyTestDatabase.objectChange(ws, 1, "later", "obj-l", "created", null, "{}", T0);
    assertThat(OBJECTS.startAtEnd(JourneyTestDatabase.dataSource(), consumer))
        .as("a consumer with a position keeps it")
        .isEqualTo(slice.position());
  }

  @Test
  void theJourneyObjectReaderStartsAtTheEndOnAFirstBoot() throws Exception {
    Scenario s = new Scenario(T0);
    JourneyTestDatabase.execute(
        "DELETE FROM journeys_feed_cursor WHERE consumer = ?", ObjectTriggers.CONSUMER);
    JourneyTestDatabase.objectChange(s.ws, 1, "history", "obj-h", "created", null, "{}", T0);

    assertThat(s.engine.objects.startAtEnd()).isEqualTo(maxId("objects_change"));
    assertThat(s.engine.objects.step(100_000)).isZero();
  }

  @Test
  void peoplesChangeFeedStartsANewConsumerAtItsEnd() {
    JdbcPersonChangeFeed feed = new JdbcPersonChangeFeed(JourneyTestDatabase.dataSource(), 30);
    String consumer = "test.people-start-" + System.nanoTime();

    assertThat(feed.startAtEnd(consumer)).isEqualTo(maxId("people_change"));
    assertThat(feed.position(consumer)).isEqualTo(maxId("people_change"));
  }

  private static long maxId(String table) {
    return Transactions.autoCommit(
        JourneyTestDatabase.dataSource(),
        "test",
        c -> Sql.count(c, "SELECT COALESCE(MAX(id), 0) FROM " + table));
  }
}
