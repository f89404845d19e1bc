package io.herald.segments.internal.membership;

import io.herald.shared.persistence.DateTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Membership writes in plain JDBC, on the caller's connection and inside its transaction: each
 * {@code segments_membership} row that really changes gets its {@code segments_membership_change}
 * row in the same transaction. Used by the real-time engine and rebuilds; the JPA writes of manual
 * segments use {@link MembershipChangeLog}.
 */
public final class MembershipLedger {

  /** Rows per multi-row insert (six parameters at most, well under the protocol's 65,535). */
  private static final int ROWS_PER_INSERT = 2_000;

  private MembershipLedger() {}

  /**
   * One enter or exit that was applied.
   *
   * @param workspaceId the workspace
   * @param segmentId the segment
   * @param cioId the person
   * @param entered enter or exit
   * @param cause why (see {@link io.herald.segments.api.MembershipChange})
   */
  public record Applied(
      long workspaceId, long segmentId, String cioId, boolean entered, String cause) {}

  /**
   * Makes {@code cioId} a member of {@code segmentId} or not. Writes nothing when the row already
   * says so (or, for an enter, when the segment no longer exists).
   *
   * @return whether the membership changed (and a change row was written)
   */
  public static boolean set(
      Connection c,
      long workspaceId,
      long segmentId,
      String cioId,
      boolean member,
      String cause,
      Instant at)
      throws SQLException {
    int changed;
    if (member) {
      // IGNORE: already a member (unique key), or the segment was just deleted (foreign key).
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT IGNORE INTO segments_membership (segment_id, workspace_id, cio_id, added_at)"
                  + " VALUES (?, ?, ?, ?)")) {
        insert.setLong(1, segmentId);
        insert.setLong(2, workspaceId);
        insert.setString(3, cioId);
        DateTimes.bind(insert, 4, at);
        changed = insert.executeUpdate();
      }
    } else {
      try (PreparedStatement delete =
          c.prepareStatement(
              "DELETE FROM segments_membership WHERE segment_id = ? AND cio_id = ?")) {
        delete.setLong(1, segmentId);
        delete.setString(2, cioId);
        changed = delete.executeUpdate();
      }
    }
    if (changed == 0) {
      return false;
    }
    record(c, List.of(new Applied(workspaceId, segmentId, cioId, member, cause)), at);
    return true;
  }

  /**
   * Makes every person of {@code enters} a member of {@code segmentId} and none of {@code exits},
   * with multi-row statements, and records the changes: {@link #applyAll} for one segment.
   *
   * @return the changes applied: the enters, then the exits, each in the given order
   */
  public static List<Applied> setAll(
      Connection c,
      long workspaceId,
      long segmentId,
      List<String> enters,
      List<String> exits,
      String cause,
      Instant at)
      throws SQLException {
    List<Applied> wanted = new ArrayList<>();
    enters.forEach(cio -> wanted.add(new Applied(workspaceId, segmentId, cio, true, cause)));
    exits.forEach(cio -> wanted.add(new Applied(workspaceId, segmentId, cio, false, cause)));
    return applyAll(c, wanted, at);
  }

  /**
   * Applies many enters and exits with a few multi-row statements (one insert for every enter, one
   * delete per segment with exits) and records them, for a caller that holds the people's locks and
   * has just read their memberships, so every change is real: anything else breaks that contract
   * and fails the transaction. Enters into a segment deleted meanwhile (its foreign key refuses
   * them) are dropped.
   *
   * @return the changes applied, in the given order
   */
  public static List<Applied> applyAll(Connection c, List<Applied> changes, Instant at)
      throws SQLException {
    List<Applied> enters = new ArrayList<>();
    Map<Long, List<Applied>> exits = new TreeMap<>();
    for (Applied change : changes) {
      if (change.entered()) {
        enters.add(change);
      } else {
        exits.computeIfAbsent(change.segmentId(), k -> new ArrayList<>()).add(change);
      }
    }
    Set<Applied> gone = new HashSet<>();
    if (!enters.isEmpty()) {
      // Key order, the order of every other membership writer's rows.
      enters.sort(Comparator.comparingLong(Applied::segmentId).thenComparing(Applied::cioId));
      int inserted = 0;
      for (int from = 0; from < enters.size(); from += ROWS_PER_INSERT) {
        inserted +=
            insertAll(c, enters.subList(from, Math.min(enters.size(), from + ROWS_PER_INSERT)), at);
      }
      if (inserted != enters.size()) {
        Set<Long> existing = existingSegments(c, enters);
        enters.stream().filter(e -> !existing.contains(e.segmentId())).forEach(gone::add);
        if (inserted != enters.size() - gone.size()) {
          throw new IllegalStateException("someone to add was already a member");
        }
      }
    }
    for (List<Applied> segment : exits.values()) {
      if (deleteAll(c, segment) != segment.size()) {
        throw new IllegalStateException(
            "segment " + segment.get(0).segmentId() + ": someone to remove was not a member");
      }
    }
    List<Applied> applied = changes.stream().filter(a -> !gone.contains(a)).toList();
    record(c, applied, at);
    return applied;
  }

  /**
   * Which of the enters' segments still exist, read with a locking read (it sees the latest
   * committed state, as the foreign key check did).
   */
  private static Set<Long> existingSegments(Connection c, List<Applied> enters)
      throws SQLException {
    List<Long> ids = enters.stream().map(Applied::segmentId).distinct().toList();
    Set<Long> found = new HashSet<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT id FROM segments_segment WHERE id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?"))
                + ") LOCK IN SHARE MODE")) {
      for (int i = 0; i < ids.size(); i++) {
        q.setLong(i + 1, ids.get(i));
      }
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getLong(1));
        }
      }
    }
    return found;
  }

  private static int insertAll(Connection c, List<Applied> enters, Instant at) throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "INSERT IGNORE INTO segments_membership (segment_id, workspace_id, cio_id, added_at)"
                + " VALUES ");
    for (int i = 0; i < enters.size(); i++) {
      sql.append(i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
    }
    try (PreparedStatement insert = c.prepareStatement(sql.toString())) {
      int p = 1;
      for (Applied enter : enters) {
        insert.setLong(p++, enter.segmentId());
        insert.setLong(p++, enter.workspaceId());
        insert.setString(p++, enter.cioId());
        DateTimes.bind(insert, p++, at);
      }
      return insert.executeUpdate();
    }
  }

  private static int deleteAll(Connection c, List<Applied> exits) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM segments_membership WHERE segment_id = ? AND cio_id IN ("
                + String.join(", ", Collections.nCopies(exits.size(), "?"))
                + ")")) {
      int p = 1;
      delete.setLong(p++, exits.get(0).segmentId());
      for (Applied exit : exits) {
        delete.setString(p++, exit.cioId());
      }
      return delete.executeUpdate();
    }
  }

  /**
   * Appends change rows for memberships the caller changed in this transaction, in their order (the
   * change rows' ids give each person's enters and exits their order).
   */
  public static void record(Connection c, List<Applied> changes, Instant at) throws SQLException {
    for (int from = 0; from < changes.size(); from += ROWS_PER_INSERT) {
      recordChunk(c, changes.subList(from, Math.min(changes.size(), from + ROWS_PER_INSERT)), at);
    }
  }

  private static void recordChunk(Connection c, List<Applied> changes, Instant at)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO segments_membership_change"
                + " (workspace_id, segment_id, cio_id, entered, cause, changed_at) VALUES ");
    for (int i = 0; i < changes.size(); i++) {
      sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)");
    }
    try (PreparedStatement insert = c.prepareStatement(sql.toString())) {
      int p = 1;
      for (Applied change : changes) {
        insert.setLong(p++, change.workspaceId());
        insert.setLong(p++, change.segmentId());
        insert.setString(p++, change.cioId());
        insert.setBoolean(p++, change.entered());
        insert.setString(p++, change.cause());
        DateTimes.bind(insert, p++, at);
      }
      insert.executeUpdate();
    }
  }
}
