package io.herald.webadmin.fakes;

import io.herald.journeys.api.ApiTriggerView;
import io.herald.journeys.api.BroadcastNotFoundException;
import io.herald.journeys.api.BroadcastRequest;
import io.herald.journeys.api.BroadcastService;
import io.herald.journeys.api.BroadcastView;
import io.herald.journeys.api.InvalidJourneyException;
import io.herald.workspace.api.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Broadcasts kept in memory: the requests as given, each scheduled with no progress yet. */
public final class FakeBroadcasts implements BroadcastService {

  public final List<BroadcastRequest> requests = new ArrayList<>();
  public final Map<Long, BroadcastView> broadcasts = new LinkedHashMap<>();

  @Override
  public BroadcastView schedule(WorkspaceId workspace, long journeyId, BroadcastRequest r) {
    requests.add(r);
    BroadcastView b =
        new BroadcastView(
            broadcasts.size() + 1L,
            journeyId,
            r.segmentId(),
            "scheduled",
            r.sendAt(),
            r.localTime(),
            r.perMinute(),
            0,
            false,
            0,
            0,
            0,
            0,
            0,
            Instant.EPOCH,
            null,
            null);
    broadcasts.put(b.id(), b);
    return b;
  }

  @Override
  public List<BroadcastView> list(WorkspaceId workspace, long journeyId) {
    return broadcasts.values().stream().filter(b -> b.journeyId() == journeyId).toList();
  }

  @Override
  public BroadcastView find(WorkspaceId workspace, long journeyId, long broadcastId) {
    BroadcastView b = broadcasts.get(broadcastId);
    if (b == null || b.journeyId() != journeyId) {
      throw new BroadcastNotFoundException("broadcast", broadcastId);
    }
    return b;
  }

  @Override
  public BroadcastView cancel(WorkspaceId workspace, long journeyId, long broadcastId) {
    BroadcastView b = find(workspace, journeyId, broadcastId);
    if (b.state().equals("cancelled")) {
      throw new InvalidJourneyException("broadcast " + broadcastId + " is cancelled");
    }
    BroadcastView cancelled =
        new BroadcastView(
            b.id(),
            b.journeyId(),
            b.segmentId(),
            "cancelled",
            b.sendAt(),
            b.localTime(),
            b.perMinute(),
            0,
            false,
            0,
            0,
            0,
            0,
            0,
            b.createdAt(),
            null,
            Instant.EPOCH);
    broadcasts.put(b.id(), cancelled);
    return cancelled;
  }

  @Override
  public ApiTriggerView apiTrigger(WorkspaceId workspace, long journeyId, long triggerId) {
    throw new BroadcastNotFoundException("trigger", triggerId);
  }

  @Override
  public io.herald.journeys.api.ApiTriggerErrorPage apiTriggerErrors(
      WorkspaceId workspace, long journeyId, long triggerId, String start, int limit) {
    apiTrigger(workspace, journeyId, triggerId);
    return new io.herald.journeys.api.ApiTriggerErrorPage(java.util.List.of(), "");
  }
}
