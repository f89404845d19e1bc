package io.herald.journeys.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Writes a step's changes at once, one statement each ({@link RunStore}). */
record DirectWrites(Connection connection) implements RunWrites {

  @Override
  public void moveTo(long runId, String node) throws SQLException {
    RunStore.moveTo(connection, runId, node);
  }

  @Override
  public void waitFor(long runId, String event, boolean condition, Instant since)
      throws SQLException {
    RunStore.waitFor(connection, runId, event, condition, since);
  }

  @Override
  public void stopWaiting(long runId) throws SQLException {
    RunStore.stopWaiting(connection, runId);
  }

  @Override
  public void goalWindow(long runId, Instant from, Instant until) throws SQLException {
    RunStore.goalWindow(connection, runId, from, until);
  }

  @Override
  public void end(long runId, String state, String reason, Instant now) throws SQLException {
    RunStore.end(connection, runId, state, reason, now);
  }

  @Override
  public void step(long runId, String node, String outcome, String detail, Instant at)
      throws SQLException {
    RunStore.step(connection, runId, node, outcome, detail, at);
  }

  @Override
  public void timer(long ws, long journeyId, long runId, String node, String kind, Instant due)
      throws SQLException {
    TimerStore.timer(connection, ws, journeyId, runId, node, kind, due);
  }

  @Override
  public void deleteTimers(long runId, String kind) throws SQLException {
    TimerStore.deleteTimers(connection, runId, kind);
  }

  @Override
  public List<String> sent(long runId, String node) throws SQLException {
    return RunStore.sent(connection, runId, node);
  }
}
