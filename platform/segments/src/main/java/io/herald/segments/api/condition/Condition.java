package io.herald.segments.api.condition;

/**
 * A node of a segment's condition tree: a group ({@link All}, {@link Any}, {@link Not}) or a leaf
 * ({@link AttributeCondition}, {@link EventCondition}, {@link EngagementCondition}, {@link
 * RelationshipCondition}, {@link SegmentCondition}, {@link DeviceCondition}).
 */
public sealed interface Condition
    permits All,
        Any,
        Not,
        AttributeCondition,
        EventCondition,
        EngagementCondition,
        RelationshipCondition,
        SegmentCondition,
        DeviceCondition {}
