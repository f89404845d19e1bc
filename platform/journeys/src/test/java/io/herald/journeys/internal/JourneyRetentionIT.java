package io.herald.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herald.shared.persistence.Transactions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the retention task deletes, and what it keeps, on the run's database. */
class JourneyRetentionIT {

  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  @BeforeAll
  static void database() {
    assumeTrue(
        JourneyTestDatabase.unavailable().isEmpty(),
        () -> JourneyTestDatabase.unavailable().orElse(""));
  }

  @Test
  void theObjectChangeJournalLosesRowsEveryConsumerPassedOnceTheyAreOld() throws Exception {
    Scenario s = new Scenario(T0);
    Instant now = Instant.now();
    Instant tenDaysAgo = now.minus(Duration.ofDays(10));
    for (String id : new String[] {"old-1", "old-2", "old-3", "old-4", "old-5"}) {
      change(s, id, tenDaysAgo);
    }
    change(s, "recent", now.minus(Duration.ofHours(1)));
    while (s.engine.objects.step(1000) > 0) {
      // the journal is shared by every test of the run: read to its end
    }
    change(s, "old-unread", tenDaysAgo);

    // Chunks of 2: five old rows take three deletes.
    int deleted =
        new ObjectChangeRetention(JourneyTestDatabase.dataSource(), 2)
            .prune(now.minus(Duration.ofDays(7)));

    assertThat(deleted).isGreaterThanOrEqualTo(5);
    assertThat(objectIds(s)).containsExactlyInAnyOrder("recent", "old-unread");
  }

  @Test
  void nothingIsPrunedWhileAConsumerHasNoPosition() throws Exception {
    Scenario s = new Scenario(T0);
    change(s, "kept", Instant.now().minus(Duration.ofDays(30)));
    while (s.engine.objects.step(1000) > 0) {
      // read to the end
    }
    long position =
        Transactions.autoCommit(
            JourneyTestDatabase.dataSource(),
            "test",
            c ->
                Sql.count(
                    c,
                    "SELECT position FROM journeys_feed_cursor WHERE consumer = ?",
                    ObjectTriggers.CONSUMER));
    JourneyTestDatabase.execute(
        "DELETE FROM journeys_feed_cursor WHERE consumer = ?", ObjectTriggers.CONSUMER);
    try {
      new ObjectChangeRetention(JourneyTestDatabase.dataSource(), 100)
          .prune(Instant.now().minus(Duration.ofDays(7)));
      assertThat(objectIds(s)).containsExactly("kept");
    } finally {
      JourneyTestDatabase.execute(
          "INSERT INTO journeys_feed_cursor (consumer, position, updated_at)"
              + " VALUES (?, ?, NOW(3)) ON DUPLICATE KEY UPDATE position = VALUES(position)",
          ObjectTriggers.CONSUMER,
          position);
    }
  }

  private static void change(Scenario s, String objectId, Instant insertedAt) throws Exception {
    JourneyTestDatabase.objectChange(
        s.ws, 1, objectId, "obj-" + objectId, "updated", null, "{}", T0);
    JourneyTestDatabase.execute(
        "UPDATE objects_change SET inserted_at = ? WHERE workspace_id = ? AND object_id = ?",
        io.herald.shared.persistence.DateTimes.text(insertedAt),
        s.ws,
        objectId);
  }

  private static java.util.List<String> objectIds(Scenario s) {
    return Transactions.autoCommit(
        JourneyTestDatabase.dataSource(),
        "test",
        c ->
            Sql.list(
                c,
                "SELECT object_id FROM objects_change WHERE workspace_id = ?",
                rs -> rs.getString(1),
                s.ws));
  }
}
