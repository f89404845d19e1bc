package io.herald.segments.api;

import io.herald.people.api.PersonRef;
import io.herald.workspace.api.WorkspaceId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Segments of a workspace, with Customer.io's manual-segment semantics. */
public interface SegmentService {

  /** Longest segment name, in characters. */
  int MAX_NAME_CHARS = 255;

  /** Longest description, in characters. */
  int MAX_DESCRIPTION_CHARS = 1000;

  /** Most people one add or remove call may name (Customer.io's limit). */
  int MAX_REFERENCES = 1000;

  /**
   * Creates an empty manual segment.
   *
   * @param description {@code null} for none
   * @throws InvalidSegmentException when the name is blank or a value is too long
   */
  SegmentView createManual(WorkspaceId workspace, String name, String description);

  /** The workspace's segments, oldest first. */
  List<SegmentView> list(WorkspaceId workspace);

  /** One segment of the workspace. */
  Optional<SegmentView> find(WorkspaceId workspace, long segmentId);

  /**
   * Deletes a segment, manual or data-driven, and its memberships (no {@link MembershipChanged} per
   * member).
   *
   * @throws SegmentInUseException when the conditions of a data segment name this segment; nothing
   *     is deleted
   */
  WriteOutcome delete(WorkspaceId workspace, long segmentId);

  /**
   * Adds the people {@code refs} name to a manual segment. References naming nobody are skipped (no
   * person is created), as Customer.io does. Fires {@link MembershipChanged} for each person who
   * joined.
   *
   * @throws IllegalArgumentException with more than {@link #MAX_REFERENCES} references
   */
  MembershipResult addMembers(WorkspaceId workspace, long segmentId, List<PersonRef> refs);

  /**
   * Removes the people {@code refs} name from a manual segment; fires {@link MembershipChanged} for
   * each person who left.
   *
   * @throws IllegalArgumentException with more than {@link #MAX_REFERENCES} references
   */
  MembershipResult removeMembers(WorkspaceId workspace, long segmentId, List<PersonRef> refs);

  /**
   * A page of members: up to {@code limit} cio_ids after the cursor {@code after} (0 for the first
   * page); empty when the segment does not exist.
   */
  Optional<MemberPage> members(WorkspaceId workspace, long segmentId, long after, int limit);

  /** How many people are in the segment; empty when it does not exist. */
  OptionalLong count(WorkspaceId workspace, long segmentId);

  /** Whether the person with {@code cioId} is in the segment. */
  boolean isMember(WorkspaceId workspace, long segmentId, String cioId);

  /**
   * Which of {@code cioIds} are in the segment (one query per 500 people; for bulk readers such as
   * exports that check a page of people at a time); empty when the segment does not exist.
   */
  Set<String> membersAmong(WorkspaceId workspace, long segmentId, Collection<String> cioIds);
}
