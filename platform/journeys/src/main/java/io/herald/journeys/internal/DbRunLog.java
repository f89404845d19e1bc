package io.herald.journeys.internal;

import io.herald.journeys.api.RunView;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A run's rows in the database, through {@link RunWrites}: at once ({@link DirectWrites}) or at the
 * end of a poller's batch ({@link WriteBuffer}), in the caller's transaction either way.
 */
final class DbRunLog implements RunLog {

  private final RunWrites w;
  private final StoredRun run;

  DbRunLog(RunWrites w, StoredRun run) {
    this.w = w;
    this.run = run;
  }

  /** Writes at once on the connection. */
  DbRunLog(Connection c, StoredRun run) {
    this(new DirectWrites(c), run);
  }

  @Override
  public void moveTo(String node) throws SQLException {
    w.moveTo(run.id(), node);
  }

  @Override
  public void timer(String node, String kind, Instant due) throws SQLException {
    w.timer(run.workspaceId(), run.journeyId(), run.id(), node, kind, due);
  }

  @Override
  public void deleteTimers(String kind) throws SQLException {
    w.deleteTimers(run.id(), kind);
  }

  @Override
  public void step(String node, String outcome, String detail, Instant at) throws SQLException {
    w.step(run.id(), node, outcome, detail, at);
  }

  @Override
  public void waitFor(String event, boolean condition, Instant since) throws SQLException {
    w.waitFor(run.id(), event, condition, since);
  }

  @Override
  public void stopWaiting() throws SQLException {
    w.stopWaiting(run.id());
  }

  @Override
  public void goalWindow(Instant from, Instant until) throws SQLException {
    w.goalWindow(run.id(), from, until);
  }

  @Override
  public void end(String state, String reason, Instant at) throws SQLException {
    w.end(run.id(), state, reason, at);
  }

  @Override
  public Optional<Connection> connection() {
    return Optional.of(w.connection());
  }

  /**
   * The latest committed entry (a webhook's {@code calling} step is read by a check timer of a
   * later batch, so it is never still in a buffer).
   */
  @Override
  public Optional<RunView.Step> latest(String node, String outcome) throws SQLException {
    return Sql.list(
            w.connection(),
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
    return w.sent(run.id(), node);
  }
}
