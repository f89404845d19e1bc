package io.herald.journeys.internal;

import io.herald.journeys.api.RunView;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a step writes about its run: its node, timers, wait, goal window, step log and end. {@link
 * DbRunLog} writes the run's rows in the caller's transaction; a simulation ({@link SimulatedRun})
 * keeps them in memory, so the real runner and the simulator share {@link StepRunner}'s decisions.
 */
interface RunLog {

  void moveTo(String node) throws SQLException;

  /** A timer of {@code kind} ({@link RunStore#STEP}, {@code RESUME}, {@code TIMEOUT}) at a node. */
  void timer(String node, String kind, Instant due) throws SQLException;

  void deleteTimers(String kind) throws SQLException;

  void step(String node, String outcome, String detail, Instant at) throws SQLException;

  /** Waits for an event (by name) or for a condition, from {@code since}. */
  void waitFor(String event, boolean condition, Instant since) throws SQLException;

  void stopWaiting() throws SQLException;

  /** Opens the conversion goal's window unless one is open already. */
  void goalWindow(Instant from, Instant until) throws SQLException;

  /** Ends the run: completed, or exited with a reason; its timers go. */
  void end(String state, String reason, Instant at) throws SQLException;

  /** The transaction the run's rows are written in; empty in a simulation (nothing is written). */
  Optional<java.sql.Connection> connection();

  /** The run's latest step-log entry at {@code node} with {@code outcome}. */
  Optional<RunView.Step> latest(String node, String outcome) throws SQLException;

  /** The delivery ids the run's step log records as sent at {@code node}. */
  List<String> deliveries(String node) throws SQLException;
}
