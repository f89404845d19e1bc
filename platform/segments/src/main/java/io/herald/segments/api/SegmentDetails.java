package io.herald.segments.api;

import io.herald.segments.api.condition.ConditionDocument;
import java.util.Objects;
import java.util.Optional;

/**
 * A segment as the App API shows it: the segment and, for a data-driven one, its conditions, read
 * together ({@link DataSegmentService#details}).
 *
 * @param segment the segment
 * @param conditions its conditions; empty for a manual segment
 */
public record SegmentDetails(SegmentView segment, Optional<ConditionDocument> conditions) {

  /** Requires both. */
  public SegmentDetails {
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(conditions, "conditions");
  }
}
