package io.herald.journeys.internal;

import io.herald.journeys.api.RunView;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A run's rows, written in the caller's transaction. */
final class DbRunLog implements RunLog {

  private final Connection c;
  private final StoredRun run;

  DbRunLog(Connection c, StoredRun run) {
    this.c = c;
    this.run = run;
  }

  @Override
  public void moveTo(String node) throws SQLException {
    RunStore.moveTo(c, run.id(), node);
  }

  @Override
  public void timer(String node, String kind, Instant due) throws SQLException {
    RunStore.timer(c, run.workspaceId(), run.journeyId(), run.id(), node, kind, due);
  }

  @Override
  public void deleteTimers(String kind) throws SQLException {
    RunStore.deleteTimers(c, run.id(), kind);
  }

  @Override
  public void step(String node, String outcome, String detail, Instant at) throws SQLException {
    RunStore.step(c, run.id(), node, outcome, detail, at);
  }

  @Override
  public void waitFor(String event, boolean condition, Instant since) throws SQLException {
    RunStore.waitFor(c, run.id(), event, condition, since);
  }

  @Override
  public void stopWaiting() throws SQLException {
    RunStore.stopWaiting(c, run.id());
  }

  @Override
  public void goalWindow(Instant from, Instant until) throws SQLException {
    RunStore.goalWindow(c, run.id(), from, until);
  }

  @Override
  public void end(String state, String reason, Instant at) throws SQLException {
    RunStore.end(c, run.id(), state, reason, at);
  }

  @Override
  public Optional<Connection> connection() {
    return Optional.of(c);
  }

  @Override
  public Optional<RunView.Step> latest(String node, String outcome) throws SQLException {
    return Sql.list(
            c,
            "SELECT detail, at FROM journeys_step WHERE run_id = ? AND node = ? AND outcome = ?"
                + " ORDER BY id DESC LIMIT 1",
            rs -> new RunView.Step(node, outcome, rs.getString(1), Sql.instant(rs, 2)),
            run.id(),
            node,
            outcome)
        .stream()
        .findFirst();
  }

  @Override
  public List<String> deliveries(String node) throws SQLException {
    return Sql.list(
        c,
        "SELECT detail FROM journeys_step WHERE run_id = ? AND node = ? AND outcome = 'sent'",
        rs -> rs.getString(1),
        run.id(),
        node);
  }
}
