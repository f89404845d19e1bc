package io.herald.journeys.internal;

import io.herald.journeys.api.JourneyState;
import io.herald.shared.persistence.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Claims due timers in batches ({@code FOR UPDATE SKIP LOCKED}) and runs the batch's steps in the
 * same transaction: the journeys' states read and the runs locked with one statement each, and the
 * steps' writes collected and written together ({@link WriteBuffer}). A step that fails leaves
 * nothing behind: its timer gets a lease, and once the lease ends any node runs it again (sends are
 * idempotent); the others commit. When the batch's transaction itself fails, the batch is claimed
 * again with a lease (a short transaction of its own) and each step runs in a transaction of its
 * own, so one bad step cannot hold the others back.
 */
final class TimerPoller {

  private static final Logger LOG = Logger.getLogger(TimerPoller.class.getName());

  /** Steps due at once run right after the step that made them due, at most this many. */
  private static final int CHAIN = 16;

  private final DataSource dataSource;
  private final Clock clock;
  private final StepRunner steps;
  private final int batchSize;
  private final Duration lease;

  TimerPoller(DataSource dataSource, Clock clock, StepRunner steps, int batchSize, Duration lease) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.steps = steps;
    this.batchSize = batchSize;
    this.lease = lease;
  }

  /**
   * Claims and runs one batch of due timers; returns how many were claimed. The batch is claimed
   * and run in one transaction: the timers stay locked ({@code FOR UPDATE SKIP LOCKED}) until its
   * commit, so no lease is written for them, and a node that dies mid-batch leaves them to the
   * others as soon as the database ends its connection. A step that fails gets a lease, so it runs
   * again only after the lease (not at once, in a loop). When the batch's transaction itself fails,
   * the batch is claimed again with a lease and each step runs in a transaction of its own. Looks
   * first without a transaction, so an idle poll commits nothing.
   */
  int poll() {
    String claim = UUID.randomUUID().toString();
    Instant at = clock.instant();
    if (!Transactions.autoCommit(dataSource, "journeys look", c -> TimerStore.anyDue(c, at))) {
      return 0;
    }
    try {
      return Transactions.inTransaction(
          dataSource,
          "journeys steps",
          c -> {
            Instant now = clock.instant();
            List<TimerStore.Timer> due = TimerStore.lockDue(c, now, batchSize);
            if (!due.isEmpty()) {
              runIn(c, due, null, claim);
            }
            return due.size();
          });
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "journey step batch failed; its steps run one by one", e);
      return pollOneByOne(claim);
    }
  }

  /** Claims a batch with a lease, then runs each of its steps in a transaction of its own. */
  private int pollOneByOne(String claim) {
    Instant now = clock.instant();
    List<TimerStore.Timer> due =
        Transactions.inTransaction(
            dataSource,
            "journeys claim",
            c -> TimerStore.claim(c, claim, now, now.plus(lease), batchSize));
    for (TimerStore.Timer t : due) {
      try {
        Transactions.inTransaction(
            dataSource,
            "journeys step",
            c -> {
              runIn(c, List.of(t), claim, claim);
              return null;
            });
      } catch (RuntimeException single) {
        failed(t, single);
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

  /**
   * Runs a batch of timers in the caller's transaction: locked by this transaction already when
   * {@code leasedTo} is null, else leased to {@code leasedTo} (locked here, unless another poller
   * claimed them after the lease ended). A step that fails in the first case is leased to {@code
   * claim}; in the second it keeps its lease.
   */
  private void runIn(Connection c, List<TimerStore.Timer> batch, String leasedTo, String claim)
      throws SQLException {
    Set<Long> ids = new LinkedHashSet<>();
    batch.forEach(t -> ids.add(t.id()));
    Set<Long> claimed = leasedTo == null ? ids : TimerStore.lockClaimed(c, ids, leasedTo);
    List<TimerStore.Timer> mine = new ArrayList<>();
    Set<Long> journeyIds = new LinkedHashSet<>();
    for (TimerStore.Timer t : batch) {
      if (claimed.contains(t.id())) {
        mine.add(t);
        journeyIds.add(t.journeyId());
      }
    }
    if (mine.isEmpty()) {
      return;
    }
    Map<Long, JourneyState> states = TimerStore.states(c, journeyIds);
    List<Long> onHold = new ArrayList<>();
    Set<Long> runIds = new LinkedHashSet<>();
    for (TimerStore.Timer t : mine) {
      if (states.get(t.journeyId()) == JourneyState.PAUSED) {
        onHold.add(t.id());
      } else {
        runIds.add(t.runId());
      }
    }
    Map<Long, StoredRun> runs = TimerStore.lockRuns(c, runIds);
    WriteBuffer writes = new WriteBuffer(c);
    Set<Long> touched = new HashSet<>();
    List<Long> taken = new ArrayList<>();
    List<Long> failed = new ArrayList<>();
    for (TimerStore.Timer t : mine) {
      JourneyState state = states.get(t.journeyId());
      if (state == JourneyState.PAUSED) {
        continue;
      }
      StoredRun run = runs.get(t.runId());
      if (touched.contains(t.runId())) {
        // A second timer of a run this batch already moved: write what the first step did and
        // read the run again (it stays locked).
        writes.flush();
        run = RunStore.run(c, t.runId(), true).orElse(null);
      }
      if (run != null && run.active() && !step(writes, run, t, state == JourneyState.ARCHIVED)) {
        failed.add(t.id());
        continue;
      }
      touched.add(t.runId());
      taken.add(t.id());
    }
    TimerStore.hold(c, onHold);
    TimerStore.take(c, taken);
    if (leasedTo == null) {
      Instant now = clock.instant();
      TimerStore.lease(c, failed, claim, now.plus(lease));
    }
    writes.flush();
  }

  /**
   * Runs a timer's step, then at once each next step it leaves due now (up to {@link #CHAIN}), as a
   * poller would claim them next; false when the timer's own step failed (its writes dropped). A
   * next step that fails leaves its timer written, due now, for the next poll.
   */
  private boolean step(WriteBuffer writes, StoredRun run, TimerStore.Timer t, boolean archived)
      throws SQLException {
    TimerStore.Timer next = t;
    Instant madeDue = null;
    for (int hop = 0; next != null; hop++) {
      Instant now = clock.instant();
      writes.begin();
      try {
        if (archived) {
          // Archiving exits every run in chunks; a step that falls due meanwhile ends too.
          steps.exit(writes, run, run.node(), "archived", now);
        } else {
          steps.fire(writes, run, next, now);
        }
      } catch (RuntimeException e) {
        writes.discard();
        failed(next, e);
        if (hop == 0) {
          return false;
        }
        writes.untake(run.workspaceId(), next, madeDue);
        return true;
      }
      madeDue = now;
      next = hop < CHAIN ? writes.takeDueStep(run.id(), run.journeyId(), now).orElse(null) : null;
    }
    return true;
  }

  private static void failed(TimerStore.Timer t, RuntimeException e) {
    LOG.log(
        Level.WARNING,
        "journey step failed (run " + t.runId() + ", node " + t.node() + "); retried later",
        e);
  }
}
