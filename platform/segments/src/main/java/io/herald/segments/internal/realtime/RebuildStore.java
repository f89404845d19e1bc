package io.herald.segments.internal.realtime;

import io.herald.shared.persistence.DateTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rows of rebuilds: {@code segments_rebuild} (one per wanted rebuild, with its lease and
 * progress) and the sets a rebuild computes, {@code segments_rebuild_match} and {@code
 * segments_rebuild_timer}. Plain JDBC on the caller's connection.
 */
final class RebuildStore {

  /** Rows deleted per statement when a rebuild's sets are dropped. */
  private static final int DELETE_CHUNK = 10_000;

  private RebuildStore() {}

  /** The steps of a rebuild, in order. */
  enum Phase {
    /** Compute the matching people into segments_rebuild_match. */
    COLLECT,
    /** Add the matches that are not members. */
    ENTER,
    /** Remove the members that are not matches. */
    EXIT,
    /** Compute when time alone can change someone's result (segments_rebuild_timer). */
    TIMERS,
    /** Set those re-check timers. */
    SCHEDULE;

    String column() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Phase of(String column) {
      return valueOf(column.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /**
   * A claimed rebuild and where it is.
   *
   * @param segmentId the segment
   * @param workspaceId its workspace
   * @param revision the revision of its conditions being rebuilt
   * @param phase the current step
   * @param run the number of the current computation of the sets
   * @param afterCio the last person the current step has done ({@code ""}: none)
   * @param marker database time just before the set was read (null before it was)
   */
  record Progress(
      long segmentId,
      long workspaceId,
      int revision,
      Phase phase,
      long run,
      String afterCio,
      Instant marker) {

    /** The same rebuild at another step. */
    Progress at(Phase next, String after) {
      return new Progress(segmentId, workspaceId, revision, next, run, after, marker);
    }
  }

  /**
   * Whether some rebuild may be free, read without locks (in auto-commit mode: an idle poll commits
   * nothing).
   */
  static boolean anyFree(Connection autoCommit, Instant now) throws SQLException {
    try (PreparedStatement q =
        autoCommit.prepareStatement(
            "SELECT 1 FROM segments_rebuild WHERE lease_until IS NULL OR lease_until < ? LIMIT 1")) {
      DateTimes.bind(q, 1, now);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The phases after the membership is complete: timers can wait for other rebuilds. */
  private static final String TIMER_PHASES = "('timers', 'schedule')";

  /**
   * The rebuild no live node holds that goes first, locked (SKIP LOCKED) by the caller's
   * transaction: the oldest whose membership is not complete yet, else the oldest still setting its
   * re-check timers.
   */
  static Optional<Progress> oldestFree(Connection c, Instant now) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT segment_id, workspace_id, revision, phase, run, after_cio, marker"
                + " FROM segments_rebuild WHERE lease_until IS NULL OR lease_until < ?"
                + " ORDER BY phase IN "
                + TIMER_PHASES
                + ", requested_at, segment_id LIMIT 1 FOR UPDATE SKIP LOCKED")) {
      DateTimes.bind(q, 1, now);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Timestamp marker = rs.getTimestamp(7);
        return Optional.of(
            new Progress(
                rs.getLong(1),
                rs.getLong(2),
                rs.getInt(3),
                Phase.of(rs.getString(4)),
                rs.getLong(5),
                rs.getString(6),
                marker == null ? null : marker.toInstant()));
      }
    }
  }

  /**
   * Whether a rebuild other than {@code segmentId} that no live node holds still has its membership
   * to compute (read without locks, in auto-commit mode).
   */
  static boolean membershipWaiting(Connection autoCommit, Instant now, long segmentId)
      throws SQLException {
    try (PreparedStatement q =
        autoCommit.prepareStatement(
            "SELECT 1 FROM segments_rebuild WHERE segment_id <> ? AND phase NOT IN "
                + TIMER_PHASES
                + " AND (lease_until IS NULL OR lease_until < ?) LIMIT 1")) {
      q.setLong(1, segmentId);
      DateTimes.bind(q, 2, now);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Whether every one of {@code segments} has a rebuild that has yet to read its set (step {@code
   * collect}, no marker yet), share-locking their rows until the caller's transaction ends: such a
   * rebuild saves its marker before it reads the set, so it waits for the caller's commit and then
   * reads what the caller wrote. A rebuild chunk asks this before it re-checks the people it moved
   * for the segments that read its own: those reads would be redundant (when 50 segments are built
   * one after another and a few read broad others, they came to hundreds of thousands of re-checks,
   * each evaluating every segment). Locks nothing when one of them has no such rebuild.
   */
  static boolean allYetToCollect(Connection c, Set<Long> segments) throws SQLException {
    String sql =
        "SELECT COUNT(*) FROM segments_rebuild WHERE segment_id IN ("
            + Jdbc.placeholders(segments.size())
            + ") AND phase = 'collect' AND marker IS NULL";
    // Read first without locks, so the rows are only locked when all of them qualify (and never
    // a gap of the key where a segment has no rebuild row).
    return countOf(c, sql, segments) == segments.size()
        && countOf(c, sql + " LOCK IN SHARE MODE", segments) == segments.size();
  }

  private static long countOf(Connection c, String sql, Set<Long> segments) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(sql)) {
      int p = 1;
      for (long segment : segments) {
        q.setLong(p++, segment);
      }
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Takes the lease of a rebuild the caller has locked. */
  static void lease(Connection c, long segmentId, String owner, Instant until) throws SQLException {
    try (PreparedStatement lease =
        c.prepareStatement(
            "UPDATE segments_rebuild SET lease_owner = ?, lease_until = ? WHERE segment_id = ?")) {
      lease.setString(1, owner);
      DateTimes.bind(lease, 2, until);
      lease.setLong(3, segmentId);
      lease.executeUpdate();
    }
  }

  /**
   * Saves the progress {@code to} and renews the lease, counting {@code entered} and {@code
   * exited}, when {@code owner} still holds this revision's lease.
   *
   * @return false when it does not (a newer request, or another node after the lease expired)
   */
  static boolean save(
      Connection c, Progress to, long entered, long exited, String owner, Instant leaseUntil)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE segments_rebuild SET phase = ?, run = ?, after_cio = ?, marker = ?,"
                + " entered = entered + ?, exited = exited + ?, lease_until = ?"
                + " WHERE segment_id = ? AND revision = ? AND lease_owner = ?")) {
      int p = 1;
      update.setString(p++, to.phase().column());
      update.setLong(p++, to.run());
      update.setString(p++, to.afterCio());
      DateTimes.bind(update, p++, to.marker());
      update.setLong(p++, entered);
      update.setLong(p++, exited);
      DateTimes.bind(update, p++, leaseUntil);
      update.setLong(p++, to.segmentId());
      update.setInt(p++, to.revision());
      update.setString(p, owner);
      return update.executeUpdate() == 1;
    }
  }

