package io.herald.segments.internal.realtime;

import io.herald.segments.internal.membership.MembershipLedger;
import io.herald.segments.internal.membership.MembershipLedger.Applied;
import io.herald.segments.internal.realtime.RebuildStore.Progress;
import io.herald.shared.persistence.DateTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The set-based statements of a rebuild's chunks: a chunk is a range of people {@code (after,
 * upto]} of one step's set (the run's matches for enters, the members for exits, the run's timers
 * for the schedule), and it costs a handful of short statements whatever its size: set-based {@code
 * INSERT … SELECT} into the tables without an auto-increment key, multi-row statements by id into
 * the membership tables.
 *
 * <p>The people who differ from the set are read without locks ({@link #differing}), given a {@code
 * segments_recheck} row if they have none ({@link PersonLocks#insert}), then locked first within
 * the chunk's transaction ({@link #lock}: their {@code segments_recheck} rows, in key order like
 * every other locker), and that read says who of them the real-time engine evaluated after the set
 * was read ({@code evaluated_at >= marker}): the caller evaluates those again in memory, and {@link
 * #apply} writes the others' changes by their ids, without joining the set again (and in {@code
 * VALUES} lists, not {@code INSERT … SELECT}, see there).
 */
final class RebuildChunks {

  private RebuildChunks() {}

  /** A locked person of a chunk, and whether the engine evaluated them after the set was read. */
  record Locked(String cioId, boolean moved) {}

  /**
   * The chunk's people who differ from the set ({@link #differing}), and those of them who have no
   * {@code segments_recheck} row yet (the row the chunk locks: {@link PersonLocks#insert}).
   */
  record Differing(List<String> people, List<String> withoutRow) {}

  /** The step's set: which table holds its people, and how a row of it is read. */
  enum Set {
    /** The run's matches (the enter step). */
    MATCHES(
        "segments_rebuild_match x",
        "x.segment_id = ? AND x.run = ?",
        "NOT EXISTS (SELECT 1 FROM segments_membership m WHERE m.segment_id = x.segment_id"
            + " AND m.cio_id = x.cio_id)"
            // Deleted since the set was read: entering them would leave a member no one is.
            + " AND EXISTS (SELECT 1 FROM people_person p WHERE p.workspace_id = ?"
            + " AND p.cio_id = x.cio_id)"),
    /** The segment's members (the exit step). */
    MEMBERS(
        "segments_membership x",
        "x.segment_id = ?",
        "NOT EXISTS (SELECT 1 FROM segments_rebuild_match s WHERE s.segment_id = x.segment_id"
            + " AND s.run = ? AND s.cio_id = x.cio_id)"),
    /** The run's re-check timers (the schedule step). */
    TIMERS("segments_rebuild_timer x", "x.segment_id = ? AND x.run = ?", "TRUE");

    private final String table;
    private final String of;
    private final String differs;

    /** Whether {@link #of} reads the run (every set but the members). */
    boolean ofRun() {
      return this != MEMBERS;
    }

    Set(String table, String of, String differs) {
      this.table = table;
      this.of = of;
      this.differs = differs;
    }
  }

  /**
   * The last person of the next chunk of at most {@code size} people of {@code set} after the
   * progress; empty when fewer remain (the chunk then runs to the end).
   */
  static Optional<String> upto(Connection c, Progress at, Set set, int size) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT x.cio_id FROM "
                + set.table
                + " WHERE "
                + set.of
                + " AND x.cio_id > ? ORDER BY x.cio_id LIMIT 1 OFFSET ?")) {
      int p = 1;
      q.setLong(p++, at.segmentId());
      if (set.ofRun()) {
        q.setLong(p++, at.run());
      }
      q.setString(p++, at.afterCio());
      q.setInt(p, size - 1);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /**
   * Whether anyone of {@code set} after the progress differs from the set, read without locks: when
   * no member is left out of the matches as the exit step starts, the step has nothing to do (a
   * member who stops matching later was evaluated by the engine after the marker, and the step
   * would leave them alone anyway).
   */
  static boolean anyDiffering(Connection autoCommit, Progress at, Set set) throws SQLException {
    Chunk chunk = new Chunk(at, set, Optional.empty());
    try (PreparedStatement q =
        autoCommit.prepareStatement(
            "SELECT 1" + chunk.from() + " AND " + set.differs + " LIMIT 1")) {
      int p = chunk.bind(q, 1);
      bindDiffers(q, p, at, set);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * The chunk's people whose membership differs from the set, in key order, and which of them have
   * no {@code segments_recheck} row, read in auto-commit mode without locks ({@link #lock} then
   * locks them). Not a locking read: the set's table would be locked with it, and its next-key
   * locks reached the first row of the next segment's set, which a rebuild of that segment may be
   * inserting in a long statement (the 50-segment build of 2026-12-05 saw a chunk wait 24 s for
   * another segment's collect). The re-check rows are joined here rather than read by a statement
   * of their own (bench/segments, 2026-12-06: one statement over the chunk's people less).
   */
  static Differing differing(Connection autoCommit, Progress at, Set set, Optional<String> upto)
      throws SQLException {
    Chunk chunk = new Chunk(at, set, upto);
    List<String> people = new ArrayList<>();
    List<String> withoutRow = new ArrayList<>();
    try (PreparedStatement q =
        autoCommit.prepareStatement(
            "SELECT x.cio_id, r.cio_id IS NULL"
                + chunk.from(
                    " LEFT JOIN segments_recheck r ON r.workspace_id = ? AND r.cio_id = x.cio_id")
                + " AND "
                + set.differs
                + " ORDER BY x.cio_id")) {
      q.setLong(1, at.workspaceId());
      int p = chunk.bind(q, 2);
      bindDiffers(q, p, at, set);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          people.add(rs.getString(1));
          if (rs.getBoolean(2)) {
            withoutRow.add(rs.getString(1));
          }
        }
      }
    }
    return new Differing(people, withoutRow);
  }

  /**
   * Locks {@code people}, the chunk's people who differed from the set ({@link #differing}), by
   * their {@code segments_recheck} rows in key order (the first statement of the chunk's
   * transaction, so its reads after it see what committed before the locks), and says who of them
   * the engine evaluated since the marker: the others are those {@link #apply} then changes, unless
   * one was deleted meanwhile. The engine records every evaluation in the transaction that changes
   * a membership, so someone who stopped differing since the read is among the evaluated, and
   * someone who started to differ since was changed by the engine and is not in the list: its newer
   * verdict stands.
   */
  static List<Locked> lock(Connection c, Progress at, List<String> people) throws SQLException {
    List<Locked> locked = new ArrayList<>();
    if (people.isEmpty()) {
      return locked;
    }
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT cio_id, evaluated_at >= ? FROM segments_recheck WHERE workspace_id = ?"
                + " AND cio_id IN ("
                + Jdbc.placeholders(people.size())
                + ") ORDER BY cio_id FOR UPDATE")) {
      int p = 1;
      DateTimes.bind(q, p++, at.marker());
      q.setLong(p++, at.workspaceId());
      for (String person : people) {
        q.setString(p++, person);
      }
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          locked.add(new Locked(rs.getString(1), rs.getBoolean(2)));
        }
      }
    }
    return locked;
  }

  /**
   * Applies the chunk to {@code people}, the locked people who differ from the set and whom the
   * engine did not evaluate since the marker ({@link #lock}): adds or removes their membership rows
   * and records the changes (cause {@code rebuild}). Their locks keep anyone else from changing
   * their membership meanwhile; a deletion does not take them, so enters are written only for the
   * people who still exist, read with a shared lock that holds the deletion off until the chunk
   * commits.
   *
   * <p>The writes are multi-row {@code INSERT … VALUES} statements with the ids read first, not
   * {@code INSERT … SELECT}: both tables have an auto-increment key, and a statement whose row
   * count is unknown in advance holds the table's auto-increment lock until it ends (the server's
   * default {@code innodb_autoinc_lock_mode=1}), which stalled the engine's own inserts of change
   * rows behind a chunk's for hundreds of milliseconds. A {@code VALUES} list takes the counter
   * under a short mutex instead.
   *
   * @return the changes applied, in key order
   */
  static List<Applied> apply(Connection c, Progress at, Set set, List<String> people, Instant now)
      throws SQLException {
    if (people.isEmpty()) {
      return List.of();
    }
    if (set != Set.MATCHES) {
      return MembershipLedger.setAll(
          c, at.workspaceId(), at.segmentId(), List.of(), people, "rebuild", now);
    }
    List<String> existing = new ArrayList<>(people.size());
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT cio_id FROM people_person WHERE workspace_id = ? AND cio_id IN ("
                + Jdbc.placeholders(people.size())
                + ") ORDER BY cio_id LOCK IN SHARE MODE")) {
      int p = 1;
      q.setLong(p++, at.workspaceId());
      for (String person : people) {
        q.setString(p++, person);
      }
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          existing.add(rs.getString(1));
        }
      }
    }
    return MembershipLedger.setAll(
        c, at.workspaceId(), at.segmentId(), existing, List.of(), "rebuild", now);
  }

  /** Sets the chunk's re-check timers (the earlier of this and a pending one wins). */
  static void schedule(Connection c, Progress at, Optional<String> upto) throws SQLException {
    Chunk chunk = new Chunk(at, Set.TIMERS, upto);
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO segments_recheck (workspace_id, cio_id, due_at, cause)"
                + " SELECT ?, x.cio_id, x.due_at, 'time'"
                + chunk.from()
                + " ORDER BY x.cio_id"
                + " ON DUPLICATE KEY UPDATE"
                + " cause = CASE WHEN segments_recheck.due_at IS NULL"
                + " OR VALUES(due_at) < segments_recheck.due_at"
                + " THEN VALUES(cause) ELSE segments_recheck.cause END,"
                + " due_at = CASE WHEN segments_recheck.due_at IS NULL"
                + " OR VALUES(due_at) < segments_recheck.due_at"
                + " THEN VALUES(due_at) ELSE segments_recheck.due_at END")) {
      upsert.setLong(1, at.workspaceId());
      chunk.bind(upsert, 2);
      upsert.executeUpdate();
    }
  }

  /**
   * The parameter of the set's differs-condition: the workspace, for the matches' check that the
   * person exists; the run, for the members' check against the matches.
   */
  private static int bindDiffers(PreparedStatement s, int p, Progress at, Set set)
      throws SQLException {
    if (set == Set.MATCHES) {
      s.setLong(p++, at.workspaceId());
    } else if (set == Set.MEMBERS) {
      s.setLong(p++, at.run());
    }
    return p;
  }

  /** The rows of one chunk: {@code FROM … WHERE …} over the set's table as {@code x}. */
  private record Chunk(Progress at, Set set, Optional<String> upto) {

    String from() {
      return from("");
    }

    /** As {@link #from()}, with {@code join} after the set's table (its parameters bound first). */
    String from(String join) {
      return " FROM "
          + set.table
          + join
          + " WHERE "
          + set.of
          + " AND x.cio_id > ?"
          + (upto.isPresent() ? " AND x.cio_id <= ?" : "");
    }

    int bind(PreparedStatement s, int p) throws SQLException {
      s.setLong(p++, at.segmentId());
      if (set.ofRun()) {
        s.setLong(p++, at.run());
      }
      s.setString(p++, at.afterCio());
      if (upto.isPresent()) {
        s.setString(p++, upto.get());
      }
      return p;
    }
  }
}
