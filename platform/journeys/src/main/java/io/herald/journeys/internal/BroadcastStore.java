package io.herald.journeys.internal;

import io.herald.journeys.api.ApiTriggerView;
import io.herald.journeys.api.BroadcastRequest;
import io.herald.journeys.api.BroadcastView;
import io.herald.shared.json.Jsons;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of journeys_broadcast, its queue journeys_broadcast_person, and API trigger records. */
final class BroadcastStore {

  static final String QUEUED = "queued";
  static final String ENTERED = "entered";
  static final String SKIPPED = "skipped";
  static final String FAILED = "failed";

  private static final String COLUMNS =
      "id, workspace_id, journey_id, segment_id, data, send_at, local_time, per_minute, state,"
          + " next_at, audience_after, audience_done, created_at, started_at, finished_at";

  private BroadcastStore() {}

  static long insert(
      Connection c, long ws, long journeyId, BroadcastRequest r, Instant nextAt, Instant now)
      throws SQLException {
    return Sql.insert(
        c,
        "INSERT INTO journeys_broadcast (workspace_id, journey_id, segment_id, data, send_at,"
            + " local_time, per_minute, state, next_at, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, 'scheduled', ?, ?)",
        ws,
        journeyId,
        r.segmentId(),
        r.data().toString(),
        r.sendAt(),
        r.localTime() == null ? null : r.localTime().toString(),
        r.perMinute(),
        nextAt,
        now);
  }

  static Optional<StoredBroadcast> find(
      Connection c, long ws, long journeyId, long id, boolean lock) throws SQLException {
    return Sql.list(
            c,
            "SELECT "
                + COLUMNS
                + " FROM journeys_broadcast WHERE workspace_id = ? AND journey_id = ? AND id = ?"
                + (lock ? " FOR UPDATE" : ""),
            BroadcastStore::row,
            ws,
            journeyId,
            id)
        .stream()
        .findFirst();
  }

  static List<StoredBroadcast> ofJourney(Connection c, long ws, long journeyId)
      throws SQLException {
    return Sql.list(
        c,
        "SELECT "
            + COLUMNS
            + " FROM journeys_broadcast WHERE workspace_id = ? AND journey_id = ? ORDER BY id DESC",
        BroadcastStore::row,
        ws,
        journeyId);
  }

  /**
   * Claims one due open broadcast for this transaction ({@code FOR UPDATE SKIP LOCKED}: a broadcast
   * another node works on is passed over).
   */
  /**
   * Whether some broadcast may have work due, read without locks (in auto-commit mode: an idle poll
   * commits nothing).
   */
  static boolean anyDue(Connection autoCommit, Instant now) throws SQLException {
    return !Sql.list(
            autoCommit,
            "SELECT 1 FROM journeys_broadcast WHERE state IN ('scheduled', 'sending')"
                + " AND next_at <= ? LIMIT 1",
            rs -> rs.getInt(1),
            now)
        .isEmpty();
  }

  static Optional<StoredBroadcast> claimDue(Connection c, Instant now) throws SQLException {
    return Sql.list(
            c,
            "SELECT "
                + COLUMNS
                + " FROM journeys_broadcast WHERE state IN ('scheduled', 'sending')"
                + " AND next_at <= ? ORDER BY next_at, id LIMIT 1 FOR UPDATE SKIP LOCKED",
            BroadcastStore::row,
            now)
        .stream()
        .findFirst();
  }

  static void queued(Connection c, long id, long after, boolean done, Instant now)
      throws SQLException {
    Sql.update(
        c,
        "UPDATE journeys_broadcast SET state = 'sending', audience_after = ?, audience_done = ?,"
            + " started_at = COALESCE(started_at, ?) WHERE id = ?",
        after,
        done,
        now,
        id);
  }

  static void next(Connection c, long id, Instant nextAt) throws SQLException {
    Sql.update(c, "UPDATE journeys_broadcast SET next_at = ? WHERE id = ?", nextAt, id);
  }

  /** Moves an open broadcast to sent or cancelled; false when it was no longer open. */
  static boolean finish(Connection c, long id, String state, Instant now) throws SQLException {
    return Sql.update(
            c,
            "UPDATE journeys_broadcast SET state = ?, finished_at = ?"
                + " WHERE id = ? AND state IN ('scheduled', 'sending')",
            state,
            now,
            id)
        == 1;
  }

  /** Queues a person (again: nothing, the first due time stays). */
  static void enqueue(Connection c, long broadcastId, String cioId, Instant dueAt)
      throws SQLException {
    Sql.update(
        c,
        "INSERT IGNORE INTO journeys_broadcast_person (broadcast_id, cio_id, due_at, state)"
            + " VALUES (?, ?, ?, 'queued')",
        broadcastId,
        cioId,
        dueAt);
  }

  /** Queued people due by {@code now}, earliest first, locked for this transaction. */
  static List<String> due(Connection c, long broadcastId, Instant now, int limit)
      throws SQLException {
    return Sql.list(
        c,
        "SELECT cio_id FROM journeys_broadcast_person WHERE broadcast_id = ? AND state = 'queued'"
            + " AND due_at <= ? ORDER BY due_at, cio_id LIMIT ? FOR UPDATE SKIP LOCKED",
        rs -> rs.getString(1),
        broadcastId,
        now,
        limit);
  }

  static void handled(
      Connection c, long broadcastId, String cioId, String state, long runId, Instant now)
      throws SQLException {
    Sql.update(
        c,
        "UPDATE journeys_broadcast_person SET state = ?, run_id = ?, handled_at = ?"
            + " WHERE broadcast_id = ? AND cio_id = ?",
        state,
        runId == 0 ? null : runId,
        now,
        broadcastId,
        cioId);
  }

