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

  /** Most people {@link #preview} returns. */
  int MAX_SAMPLE = 100;

  /** Most changes {@link #recentChanges} returns. */
  int MAX_CHANGES = 1000;

  /**
   * Creates a data-driven segment and starts computing its members (the first computation runs in
   * the background; {@link SegmentService#count} grows as it proceeds, and the segment's {@link
   * SegmentView#state} is {@link SegmentState#BUILDING} until it is done).
   *
   * @throws InvalidSegmentException when the name or description breaks a rule
   * @throws InvalidConditionException when the tree is invalid for this workspace (unknown segment,
   *     a cycle through segment leaves)
   */
  SegmentView create(
      WorkspaceId workspace, String name, String description, ConditionDocument conditions);

  /**
   * Replaces a data-driven segment's name, description and conditions; when the conditions differ
   * from the stored ones its members are recomputed (state {@link SegmentState#BUILDING}), else
   * only the name and description change. Empty when no data-driven segment has this id in the
   * workspace (a manual segment included).
   *
   * @throws InvalidSegmentException when the name or description breaks a rule
   * @throws InvalidConditionException when the tree is invalid for this workspace: a segment leaf
   *     names an unknown segment, this segment, or a segment whose conditions lead back to this one
   *     (the path names the leaf's {@code id})
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
   * A segment (manual or data-driven) with its conditions, from one read of the segment; empty for
   * an unknown segment.
   */
  Optional<SegmentDetails> details(WorkspaceId workspace, long segmentId);

  /** Every segment of the workspace, oldest first, each with its conditions, from one read. */
  List<SegmentDetails> allDetails(WorkspaceId workspace);

  /**
   * Counts who matches {@code conditions} now (in the workspace's time zone) and returns up to
   * {@code sampleSize} of them in person order, without saving anything.
   *
   * @param sampleSize 0 to {@link #MAX_SAMPLE}
   * @throws InvalidConditionException when the tree is invalid for this workspace (a segment leaf
   *     names an unknown segment)
   * @throws IllegalArgumentException when {@code sampleSize} is out of range
   */
  SegmentPreview preview(WorkspaceId workspace, ConditionDocument conditions, int sampleSize);

  /** The segments (manual and data-driven) the person with {@code cioId} is in, by id. */
  List<SegmentView> segmentsOf(WorkspaceId workspace, String cioId);

  /**
   * A segment's most recent enters and exits (at most {@code limit}, 1 to {@link #MAX_CHANGES}),
   * newest first; empty for an unknown segment.
   *
   * @throws IllegalArgumentException when {@code limit} is out of range
   */
  Optional<List<MembershipChange>> recentChanges(WorkspaceId workspace, long segmentId, int limit);
}
