package io.herald.segments.internal.membership;

import io.herald.segments.api.MembershipChange;
import io.herald.shared.persistence.DateTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code segments_membership_change} through the segments persistence unit: change rows written in
 * the caller's JTA transaction (manual add/remove, merges), and the journal read back.
 *
 * <p>The table is the durable, id-ordered outbox of membership changes, for consumers such as
 * journeys (#6): a consumer keeps the last id it handled and reads on in id order, never passing a
 * hole in the ids until it is settled (the rule of {@link io.herald.shared.feed.FeedWindow}, with
 * {@code inserted_at}), and acknowledges after handling. It then sees every change at least once
 * and the changes of one person in the order they happened: two writers of the same membership row
 * are serialised by that row's lock, so the later change always gets the higher id.
 */
@ApplicationScoped
public class MembershipChangeLog {

  @PersistenceContext(unitName = "segments")
  EntityManager em;

  /** Appends one change row in the current transaction. */
  public void record(
      long workspaceId, long segmentId, String cioId, boolean entered, String cause, Instant at) {
    em.createNativeQuery(
            "INSERT INTO segments_membership_change"
                + " (workspace_id, segment_id, cio_id, entered, cause, changed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .setParameter(1, workspaceId)
        .setParameter(2, segmentId)
        .setParameter(3, cioId)
        .setParameter(4, entered)
        .setParameter(5, cause)
        .setParameter(6, DateTimes.text(at))
        .executeUpdate();
  }

  /** A segment's most recent changes, newest first. */
  public List<MembershipChange> recent(long segmentId, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, segment_id, cio_id, entered, cause, changed_at"
                    + " FROM segments_membership_change WHERE segment_id = ?"
                    + " ORDER BY id DESC LIMIT ?")
            .setParameter(1, segmentId)
            .setParameter(2, limit)
            .getResultList();
    return map(rows);
  }

  /** The changes of one person in a workspace after change id {@code after}, oldest first. */
  public List<MembershipChange> ofPerson(long workspaceId, String cioId, long after, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, segment_id, cio_id, entered, cause, changed_at"
                    + " FROM segments_membership_change WHERE workspace_id = ? AND cio_id = ?"
                    + " AND id > ? ORDER BY id LIMIT ?")
            .setParameter(1, workspaceId)
            .setParameter(2, cioId)
            .setParameter(3, after)
            .setParameter(4, limit)
            .getResultList();
    return map(rows);
  }

  private static List<MembershipChange> map(List<Object[]> rows) {
    List<MembershipChange> changes = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      changes.add(
          new MembershipChange(
              ((Number) row[0]).longValue(),
              ((Number) row[1]).longValue(),
              (String) row[2],
              bool(row[3]),
              (String) row[4],
              instant(row[5])));
    }
    return changes;
  }

  private static boolean bool(Object value) {
    return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
  }

  /** DATETIME as the driver returns it: a Timestamp, or a LocalDateTime. */
  private static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof LocalDateTime l) {
      return Timestamp.valueOf(l).toInstant();
    }
    throw new IllegalStateException("unexpected DATETIME value " + value);
  }
}
