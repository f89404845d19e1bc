package io.herald.segments.internal.realtime;

import static io.herald.segments.internal.realtime.RealtimeTestDatabase.changes;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.dataSegment;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.event;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.members;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.person;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.query;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.rebuildState;
import static io.herald.testing.MigratedTestDatabase.dataSource;
import static io.herald.testing.MigratedTestDatabase.freshWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herald.segments.api.MembershipChanged;
import io.herald.segments.internal.evaluate.DefaultPersonEvaluator;
import io.herald.segments.internal.membership.MembershipLedger;
import io.herald.segments.internal.sql.SqlSegmentQueriesFactory;
import io.herald.testing.MigratedTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Full rebuilds on a real database: the set computed once, enters and exits applied in chunks with
 * saved progress (resumed by another node), people the real-time engine evaluated meanwhile
 * evaluated again, and the re-check timers of conditions that move with the clock.
 */
class RebuildWorkerIT {

  private static final Instant T = Instant.parse("2026-11-29T10:00:00Z");
  private static final ZoneId UTC = ZoneOffset.UTC;

  private static final String PRO =
      "{\"version\":1,\"condition\":{\"attribute\":{\"name\":\"plan\",\"operator\":\"equals\","
          + "\"value\":\"pro\"}}}";

  @BeforeAll
  static void database() {
    assumeTrue(
        MigratedTestDatabase.unavailable().isEmpty(),
        () -> MigratedTestDatabase.unavailable().orElse(""));
  }

  private final long ws = freshWorkspace();

  @Test
  void aRebuildResumesFromItsSavedProgressOnAnotherNode() throws Exception {
    long segment = dataSegment(ws, PRO);
    for (int i = 0; i < 5; i++) {
      person(ws, "r" + i, i % 2 == 0 ? "{\"plan\":\"pro\"}" : "{\"plan\":\"free\"}");
    }
    request(segment);
    // The first node computes the set, applies one chunk of two enters, then stops (as if it died
    // after that commit; a zero budget gives the lease back after each step).
    RebuildWorker first = worker(2);
    assertThat(first.step(Duration.ZERO)).isTrue();
    assertThat(progress(segment)).containsExactly("enter", "");
    assertThat(members(segment)).isEmpty();
    assertThat(first.step(Duration.ZERO)).isTrue();
    assertThat(progress(segment)).containsExactly("enter", "r2");
    assertThat(members(segment)).containsExactly("r0", "r2");

    RebuildWorker second = worker(2);
    while (second.step(Duration.ofMinutes(1))) {
      // until no rebuild is left
    }

    assertThat(members(segment)).containsExactly("r0", "r2", "r4");
    assertThat(progress(segment)).as("done: the row is gone").isEmpty();
    assertThat(changes(segment)).hasSize(3).allMatch(s -> s.endsWith("entered rebuild"));
    assertThat(rebuildState(segment)).isEqualTo("done");
    assertThat(((RecordedEvents<MembershipChanged>) second.announcements).fired)
        .extracting(MembershipChanged::cioId)
        .containsExactly("r4");
    assertThat(staged(segment)).as("the computed sets are dropped").isZero();
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
    request(segment);

    runAll(worker(1));

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
    request(segment);
    RebuildWorker worker = worker(10);
    worker.step(Duration.ZERO); // the set: x and y
    // x changes, and the real-time engine evaluates x (it records when) before the rebuild's
    // chunk reaches x.
    execute(
        "UPDATE people_person SET attributes = '{\"plan\":\"free\"}' WHERE workspace_id = "
            + ws
            + " AND cio_id = 'x'");
    execute(
        "INSERT INTO segments_recheck (workspace_id, cio_id, evaluated_at) VALUES ("
            + ws
            + ", 'x', NOW(3) + INTERVAL 1 SECOND)");

    runAll(worker);

    assertThat(members(segment)).containsExactly("y");
    assertThat(changes(segment)).containsExactly("y entered rebuild");
  }

  @Test
  void aPersonDeletedAfterTheSetWasReadDoesNotEnter() throws Exception {
    long segment = dataSegment(ws, PRO);
    person(ws, "kept", "{\"plan\":\"pro\"}");
    person(ws, "gone", "{\"plan\":\"pro\"}");
    request(segment);
    RebuildWorker worker = worker(10);
    worker.step(Duration.ZERO); // the set: both
    execute("DELETE FROM people_person WHERE workspace_id = " + ws + " AND cio_id = 'gone'");

    runAll(worker);

    assertThat(members(segment)).containsExactly("kept");
    assertThat(changes(segment)).containsExactly("kept entered rebuild");
  }

