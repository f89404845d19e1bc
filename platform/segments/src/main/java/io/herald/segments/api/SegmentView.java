package io.herald.segments.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A segment.
 *
 * @param id the segment id, unique across workspaces (Customer.io's {@code segment_id})
 * @param name its name
 * @param description its description, {@code null} when none
 * @param type how it gets its members
 * @param createdAt when it was created
 * @param updatedAt last change of the segment itself (not of its members)
 * @param state whether its members are complete ({@link SegmentState#BUILDING} while a data segment
 *     is computed in full)
 */
public record SegmentView(
    long id,
    String name,
    String description,
    SegmentType type,
    Instant createdAt,
    Instant updatedAt,
    SegmentState state) {

  /** Requires the state. */
  public SegmentView {
    Objects.requireNonNull(state, "state");
  }

  /** A segment whose members are complete. */
  public SegmentView(
      long id,
      String name,
      String description,
      SegmentType type,
      Instant createdAt,
      Instant updatedAt) {
    this(id, name, description, type, createdAt, updatedAt, SegmentState.FINISHED);
  }

  /** The same segment in another state. */
  public SegmentView withState(SegmentState newState) {
    return new SegmentView(id, name, description, type, createdAt, updatedAt, newState);
  }
}
