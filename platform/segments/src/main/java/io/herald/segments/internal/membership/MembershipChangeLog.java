package io.herald.segments.internal.membership;

import io.herald.shared.persistence.DateTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * {@code segments_membership_change} through the segments persistence unit: change rows written in
 * the caller's JTA transaction (manual add/remove, merges). The journal is read by its consumers
 * (journeys' {@code SegmentFeed}), the segment page's recent changes ({@code MembershipRepository})
 * and the growth counts ({@code DefaultMembershipHistory}).
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
}
