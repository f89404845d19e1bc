package io.herald.segments.internal.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Reads what {@link RebuildSets#collect} and {@link RebuildSets#timers} stored, under a segment id
 * no real segment has (the staging tables have no foreign key), one run per call.
 */
final class StagedSets {

  /** Far above the ids the tests' segments get. */
  static final long SEGMENT = 9_000_000_000L;

  private static final AtomicLong RUNS = new AtomicLong(System.nanoTime());

  private StagedSets() {}

  /** A run number no other call used. */
  static long nextRun() {
    return RUNS.incrementAndGet();
  }

  /** The people collected under {@code run}. */
  static Set<String> matches(DataSource dataSource, long run) {
    Set<String> found = new TreeSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT cio_id FROM segments_rebuild_match WHERE segment_id = ? AND run = ?")) {
      q.setLong(1, SEGMENT);
      q.setLong(2, run);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  /** The re-check timers computed under {@code run}, by person. */
  static Map<String, Instant> timers(DataSource dataSource, long run) {
    Map<String, Instant> found = new TreeMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT cio_id, due_at FROM segments_rebuild_timer WHERE segment_id = ?"
                    + " AND run = ?")) {
      q.setLong(1, SEGMENT);
      q.setLong(2, run);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getString(1), rs.getTimestamp(2).toInstant());
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }
}
