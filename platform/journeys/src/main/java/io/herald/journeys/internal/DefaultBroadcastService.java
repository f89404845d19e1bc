package io.herald.journeys.internal;

import io.herald.journeys.api.ApiTriggerError;
import io.herald.journeys.api.ApiTriggerErrorPage;
import io.herald.journeys.api.ApiTriggerView;
import io.herald.journeys.api.BroadcastNotFoundException;
import io.herald.journeys.api.BroadcastRequest;
import io.herald.journeys.api.BroadcastService;
import io.herald.journeys.api.BroadcastView;
import io.herald.journeys.api.InvalidJourneyException;
import io.herald.journeys.api.JourneyNotFoundException;
import io.herald.journeys.api.JourneyState;
import io.herald.journeys.api.Trigger;
import io.herald.segments.api.SegmentService;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Broadcasts through {@link Broadcasts} and {@link BroadcastStore}, short transactions each. */
@ApplicationScoped
public class DefaultBroadcastService implements BroadcastService {

  @Inject BroadcastEngine broadcasts;

  @Inject JourneyEngine engine;

  @Inject SegmentService segments;

  @Override
  public BroadcastView schedule(WorkspaceId workspace, long journeyId, BroadcastRequest request) {
    if (segments.find(workspace, request.segmentId()).isEmpty()) {
      throw new InvalidJourneyException(
          "segment_id: segment " + request.segmentId() + " does not exist");
    }
    return tx(
        c -> {
          StoredJourney j = journey(c, workspace, journeyId);
          if (j.definition().trigger().type() != Trigger.TriggerType.API) {
            throw new InvalidJourneyException(
                "campaign " + journeyId + " is not triggered by the API (trigger type api)");
          }
          if (j.state() != JourneyState.ACTIVE && j.state() != JourneyState.PAUSED) {
            throw new InvalidJourneyException(
                "campaign " + journeyId + " is " + j.state().wire() + ", not active");
          }
          long id = broadcasts.broadcasts().schedule(c, j, request);
          return view(c, workspace, journeyId, id);
        });
  }

  @Override
  public List<BroadcastView> list(WorkspaceId workspace, long journeyId) {
    return tx(
        c -> {
          journey(c, workspace, journeyId);
          List<BroadcastView> found = new ArrayList<>();
          for (StoredBroadcast b : BroadcastStore.ofJourney(c, workspace.value(), journeyId)) {
            found.add(BroadcastStore.view(c, b));
          }
          return found;
        });
  }

  @Override
  public BroadcastView find(WorkspaceId workspace, long journeyId, long broadcastId) {
    return tx(
        c -> {
          journey(c, workspace, journeyId);
          return view(c, workspace, journeyId, broadcastId);
        });
  }

  @Override
  public BroadcastView cancel(WorkspaceId workspace, long journeyId, long broadcastId) {
    return tx(
        c -> {
          journey(c, workspace, journeyId);
          // Waits for a chunk being entered (it holds the row), then no chunk follows.
          StoredBroadcast b =
              BroadcastStore.find(c, workspace.value(), journeyId, broadcastId, true)
                  .orElseThrow(() -> new BroadcastNotFoundException("broadcast", broadcastId));
          if (!BroadcastStore.finish(
              c, b.id(), StoredBroadcast.CANCELLED, engine.clock().instant())) {
            throw new InvalidJourneyException(
                "broadcast "
                    + broadcastId
                    + " is "
                    + b.state()
                    + "; only scheduled or sending"
                    + " broadcasts can be cancelled");
          }
          return view(c, workspace, journeyId, broadcastId);
        });
  }

  @Override
  public ApiTriggerView apiTrigger(WorkspaceId workspace, long journeyId, long triggerId) {
    return tx(
        c -> {
          journey(c, workspace, journeyId);
          return BroadcastStore.apiTrigger(c, workspace.value(), journeyId, triggerId)
              .orElseThrow(() -> new BroadcastNotFoundException("trigger", triggerId));
        });
  }

  @Override
  public ApiTriggerErrorPage apiTriggerErrors(
      WorkspaceId workspace, long journeyId, long triggerId, String start, int limit) {
    if (limit < 1 || limit > ApiTriggerError.MAX_KEPT) {
      throw new InvalidJourneyException("limit: must be a whole number from 1 to 1000");
    }
    long after = 0;
    if (start != null && !start.isEmpty()) {
      try {
        after = Long.parseLong(start);
      } catch (NumberFormatException e) {
        after = -1;
      }
      if (after < 0) {
        throw new InvalidJourneyException("start: must be a page's next value");
      }
    }
    long from = after;
    return tx(
        c -> {
          journey(c, workspace, journeyId);
          BroadcastStore.apiTrigger(c, workspace.value(), journeyId, triggerId)
              .orElseThrow(() -> new BroadcastNotFoundException("trigger", triggerId));
          return TriggerErrors.page(c, triggerId, from, limit);
        });
  }

  private BroadcastView view(Connection c, WorkspaceId workspace, long journeyId, long id)
      throws SQLException {
    StoredBroadcast b =
        BroadcastStore.find(c, workspace.value(), journeyId, id, false)
            .orElseThrow(() -> new BroadcastNotFoundException("broadcast", id));
    return BroadcastStore.view(c, b);
  }

  private StoredJourney journey(Connection c, WorkspaceId workspace, long id) throws SQLException {
    return engine
        .engine()
        .journeys
        .find(c, workspace.value(), id, false)
        .orElseThrow(() -> new JourneyNotFoundException(id));
  }

  private <T> T tx(Transactions.Work<T> work) {
    return Transactions.inTransaction(engine.dataSource(), "journeys broadcasts", work);
  }
}
