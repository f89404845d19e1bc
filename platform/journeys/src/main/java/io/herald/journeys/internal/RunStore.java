package io.herald.journeys.internal;

import io.herald.journeys.api.RunView;
import io.herald.shared.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL of runs and their step log (timers: {@link TimerStore}). */
final class RunStore {

  private static final String RUN_COLUMNS =
      "id, workspace_id, journey_id, version, cio_id, state, node, trigger_data, waiting_event,"
          + " waiting_cond, waiting_since, goal_from, goal_until, converted_at, exit_reason,"
          + " entered_at, ended_at";

  private RunStore() {}

  /**
   * Inserts an active run; 0 when the entry key is taken (the entry rule refuses the entry).
   *
   * @param entryKey null for "every time"
   */
  static long insertRun(
      Connection c,
      long ws,
      long journeyId,
      int version,
      String cioId,
      String node,
      String entryKey,
      JsonObject data,
      Instant goalFrom,
      Instant goalUntil,
      Instant now)
      throws SQLException {
    return Sql.insert(
        c,
        "INSERT IGNORE INTO journeys_run (workspace_id, journey_id, version, cio_id, state, node,"
            + " entry_key, trigger_data, goal_from, goal_until, entered_at)"
            + " VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?)",
        ws,
        journeyId,
        version,
        cioId,
        node,
        entryKey,
        data.toString(),
        goalFrom,
        goalUntil,
        now);
  }

  /** How many runs of the journey the person entered since {@code since}. */
  static long entriesSince(Connection c, long journeyId, String cioId, Instant since)
      throws SQLException {
    return Sql.count(
        c,
        "SELECT COUNT(*) FROM journeys_run WHERE journey_id = ? AND cio_id = ? AND entered_at > ?",
        journeyId,
        cioId,
        since);
  }

  static Optional<StoredRun> run(Connection c, long runId, boolean lock) throws SQLException {
    return Sql.list(
            c,
            "SELECT "
                + RUN_COLUMNS
                + " FROM journeys_run WHERE id = ?"
                + (lock ? " FOR UPDATE" : ""),
            RunStore::run,
            runId)
        .stream()
        .findFirst();
  }

  /** The runs with these ids, locked, in id order. */
  static List<StoredRun> runs(Connection c, java.util.Collection<Long> ids) throws SQLException {
    return Sql.list(
        c,
        "SELECT "
            + RUN_COLUMNS
            + " FROM journeys_run WHERE id IN ("
            + Sql.marks(ids.size())
            + ") ORDER BY id FOR UPDATE",
        RunStore::run,
        ids.toArray());
  }

  /** The person's active runs (locked), oldest first. */
  /** The person's active runs waiting for a condition, locked. */
  static List<StoredRun> waitingForCondition(Connection c, long ws, String cioId)
      throws SQLException {
    return Sql.list(
        c,
        "SELECT "
            + RUN_COLUMNS
            + " FROM journeys_run WHERE workspace_id = ? AND cio_id = ? AND state = 'active'"
            + " AND waiting_cond = 1 ORDER BY id FOR UPDATE",
        RunStore::run,
        ws,
        cioId);
  }

  static List<StoredRun> activeOf(Connection c, long ws, String cioId) throws SQLException {
    return Sql.list(
        c,
        "SELECT "
            + RUN_COLUMNS
            + " FROM journeys_run WHERE workspace_id = ? AND cio_id = ? AND state = 'active'"
            + " ORDER BY id FOR UPDATE",
        RunStore::run,
        ws,
        cioId);
  }

  /** The person's runs that may still convert at {@code at} (locked). */
  static List<StoredRun> convertible(Connection c, long ws, String cioId, Instant at)
      throws SQLException {
    return Sql.list(
        c,
        "SELECT "
            + RUN_COLUMNS
            + " FROM journeys_run WHERE workspace_id = ? AND cio_id = ? AND converted_at IS NULL"
            + " AND goal_until >= ? AND goal_from <= ? ORDER BY id FOR UPDATE",
        RunStore::run,
        ws,
        cioId,
        at,
        at);
  }

  static List<StoredRun> ofJourney(
      Connection c, long journeyId, String state, long before, int limit) throws SQLException {
    String where = "journey_id = ?";
    if (state != null) {
      where +=
          " AND state = '"
              + (state.equals("active") || state.equals("completed") ? state : "exited")
              + "'";
    }
    if (before > 0) {
      where += " AND id < " + before;
    }
    return Sql.list(
        c,
        "SELECT " + RUN_COLUMNS + " FROM journeys_run WHERE " + where + " ORDER BY id DESC LIMIT ?",
        RunStore::run,
        journeyId,
        limit);
  }

