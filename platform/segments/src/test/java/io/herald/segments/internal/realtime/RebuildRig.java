package io.herald.segments.internal.realtime;

import static io.herald.segments.internal.realtime.RealtimeTestDatabase.query;
import static io.herald.testing.MigratedTestDatabase.dataSource;

import io.herald.segments.internal.evaluate.DefaultPersonEvaluator;
import io.herald.segments.internal.sql.SqlSegmentQueriesFactory;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * What the rebuild tests share: a {@link RebuildWorker} on the test database with a fixed clock,
 * rebuild requests, and reads of a rebuild's progress, sets and this workspace's re-check timers.
 */
final class RebuildRig {

  /** The workers' clock. */
  static final Instant T = Instant.parse("2026-11-29T10:00:00Z");

  static final ZoneId UTC = ZoneOffset.UTC;

  /** A condition without windows: plan equals pro. */
  static final String PRO =
      "{\"version\":1,\"condition\":{\"attribute\":{\"name\":\"plan\",\"operator\":\"equals\","
          + "\"value\":\"pro\"}}}";

  private final long ws;

  RebuildRig(long ws) {
    this.ws = ws;
  }

  /**
   * A worker applying rounds of {@code parallelism} chunks of {@code batchSize} people side by side
   * (its helper threads are daemons: they end with the tests).
   */
  RebuildWorker worker(int batchSize, int parallelism) {
    RebuildWorker worker = worker(batchSize);
    worker.settings.collectParallelism = parallelism;
    worker.helpers =
        Executors.newFixedThreadPool(
            parallelism - 1,
            r -> {
              Thread t = new Thread(r, "rebuild chunk");
              t.setDaemon(true);
              return t;
            });
    return worker;
  }

  RebuildWorker worker(int batchSize) {
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
  static void runAll(RebuildWorker worker) {
    while (worker.step(Duration.ofMinutes(1))) {
      // next
    }
  }

  void request(long segment) throws SQLException {
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

  static void execute(String sql) throws SQLException {
    try (var c = dataSource().getConnection();
        PreparedStatement q = c.prepareStatement(sql)) {
      q.executeUpdate();
    }
  }

  /** The rebuild row's phase and after_cio; empty when there is no row. */
  static List<String> progress(long segment) {
    return rebuildRow(segment, "phase, after_cio");
  }

  /** The rebuild row's counts of enters and exits so far; empty when there is no row. */
  static List<String> counted(long segment) {
    return rebuildRow(segment, "entered, exited");
  }

  /** Two columns of the segment's rebuild row, as text. */
  private static List<String> rebuildRow(long segment, String columns) {
    List<String> found = new ArrayList<>();
    query(
        "SELECT " + columns + " FROM segments_rebuild WHERE segment_id = ?",
        segment,
        rs -> {
          found.add(rs.getString(1));
          found.add(rs.getString(2));
        });
    return found;
  }

  static long staged(long segment) {
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
  Map<String, Instant> dueAt() {
    Map<String, Instant> found = new TreeMap<>();
    query(
        "SELECT cio_id, due_at FROM segments_recheck WHERE workspace_id = ? AND due_at IS NOT NULL",
        ws,
        rs -> found.put(rs.getString(1), rs.getTimestamp(2).toInstant()));
    return found;
  }
}
