package io.herald.journeys.api;

import io.herald.workspace.api.WorkspaceId;
import java.util.List;

/**
 * Broadcasts: an active API-triggered journey entered by every member of a segment, now, at a time
 * or at a local time in each person's zone, optionally at most N people a minute; and the status of
 * API triggers.
 */
public interface BroadcastService {

  /**
   * Schedules a broadcast (pollers start entering people when it is due).
   *
   * @throws InvalidJourneyException when the journey is not API-triggered, not active or paused, or
   *     the segment does not exist
   * @throws JourneyNotFoundException for an unknown journey
   */
  BroadcastView schedule(WorkspaceId workspace, long journeyId, BroadcastRequest request);

  /** A journey's broadcasts, newest first. */
  List<BroadcastView> list(WorkspaceId workspace, long journeyId);

  /** One broadcast; {@link BroadcastNotFoundException} when not the journey's. */
  BroadcastView find(WorkspaceId workspace, long journeyId, long broadcastId);

  /**
   * Cancels a scheduled or sending broadcast: nobody else enters (runs already started go on).
   *
   * @throws InvalidJourneyException when it is already sent or cancelled
   */
  BroadcastView cancel(WorkspaceId workspace, long journeyId, long broadcastId);

  /** An API trigger's record; {@link BroadcastNotFoundException} when not the journey's. */
  ApiTriggerView apiTrigger(WorkspaceId workspace, long journeyId, long triggerId);

  /**
   * An API trigger's per-person errors, in request order, after {@code start} (empty: from the
   * first); {@link BroadcastNotFoundException} when the trigger is not the journey's.
   *
   * @param start a page's {@code next}, or empty
   * @param limit at most this many, 1 to 1000
   * @throws InvalidJourneyException for a malformed {@code start} or {@code limit}
   */
  ApiTriggerErrorPage apiTriggerErrors(
      WorkspaceId workspace, long journeyId, long triggerId, String start, int limit);
}
