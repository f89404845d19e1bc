package io.herald.segments.api;

import io.herald.workspace.api.WorkspaceId;
import java.time.Instant;
import java.util.Map;

/** Reads the recorded enters and exits of segments ({@code segments_membership_change}). */
public interface MembershipHistory {

  /**
   * For every segment of the workspace, the enters and exits recorded at or after {@code since}
   * (the console's "growth over the last 7 days"). Every current segment is a key; one without
   * changes maps to {@link MembershipGrowth#NONE}.
   */
  Map<Long, MembershipGrowth> growthSince(WorkspaceId workspace, Instant since);
}
