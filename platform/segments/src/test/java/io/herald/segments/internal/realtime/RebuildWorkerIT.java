package io.herald.segments.internal.realtime;

import static io.herald.segments.internal.realtime.RealtimeTestDatabase.changes;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.dataSegment;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.event;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.members;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.person;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.rebuildState;
import static io.herald.segments.internal.realtime.RebuildRig.PRO;
import static io.herald.segments.internal.realtime.RebuildRig.T;
import static io.herald.testing.MigratedTestDatabase.dataSource;
import static io.herald.testing.MigratedTestDatabase.freshWorkspace;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.MembershipChanged;
import io.herald.segments.internal.membership.MembershipLedger;
import io.herald.testing.RequiresTestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Full rebuilds on a real database: the set computed once, enters and exits applied in chunks with
 * saved progress (resumed by another node), people the real-time engine evaluated meanwhile
 * evaluated again, and the re-check timers of conditions that move with the clock.
 */
@RequiresTestDatabase
class RebuildWorkerIT {

  private final long ws = freshWorkspace();
  private final RebuildRig rig = new RebuildRig(ws);

  @Test
  void aRebuildResumesFromItsSavedProgressOnAnotherNode() throws Exception {
    long segment = dataSegment(ws, PRO);
    for (int i = 0; i < 5; i++) {
      person(ws, "r" + i, i % 2 == 0 ? "{\"plan\":\"pro\"}" : "{\"plan\":\"free\"}");
    }
    rig.request(segment);
    // The first node computes the set, applies one chunk of two enters, then stops (as if it died
    // after that commit; a zero budget gives the lease back after each step).
    RebuildWorker first = rig.worker(2);
    assertThat(first.step(Duration.ZERO)).isTrue();
    assertThat(RebuildRig.progress(segment)).containsExactly("enter", "");
    assertThat(members(segment)).isEmpty();
    assertThat(first.step(Duration.ZERO)).isTrue();
    assertThat(RebuildRig.progress(segment)).containsExactly("enter", "r2");
    assertThat(members(segment)).containsExactly("r0", "r2");

    RebuildWorker second = rig.worker(2);
    while (second.step(Duration.ofMinutes(1))) {
      // until no rebuild is left
    }

    assertThat(members(segment)).containsExactly("r0", "r2", "r4");
    assertThat(RebuildRig.progress(segment)).as("done: the row is gone").isEmpty();
    assertThat(changes(segment)).hasSize(3).allMatch(s -> s.endsWith("entered rebuild"));
    assertThat(rebuildState(segment)).isEqualTo("done");
    assertThat(((RecordedEvents<MembershipChanged>) second.announcements).fired)
        .extracting(MembershipChanged::cioId)
        .containsExactly("r4");
    assertThat(RebuildRig.staged(segment)).as("the computed sets are dropped").isZero();
  }

  @Test
  void membersWhoNoLongerMatchExitAndTheOthersStay() throws Exception {
    long segment = dataSegment(ws, PRO);
    person(ws, "a", "{\"plan\":\"pro\"}");
    person(ws, "b", "{\"plan\":\"free\"}");
    person(ws, "c", "{\"plan\":\"pro\"}");
    person(ws, "d", "{\"plan\":\"free\"}");
    Jdbc.inTransaction(
        dataSource(),
        c -> MembershipLedger.setAll(c, ws, segment, List.of("a", "b", "d"), List.of(), "api", T));
    rig.request(segment);

    RebuildRig.runAll(rig.worker(1));

    assertThat(members(segment)).containsExactly("a", "c");
    assertThat(changes(segment))
        .containsExactly(
            "a entered api",
            "b entered api",
            "d entered api",
            "c entered rebuild",
            "b exited rebuild",
            "d exited rebuild");
  }