  /**
   * Counts {@code entered} and {@code exited} and renews the lease without moving the progress,
   * when {@code owner} still holds this revision's lease: a chunk applied beside the one that saves
   * the progress ({@link RebuildWorker}).
   *
   * @return false when it does not
   */
  static boolean count(
      Connection c, Progress at, long entered, long exited, String owner, Instant leaseUntil)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE segments_rebuild SET entered = entered + ?, exited = exited + ?,"
                + " lease_until = ? WHERE segment_id = ? AND revision = ? AND lease_owner = ?")) {
      int p = 1;
      update.setLong(p++, entered);
      update.setLong(p++, exited);
      DateTimes.bind(update, p++, leaseUntil);
      update.setLong(p++, at.segmentId());
      update.setInt(p++, at.revision());
      update.setString(p, owner);
      return update.executeUpdate() == 1;
    }
  }

  /** Gives the lease back so another rebuild or node can have a turn; progress stays. */
  static void release(Connection c, long segmentId, String owner) throws SQLException {
    try (PreparedStatement release =
        c.prepareStatement(
            "UPDATE segments_rebuild SET lease_owner = NULL, lease_until = NULL"
                + " WHERE segment_id = ? AND lease_owner = ?")) {
      release.setLong(1, segmentId);
      release.setString(2, owner);
      release.executeUpdate();
    }
  }

  /** Drops every set computed for the segment (all runs), a chunk per statement. */
  static void dropSets(Connection autoCommit, long segmentId) throws SQLException {
    for (String table : List.of("segments_rebuild_match", "segments_rebuild_timer")) {
      try (PreparedStatement delete =
          autoCommit.prepareStatement(
              "DELETE FROM " + table + " WHERE segment_id = ? LIMIT " + DELETE_CHUNK)) {
        delete.setLong(1, segmentId);
        while (delete.executeUpdate() == DELETE_CHUNK) {
          // next chunk
        }
      }
    }
  }

  /** Ends the rebuild: deletes its row. */
  static void finish(Connection c, Progress done) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM segments_rebuild WHERE segment_id = ? AND revision = ?")) {
      delete.setLong(1, done.segmentId());
      delete.setInt(2, done.revision());
      delete.executeUpdate();
    }
  }

  /**
   * Marks the segment rebuilt ({@code done}, {@code rebuilt_at}): its membership is complete. The
   * re-check timers of the timers and schedule steps may still be being set.
   */
  static void rebuilt(Connection c, Progress at, Instant now) throws SQLException {
    try (PreparedStatement state =
        c.prepareStatement(
            "UPDATE segments_segment SET rebuild_state = 'done', rebuilt_at = ?"
                + " WHERE id = ? AND revision = ?")) {
      DateTimes.bind(state, 1, now);
      state.setLong(2, at.segmentId());
      state.setInt(3, at.revision());
      state.executeUpdate();
    }
  }

  /** Marks the segment's rebuild running, unless its membership is already complete. */
  static void running(Connection c, Progress claimed) throws SQLException {
    if (claimed.phase().compareTo(Phase.TIMERS) >= 0) {
      return;
    }
    try (PreparedStatement running =
        c.prepareStatement(
            "UPDATE segments_segment SET rebuild_state = 'running' WHERE id = ? AND revision = ?")) {
      running.setLong(1, claimed.segmentId());
      running.setInt(2, claimed.revision());
      running.executeUpdate();
    }
  }

  /** The database's clock, to the millisecond. */
  static Instant databaseNow(Connection c) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT NOW(3)");
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getTimestamp(1).toInstant();
    }
  }
}
