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
}
