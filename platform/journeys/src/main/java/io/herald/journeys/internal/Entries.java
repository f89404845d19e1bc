package io.herald.journeys.internal;

import io.herald.journeys.api.EntryRule;
import io.herald.journeys.api.JourneyDefinition;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

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
    if (filtered(c, j.workspaceId(), j.id(), d, cioId, now).isPresent()) {
      return 0;
    }
    String key = key(d, j.id(), cioId);
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

  /**
   * Why the person would not enter version {@code d} of the journey now (its entry filter,
   * frequency limit or entry rule), empty when they would: what {@link #enter} checks, read only
   * (simulations).
   */
  Optional<String> refusal(
      Connection c,
      long workspaceId,
      long journeyId,
      JourneyDefinition d,
      String cioId,
      Instant now)
      throws SQLException {
    Optional<String> filtered = filtered(c, workspaceId, journeyId, d, cioId, now);
    if (filtered.isPresent()) {
      return filtered;
    }
    String key = key(d, journeyId, cioId);
    if (key != null
        && Sql.count(c, "SELECT COUNT(*) FROM journeys_run WHERE entry_key = ?", key) > 0) {
      return Optional.of(
          d.entryRule() == EntryRule.ONCE
              ? "entry rule once: the person already entered this journey"
              : "entry rule once_at_a_time: the person is in an active run of this journey");
    }
    return Optional.empty();
  }

  /** The entry filter's and the frequency limit's refusal, empty when neither refuses. */
  private Optional<String> filtered(
      Connection c,
      long workspaceId,
      long journeyId,
      JourneyDefinition d,
      String cioId,
      Instant now)
      throws SQLException {
    if (d.entryFilter() != null
        && !effects.matches(new WorkspaceId(workspaceId), cioId, d.entryFilter(), now)) {
      return Optional.of("entry filter: the person does not match it");
    }
    if (d.frequency() != null) {
      long entries = RunStore.entriesSince(c, journeyId, cioId, now.minus(d.frequency().within()));
      if (entries >= d.frequency().max()) {
        return Optional.of(
            "frequency limit: at most "
                + d.frequency().max()
                + " entries within "
                + d.frequency().within()
                + ", the person has "
                + entries);
      }
    }
    return Optional.empty();
  }

  /** The run's entry key under the entry rule: kept for ever, kept while it runs, or none. */
  private static String key(JourneyDefinition d, long journeyId, String cioId) {
    return switch (d.entryRule()) {
      case ONCE -> "once:" + journeyId + ":" + cioId;
      case ONCE_AT_A_TIME -> "run:" + journeyId + ":" + cioId;
      default -> null;
    };
  }
}
