package io.herald.journeys.internal;

import io.herald.journeys.api.InvalidJourneyException;
import io.herald.journeys.api.JourneyNotFoundException;
import io.herald.journeys.api.JourneyState;
import io.herald.shared.persistence.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A journey's state changes: activate (draft or paused → active), pause (timers held: pollers skip
 * them), resume (released) and archive (every active run exits, in chunks).
 */
final class Lifecycle {

  private static final int CHUNK = 500;

  private final DataSource dataSource;
  private final Clock clock;
  private final JourneyStore journeys;
  private final StepRunner steps;
  private final DateTriggers dates;

  Lifecycle(
      DataSource dataSource,
      Clock clock,
      JourneyStore journeys,
      StepRunner steps,
      DateTriggers dates) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.journeys = journeys;
    this.steps = steps;
    this.dates = dates;
  }

  /**
   * Moves the journey to {@code target}.
   *
   * @throws InvalidJourneyException for a move the lifecycle does not allow
   * @throws JourneyNotFoundException for an unknown id
   */
  void change(long workspaceId, long id, JourneyState target) {
    Transactions.inTransaction(
        dataSource,
        "journeys state",
        c -> {
          StoredJourney j =
              journeys
                  .find(c, workspaceId, id, true)
                  .orElseThrow(() -> new JourneyNotFoundException(id));
          JourneyState from = j.state();
          boolean allowed =
              switch (target) {
                case ACTIVE -> from == JourneyState.DRAFT || from == JourneyState.PAUSED;
                case PAUSED -> from == JourneyState.ACTIVE;
                case ARCHIVED -> from != JourneyState.ARCHIVED;
                default -> false;
              };
          if (!allowed) {
            throw new InvalidJourneyException(
                "campaign " + id + " is " + from.wire() + "; it cannot become " + target.wire());
          }
          journeys.state(c, id, target, clock.instant());
          if (target == JourneyState.PAUSED) {
            RunStore.holdJourney(c, id, true);
          } else if (target == JourneyState.ACTIVE && from == JourneyState.PAUSED) {
            RunStore.holdJourney(c, id, false);
          }
          return null;
        });
    if (target == JourneyState.ARCHIVED) {
      exitAll(id);
    }
    if (target == JourneyState.ACTIVE || target == JourneyState.ARCHIVED) {
      // A date-triggered journey's schedule: filled (again: changes while paused) or cleared.
      dates.refresh(workspaceId, id);
    }
  }

  private void exitAll(long id) {
    long after = 0;
    while (true) {
      long from = after;
      List<Long> runs =
          Transactions.autoCommit(
              dataSource, "journeys archive", c -> RunStore.activeIds(c, id, from, CHUNK));
      if (runs.isEmpty()) {
        return;
      }
      Transactions.inTransaction(
          dataSource,
          "journeys archive",
          c -> {
            for (long runId : runs) {
              Optional<StoredRun> run = RunStore.run(c, runId, true);
              if (run.isPresent() && run.get().active()) {
                steps.exit(c, run.get(), run.get().node(), "archived", clock.instant());
              }
            }
            return null;
          });
      after = runs.get(runs.size() - 1);
    }
  }
}
