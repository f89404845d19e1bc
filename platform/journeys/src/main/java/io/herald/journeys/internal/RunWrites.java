package io.herald.journeys.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The writes a step makes to its run, the step log and the timers, inside the caller's transaction:
 * at once ({@link DirectWrites}, event and lifecycle handling) or collected and written together at
 * the end of a batch of timers ({@link WriteBuffer}).
 */
interface RunWrites {

  /** The transaction's connection, for reads. */
  Connection connection();

  void moveTo(long runId, String node) throws SQLException;

  void waitFor(long runId, String event, boolean condition, Instant since) throws SQLException;

  void stopWaiting(long runId) throws SQLException;

  /** Sets the run's goal window unless it has one. */
  void goalWindow(long runId, Instant from, Instant until) throws SQLException;

  /** Ends the run (see {@link RunStore#end}) and drops its timers. */
  void end(long runId, String state, String reason, Instant now) throws SQLException;

  void step(long runId, String node, String outcome, String detail, Instant at) throws SQLException;

  void timer(long ws, long journeyId, long runId, String node, String kind, Instant due)
      throws SQLException;

  void deleteTimers(long runId, String kind) throws SQLException;

  /** The delivery ids the run's send step at {@code node} recorded, written or not yet. */
  List<String> sent(long runId, String node) throws SQLException;
}
