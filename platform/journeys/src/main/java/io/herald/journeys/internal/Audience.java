package io.herald.journeys.internal;

import io.herald.segments.api.MemberPage;
import io.herald.workspace.api.WorkspaceId;
import java.util.Optional;

/** A broadcast's audience: a segment's members page by page (the segments api in the app). */
@FunctionalInterface
interface Audience {

  /** Up to {@code limit} members after the cursor {@code after}; empty for no such segment. */
  Optional<MemberPage> members(WorkspaceId ws, long segmentId, long after, int limit);
}
