package io.herald.segments.internal.membership;

import io.herald.shared.persistence.DateTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Membership writes in plain JDBC, on the caller's connection and inside its transaction: each
 * {@code segments_membership} row that really changes gets its {@code segments_membership_change}
 * row in the same transaction. Used by the real-time engine and rebuilds; the JPA writes of manual
 * segments use {@link MembershipChangeLog}.
 */
public final class MembershipLedger {

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

  /** Appends change rows for memberships the caller changed in this transaction. */
  public static void record(Connection c, List<Applied> changes, Instant at) throws SQLException {
    if (changes.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO segments_membership_change"
                + " (workspace_id, segment_id, cio_id, entered, cause, changed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Applied change : changes) {
        insert.setLong(1, change.workspaceId());
        insert.setLong(2, change.segmentId());
        insert.setString(3, change.cioId());
        insert.setBoolean(4, change.entered());
        insert.setString(5, change.cause());
        DateTimes.bind(insert, 6, at);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