  @Test
  void whenAChunkWroteFewerRowsThanItLockedTheMembershipsSayWhoChanged() throws Exception {
    long segment = dataSegment(ws, PRO);
    Jdbc.inTransaction(
        dataSource(),
        c -> MembershipLedger.setAll(c, ws, segment, List.of("in"), List.of(), "api", T));
    RebuildStore.Progress at =
        new RebuildStore.Progress(segment, ws, 0, RebuildStore.Phase.ENTER, 1, "", T);

    List<String> entered =
        Jdbc.autoCommit(
            dataSource(),
            c -> RebuildChunks.changed(c, at, RebuildChunks.Set.MATCHES, List.of("in", "out")));
    List<String> exited =
        Jdbc.autoCommit(
            dataSource(),
            c -> RebuildChunks.changed(c, at, RebuildChunks.Set.MEMBERS, List.of("in", "out")));

    assertThat(entered).as("entering: those now members").containsExactly("in");
    assertThat(exited).as("exiting: those no longer members").containsExactly("out");
  }

  @Test
  void theRebuildOfASegmentDeletedMeanwhileIsDropped() throws Exception {
    long segment = dataSegment(ws, PRO);
    person(ws, "p", "{\"plan\":\"pro\"}");
    request(segment);
    RebuildWorker worker = worker(10);
    worker.step(Duration.ZERO); // the set is stored
    execute("DELETE FROM segments_segment WHERE id = " + segment);

    assertThat(worker.step(Duration.ZERO)).as("there was one to look at").isTrue();

    assertThat(progress(segment)).as("the row is gone, so no worker claims it again").isEmpty();
    assertThat(staged(segment)).isZero();
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
    request(segment);
    RebuildWorker worker = worker(1);
    while (!progress(segment).get(0).equals("timers")) {
      worker.step(Duration.ZERO);
    }
    assertThat(rebuildState(segment))
        .as("the membership is complete before the timers are set")
        .isEqualTo("done");
    assertThat(members(segment)).containsExactly("twice");
    assertThat(dueAt()).isEmpty();

    runAll(worker);

    assertThat(progress(segment)).isEmpty();
    assertThat(dueAt())
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
    request(windowed);
    RebuildWorker worker = worker(10);
    while (!progress(windowed).get(0).equals("timers")) {
      worker.step(Duration.ZERO);
    }
    RebuildStore.Progress settingTimers =
        new RebuildStore.Progress(windowed, ws, 0, RebuildStore.Phase.TIMERS, 1, "", T);
    assertThat(worker.yields(settingTimers)).as("no other rebuild is waiting").isFalse();
    // Requested at the same time, after it by id: the older one would go first.
    long later = dataSegment(ws, PRO);
    person(ws, "p", "{\"plan\":\"pro\"}");
    request(later);
    assertThat(worker.yields(settingTimers)).isTrue();

    worker.step(Duration.ofMinutes(1));

    assertThat(rebuildState(later)).isEqualTo("done");
    assertThat(members(later)).containsExactly("p");
    assertThat(progress(later)).as("finished").isEmpty();
    assertThat(progress(windowed)).as("its timers wait").containsExactly("timers", "");

    runAll(worker);

    assertThat(progress(windowed)).isEmpty();
    assertThat(dueAt()).containsOnlyKeys("w");
  }

  @Test
  void aConditionThatDoesNotMoveWithTheClockSetsNoTimer() throws Exception {
    long segment = dataSegment(ws, PRO);
    person(ws, "p", "{\"plan\":\"pro\"}");
    request(segment);

    runAll(worker(5));

    assertThat(members(segment)).containsExactly("p");
    assertThat(dueAt()).isEmpty();
  }

  @Test
  void peopleARebuildMovesAreReCheckedForASegmentCreatedSinceTheIndexWasCached() throws Exception {
    long a = dataSegment(ws, PRO);
    person(ws, "reader", "{\"plan\":\"pro\"}");
    RebuildWorker worker = worker(10);
    assertThat(worker.indexes.of(ws).readersOf(a)).as("cached while nobody reads A").isEmpty();
    // B reads A; the workers' cached index does not know it yet (no feed had work since).
    dataSegment(ws, "{\"version\":1,\"condition\":{\"segment\":{\"id\":" + a + "}}}");
    request(a);

    runAll(worker);

    assertThat(members(a)).containsExactly("reader");
    assertThat(dueAt())
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
    request(a);
    request(b); // same time, later id: A goes first
    RebuildWorker worker = worker(10);

    while (!"done".equals(rebuildState(a))) { // then A's timers step gives way to B
      worker.step(Duration.ofMinutes(1));
    }

    assertThat(members(a)).containsExactly("p");
    assertThat(progress(b)).as("B's rebuild has not started").containsExactly("collect", "");
    assertThat(dueAt()).as("B's rebuild reads A's new member when it reads its set").isEmpty();

    runAll(worker);

    assertThat(members(b)).containsExactly("p");
    assertThat(dueAt()).isEmpty();
  }