  @Test
  void aPersonTheEngineEvaluatedAfterTheSetWasReadIsEvaluatedAgain() throws Exception {
    long segment = dataSegment(ws, PRO);
    person(ws, "x", "{\"plan\":\"pro\"}");
    person(ws, "y", "{\"plan\":\"pro\"}");
    rig.request(segment);
    RebuildWorker worker = rig.worker(10);
    worker.step(Duration.ZERO); // the set: x and y
    // x changes, and the real-time engine evaluates x (it records when) before the rebuild's
    // chunk reaches x.
    RebuildRig.execute(
        "UPDATE people_person SET attributes = '{\"plan\":\"free\"}' WHERE workspace_id = "
            + ws
            + " AND cio_id = 'x'");
    RebuildRig.execute(
        "INSERT INTO segments_recheck (workspace_id, cio_id, evaluated_at) VALUES ("
            + ws
            + ", 'x', NOW(3) + INTERVAL 1 SECOND)");

    RebuildRig.runAll(worker);

    assertThat(members(segment)).containsExactly("y");
    assertThat(changes(segment)).containsExactly("y entered rebuild");
  }

  @Test
  void aPersonDeletedAfterTheSetWasReadDoesNotEnter() throws Exception {
    long segment = dataSegment(ws, PRO);
    person(ws, "kept", "{\"plan\":\"pro\"}");
    person(ws, "gone", "{\"plan\":\"pro\"}");
    rig.request(segment);
    RebuildWorker worker = rig.worker(10);
    worker.step(Duration.ZERO); // the set: both
    RebuildRig.execute(
        "DELETE FROM people_person WHERE workspace_id = " + ws + " AND cio_id = 'gone'");

    RebuildRig.runAll(worker);

    assertThat(members(segment)).containsExactly("kept");
    assertThat(changes(segment)).containsExactly("kept entered rebuild");
  }

  @Test
  void aChunkEntersOnlyPeopleWhoStillExistAndExitsByTheList() throws Exception {
    long segment = dataSegment(ws, PRO);
    person(ws, "here", "{\"plan\":\"pro\"}");
    person(ws, "member", "{\"plan\":\"free\"}");
    Jdbc.inTransaction(
        dataSource(),
        c -> MembershipLedger.setAll(c, ws, segment, List.of("member"), List.of(), "api", T));
    RebuildStore.Progress at =
        new RebuildStore.Progress(segment, ws, 0, RebuildStore.Phase.ENTER, 1, "", T);

    List<MembershipLedger.Applied> entered =
        Jdbc.inTransaction(
            dataSource(),
            c ->
                RebuildChunks.apply(
                    c, at, RebuildChunks.Set.MATCHES, List.of("deleted", "here"), T));
    List<MembershipLedger.Applied> exited =
        Jdbc.inTransaction(
            dataSource(),
            c -> RebuildChunks.apply(c, at, RebuildChunks.Set.MEMBERS, List.of("member"), T));

    assertThat(entered)
        .as("no one enters who is not a person any more")
        .containsExactly(new MembershipLedger.Applied(ws, segment, "here", true, "rebuild"));
    assertThat(exited)
        .containsExactly(new MembershipLedger.Applied(ws, segment, "member", false, "rebuild"));
    assertThat(members(segment)).containsExactly("here");
    assertThat(changes(segment))
        .containsExactly("member entered api", "here entered rebuild", "member exited rebuild");
  }

  @Test
  void aChunkDoesNotWaitForTheNextSegmentsSetBeingWritten() throws Exception {
    long segment = dataSegment(ws, PRO);
    long next = dataSegment(ws, PRO); // a higher id: its set's rows follow this one's in the key
    person(ws, "p", "{\"plan\":\"pro\"}");
    rig.request(segment);
    RebuildWorker worker = rig.worker(10);
    try (Connection collecting = dataSource().getConnection()) {
      // The next segment's rebuild is writing its set, uncommitted (a long INSERT … SELECT).
      collecting.setAutoCommit(false);
      try (Statement s = collecting.createStatement()) {
        s.executeUpdate(
            "INSERT INTO segments_rebuild_match (segment_id, run, cio_id) VALUES ("
                + next
                + ", 1, 'a')");
      }

      // A locking read of this segment's set took the next row's lock with it and waited for that
      // statement (here: until innodb_lock_wait_timeout failed the chunk).
      RebuildRig.runAll(worker);

      assertThat(members(segment)).containsExactly("p");
      collecting.rollback();
    }
  }

