package io.herald.journeys.api;

import java.time.Instant;

/**
 * One {@code POST /v1/campaigns/{id}/triggers} call (processed when it is answered).
 *
 * @param people the people it named (segment members not counted)
 * @param entered the runs it started
 * @param errors named people who did not enter ({@link BroadcastService#apiTriggerErrors})
 */
public record ApiTriggerView(
    long id, long journeyId, long people, long entered, Instant createdAt, long errors) {

  /** A trigger without errors. */
  public ApiTriggerView(long id, long journeyId, long people, long entered, Instant createdAt) {
    this(id, journeyId, people, entered, createdAt, 0);
  }
}
