package io.herald.segments.internal.realtime;

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
 * for the schedule), and its writes are {@code INSERT … SELECT} and {@code DELETE} statements on
 * the database, so a chunk of thousands of people costs a handful of short statements, whatever its
 * size.
 *
 * <p>Within a chunk's transaction the people who differ from the set are locked first ({@link
 * #lock}: their {@code segments_recheck} rows, in key order like every other locker), and that read
 * says who of them the real-time engine evaluated after the set was read ({@code evaluated_at >=
 * marker}): the caller evaluates those again in memory, and {@link #apply} writes the others'
 * changes by their ids, without joining the set again.
 */
final class RebuildChunks {

  private RebuildChunks() {}

  /** A locked person of a chunk, and whether the engine evaluated them after the set was read. */
  record Locked(String cioId, boolean moved) {}

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
   * Gives every person of the chunk whose membership may change a {@code segments_recheck} row (in
   * auto-commit mode, like {@link PersonLocks#ensure}). Only the missing rows are inserted, in READ
   * COMMITTED: the statement then reads the set, the memberships and the people without locking
   * them, and takes no lock on the re-check rows that exist (most of them after a first rebuild;
   * {@code INSERT IGNORE} alone would try each and share-lock it as a duplicate). {@code IGNORE}
   * stays for a row the engine inserts meanwhile. The re-check row is looked up before the
   * differs-condition (the server evaluates the conditions in the order written): most people have
   * one, and for them the two look-ups of that condition are skipped.
   */
  static void ensure(Connection autoCommit, Progress at, Set set, Optional<String> upto)
      throws SQLException {
    Chunk chunk = new Chunk(at, set, upto);
    int isolation = autoCommit.getTransactionIsolation();
    autoCommit.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    try (PreparedStatement insert =
        autoCommit.prepareStatement(
            "INSERT IGNORE INTO segments_recheck (workspace_id, cio_id) SELECT ?, x.cio_id"
                + chunk.from()
                + " AND NOT EXISTS (SELECT 1 FROM segments_recheck r WHERE r.workspace_id = ?"
                + " AND r.cio_id = x.cio_id) AND "
                + set.differs)) {
      int p = 1;
      insert.setLong(p++, at.workspaceId());
      p = chunk.bind(insert, p);
      insert.setLong(p++, at.workspaceId());
      bindDiffers(insert, p, at, set);
      insert.executeUpdate();
    } finally {
      autoCommit.setTransactionIsolation(isolation);
    }
  }

  /**
   * Locks the chunk's people whose membership differs from the set (in key order) and says who of
   * them the engine evaluated since the marker: the others are those {@link #apply} then changes,
   * unless one was deleted meanwhile ({@link #changed}). Someone who starts to differ after this
   * read was changed by the engine, which records the evaluation in the same transaction: {@link
   * #apply} leaves them out by their {@code evaluated_at}.
   */
  static List<Locked> lock(Connection c, Progress at, Set set, Optional<String> upto)
      throws SQLException {
    Chunk chunk = new Chunk(at, set, upto);
    List<Locked> locked = new ArrayList<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT r.cio_id, r.evaluated_at >= ?"
                + chunk
                    .from()
                    .replace(
                        " WHERE ",
                        " STRAIGHT_JOIN segments_recheck r"
                            + " ON r.workspace_id = ? AND r.cio_id = x.cio_id WHERE ")
                + " AND "
                + set.differs
                + " ORDER BY x.cio_id FOR UPDATE")) {
      int p = 1;
      DateTimes.bind(q, p++, at.marker());
      q.setLong(p++, at.workspaceId());
      p = chunk.bind(q, p);
      bindDiffers(q, p, at, set);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          locked.add(new Locked(rs.getString(1), rs.getBoolean(2)));
        }
      }
    }
    return locked;
  }

  /**
   * Which of {@code people}, locked chunk people who differed before {@link #apply}, it changed:
   * those now members (enter) or no longer members (exit). Only needed when {@link #apply} wrote
   * fewer rows than there were such people: one was deleted in between (a deletion does not take
   * the lock), and the others are exactly the ones it wrote, since no one else changes a locked
   * person's membership.
   */
  static List<String> changed(Connection c, Progress at, Set set, List<String> people)
      throws SQLException {
    if (people.isEmpty()) {
      return List.of();
    }
    java.util.Set<String> members = new java.util.HashSet<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT cio_id FROM segments_membership WHERE segment_id = ? AND cio_id IN ("
                + Jdbc.placeholders(people.size())
                + ")")) {
      q.setLong(1, at.segmentId());
      for (int i = 0; i < people.size(); i++) {
        q.setString(i + 2, people.get(i));
      }
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          members.add(rs.getString(1));
        }
      }
    }
    boolean enter = set == Set.MATCHES;
    return people.stream().filter(p -> members.contains(p) == enter).toList();
  }

  /**
   * Applies the chunk to {@code people}, the locked people who differ from the set and whom the
   * engine did not evaluate since the marker ({@link #lock}): records the changes (cause {@code
   * rebuild}) and adds or removes their membership rows, in two statements over the list. Their
   * locks keep anyone else from changing their membership meanwhile; a deletion does not take them,
   * so an enter is written only for people who still exist.
   *
   * @return how many membership rows changed
   */
  static int apply(Connection c, Progress at, Set set, List<String> people, Instant now)
      throws SQLException {
    if (people.isEmpty()) {
      return 0;
    }
    boolean enter = set == Set.MATCHES;
    // Enters read the people (who must still exist), exits the membership rows they leave.
    String from =
        enter
            ? " FROM people_person p WHERE p.workspace_id = ? AND p.cio_id IN ("
                + Jdbc.placeholders(people.size())
                + ")"
            : " FROM segments_membership p WHERE p.segment_id = ? AND p.cio_id IN ("
                + Jdbc.placeholders(people.size())
                + ")";
    int recorded;
    try (PreparedStatement changes =
        c.prepareStatement(
            "INSERT INTO segments_membership_change"
                + " (workspace_id, segment_id, cio_id, entered, cause, changed_at)"
                + " SELECT ?, ?, p.cio_id, "
                + (enter ? "TRUE" : "FALSE")
                + ", 'rebuild', ?"
                + from
                + " ORDER BY p.cio_id")) {
      changes.setLong(1, at.workspaceId());
      changes.setLong(2, at.segmentId());
      DateTimes.bind(changes, 3, now);
      bindList(changes, 4, at, enter, people);
      recorded = changes.executeUpdate();
    }
    String write =
        enter
            ? "INSERT INTO segments_membership (segment_id, workspace_id, cio_id, added_at)"
                + " SELECT ?, ?, p.cio_id, ?"
                + from
            : "DELETE p" + from;
    try (PreparedStatement rows = c.prepareStatement(write)) {
      int p = 1;
      if (enter) {
        rows.setLong(p++, at.segmentId());
        rows.setLong(p++, at.workspaceId());
        DateTimes.bind(rows, p++, now);
      }
      bindList(rows, p, at, enter, people);
      int changed = rows.executeUpdate();
      if (changed != recorded) {
        throw new IllegalStateException(
            "segment "
                + at.segmentId()
                + ": "
                + recorded
                + " changes recorded, "
                + changed
                + " membership rows written (not locked?)");
      }
      return changed;
    }
  }

  /** Binds the workspace (enters) or the segment (exits), then the people. */
  private static void bindList(
      PreparedStatement s, int p, Progress at, boolean enter, List<String> people)
      throws SQLException {
    s.setLong(p++, enter ? at.workspaceId() : at.segmentId());
    for (String person : people) {
      s.setString(p++, person);
    }
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
      return " FROM "
          + set.table
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
