package io.herald.segments.internal.realtime;

import static io.herald.segments.internal.realtime.RealtimeTestDatabase.changes;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.dataSegment;
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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rounds of rebuild chunks applied side by side (herald.segments.rebuild.collect-parallelism): the
 * progress saved once every chunk of a round has committed, and a round applied again after a crash
 * writing nothing twice.
 */
@RequiresTestDatabase
class RebuildRoundsIT {

  private final long ws = freshWorkspace();
  private final RebuildRig rig = new RebuildRig(ws);

  @Test
  void aRoundAppliesItsChunksSideBySideAndSavesItsEndOnceAllHaveCommitted() throws Exception {
    long segment = dataSegment(ws, PRO);
    for (int i = 0; i < 7; i++) {
      person(ws, "p" + i, "{\"plan\":\"pro\"}");
    }
    for (int i = 0; i < 5; i++) {
      person(ws, "x" + i, "{\"plan\":\"free\"}");
    }
    // Members who no longer match: the exit step has rounds too.
    Jdbc.inTransaction(
        dataSource(),
        c ->
            MembershipLedger.setAll(
                c, ws, segment, List.of("x0", "x1", "x2", "x3", "x4"), List.of(), "api", T));
    rig.request(segment);
    // Chunks of 2 people, 3 side by side; a zero budget stops after each step.
    RebuildWorker worker = rig.worker(2, 3);
    assertThat(worker.step(Duration.ZERO)).isTrue(); // collect
    assertThat(RebuildRig.progress(segment)).containsExactly("enter", "");

    assertThat(worker.step(Duration.ZERO)).isTrue();
    assertThat(members(segment))
        .as("p0 p1 | p2 p3 | p4 p5 entered")
        .contains("p0", "p1", "p2", "p3", "p4", "p5")
        .doesNotContain("p6");
    assertThat(RebuildRig.progress(segment)).containsExactly("enter", "p5");
    assertThat(RebuildRig.counted(segment)).containsExactly("6", "0");

    assertThat(worker.step(Duration.ZERO)).isTrue();
    assertThat(RebuildRig.progress(segment))
        .as("the last chunk: to the end")
        .containsExactly("exit", "");
    // The members in chunks of 2, whether they differ or not: p0 p1 | p2 p3 | p4 p5 exit nobody.
    assertThat(worker.step(Duration.ZERO)).isTrue();
    assertThat(RebuildRig.progress(segment)).containsExactly("exit", "p5");
    assertThat(members(segment)).contains("x0", "x1", "x2", "x3", "x4");
    RebuildRig.runAll(worker);

    assertThat(members(segment)).containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6");
    assertThat(rebuildState(segment)).isEqualTo("done");
    assertThat(changes(segment).stream().filter(s -> s.endsWith("rebuild")))
        .containsExactlyInAnyOrder(
            "p0 entered rebuild",
            "p1 entered rebuild",
            "p2 entered rebuild",
            "p3 entered rebuild",
            "p4 entered rebuild",
            "p5 entered rebuild",
            "p6 entered rebuild",
            "x0 exited rebuild",
            "x1 exited rebuild",
            "x2 exited rebuild",
            "x3 exited rebuild",
            "x4 exited rebuild");
    assertThat(((RecordedEvents<MembershipChanged>) worker.announcements).fired)
        .as("announced in key order, each once")
        .extracting(MembershipChanged::cioId)
        .containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6", "x0", "x1", "x2", "x3", "x4");
  }

  @Test
  void aRoundAppliedAgainAfterACrashWritesNothingTwice() throws Exception {
    long segment = dataSegment(ws, PRO);
    for (int i = 0; i < 6; i++) {
      person(ws, "q" + i, "{\"plan\":\"pro\"}");
    }
    rig.request(segment);
    RebuildWorker first = rig.worker(2, 3);
    assertThat(first.step(Duration.ZERO)).isTrue(); // collect
    assertThat(first.step(Duration.ZERO)).isTrue(); // q0 q1 | q2 q3 | q4 q5
    assertThat(members(segment)).hasSize(6);
    // As if the node died after the other chunks committed but before the first did and the
    // round's end was saved: the progress is still where the round began.
    RebuildRig.execute(
        "UPDATE segments_rebuild SET phase = 'enter', after_cio = '', lease_owner = NULL,"
            + " lease_until = NULL WHERE segment_id = "
            + segment);

    RebuildRig.runAll(rig.worker(2, 2));

    assertThat(members(segment)).containsExactly("q0", "q1", "q2", "q3", "q4", "q5");
    assertThat(changes(segment))
        .as("one change each")
        .containsExactlyInAnyOrder(
            "q0 entered rebuild",
            "q1 entered rebuild",
            "q2 entered rebuild",
            "q3 entered rebuild",
            "q4 entered rebuild",
            "q5 entered rebuild");
    assertThat(rebuildState(segment)).isEqualTo("done");
  }
}
