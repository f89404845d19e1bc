package io.herald.journeys.internal;

import io.herald.journeys.api.JourneyDefinition;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Starts runs: the entry filter, the frequency limit and the entry rule (a unique entry key, so two
 * nodes starting the same person's run at once cannot both succeed), then the run, its first
 * step-log entry and its first step's timer, all in the caller's transaction.
 */
final class Entries {

  private final Effects effects;

  Entries(Effects effects) {
    this.effects = effects;
  }

  /**
   * Starts a run of the journey's current version for the person.
   *
   * @param cause what started it, for the step log
   * @return the run's id, 0 when the person may not enter
   */
  long enter(
      Connection c, StoredJourney j, String cioId, JsonObject data, String cause, Instant now)
      throws SQLException {
    JourneyDefinition d = j.definition();
    if (d.entryFilter() != null
        && !effects.matches(new WorkspaceId(j.workspaceId()), cioId, d.entryFilter(), now)) {
      return 0;
    }
    if (d.frequency() != null
        && RunStore.entriesSince(c, j.id(), cioId, now.minus(d.frequency().within()))
            >= d.frequency().max()) {
      return 0;
    }
    String key =
        switch (d.entryRule()) {
          case ONCE -> "once:" + j.id() + ":" + cioId;
          case ONCE_AT_A_TIME -> "run:" + j.id() + ":" + cioId;
          default -> null;
        };
    Instant goalFrom = null;
    Instant goalUntil = null;
    if (d.goal() != null && d.goal().after() == null) {
      goalFrom = now;
      goalUntil = now.plus(d.goal().within());
    }
    long run =
        RunStore.insertRun(
            c,
            j.workspaceId(),
            j.id(),
            j.version(),
            cioId,
            d.start(),
            key,
            data,
            goalFrom,
            goalUntil,
            now);
    if (run == 0) {
      return 0;
    }
    RunStore.step(c, run, d.start(), "entered", cause, now);
    TimerStore.timer(c, j.workspaceId(), j.id(), run, d.start(), TimerStore.STEP, now);
    return run;
  }
}
