package io.herald.segments.api.condition;

/**
 * Leaf: the person is a member of another segment (manual or data-driven) of the workspace. A
 * segment may not depend on itself through such leaves.
 *
 * @param segmentId the segment
 */
public record SegmentCondition(long segmentId) implements Condition {}
