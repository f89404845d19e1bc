package io.herald.journeys.internal;

import io.herald.journeys.api.JourneyState;
import io.herald.shared.persistence.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Claims due timers in batches ({@code FOR UPDATE SKIP LOCKED}, then leased so the claim
 * transaction is short) and runs each one's step in a transaction of its own. A timer whose step
 * fails stays claimed until its lease ends, then any node runs it again (sends are idempotent).
 */
final class TimerPoller {

  private static final Logger LOG = Logger.getLogger(TimerPoller.class.getName());

  private final DataSource dataSource;
  private final Clock clock;
  private final JourneyStore journeys;
  private final StepRunner steps;
  private final int batchSize;
  private final Duration lease;

  TimerPoller(
      DataSource dataSource,
      Clock clock,
      JourneyStore journeys,
      StepRunner steps,
      int batchSize,
      Duration lease) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.journeys = journeys;
    this.steps = steps;
    this.batchSize = batchSize;
    this.lease = lease;
  }

  /** Claims and runs one batch of due timers; returns how many were claimed. */
  int poll() {
    String claim = UUID.randomUUID().toString();
    Instant now = clock.instant();
    List<RunStore.Timer> due =
        Transactions.inTransaction(
            dataSource,
            "journeys claim",
            c -> RunStore.claim(c, claim, now, now.plus(lease), batchSize));
    for (RunStore.Timer t : due) {
      try {
        Transactions.inTransaction(
            dataSource,
            "journeys step",
            c -> {
              JourneyState state = journeys.stateOf(c, t.journeyId());
              if (state == JourneyState.PAUSED) {
                RunStore.hold(c, t);
                return null;
              }
              if (!RunStore.take(c, t, claim)) {
                return null;
              }
              StoredRun run = RunStore.run(c, t.runId(), true).orElse(null);
              if (run == null || !run.active()) {
                return null;
              }
              if (state == JourneyState.ARCHIVED) {
                // Archiving exits every run in chunks; a step that falls due meanwhile ends too.
                steps.exit(c, run, run.node(), "archived", clock.instant());
              } else {
                steps.fire(c, run, t, clock.instant());
              }
              return null;
            });
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "journey step failed (run " + t.runId() + ", node " + t.node() + "); retried later",
            e);
      }
    }
    return due.size();
  }

  /** Polls until no timer is due (tests, and a woken poller). */
  int drain() {
    int total = 0;
    for (int n; (n = poll()) > 0; ) {
      total += n;
    }
    return total;
  }
}
