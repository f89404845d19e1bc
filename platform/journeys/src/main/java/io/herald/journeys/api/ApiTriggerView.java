package io.herald.journeys.api;

import java.time.Instant;

/**
 * One {@code POST /v1/campaigns/{id}/triggers} call (processed when it is answered).
 *
 * @param people the people it named (segment members not counted)
 * @param entered the runs it started
 */
public record ApiTriggerView(
    long id, long journeyId, long people, long entered, Instant createdAt) {}
