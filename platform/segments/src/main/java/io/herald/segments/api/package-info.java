/**
 * The segments module's public contract: manual segments (create, list, delete, add and remove
 * people by any identifier, read members by cio_id), data-driven segments ({@link
 * io.herald.segments.api.DataSegmentService}: create and update with a condition tree of {@link
 * io.herald.segments.api.condition}, preview, a person's segments, recent enters and exits) and the
 * {@link io.herald.segments.api.MembershipChanged} event journeys react to.
 */
package io.herald.segments.api;
