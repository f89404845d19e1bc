package io.herald.journeys.api;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A broadcast and its progress.
 *
 * @param state scheduled, sending, sent or cancelled
 * @param sendAt when it starts (null with {@code localTime})
 * @param localTime the local date-time people enter at, null when not local
 * @param perMinute the rate limit, null for none
 * @param audience people queued from the segment so far (all of them once {@code audienceComplete})
 * @param queued people not entered yet
 * @param entered people whose run started
 * @param skipped people the journey's entry rule, filter or frequency limit kept out
 * @param sent messages the runs' send steps sent
 * @param failed the runs' send steps that failed, plus the people whose entry kept failing ({@code
 *     herald.journeys.broadcast-max-attempts} attempts; not entered)
 */
public record BroadcastView(
    long id,
    long journeyId,
    long segmentId,
    String state,
    Instant sendAt,
    LocalDateTime localTime,
    Integer perMinute,
    long audience,
    boolean audienceComplete,
    long queued,
    long entered,
    long skipped,
    long sent,
    long failed,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {}
