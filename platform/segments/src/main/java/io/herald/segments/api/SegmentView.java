package io.herald.segments.api;

import java.time.Instant;

/**
 * A segment.
 *
 * @param id the segment id, unique across workspaces (Customer.io's {@code segment_id})
 * @param name its name
 * @param description its description, {@code null} when none
 * @param type how it gets its members
 * @param createdAt when it was created
 * @param updatedAt last change of the segment itself (not of its members)
 */
public record SegmentView(
    long id,
    String name,
    String description,
    SegmentType type,
    Instant createdAt,
    Instant updatedAt) {}