  /**
   * Counts a failed entry of a queued (and locked) person: due again {@code attempts} minutes
   * later, or {@code failed} with the reason once {@code maxAttempts} were made.
   */
  static void entryFailed(
      Connection c, long broadcastId, String cioId, String reason, int maxAttempts, Instant now)
      throws SQLException {
    long attempts =
        Sql.count(
                c,
                "SELECT attempts FROM journeys_broadcast_person WHERE broadcast_id = ? AND cio_id = ?",
                broadcastId,
                cioId)
            + 1;
    String why = reason.length() > 255 ? reason.substring(0, 255) : reason;
    boolean failed = attempts >= maxAttempts;
    Sql.update(
        c,
        "UPDATE journeys_broadcast_person SET attempts = ?, reason = ?, state = ?, due_at = ?,"
            + " handled_at = ? WHERE broadcast_id = ? AND cio_id = ?",
        attempts,
        why,
        failed ? FAILED : QUEUED,
        failed ? now : now.plus(java.time.Duration.ofMinutes(attempts)),
        failed ? now : null,
        broadcastId,
        cioId);
  }

  /** The earliest due time of a queued person, null when nobody is queued. */
  static Instant nextDue(Connection c, long broadcastId) throws SQLException {
    return Sql.list(
            c,
            "SELECT MIN(due_at) FROM journeys_broadcast_person"
                + " WHERE broadcast_id = ? AND state = 'queued'",
            rs -> Sql.instant(rs, 1),
            broadcastId)
        .get(0);
  }

  /** People entered after {@code since}, and the earliest such entry (null when none). */
  record Window(long entered, Instant earliest) {}

  static Window enteredSince(Connection c, long broadcastId, Instant since) throws SQLException {
    return Sql.list(
            c,
            "SELECT COUNT(*), MIN(handled_at) FROM journeys_broadcast_person"
                + " WHERE broadcast_id = ? AND handled_at > ? AND state = 'entered'",
            rs -> new Window(rs.getLong(1), Sql.instant(rs, 2)),
            broadcastId,
            since)
        .get(0);
  }

  /**
   * A broadcast's people by outcome and its runs' sends: {@code failed} are people whose entry kept
   * failing, {@code sendFailed} failed send steps.
   */
  record Counts(long queued, long entered, long skipped, long failed, long sent, long sendFailed) {}

  /** The broadcast with its counts (the kept ones once its people rows were deleted). */
  static BroadcastView view(Connection c, StoredBroadcast b) throws SQLException {
    Counts n = BroadcastRetention.kept(c, b.id()).orElse(null);
    if (n == null) {
      n = count(c, b.id());
    }
    return new BroadcastView(
        b.id(),
        b.journeyId(),
        b.segmentId(),
        b.state(),
        b.sendAt(),
        b.localTime(),
        b.perMinute(),
        n.queued() + n.entered() + n.skipped() + n.failed(),
        b.audienceDone(),
        n.queued(),
        n.entered(),
        n.skipped(),
        n.sent(),
        n.sendFailed() + n.failed(),
        b.createdAt(),
        b.startedAt(),
        b.finishedAt());
  }

  /** Counts a broadcast's people rows and their runs' send steps. */
  static Counts count(Connection c, long broadcastId) throws SQLException {
    Map<String, Long> people = new HashMap<>();
    for (Object[] row :
        Sql.list(
            c,
            "SELECT state, COUNT(*) FROM journeys_broadcast_person WHERE broadcast_id = ?"
                + " GROUP BY state",
            rs -> new Object[] {rs.getString(1), rs.getLong(2)},
            broadcastId)) {
      people.put((String) row[0], (Long) row[1]);
    }
    Map<String, Long> steps = new HashMap<>();
    for (Object[] row :
        Sql.list(
            c,
            "SELECT s.outcome, COUNT(*) FROM journeys_broadcast_person p"
                + " JOIN journeys_step s ON s.run_id = p.run_id"
                + " WHERE p.broadcast_id = ? AND p.run_id IS NOT NULL"
                + " AND s.outcome IN ('sent', 'failed') GROUP BY s.outcome",
            rs -> new Object[] {rs.getString(1), rs.getLong(2)},
            broadcastId)) {
      steps.put((String) row[0], (Long) row[1]);
    }
    return new Counts(
        people.getOrDefault(QUEUED, 0L),
        people.getOrDefault(ENTERED, 0L),
        people.getOrDefault(SKIPPED, 0L),
        people.getOrDefault(FAILED, 0L),
        steps.getOrDefault("sent", 0L),
        steps.getOrDefault("failed", 0L));
  }

  static Optional<ApiTriggerView> apiTrigger(Connection c, long ws, long journeyId, long id)
      throws SQLException {
    return Sql.list(
            c,
            "SELECT id, journey_id, people, entered, created_at, errors FROM journeys_api_trigger"
                + " WHERE workspace_id = ? AND journey_id = ? AND id = ?",
            rs ->
                new ApiTriggerView(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    Sql.instant(rs, 5),
                    rs.getLong(6)),
            ws,
            journeyId,
            id)
        .stream()
        .findFirst();
  }

  private static StoredBroadcast row(ResultSet rs) throws SQLException {
    String local = rs.getString(7);
    int perMinute = rs.getInt(8);
    boolean noLimit = rs.wasNull();
    return new StoredBroadcast(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getLong(4),
        Jsons.createReader(new StringReader(rs.getString(5))).readObject(),
        Sql.instant(rs, 6),
        local == null ? null : LocalDateTime.parse(local),
        noLimit ? null : perMinute,
        rs.getString(9),
        Sql.instant(rs, 10),
        rs.getLong(11),
        rs.getBoolean(12),
        Sql.instant(rs, 13),
        Sql.instant(rs, 14),
        Sql.instant(rs, 15));
  }
}
