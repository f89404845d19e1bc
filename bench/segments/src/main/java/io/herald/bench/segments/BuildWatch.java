package io.herald.bench.segments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

/**
 * How T4 waits for Herald's builds: until a segment is built ({@link #awaitBuilt}), seen in its row
 * or, with {@code BENCH_T4_POLL=api}, by polling the App API, and until no rebuild is left ({@link
 * #awaitNoRebuild}).
 */
final class BuildWatch {

  /** Longest a build may take. */
  static final Duration BUILD_TIMEOUT = Duration.ofMinutes(30);

  private final Database database;
  private final HeraldApi api;
  private final boolean byApi;

  BuildWatch(Database database, HeraldApi api, boolean byApi) {
    this.database = database;
    this.api = api;
    this.byApi = byApi;
  }

  /**
   * Waits until the segment is built; returns {@link System#nanoTime} when it was first seen so.
   */
  long awaitBuilt(long segment) throws Exception {
    return byApi ? api.awaitBuilt(segment, BUILD_TIMEOUT) : awaitBuiltInRow(segment);
  }

  /**
   * Polls the segment's row every {@link HeraldApi#POLL} on one open connection until its rebuild
   * state is no longer {@code pending} or {@code running}, which is when the App API shows it
   * {@code finished} (one read of the API then confirms it); returns {@link System#nanoTime} when
   * it was first seen so. A primary-key read costs the database server microseconds, where each
   * poll of the API cost Herald a request (authentication, the row, JSON) on the two cores the
   * build itself runs on (2026-12-06: Herald's request threads took 43% of its sampled CPU during
   * S1's builds).
   */
  private long awaitBuiltInRow(long segment) throws Exception {
    long deadline = System.nanoTime() + BUILD_TIMEOUT.toNanos();
    try (Connection c = database.connect();
        PreparedStatement q =
            c.prepareStatement("SELECT rebuild_state FROM segments_segment WHERE id = ?")) {
      q.setLong(1, segment);
      while (true) {
        String state;
        try (ResultSet rs = q.executeQuery()) {
          state = rs.next() ? rs.getString(1) : "gone";
        }
        long seen = System.nanoTime();
        if (!"pending".equals(state) && !"running".equals(state)) {
          String shown = api.state(segment);
          if (!"finished".equals(shown)) {
            throw new IllegalStateException(
                "segment " + segment + ": rebuild " + state + " but the API shows " + shown);
          }
          return seen;
        }
        if (seen > deadline) {
          throw new IllegalStateException(
              "segment " + segment + " still builds after " + BUILD_TIMEOUT);
        }
        Thread.sleep(HeraldApi.POLL.toMillis());
      }
    }
  }

  /**
   * Waits until no rebuild is left ({@code segment} 0) or the segment's is gone; returns {@link
   * System#nanoTime} then.
   */
  long awaitNoRebuild(long segment) throws Exception {
    long deadline = System.nanoTime() + BUILD_TIMEOUT.toNanos();
    String sql =
        segment == 0
            ? "SELECT COUNT(*) FROM segments_rebuild"
            : "SELECT COUNT(*) FROM segments_rebuild WHERE segment_id = " + segment;
    while (database.number(sql) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("a rebuild still runs after " + BUILD_TIMEOUT);
      }
      Thread.sleep(20);
    }
    return System.nanoTime();
  }
}