  static List<StoredRun> ofPerson(Connection c, long ws, String cioId, int limit)
      throws SQLException {
    return Sql.list(
        c,
        "SELECT "
            + RUN_COLUMNS
            + " FROM journeys_run WHERE workspace_id = ? AND cio_id = ? ORDER BY id DESC LIMIT ?",
        RunStore::run,
        ws,
        cioId,
        limit);
  }

  /** A journey's active run ids, from {@code after}, at most {@code limit}. */
  static List<Long> activeIds(Connection c, long journeyId, long after, int limit)
      throws SQLException {
    return Sql.list(
        c,
        "SELECT id FROM journeys_run WHERE journey_id = ? AND state = 'active' AND id > ?"
            + " ORDER BY id LIMIT ?",
        rs -> rs.getLong(1),
        journeyId,
        after,
        limit);
  }

  static void moveTo(Connection c, long runId, String node) throws SQLException {
    Sql.update(c, "UPDATE journeys_run SET node = ? WHERE id = ?", node, runId);
  }

  static void waitFor(Connection c, long runId, String event, boolean condition, Instant since)
      throws SQLException {
    Sql.update(
        c,
        "UPDATE journeys_run SET waiting_event = ?, waiting_cond = ?, waiting_since = ?"
            + " WHERE id = ?",
        event,
        condition,
        since,
        runId);
  }

  static void stopWaiting(Connection c, long runId) throws SQLException {
    Sql.update(
        c,
        "UPDATE journeys_run SET waiting_event = NULL, waiting_cond = 0, waiting_since = NULL"
            + " WHERE id = ?",
        runId);
  }

  static void goalWindow(Connection c, long runId, Instant from, Instant until)
      throws SQLException {
    Sql.update(
        c,
        "UPDATE journeys_run SET goal_from = ?, goal_until = ? WHERE id = ? AND goal_from IS NULL",
        from,
        until,
        runId);
  }

  static void converted(Connection c, long runId, Instant at) throws SQLException {
    Sql.update(c, "UPDATE journeys_run SET converted_at = ? WHERE id = ?", at, runId);
  }

  /**
   * Ends a run: completed, or exited with a reason. The "once at a time" entry key is released
   * ("once" keys, which start with {@code once:}, stay).
   */
  static void end(Connection c, long runId, String state, String reason, Instant now)
      throws SQLException {
    Sql.update(
        c,
        "UPDATE journeys_run SET state = ?, exit_reason = ?, ended_at = ?, waiting_event = NULL,"
            + " waiting_cond = 0, entry_key = CASE WHEN entry_key LIKE 'once:%' THEN entry_key"
            + " ELSE NULL END WHERE id = ?",
        state,
        reason,
        now,
        runId);
    Sql.update(c, "DELETE FROM journeys_timer WHERE run_id = ?", runId);
  }

  static void step(Connection c, long runId, String node, String outcome, String detail, Instant at)
      throws SQLException {
    Sql.update(
        c,
        "INSERT INTO journeys_step (run_id, node, outcome, detail, at) VALUES (?, ?, ?, ?, ?)",
        runId,
        node,
        outcome,
        detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000),
        at);
  }

  static List<RunView.Step> steps(Connection c, long runId) throws SQLException {
    return Sql.list(
        c,
        "SELECT node, outcome, detail, at FROM journeys_step WHERE run_id = ? ORDER BY id",
        rs ->
            new RunView.Step(rs.getString(1), rs.getString(2), rs.getString(3), Sql.instant(rs, 4)),
        runId);
  }

  /** The delivery ids of a run's send step at {@code node}. */
  static List<String> sent(Connection c, long runId, String node) throws SQLException {
    return Sql.list(
        c,
        "SELECT detail FROM journeys_step WHERE run_id = ? AND node = ? AND outcome = 'sent'",
        rs -> rs.getString(1),
        runId,
        node);
  }

  /** The step log entries of a journey's runs with this outcome (deliveries: {@code sent}). */
  static List<String> details(Connection c, long journeyId, String outcome, int limit)
      throws SQLException {
    return Sql.list(
        c,
        "SELECT s.detail FROM journeys_step s JOIN journeys_run r ON r.id = s.run_id"
            + " WHERE r.journey_id = ? AND s.outcome = ? ORDER BY s.id DESC LIMIT ?",
        rs -> rs.getString(1),
        journeyId,
        outcome,
        limit);
  }

  private static StoredRun run(ResultSet rs) throws SQLException {
    return new StoredRun(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getInt(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        json(rs.getString(8)),
        rs.getString(9),
        rs.getBoolean(10),
        Sql.instant(rs, 11),
        Sql.instant(rs, 12),
        Sql.instant(rs, 13),
        Sql.instant(rs, 14),
        rs.getString(15),
        Sql.instant(rs, 16),
        Sql.instant(rs, 17));
  }

  static JsonObject json(String text) {
    if (text == null || text.isEmpty()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (JsonReader reader = Jsons.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
