package io.herald.segments.internal.realtime;

import io.herald.shared.persistence.DateTimes;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Records rebuild requests in the caller's transaction; {@link RebuildWorker} runs them. */
@ApplicationScoped
public class DefaultSegmentRebuilds implements SegmentRebuilds {

  @PersistenceContext(unitName = "segments")
  EntityManager em;

  @Inject Clock clock;

  @Inject Event<Requested> requested;

  /** A rebuild was requested: fired in the requesting transaction, observed after its commit. */
  record Requested(long segmentId) {}

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void request(WorkspaceId workspace, long segmentId) {
    int updated =
        em.createNativeQuery(
                "UPDATE segments_segment SET revision = revision + 1, rebuild_state = 'pending'"
                    + " WHERE id = ? AND workspace_id = ? AND type = 'data'")
            .setParameter(1, segmentId)
            .setParameter(2, workspace.value())
            .executeUpdate();
    if (updated == 0) {
      throw new IllegalArgumentException(
          "no data-driven segment " + segmentId + " in workspace " + workspace.value());
    }
    em.createNativeQuery(
            "INSERT INTO segments_rebuild"
                + " (segment_id, workspace_id, revision, phase, after_cio, entered, exited,"
                + " requested_at)"
                + " SELECT id, workspace_id, revision, 'collect', '', 0, 0, ? FROM segments_segment"
                + " WHERE id = ?"
                + " ON DUPLICATE KEY UPDATE revision = VALUES(revision), phase = 'collect',"
                + " after_cio = '', marker = NULL, entered = 0, exited = 0,"
                + " requested_at = VALUES(requested_at),"
                + " lease_owner = NULL, lease_until = NULL")
        .setParameter(1, DateTimes.text(clock.instant()))
        .setParameter(2, segmentId)
        .executeUpdate();
    requested.fire(new Requested(segmentId));
  }
}
