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
 * them), resume (released) and archive (every active run exits, in chunks). Timers are held and
 * released after the state's commit, in id-range chunks of their own short transactions, so a
 * journey with a million waiting runs never locks all its timers at once: a poller that claims a
 * timer of a paused journey not held yet holds it itself, and a resumed journey's timers still held
 * only wait for their chunk.
 */
final class Lifecycle {

  private static final int CHUNK = 500;

  /** Timers held or released per statement (and transaction) by default. */
  static final int HOLD_CHUNK = 5_000;

  private final DataSource dataSource;
  private final Clock clock;
  private final JourneyStore journeys;
  private final StepRunner steps;
  private final DateTriggers dates;
  private final int holdChunk;

  Lifecycle(
      DataSource dataSource,
      Clock clock,
      JourneyStore journeys,
      StepRunner steps,
      DateTriggers dates) {
    this(dataSource, clock, journeys, steps, dates, HOLD_CHUNK);
  }

  /** A lifecycle that holds and releases at most {@code holdChunk} timers per transaction. */
  Lifecycle(
      DataSource dataSource,
      Clock clock,
      JourneyStore journeys,
      StepRunner steps,
      DateTriggers dates,
      int holdChunk) {
    if (holdChunk < 1) {
      throw new IllegalArgumentException("holdChunk must be positive: " + holdChunk);
    }
    this.holdChunk = holdChunk;
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
    JourneyState previous =
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
                    "campaign "
                        + id
                        + " is "
                        + from.wire()
                        + "; it cannot become "
                        + target.wire());
              }
              journeys.state(c, id, target, clock.instant());
              return from;
            });
    if (target == JourneyState.PAUSED) {
      holdTimers(id, true);
    } else if (target == JourneyState.ACTIVE && previous == JourneyState.PAUSED) {
      holdTimers(id, false);
    }
    if (target == JourneyState.ARCHIVED) {
      exitAll(id);
    }
    if (target == JourneyState.ACTIVE || target == JourneyState.ARCHIVED) {
      // A date-triggered journey's schedule: filled (again: changes while paused) or cleared.
      dates.refresh(workspaceId, id);
    }
  }

  /**
   * Holds ({@code held}) or releases the journey's timers, a chunk of ids per transaction. Each
   * chunk first reads the journey's state under a shared lock (state changes lock the row, so they
   * and the chunks go one after another) and stops once the state no longer asks for this: a pause
   * that a resume overtook must not hold timers the resume already released, nor the reverse.
   */
  void holdTimers(long journeyId, boolean held) {
    long after = 0;
    while (after >= 0) {
      long from = after;
      after =
          Transactions.inTransaction(
              dataSource,
              "journeys hold",
              c -> {
                Optional<JourneyState> state = TimerStore.lockState(c, journeyId);
                if (state.isEmpty() || (state.get() == JourneyState.PAUSED) != held) {
                  return -1L;
                }
                return TimerStore.holdJourney(c, journeyId, held, from, holdChunk);
              });
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
