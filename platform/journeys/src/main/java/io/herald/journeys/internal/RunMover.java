package io.herald.journeys.internal;

import io.herald.journeys.api.InvalidJourneyException;
import io.herald.journeys.api.JourneyDefinition;
import io.herald.journeys.api.JourneyNotFoundException;
import io.herald.journeys.api.JourneyState;
import io.herald.journeys.api.Node;
import io.herald.journeys.api.NodeType;
import io.herald.journeys.api.RunMove;
import io.herald.shared.persistence.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Moves the active runs of a journey's older versions to its current version, by choice (issue #6:
 * "people already inside continue on theirs, or are moved"), in chunks of one transaction each. A
 * run at a node the new version has stays there: a node of the same type keeps its timers (a
 * wait-until's awaited event follows the new settings); a node whose type changed is entered afresh
 * (its timers replaced by a step due now). A run at a node the new version lacks exits with {@code
 * version_removed_node}. Each moved run's step log records {@code moved} ({@code version a → b}).
 */
final class RunMover {

  static final String REMOVED_NODE = "version_removed_node";

  private static final int CHUNK = 200;

  private final DataSource dataSource;
  private final Clock clock;
  private final JourneyStore journeys;
  private final StepRunner steps;

  RunMover(DataSource dataSource, Clock clock, JourneyStore journeys, StepRunner steps) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.journeys = journeys;
    this.steps = steps;
  }

  RunMove move(long workspaceId, long journeyId) {
    StoredJourney j =
        Transactions.autoCommit(
            dataSource,
            "journeys move",
            c ->
                journeys
                    .find(c, workspaceId, journeyId, false)
                    .orElseThrow(() -> new JourneyNotFoundException(journeyId)));
    if (j.state() != JourneyState.ACTIVE && j.state() != JourneyState.PAUSED) {
      throw new InvalidJourneyException(
          "campaign "
              + journeyId
              + " is "
              + j.state().wire()
              + ": only an active or paused"
              + " campaign's runs can move to its latest version");
    }
    long[] counts = new long[2];
    long after = 0;
    while (true) {
      long from = after;
      List<Long> runs =
          Transactions.autoCommit(
              dataSource,
              "journeys move",
              c ->
                  Sql.list(
                      c,
                      "SELECT id FROM journeys_run WHERE journey_id = ? AND state = 'active'"
                          + " AND version <> ? AND id > ? ORDER BY id LIMIT ?",
                      rs -> rs.getLong(1),
                      journeyId,
                      j.version(),
                      from,
                      CHUNK));
      if (runs.isEmpty()) {
        return new RunMove(j.version(), counts[0], counts[1]);
      }
      Transactions.inTransaction(
          dataSource,
          "journeys move",
          c -> {
            for (long runId : runs) {
              move(c, runId, j.version(), j.definition(), counts);
            }
            return null;
          });
      after = runs.get(runs.size() - 1);
    }
  }

  private void move(Connection c, long runId, int version, JourneyDefinition to, long[] counts)
      throws SQLException {
    // Timers first, then the run: the order a poller running the run's step locks them in.
    Sql.list(c, "SELECT id FROM journeys_timer WHERE run_id = ? FOR UPDATE", rs -> 1, runId);
    Optional<StoredRun> found = RunStore.run(c, runId, true);
    if (found.isEmpty() || !found.get().active() || found.get().version() == version) {
      return;
    }
    StoredRun run = found.get();
    Instant now = clock.instant();
    JourneyDefinition from = journeys.version(c, run.journeyId(), run.version());
    Optional<Node> there = to.node(run.node());
    if (there.isEmpty()) {
      steps.exit(c, run, run.node(), REMOVED_NODE, now);
      counts[1]++;
      return;
    }
    Sql.update(c, "UPDATE journeys_run SET version = ? WHERE id = ?", version, runId);
    Node node = there.get();
    Optional<Node> before = from.node(run.node());
    if (before.isEmpty() || before.get().type() != node.type()) {
      Sql.update(c, "DELETE FROM journeys_timer WHERE run_id = ?", runId);
      RunStore.stopWaiting(c, runId);
      TimerStore.timer(
          c, run.workspaceId(), run.journeyId(), runId, node.id(), TimerStore.STEP, now);
    } else if (node.type() == NodeType.WAIT_UNTIL && run.waitingEvent() != null) {
      if (node.settings().containsKey("event")) {
        RunStore.waitFor(
            c,
            runId,
            node.settings().getJsonObject("event").getString("name"),
            false,
            run.waitingSince());
      } else {
        RunStore.waitFor(c, runId, null, true, run.waitingSince());
      }
    } else if (node.type() == NodeType.WAIT_UNTIL
        && run.waitingCondition()
        && node.settings().containsKey("event")) {
      RunStore.waitFor(
          c,
          runId,
          node.settings().getJsonObject("event").getString("name"),
          false,
          run.waitingSince());
    }
    RunStore.step(c, runId, run.node(), "moved", "version " + run.version() + " → " + version, now);
    counts[0]++;
  }
}
