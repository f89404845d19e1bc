package io.herald.segments.api;

import java.time.Instant;

/**
 * One recorded enter or exit of a segment ({@code segments_membership_change}).
 *
 * @param id the change's id: changes of one person are ordered by it
 * @param segmentId the segment
 * @param cioId the person
 * @param entered {@code true} for an enter, {@code false} for an exit
 * @param cause why: {@code event}, {@code attribute}, {@code relationship}, {@code device}, {@code
 *     segment}, {@code time} (a window expired), {@code rebuild} (a full recomputation), {@code
 *     api} (manual add/remove), {@code merge}
 * @param at when the change was committed
 */
public record MembershipChange(
    long id, long segmentId, String cioId, boolean entered, String cause, Instant at) {}
