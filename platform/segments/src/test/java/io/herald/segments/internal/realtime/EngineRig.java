package io.herald.segments.internal.realtime;

import static io.herald.testing.MigratedTestDatabase.dataSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.internal.evaluate.DefaultPersonEvaluator;
import io.herald.segments.internal.membership.MembershipLedger.Applied;
import io.herald.workspace.api.WorkspaceId;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the engine's database tests share: one workspace's segment index, re-evaluation as a feed
 * batch does it (rows made sure of, then one transaction), claimed re-checks run as the re-check
 * worker runs them, and the workspace's pending re-check requests.
 */
final class EngineRig {

  static final ZoneId UTC = ZoneOffset.UTC;

  private final long ws;

  EngineRig(long ws) {
    this.ws = ws;
  }

  SegmentIndex index() {
    return SegmentIndex.of(new DataSegmentRepository(dataSource()).active(new WorkspaceId(ws)));
  }

  static Reevaluator.Work work(Trigger trigger, String cause) {
    return new Reevaluator.Work(Set.of(trigger), cause);
  }

  /** As a feed batch: the people's rows made sure of, then their evaluation in one transaction. */
  List<Applied> reevaluate(
      SegmentIndex index, Map<String, Reevaluator.Work> work, Instant now, boolean everything) {
    Jdbc.autoCommit(
        dataSource(),
        c -> {
          PersonLocks.ensure(c, ws, List.copyOf(work.keySet()));
          return null;
        });
    return Jdbc.inTransaction(
        dataSource(),
        c ->
            new Reevaluator(new DefaultPersonEvaluator())
                .run(c, ws, index, work, UTC, now, everything));
  }

  /**
   * Claims this workspace's due re-checks at {@code now} and evaluates them, as the re-check worker
   * does (other tests' due rows in the shared table are not claimed: they could fill a batch).
   */
  List<Applied> claimAndRun(Instant now) {
    return Jdbc.inTransaction(
        dataSource(),
        c -> {
          List<Applied> applied = new ArrayList<>();
          for (PersonRows.Due due : claimDue(c, now)) {
            applied.addAll(
                new Reevaluator(new DefaultPersonEvaluator())
                    .run(
                        c,
                        ws,
                        index(),
                        Map.of(due.cioId(), work(Trigger.everything(), due.cause())),
                        UTC,
                        now,
                        true));
          }
          return applied;
        });
  }

  private List<PersonRows.Due> claimDue(java.sql.Connection c, Instant now)
      throws java.sql.SQLException {
    List<PersonRows.Due> due = new ArrayList<>();
    try (var q =
        c.prepareStatement(
            "SELECT workspace_id, cio_id, cause FROM segments_recheck WHERE workspace_id = ?"
                + " AND due_at <= ? ORDER BY due_at FOR UPDATE SKIP LOCKED")) {
      q.setLong(1, ws);
      q.setTimestamp(2, java.sql.Timestamp.from(now));
      try (var rs = q.executeQuery()) {
        while (rs.next()) {
          due.add(new PersonRows.Due(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    return due;
  }

  /** This workspace's pending re-check requests, oldest first: "cio cause". */
  List<String> requests() {
    List<String> found = new ArrayList<>();
    RealtimeTestDatabase.query(
        "SELECT cio_id, cause FROM segments_recheck_request WHERE workspace_id = ? ORDER BY id",
        ws,
        rs -> found.add(rs.getString(1) + " " + rs.getString(2)));
    return found;
  }

  static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
