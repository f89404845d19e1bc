package io.herald.journeys.internal;

import io.herald.journeys.api.RunView;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** A journeys_run row. */
record StoredRun(
    long id,
    long workspaceId,
    long journeyId,
    int version,
    String cioId,
    String state,
    String node,
    JsonObject triggerData,
    String waitingEvent,
    boolean waitingCondition,
    Instant waitingSince,
    Instant goalFrom,
    Instant goalUntil,
    Instant convertedAt,
    String exitReason,
    Instant enteredAt,
    Instant endedAt) {

  static final String ACTIVE = "active";
  static final String COMPLETED = "completed";
  static final String EXITED = "exited";

  boolean active() {
    return ACTIVE.equals(state);
  }

  RunView view(List<RunView.Step> steps) {
    return new RunView(
        id,
        journeyId,
        version,
        cioId,
        state,
        node,
        exitReason,
        enteredAt,
        endedAt,
        convertedAt,
        steps);
  }
}
