package io.herald.journeys.internal;

import io.herald.segments.api.MemberPage;
import io.herald.segments.api.SegmentService;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Broadcast audiences through the segments api (data-driven and manual segments alike). */
@ApplicationScoped
class SegmentAudience implements Audience {

  @Inject SegmentService segments;

  @Override
  public Optional<MemberPage> members(WorkspaceId ws, long segmentId, long after, int limit) {
    return segments.members(ws, segmentId, after, limit);
  }
}
