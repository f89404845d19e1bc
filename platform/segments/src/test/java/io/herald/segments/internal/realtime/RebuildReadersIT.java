package io.herald.segments.internal.realtime;

import static io.herald.segments.internal.realtime.RealtimeTestDatabase.dataSegment;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.members;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.person;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.rebuildState;
import static io.herald.segments.internal.realtime.RebuildRig.PRO;
import static io.herald.segments.internal.realtime.RebuildRig.T;
import static io.herald.testing.MigratedTestDatabase.dataSource;
import static io.herald.testing.MigratedTestDatabase.freshWorkspace;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testing.RequiresTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Rebuilds and the segments that read the rebuilt one: the people a chunk moves are re-checked for
 * those readers at once, unless every reader has a rebuild that has yet to read its set, which the
 * chunk holds off until it commits.
 */
@RequiresTestDatabase
class RebuildReadersIT {

  private final long ws = freshWorkspace();
  private final RebuildRig rig = new RebuildRig(ws);

  @Test
  void peopleARebuildMovesAreReCheckedForASegmentCreatedSinceTheIndexWasCached() throws Exception {
    long a = dataSegment(ws, PRO);
    person(ws, "reader", "{\"plan\":\"pro\"}");
    RebuildWorker worker = rig.worker(10);
    assertThat(worker.indexes.of(ws).readersOf(a)).as("cached while nobody reads A").isEmpty();
    // B reads A; the workers' cached index does not know it yet (no feed had work since).
    dataSegment(ws, "{\"version\":1,\"condition\":{\"segment\":{\"id\":" + a + "}}}");
    rig.request(a);

    RebuildRig.runAll(worker);

    assertThat(members(a)).containsExactly("reader");
    assertThat(rig.dueAt())
        .as("entering A through the rebuild re-checks the person for B at once")
        .containsOnlyKeys("reader")
        .containsValue(T);
  }

  @Test
  void aReaderWhoseRebuildHasYetToReadItsSetGetsNoReCheckForThePeopleARebuildMoves()
      throws Exception {
    long a = dataSegment(ws, PRO);
    person(ws, "p", "{\"plan\":\"pro\"}");
    long b = dataSegment(ws, "{\"version\":1,\"condition\":{\"segment\":{\"id\":" + a + "}}}");
    rig.request(a);
    rig.request(b); // same time, later id: A goes first
    RebuildWorker worker = rig.worker(10);

    while (!"done".equals(rebuildState(a))) { // then A's timers step gives way to B
      worker.step(Duration.ofMinutes(1));
    }

    assertThat(members(a)).containsExactly("p");
    assertThat(RebuildRig.progress(b))
        .as("B's rebuild has not started")
        .containsExactly("collect", "");
    assertThat(rig.dueAt()).as("B's rebuild reads A's new member when it reads its set").isEmpty();

    RebuildRig.runAll(worker);

    assertThat(members(b)).containsExactly("p");
    assertThat(rig.dueAt()).isEmpty();
  }

  @Test
  void aReaderWhoseRebuildHasReadItsSetIsReCheckedForThePeopleARebuildMoves() throws Exception {
    long a = dataSegment(ws, PRO);
    person(ws, "p", "{\"plan\":\"pro\"}");
    long b = dataSegment(ws, "{\"version\":1,\"condition\":{\"segment\":{\"id\":" + a + "}}}");
    rig.request(a);
    rig.request(b);
    // Another node has saved B's marker: it is reading B's set, perhaps before A's enters.
    RebuildRig.execute(
        "UPDATE segments_rebuild SET run = 1, marker = NOW(3) WHERE segment_id = " + b);
    RebuildWorker worker = rig.worker(10);

    while (!"done".equals(rebuildState(a))) { // then A's timers step gives way to B
      worker.step(Duration.ofMinutes(1));
    }

    assertThat(members(a)).containsExactly("p");
    assertThat(rig.dueAt()).as("re-checked for B at once").containsOnlyKeys("p").containsValue(T);
  }

  @Test
  void aChunkThatSkipsTheReCheckHoldsTheReadersRebuildUntilItCommits() throws Exception {
    long a = dataSegment(ws, PRO);
    long b = dataSegment(ws, "{\"version\":1,\"condition\":{\"segment\":{\"id\":" + a + "}}}");
    rig.request(b);
    try (Connection chunk = dataSource().getConnection()) {
      chunk.setAutoCommit(false);
      assertThat(RebuildStore.allYetToCollect(chunk, java.util.Set.of(a, b)))
          .as("A has no rebuild")
          .isFalse();
      assertThat(markerSaved(b)).as("nothing locked").isTrue();

      assertThat(RebuildStore.allYetToCollect(chunk, java.util.Set.of(b))).isTrue();
      assertThat(markerSaved(b)).as("B cannot save its marker, so cannot read its set").isFalse();
      assertThat(rig.worker(10).claim().map(RebuildStore.Progress::segmentId))
          .as("nor be claimed (SKIP LOCKED)")
          .isNotEqualTo(Optional.of(b));

      chunk.commit();
    }
    assertThat(markerSaved(b)).isTrue();
  }

  // --- helpers

  /** Whether another connection can save the rebuild's marker within a second (then undone). */
  private static boolean markerSaved(long segment) throws SQLException {
    try (Connection other = dataSource().getConnection();
        Statement s = other.createStatement()) {
      s.execute("SET SESSION innodb_lock_wait_timeout = 1");
      other.setAutoCommit(false);
      try {
        s.executeUpdate(
            "UPDATE segments_rebuild SET marker = NOW(3) WHERE segment_id = " + segment);
        return true;
      } catch (SQLException lockWaitTimeout) {
        return false;
      } finally {
        other.rollback();
        other.setAutoCommit(true);
      }
    }
  }
}
