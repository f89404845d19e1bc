package io.herald.segments.api;

import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.InvalidConditionException;
import io.herald.workspace.api.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * Data-driven segments: members computed from a condition tree, kept up to date as data arrives and
 * as time passes. Reading members, counts and deleting go through {@link SegmentService}.
 */
public interface DataSegmentService {

  /**
   * Creates a data-driven segment and starts computing its members (the first computation runs in
   * the background; {@link SegmentService#count} grows as it proceeds).
   *
   * @throws InvalidSegmentException when the name or description breaks a rule
   * @throws InvalidConditionException when the tree is invalid for this workspace (unknown segment,
   *     a cycle through segment leaves)
   */
  SegmentView create(
      WorkspaceId workspace, String name, String description, ConditionDocument conditions);

  /**
   * Replaces a data-driven segment's name, description and conditions; its members are recomputed.
   * Empty when no data-driven segment has this id in the workspace.
   *
   * @throws InvalidSegmentException when the name or description breaks a rule
   * @throws InvalidConditionException when the tree is invalid for this workspace
   */
  Optional<SegmentView> update(
      WorkspaceId workspace,
      long segmentId,
      String name,
      String description,
      ConditionDocument conditions);

  /** A data-driven segment's conditions; empty for a manual or unknown segment. */
  Optional<ConditionDocument> conditions(WorkspaceId workspace, long segmentId);

  /**
   * Counts who matches {@code conditions} now and returns up to {@code sampleSize} of them, without
   * saving anything.
   *
   * @throws InvalidConditionException when the tree is invalid for this workspace
   */
  SegmentPreview preview(WorkspaceId workspace, ConditionDocument conditions, int sampleSize);

  /** The segments (manual and data-driven) the person with {@code cioId} is in, by id. */
  List<SegmentView> segmentsOf(WorkspaceId workspace, String cioId);

  /** A segment's most recent enters and exits, newest first; empty for an unknown segment. */
  Optional<List<MembershipChange>> recentChanges(WorkspaceId workspace, long segmentId, int limit);
}