  @Test
  void aReaderWhoseRebuildHasReadItsSetIsReCheckedForThePeopleARebuildMoves() throws Exception {
    long a = dataSegment(ws, PRO);
    person(ws, "p", "{\"plan\":\"pro\"}");
    long b = dataSegment(ws, "{\"version\":1,\"condition\":{\"segment\":{\"id\":" + a + "}}}");
    request(a);
    request(b);
    // Another node has saved B's marker: it is reading B's set, perhaps before A's enters.
    execute("UPDATE segments_rebuild SET run = 1, marker = NOW(3) WHERE segment_id = " + b);
    RebuildWorker worker = worker(10);

    while (!"done".equals(rebuildState(a))) { // then A's timers step gives way to B
      worker.step(Duration.ofMinutes(1));
    }

    assertThat(members(a)).containsExactly("p");
    assertThat(dueAt()).as("re-checked for B at once").containsOnlyKeys("p").containsValue(T);
  }

  @Test
  void aChunkThatSkipsTheReCheckHoldsTheReadersRebuildUntilItCommits() throws Exception {
    long a = dataSegment(ws, PRO);
    long b = dataSegment(ws, "{\"version\":1,\"condition\":{\"segment\":{\"id\":" + a + "}}}");
    request(b);
    try (Connection chunk = dataSource().getConnection()) {
      chunk.setAutoCommit(false);
      assertThat(RebuildStore.allYetToCollect(chunk, java.util.Set.of(a, b)))
          .as("A has no rebuild")
          .isFalse();
      assertThat(markerSaved(b)).as("nothing locked").isTrue();

      assertThat(RebuildStore.allYetToCollect(chunk, java.util.Set.of(b))).isTrue();
      assertThat(markerSaved(b)).as("B cannot save its marker, so cannot read its set").isFalse();
      assertThat(worker(10).claim().map(RebuildStore.Progress::segmentId))
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

  private RebuildWorker worker(int batchSize) {
    RebuildWorker worker = new RebuildWorker();
    worker.dataSource = dataSource();
    worker.queries = SqlSegmentQueriesFactory.sets(dataSource());
    worker.segments = new DataSegmentRepository(dataSource());
    worker.indexes = new SegmentIndexes(worker.segments);
    worker.indexes.refresh();
    worker.evaluator = new DefaultPersonEvaluator();
    worker.settings = new RealtimeSettings();
    worker.settings.rebuildBatchSize = batchSize;
    worker.zones =
        new WorkspaceZones() {
          @Override
          public ZoneId of(long workspaceId) {
            return UTC;
          }
        };
    worker.clock = Clock.fixed(T, UTC);
    worker.announcements = new RecordedEvents<>();
    return worker;
  }

  /** Runs rebuilds until none is left (other tests' rows included: they are run too). */
  private static void runAll(RebuildWorker worker) {
    while (worker.step(Duration.ofMinutes(1))) {
      // next
    }
  }

  private void request(long segment) throws SQLException {
    try (var c = dataSource().getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "INSERT INTO segments_rebuild (segment_id, workspace_id, revision, requested_at)"
                    + " VALUES (?, ?, 0, ?)")) {
      q.setLong(1, segment);
      q.setLong(2, ws);
      q.setTimestamp(3, Timestamp.from(T));
      q.executeUpdate();
    }
  }

  private static void execute(String sql) throws SQLException {
    try (var c = dataSource().getConnection();
        PreparedStatement q = c.prepareStatement(sql)) {
      q.executeUpdate();
    }
  }

  /** The rebuild row's phase and after_cio; empty when there is no row. */
  private static List<String> progress(long segment) {
    List<String> found = new ArrayList<>();
    query(
        "SELECT phase, after_cio FROM segments_rebuild WHERE segment_id = ?",
        segment,
        rs -> {
          found.add(rs.getString(1));
          found.add(rs.getString(2));
        });
    return found;
  }

  private static long staged(long segment) {
    long[] count = new long[1];
    query(
        "SELECT (SELECT COUNT(*) FROM segments_rebuild_match WHERE segment_id = ?)"
            + " + (SELECT COUNT(*) FROM segments_rebuild_timer WHERE segment_id = "
            + segment
            + ")",
        segment,
        rs -> count[0] = rs.getLong(1));
    return count[0];
  }

  /** This workspace's re-check timers, by person. */
  private Map<String, Instant> dueAt() {
    Map<String, Instant> found = new TreeMap<>();
    query(
        "SELECT cio_id, due_at FROM segments_recheck WHERE workspace_id = ? AND due_at IS NOT NULL",
        ws,
        rs -> found.put(rs.getString(1), rs.getTimestamp(2).toInstant()));
    return found;
  }
}
