package io.herald.segments.internal.realtime;

import io.herald.shared.persistence.DateTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * {@code segments_recheck}: one row per person, the person's lock and re-check timer (see the
 * migration), and {@code segments_recheck_request}, the append-only requests folded into it.
 */
final class PersonRows {

  /**
   * A person whose re-check is due, claimed (and locked) by this transaction.
   *
   * @param workspaceId the workspace
   * @param cioId the person
   * @param cause why the re-check was asked for
   */
  record Due(long workspaceId, String cioId, String cause) {}

  private PersonRows() {}

  /**
   * Records the evaluation of locked people, in one statement: {@code next} maps each person to
   * when the evaluated segments can next change on their own ({@code null} when only new data can
   * change them), rounded up to the millisecond the column keeps.
   *
   * @param replace whether every segment was evaluated, so {@code next} replaces the timer; else
   *     the earlier of the two is kept
   */
  static void evaluated(Connection c, long ws, Map<String, Instant> next, boolean replace)
      throws SQLException {
    if (next.isEmpty()) {
      return;
    }
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO segments_recheck (workspace_id, cio_id, evaluated_at, due_at, cause)"
                + " VALUES ");
    for (int i = 0; i < next.size(); i++) {
      sql.append(i == 0 ? "(?, ?, NOW(3), ?, ?)" : ", (?, ?, NOW(3), ?, ?)");
    }
    // The rows exist (the people are locked): only the update part runs. cause before due_at:
    // MySQL assigns left to right, and the comparison reads the old due_at.
    sql.append(
        replace
            ? " ON DUPLICATE KEY UPDATE evaluated_at = NOW(3), cause = VALUES(cause),"
                + " due_at = VALUES(due_at)"
            : " ON DUPLICATE KEY UPDATE evaluated_at = NOW(3),"
                + " cause = CASE WHEN VALUES(due_at) IS NOT NULL"
                + " AND (due_at IS NULL OR VALUES(due_at) < due_at) THEN 'time' ELSE cause END,"
                + " due_at = CASE WHEN VALUES(due_at) IS NOT NULL"
                + " AND (due_at IS NULL OR VALUES(due_at) < due_at) THEN VALUES(due_at)"
                + " ELSE due_at END");
    try (PreparedStatement upsert = c.prepareStatement(sql.toString())) {
      int p = 1;
      for (Map.Entry<String, Instant> entry : new java.util.TreeMap<>(next).entrySet()) {
        Instant due = entry.getValue() == null ? null : ceilMillis(entry.getValue());
        upsert.setLong(p++, ws);
        upsert.setString(p++, entry.getKey());
        DateTimes.bind(upsert, p++, due);
        upsert.setString(p++, due == null ? null : "time");
      }
      upsert.executeUpdate();
    }
  }

  /** The millisecond at or after {@code instant}: a re-check never runs before its change. */
  private static Instant ceilMillis(Instant instant) {
    Instant floor = Instant.ofEpochMilli(instant.toEpochMilli());
    return floor.equals(instant) ? floor : floor.plusMillis(1);
  }

  /** Drops the row of a person who no longer exists. */
  static void forget(Connection c, long ws, String cioId) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM segments_recheck WHERE workspace_id = ? AND cio_id = ?")) {
      delete.setLong(1, ws);
      delete.setString(2, cioId);
      delete.executeUpdate();
    }
  }

  /**
   * Asks for a re-check at {@code dueAt} (the earlier of this and any pending one wins, with its
   * cause).
   */
  static void schedule(Connection c, long ws, String cioId, Instant dueAt, String cause)
      throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO segments_recheck (workspace_id, cio_id, due_at, cause) VALUES (?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE"
                + " cause = CASE WHEN due_at IS NULL OR VALUES(due_at) < due_at"
                + " THEN VALUES(cause) ELSE cause END,"
                + " due_at = CASE WHEN due_at IS NULL OR VALUES(due_at) < due_at"
                + " THEN VALUES(due_at) ELSE due_at END")) {
      upsert.setLong(1, ws);
      upsert.setString(2, cioId);
      DateTimes.bind(upsert, 3, dueAt);
      upsert.setString(4, cause);
      upsert.executeUpdate();
    }
  }

  /**
   * {@link #schedule} for many people in one statement, in key order (the order every locker uses):
   * {@code due} maps each person to when to re-check them.
   */
  static void scheduleAll(Connection c, long ws, SortedMap<String, Instant> due, String cause)
      throws SQLException {
    if (due.isEmpty()) {
      return;
    }
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO segments_recheck (workspace_id, cio_id, due_at, cause) VALUES ");
    for (int i = 0; i < due.size(); i++) {
      sql.append(i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
    }
    sql.append(
        " ON DUPLICATE KEY UPDATE"
            + " cause = CASE WHEN due_at IS NULL OR VALUES(due_at) < due_at"
            + " THEN VALUES(cause) ELSE cause END,"
            + " due_at = CASE WHEN due_at IS NULL OR VALUES(due_at) < due_at"
            + " THEN VALUES(due_at) ELSE due_at END");
    try (PreparedStatement upsert = c.prepareStatement(sql.toString())) {
      int p = 1;
      for (Map.Entry<String, Instant> entry : due.entrySet()) {
        upsert.setLong(p++, ws);
        upsert.setString(p++, entry.getKey());
        DateTimes.bind(upsert, p++, entry.getValue());
        upsert.setString(p++, cause);
      }
      upsert.executeUpdate();
    }
  }

  /**
   * {@link #schedule} at {@code now} for each of {@code due} (in the order given, each with its own
   * cause), with multi-row statements instead of one statement per person.
   */
  static void scheduleNow(Connection c, List<Due> due, Instant now) throws SQLException {
    for (int from = 0; from < due.size(); from += SCHEDULE_CHUNK) {
      List<Due> chunk = due.subList(from, Math.min(due.size(), from + SCHEDULE_CHUNK));
      try (PreparedStatement upsert =
          c.prepareStatement(
              "INSERT INTO segments_recheck (workspace_id, cio_id, due_at, cause) VALUES "
                  + String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?)"))
                  + " ON DUPLICATE KEY UPDATE"
                  + " cause = CASE WHEN due_at IS NULL OR VALUES(due_at) < due_at"
                  + " THEN VALUES(cause) ELSE cause END,"
                  + " due_at = CASE WHEN due_at IS NULL OR VALUES(due_at) < due_at"
                  + " THEN VALUES(due_at) ELSE due_at END")) {
        int p = 1;
        for (Due d : chunk) {
          upsert.setLong(p++, d.workspaceId());
          upsert.setString(p++, d.cioId());
          DateTimes.bind(upsert, p++, now);
          upsert.setString(p++, d.cause());
        }
        upsert.executeUpdate();
      }
    }
  }

  private static final int SCHEDULE_CHUNK = 500;

  /**
   * Claims up to {@code limit} due re-checks: their rows stay locked (they are the people's locks)
   * until the transaction ends; rows another transaction holds are skipped, never waited for.
   */
  /**
   * Whether there may be work for {@link #foldRequests} or {@link #claimDue}, read without locks
   * (in auto-commit mode, so an idle poll commits nothing): {@code [requests, due]}.
   */
  static boolean[] pending(Connection autoCommit, Instant now) throws SQLException {
    boolean[] found = new boolean[2];
    try (PreparedStatement q =
        autoCommit.prepareStatement("SELECT 1 FROM segments_recheck_request LIMIT 1")) {
      try (ResultSet rs = q.executeQuery()) {
        found[0] = rs.next();
      }
    }
    try (PreparedStatement q =
        autoCommit.prepareStatement(
            "SELECT 1 FROM segments_recheck FORCE INDEX (ix_segments_recheck_due)"
                + " WHERE due_at <= ? LIMIT 1")) {
      DateTimes.bind(q, 1, now);
      try (ResultSet rs = q.executeQuery()) {
        found[1] = rs.next();
      }
    }
    return found;
  }

  /** What to do with the pending re-check requests. */
  enum Fold {
    /** There are none, or they wait to be dropped together. */
    NOTHING,
    /** One may change a data segment: fold now. */
    NOW,
    /** None may, and the oldest has waited long enough: delete them, many at a time. */
    DROP
  }

  /**
   * What to do with the pending re-check requests, read without locks (in auto-commit mode): fold
   * them now when one of them (by workspace and cause) is {@code relevant}; otherwise drop them
   * once the oldest was requested before {@code droppableBefore}, so requests about changes no data
   * segment reads are deleted many at a time.
   */
  static Fold fold(
      Connection autoCommit,
      Instant droppableBefore,
      java.util.function.BiPredicate<Long, String> relevant)
      throws SQLException {
    Instant oldest;
    try (PreparedStatement q =
            autoCommit.prepareStatement(
                "SELECT requested_at FROM segments_recheck_request ORDER BY id LIMIT 1");
        ResultSet rs = q.executeQuery()) {
      if (!rs.next()) {
        return Fold.NOTHING;
      }
      oldest = DateTimes.instant(rs.getObject(1));
    }
    try (PreparedStatement q =
            autoCommit.prepareStatement(
                "SELECT DISTINCT workspace_id, cause FROM segments_recheck_request");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        if (relevant.test(rs.getLong(1), rs.getString(2))) {
          return Fold.NOW;
        }
      }
    }
    return oldest.isBefore(droppableBefore) ? Fold.DROP : Fold.NOTHING;
  }

  static List<Due> claimDue(Connection c, Instant now, int limit) throws SQLException {
    List<Due> due = new ArrayList<>();
    try (PreparedStatement q =
        c.prepareStatement(
            // The index order, forced: with a sort instead, InnoDB would lock every due row it
            // read, not just the batch, and other nodes would find nothing to claim.
            "SELECT workspace_id, cio_id, cause FROM segments_recheck"
                + " FORCE INDEX (ix_segments_recheck_due) WHERE due_at <= ?"
                + " ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
      DateTimes.bind(q, 1, now);
      q.setInt(2, limit);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          due.add(new Due(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    return due;
  }

  /**
   * Moves up to {@code limit} requests into the re-check timers (due {@code now}) and deletes them,
   * claiming them with SKIP LOCKED so several nodes can fold at once.
   *
   * @return how many requests were folded
   */
  static int foldRequests(Connection c, Instant now, int limit) throws SQLException {
    return foldRequests(c, now, limit, requested -> requested).requests();
  }

  /** What a fold did: the requests it claimed and deleted, the people it made due. */
  record Folded(int requests, int scheduled) {}

  /**
   * As {@link #foldRequests(Connection, Instant, int)}, but only the requests {@code relevant}
   * keeps (given all the claimed ones, in request order, once they are read) become re-checks; the
   * others are deleted all the same.
   *
   * @return how many requests were folded or dropped, and how many people became due
   */
  static Folded foldRequests(
      Connection c, Instant now, int limit, java.util.function.UnaryOperator<List<Due>> relevant)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    List<Due> requested = new ArrayList<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT id, workspace_id, cio_id, cause FROM segments_recheck_request"
                + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
      q.setInt(1, limit);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
          requested.add(new Due(rs.getLong(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    if (ids.isEmpty()) {
      return new Folded(0, 0);
    }
    Map<String, Due> people = new java.util.TreeMap<>();
    for (Due due : relevant.apply(requested)) {
      people.putIfAbsent(String.format("%020d/%s", due.workspaceId(), due.cioId()), due);
    }
    if (!people.isEmpty()) {
      scheduleNow(c, new ArrayList<>(people.values()), now); // key order, like every other locker
    }
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM segments_recheck_request WHERE id IN ("
                + Jdbc.placeholders(ids.size())
                + ")")) {
      int p = 1;
      for (Long id : ids) {
        delete.setLong(p++, id);
      }
      delete.executeUpdate();
    }
    return new Folded(ids.size(), people.size());
  }
}
