package io.herald.segments.internal.realtime;

import io.herald.workspace.api.WorkspaceId;

/**
 * Full recomputation of a data segment's members. The data-segment service calls {@link #request}
 * when a data segment is created or its conditions change; background workers on every node then
 * walk all people of the workspace in batches and apply the enters and exits (cause {@code
 * rebuild}).
 */
public interface SegmentRebuilds {

  /**
   * Asks for a full rebuild of a data segment. Call it inside the transaction that stored the
   * segment's conditions (it joins that transaction, so the rebuild is wanted exactly when the
   * change commits): it bumps the segment's {@code revision} (every node reloads its index of
   * segments), sets {@code rebuild_state} to {@code pending} and records the request; a rebuild of
   * an older revision that is still running starts again from the first person.
   */
  void request(WorkspaceId workspace, long segmentId);
}
