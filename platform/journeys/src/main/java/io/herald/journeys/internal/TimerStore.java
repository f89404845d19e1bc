package io.herald.journeys.internal;

import io.herald.journeys.api.JourneyState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SQL of timers ({@code journeys_timer}: a run's next action at a node, when it is due): writing,
 * claiming, and the statements over a claimed batch (one for the whole batch each).
 */
final class TimerStore {

  /** A timer: the run's next action at a node. */
  record Timer(long id, long journeyId, long runId, String node, String kind) {}

  static final String STEP = "step";
  static final String RESUME = "resume";
  static final String TIMEOUT = "timeout";
  static final String CHECK = "check";

  private TimerStore() {}

  static void timer(
      Connection c, long ws, long journeyId, long runId, String node, String kind, Instant due)
      throws SQLException {
    Sql.update(
        c,
        "INSERT INTO journeys_timer (workspace_id, journey_id, run_id, node, kind, due_at, held)"
            + " VALUES (?, ?, ?, ?, ?, ?, (SELECT CASE WHEN state = 'paused' THEN 1 ELSE 0 END"
            + " FROM journeys_journey WHERE id = ?))",
        ws,
        journeyId,
        runId,
        node,
        kind,
        due,
        journeyId);
  }

  static void deleteTimers(Connection c, long runId, String kind) throws SQLException {
    Sql.update(c, "DELETE FROM journeys_timer WHERE run_id = ? AND kind = ?", runId, kind);
  }

  /**
   * Whether some timer may be due, read without locks (in auto-commit mode: an idle poll commits
   * nothing).
   */
  static boolean anyDue(Connection autoCommit, Instant now) throws SQLException {
    return !Sql.list(
            autoCommit,
            "SELECT 1 FROM journeys_timer WHERE held = 0 AND due_at <= ?"
                + " AND (lease_until IS NULL OR lease_until <= ?) LIMIT 1",
            rs -> rs.getInt(1),
            now,
            now)
        .isEmpty();
  }

  /**
   * Claims up to {@code max} due timers for {@code claim} until {@code leaseUntil}: rows other
   * pollers hold are skipped, not waited for.
   */
  static List<Timer> claim(Connection c, String claim, Instant now, Instant leaseUntil, int max)
      throws SQLException {
    List<Timer> due = lockDue(c, now, max);
    lease(c, due.stream().map(Timer::id).toList(), claim, leaseUntil);
    return due;
  }

  /**
   * Locks up to {@code max} due timers for the caller's transaction, without a lease: rows other
   * pollers hold are skipped, not waited for, and stay locked until the caller's commit.
   */
  static List<Timer> lockDue(Connection c, Instant now, int max) throws SQLException {
    return Sql.list(
        c,
        "SELECT id, journey_id, run_id, node, kind FROM journeys_timer"
            + " WHERE held = 0 AND due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)"
            + " ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED",
        rs ->
            new Timer(
                rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)),
        now,
        now,
        max);
  }

  /** Leases locked timers whose steps failed, so they run again once the lease ends. */
  static void lease(Connection c, Collection<Long> ids, String claim, Instant leaseUntil)
      throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    List<Object> params = new java.util.ArrayList<>();
    params.add(claim);
    params.add(leaseUntil);
    params.addAll(ids);
    Sql.update(
        c,
        "UPDATE journeys_timer SET claim = ?, lease_until = ?, attempts = attempts + 1"
            + " WHERE id IN ("
            + Sql.marks(ids.size())
            + ")",
        params.toArray());
  }

  /**
   * Holds ({@code held}) or releases the journey's timers with ids after {@code after}, at most
   * {@code max} of them (an id range, so the statement locks only those rows); returns the last id
   * covered, or -1 when no timer after that range was left (the last chunk).
   */
  static long holdJourney(Connection c, long journeyId, boolean held, long after, int max)
      throws SQLException {
    List<Long> last =
        Sql.list(
            c,
            "SELECT id FROM journeys_timer WHERE journey_id = ? AND id > ?"
                + " ORDER BY id LIMIT 1 OFFSET ?",
            rs -> rs.getLong(1),
            journeyId,
            after,
            max - 1);
    String set = "UPDATE journeys_timer SET held = ?, claim = NULL, lease_until = NULL";
    if (last.isEmpty()) {
      Sql.update(c, set + " WHERE journey_id = ? AND id > ?", held, journeyId, after);
      return -1;
    }
    Sql.update(
        c,
        set + " WHERE journey_id = ? AND id > ? AND id <= ?",
        held,
        journeyId,
        after,
        last.get(0));
    return last.get(0);
  }

  /**
   * The journey's state, read under a shared lock that a state change (which locks the row for
   * update) waits for; empty when the journey no longer exists.
   */
  static Optional<JourneyState> lockState(Connection c, long journeyId) throws SQLException {
    return Sql.list(
            c,
            "SELECT state FROM journeys_journey WHERE id = ? LOCK IN SHARE MODE",
            rs -> JourneyState.of(rs.getString(1)),
            journeyId)
        .stream()
        .findFirst();
  }

  /**
   * Locks the batch's timers that {@code claim} still holds and returns their ids; a timer whose
   * lease ended and which another poller claimed meanwhile is left to that poller. It waits for
   * locks rather than skipping them: other pollers' claim scans lock the rows they look at for a
   * moment, and a timer skipped for that would stay leased, unrun, until its lease ended.
   */
  static Set<Long> lockClaimed(Connection c, Collection<Long> ids, String claim)
      throws SQLException {
    List<Object> params = new java.util.ArrayList<>(ids);
    params.add(claim);
    return new HashSet<>(
        Sql.list(
            c,
            "SELECT id FROM journeys_timer WHERE id IN ("
                + Sql.marks(ids.size())
                + ") AND claim = ? FOR UPDATE",
            rs -> rs.getLong(1),
            params.toArray()));
  }

  /** The journeys' states (a journey that no longer exists is missing). */
  static Map<Long, JourneyState> states(Connection c, Collection<Long> journeyIds)
      throws SQLException {
    Map<Long, JourneyState> states = new HashMap<>();
    for (Object[] row :
        Sql.list(
            c,
            "SELECT id, state FROM journeys_journey WHERE id IN ("
                + Sql.marks(journeyIds.size())
                + ")",
            rs -> new Object[] {rs.getLong(1), rs.getString(2)},
            journeyIds.toArray())) {
      states.put((Long) row[0], JourneyState.of((String) row[1]));
    }
    return states;
  }

  /** The runs, locked in id order (as every other locking read of runs goes). */
  static Map<Long, StoredRun> lockRuns(Connection c, Collection<Long> runIds) throws SQLException {
    Map<Long, StoredRun> runs = new HashMap<>();
    if (runIds.isEmpty()) {
      return runs;
    }
    for (StoredRun r : RunStore.runs(c, runIds)) {
      runs.put(r.id(), r);
    }
    return runs;
  }

  /** Takes timers the caller's transaction has locked off the table. */
  static void take(Connection c, Collection<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    Sql.update(
        c, "DELETE FROM journeys_timer WHERE id IN (" + Sql.marks(ids.size()) + ")", ids.toArray());
  }

  /** Puts claimed timers on hold (their journey was paused after the claim). */
  static void hold(Connection c, Collection<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    Sql.update(
        c,
        "UPDATE journeys_timer SET held = 1, claim = NULL, lease_until = NULL WHERE id IN ("
            + Sql.marks(ids.size())
            + ")",
        ids.toArray());
  }
}
