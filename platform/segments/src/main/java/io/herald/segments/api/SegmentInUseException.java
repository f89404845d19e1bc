package io.herald.segments.api;

import java.util.List;

/**
 * A segment cannot be deleted because the conditions of other data segments name it (a {@code
 * segment} leaf); nothing was deleted.
 */
public class SegmentInUseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<SegmentView> referencedBy;

  /**
   * @param segmentId the segment that was to be deleted
   * @param referencedBy the data segments whose conditions name it, by id
   */
  public SegmentInUseException(long segmentId, List<SegmentView> referencedBy) {
    super(
        "segment "
            + segmentId
            + " is used by the conditions of "
            + String.join(
                ", ",
                referencedBy.stream()
                    .map(s -> "segment " + s.id() + " (" + s.name() + ")")
                    .toList())
            + "; change those first");
    this.referencedBy = List.copyOf(referencedBy);
  }

  /** The data segments whose conditions name the segment, by id. */
  public List<SegmentView> referencedBy() {
    return referencedBy;
  }
}
