package io.herald.journeys.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects the writes of a batch's steps and writes them with a few statements ({@link #flush}):
 * the step log and the new timers as multi-row inserts, every run's changes as one {@code UPDATE}
 * (a {@code CASE} per column), the timers of ended runs as one {@code DELETE}. Each step's writes
 * are a segment ({@link #begin}): a step that fails drops its segment ({@link #discard}) and leaves
 * nothing behind, as a rollback to a savepoint taken before it would, without a statement.
 */
final class WriteBuffer implements RunWrites {

  /** Rows per multi-row insert, well below the server's packet and placeholder limits. */
  private static final int CHUNK = 500;

  private interface Op {}

  private record Move(long runId, String node) implements Op {}

  private record Wait(long runId, String event, boolean condition, Instant since) implements Op {}

  private record Goal(long runId, Instant from, Instant until) implements Op {}

  private record End(long runId, String state, String reason, Instant at) implements Op {}

  private record Log(long runId, String node, String outcome, String detail, Instant at)
      implements Op {}

  private record NewTimer(
      long ws, long journeyId, long runId, String node, String kind, Instant due) implements Op {}

  private record DropTimers(long runId, String kind) implements Op {}

  private final Connection connection;
  private final List<Op> ops = new ArrayList<>();
  private int mark;

  WriteBuffer(Connection connection) {
    this.connection = connection;
  }

  @Override
  public Connection connection() {
    return connection;
  }

  /** Starts a step's segment. */
  void begin() {
    mark = ops.size();
  }

  /** Drops the writes of the step begun last. */
  void discard() {
    ops.subList(mark, ops.size()).clear();
  }

  @Override
  public void moveTo(long runId, String node) {
    ops.add(new Move(runId, node));
  }

  @Override
  public void waitFor(long runId, String event, boolean condition, Instant since) {
    ops.add(new Wait(runId, event, condition, since));
  }

  @Override
  public void stopWaiting(long runId) {
    ops.add(new Wait(runId, null, false, null));
  }

  @Override
  public void goalWindow(long runId, Instant from, Instant until) {
    ops.add(new Goal(runId, from, until));
  }

  @Override
  public void end(long runId, String state, String reason, Instant now) {
    ops.add(new End(runId, state, reason, now));
  }

  @Override
  public void step(long runId, String node, String outcome, String detail, Instant at) {
    ops.add(
        new Log(
            runId,
            node,
            outcome,
            detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000),
            at));
  }

  @Override
  public void timer(long ws, long journeyId, long runId, String node, String kind, Instant due) {
    ops.add(new NewTimer(ws, journeyId, runId, node, kind, due));
  }

  @Override
  public void deleteTimers(long runId, String kind) {
    ops.add(new DropTimers(runId, kind));
  }

  @Override
  public List<String> sent(long runId, String node) throws SQLException {
    List<String> sent = new ArrayList<>(RunStore.sent(connection, runId, node));
    for (Op op : ops) {
      if (op instanceof Log l
          && l.runId() == runId
          && l.node().equals(node)
          && l.outcome().equals("sent")) {
        sent.add(l.detail());
      }
    }
    return sent;
  }

  /**
   * Takes back the step timer, due by {@code now}, that the step begun last wrote for the run: the
   * caller runs that step at once instead (and gives it back with {@link #untake} if it fails).
   */
  Optional<TimerStore.Timer> takeDueStep(long runId, long journeyId, Instant now) {
    for (int i = ops.size() - 1; i >= mark; i--) {
      if (ops.get(i) instanceof NewTimer t
          && t.runId() == runId
          && t.kind().equals(TimerStore.STEP)
          && !t.due().isAfter(now)) {
        ops.remove(i);
        return Optional.of(new TimerStore.Timer(0, journeyId, runId, t.node(), t.kind()));
      }
    }
    return Optional.empty();
  }

  /** Writes a timer taken back by {@link #takeDueStep} after all (its step failed). */
  void untake(long ws, TimerStore.Timer t, Instant due) {
    ops.add(new NewTimer(ws, t.journeyId(), t.runId(), t.node(), t.kind(), due));
  }

  /** Writes what was collected, in the order the steps made it, and empties the buffer. */
  void flush() throws SQLException {
    Map<Long, Map<String, Object>> columns = new LinkedHashMap<>();
    Map<Long, Goal> goals = new LinkedHashMap<>();
    Set<Long> ended = new LinkedHashSet<>();
    List<DropTimers> drops = new ArrayList<>();
    List<Log> logs = new ArrayList<>();
    List<NewTimer> timers = new ArrayList<>();
    for (Op op : ops) {
      if (op instanceof Move m) {
        set(columns, m.runId(), "node", m.node());
      } else if (op instanceof Wait wt) {
        set(columns, wt.runId(), "waiting_event", wt.event());
        set(columns, wt.runId(), "waiting_cond", wt.condition());
        set(columns, wt.runId(), "waiting_since", wt.since());
      } else if (op instanceof Goal g) {
        goals.putIfAbsent(g.runId(), g);
      } else if (op instanceof End e) {
        set(columns, e.runId(), "state", e.state());
        set(columns, e.runId(), "exit_reason", e.reason());
        set(columns, e.runId(), "ended_at", e.at());
        set(columns, e.runId(), "waiting_event", null);
        set(columns, e.runId(), "waiting_cond", false);
        ended.add(e.runId());
        timers.removeIf(t -> t.runId() == e.runId());
      } else if (op instanceof Log l) {
        logs.add(l);
      } else if (op instanceof NewTimer t) {
        timers.add(t);
      } else if (op instanceof DropTimers d) {
        drops.add(d);
        timers.removeIf(t -> t.runId() == d.runId() && t.kind().equals(d.kind()));
      }
    }
    ops.clear();
    mark = 0;
    deleteTimers(drops, ended);
    insertLogs(logs);
    insertTimers(timers);
    updateRuns(columns, goals, ended);
  }

  private static void set(
      Map<Long, Map<String, Object>> columns, long runId, String column, Object value) {
    columns.computeIfAbsent(runId, k -> new LinkedHashMap<>()).put(column, value);
  }

  private void deleteTimers(List<DropTimers> drops, Set<Long> ended) throws SQLException {
    if (!drops.isEmpty()) {
      List<Object> params = new ArrayList<>();
      StringBuilder where = new StringBuilder();
      for (DropTimers d : drops) {
        where.append(where.length() == 0 ? "" : " OR ").append("(run_id = ? AND kind = ?)");
        params.add(d.runId());
        params.add(d.kind());
      }
      Sql.update(connection, "DELETE FROM journeys_timer WHERE " + where, params.toArray());
    }
    if (!ended.isEmpty()) {
      Sql.update(
          connection,
          "DELETE FROM journeys_timer WHERE run_id IN (" + Sql.marks(ended.size()) + ")",
          ended.toArray());
    }
  }

  private void insertLogs(List<Log> logs) throws SQLException {
    for (List<Log> chunk : chunks(logs)) {
      List<Object> params = new ArrayList<>();
      for (Log l : chunk) {
        params.add(l.runId());
        params.add(l.node());
        params.add(l.outcome());
        params.add(l.detail());
        params.add(l.at());
      }
      Sql.update(
          connection,
          "INSERT INTO journeys_step (run_id, node, outcome, detail, at) VALUES "
              + String.join(",", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?)")),
          params.toArray());
    }
  }

  private void insertTimers(List<NewTimer> timers) throws SQLException {
    for (List<NewTimer> chunk : chunks(timers)) {
      List<Object> params = new ArrayList<>();
      for (NewTimer t : chunk) {
        params.add(t.ws());
        params.add(t.journeyId());
        params.add(t.runId());
        params.add(t.node());
        params.add(t.kind());
        params.add(t.due());
        params.add(t.journeyId());
      }
      // A timer of a journey paused meanwhile is written held, as RunStore.timer does.
      Sql.update(
          connection,
          "INSERT INTO journeys_timer (workspace_id, journey_id, run_id, node, kind, due_at, held)"
              + " VALUES "
              + String.join(
                  ",",
                  Collections.nCopies(
                      chunk.size(),
                      "(?, ?, ?, ?, ?, ?, (SELECT CASE WHEN state = 'paused' THEN 1 ELSE 0 END"
                          + " FROM journeys_journey WHERE id = ?))")),
          params.toArray());
    }
  }

  /**
   * One {@code UPDATE} for every changed run: {@code column = CASE id WHEN ? THEN ? … ELSE column
   * END} per changed column. MySQL assigns left to right, so the goal window (set only where none
   * is) reads {@code goal_from} before it changes.
   */
  private void updateRuns(
      Map<Long, Map<String, Object>> columns, Map<Long, Goal> goals, Set<Long> ended)
      throws SQLException {
    Set<Long> runs = new LinkedHashSet<>(columns.keySet());
    runs.addAll(goals.keySet());
    if (runs.isEmpty()) {
      return;
    }
    List<String> sets = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (!goals.isEmpty()) {
      StringBuilder until =
          new StringBuilder("goal_until = CASE WHEN goal_from IS NULL THEN CASE id");
      StringBuilder from =
          new StringBuilder("goal_from = CASE WHEN goal_from IS NULL THEN CASE id");
      List<Object> fromParams = new ArrayList<>();
      for (Goal g : goals.values()) {
        until.append(" WHEN ? THEN ?");
        params.add(g.runId());
        params.add(g.until());
        from.append(" WHEN ? THEN ?");
        fromParams.add(g.runId());
        fromParams.add(g.from());
      }
      sets.add(until.append(" ELSE goal_until END ELSE goal_until END").toString());
      sets.add(from.append(" ELSE goal_from END ELSE goal_from END").toString());
      params.addAll(fromParams);
    }
    Set<String> names = new LinkedHashSet<>();
    columns.values().forEach(m -> names.addAll(m.keySet()));
    for (String name : names) {
      StringBuilder set = new StringBuilder(name).append(" = CASE id");
      columns.forEach(
          (run, values) -> {
            if (values.containsKey(name)) {
              set.append(" WHEN ? THEN ?");
              params.add(run);
              params.add(values.get(name));
            }
          });
      sets.add(set.append(" ELSE ").append(name).append(" END").toString());
    }
    if (!ended.isEmpty()) {
      // The "once at a time" entry key is released; "once" keys stay (RunStore.end).
      sets.add(
          "entry_key = CASE WHEN id IN ("
              + Sql.marks(ended.size())
              + ") AND entry_key NOT LIKE 'once:%' THEN NULL ELSE entry_key END");
      params.addAll(ended);
    }
    params.addAll(runs);
    Sql.update(
        connection,
        "UPDATE journeys_run SET "
            + String.join(", ", sets)
            + " WHERE id IN ("
            + Sql.marks(runs.size())
            + ")",
        params.toArray());
  }

  private static <T> List<List<T>> chunks(List<T> rows) {
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += CHUNK) {
      chunks.add(rows.subList(i, Math.min(rows.size(), i + CHUNK)));
    }
    return chunks;
  }
}