  @Test
  void theRebuildOfASegmentDeletedMeanwhileIsDropped() throws Exception {
    long segment = dataSegment(ws, PRO);
    person(ws, "p", "{\"plan\":\"pro\"}");
    rig.request(segment);
    RebuildWorker worker = rig.worker(10);
    worker.step(Duration.ZERO); // the set is stored
    RebuildRig.execute("DELETE FROM segments_segment WHERE id = " + segment);

    assertThat(worker.step(Duration.ZERO)).as("there was one to look at").isTrue();

    assertThat(RebuildRig.progress(segment))
        .as("the row is gone, so no worker claims it again")
        .isEmpty();
    assertThat(RebuildRig.staged(segment)).isZero();
  }

  @Test
  void aWindowedConditionGetsReCheckTimersForWhenPeopleLeaveIt() throws Exception {
    long segment =
        dataSegment(
            ws,
            "{\"version\":1,\"condition\":{\"event\":{\"name\":\"login\","
                + "\"within\":{\"last\":14,\"unit\":\"days\"}}}}");
    Instant recent = T.minus(Duration.ofDays(13));
    Instant older = T.minus(Duration.ofDays(2));
    person(ws, "old", "{}");
    event(ws, "old", "login", T.minus(Duration.ofDays(20))); // out of the window for good
    person(ws, "twice", "{}");
    event(ws, "twice", "login", recent);
    event(ws, "twice", "login", older);
    person(ws, "never", "{}");
    rig.request(segment);
    RebuildWorker worker = rig.worker(1);
    while (!RebuildRig.progress(segment).get(0).equals("timers")) {
      worker.step(Duration.ZERO);
    }
    assertThat(rebuildState(segment))
        .as("the membership is complete before the timers are set")
        .isEqualTo("done");
    assertThat(members(segment)).containsExactly("twice");
    assertThat(rig.dueAt()).isEmpty();

    RebuildRig.runAll(worker);

    assertThat(RebuildRig.progress(segment)).isEmpty();
    assertThat(rig.dueAt())
        .as("the first login leaves the window 14 days after it; then the re-check sets the next")
        .containsExactly(Map.entry("twice", recent.plus(Duration.ofDays(14))));
  }

  @Test
  void aRebuildSettingTimersGivesWayToOneWhoseMembershipIsNotComplete() throws Exception {
    long windowed =
        dataSegment(
            ws,
            "{\"version\":1,\"condition\":{\"event\":{\"name\":\"login\","
                + "\"within\":{\"last\":14,\"unit\":\"days\"}}}}");
    person(ws, "w", "{}");
    event(ws, "w", "login", T.minus(Duration.ofDays(1)));
    rig.request(windowed);
    RebuildWorker worker = rig.worker(10);
    while (!RebuildRig.progress(windowed).get(0).equals("timers")) {
      worker.step(Duration.ZERO);
    }
    RebuildStore.Progress settingTimers =
        new RebuildStore.Progress(windowed, ws, 0, RebuildStore.Phase.TIMERS, 1, "", T);
    assertThat(worker.yields(settingTimers)).as("no other rebuild is waiting").isFalse();
    // Requested at the same time, after it by id: the older one would go first.
    long later = dataSegment(ws, PRO);
    person(ws, "p", "{\"plan\":\"pro\"}");
    rig.request(later);
    assertThat(worker.yields(settingTimers)).isTrue();

    worker.step(Duration.ofMinutes(1));

    assertThat(rebuildState(later)).isEqualTo("done");
    assertThat(members(later)).containsExactly("p");
    assertThat(RebuildRig.progress(later)).as("finished").isEmpty();
    assertThat(RebuildRig.progress(windowed)).as("its timers wait").containsExactly("timers", "");

    RebuildRig.runAll(worker);

    assertThat(RebuildRig.progress(windowed)).isEmpty();
    assertThat(rig.dueAt()).containsOnlyKeys("w");
  }

  @Test
  void aConditionThatDoesNotMoveWithTheClockSetsNoTimer() throws Exception {
    long segment = dataSegment(ws, PRO);
    person(ws, "p", "{\"plan\":\"pro\"}");
    rig.request(segment);

    RebuildRig.runAll(rig.worker(5));

    assertThat(members(segment)).containsExactly("p");
    assertThat(rig.dueAt()).isEmpty();
  }
}
