package io.herald.journeys.internal;

import io.herald.shared.persistence.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Deletes the per-person rows ({@code journeys_broadcast_person}) of broadcasts that finished (sent
 * or cancelled) before a cutoff, keeping their counts: first each broadcast's counts are frozen
 * into its own row ({@code kept_*}, with {@code people_pruned_at}) in one short transaction that
 * locks it, then its people rows go in autocommit {@code DELETE … LIMIT chunk} statements. A crash
 * between the two is finished by the next run (a frozen broadcast that still has rows). The runs
 * the broadcast started stay.
 */
final class BroadcastRetention {

  /** Broadcasts frozen per query. */
  private static final int PAGE = 100;

  private final DataSource dataSource;
  private final Clock clock;
  private final int chunk;

  BroadcastRetention(DataSource dataSource, Clock clock, int chunk) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.chunk = chunk;
  }

  /** Prunes the broadcasts finished before {@code cutoff}; returns how many people rows went. */
  int prune(Instant cutoff) {
    while (true) {
      List<Long> finished =
          Transactions.autoCommit(
              dataSource,
              "broadcast retention",
              c ->
                  Sql.list(
                      c,
                      "SELECT id FROM journeys_broadcast WHERE finished_at < ?"
                          + " AND state IN ('sent', 'cancelled') AND people_pruned_at IS NULL"
                          + " ORDER BY finished_at, id LIMIT ?",
                      rs -> rs.getLong(1),
                      cutoff,
                      PAGE));
      finished.forEach(this::freeze);
      if (finished.size() < PAGE) {
        break;
      }
    }
    List<Long> frozen =
        Transactions.autoCommit(
            dataSource,
            "broadcast retention",
            c ->
                Sql.list(
                    c,
                    "SELECT b.id FROM journeys_broadcast b WHERE b.people_pruned_at IS NOT NULL"
                        + " AND EXISTS (SELECT 1 FROM journeys_broadcast_person p"
                        + " WHERE p.broadcast_id = b.id)",
                    rs -> rs.getLong(1)));
    int deleted = 0;
    for (long id : frozen) {
      while (true) {
        int n =
            Transactions.autoCommit(
                dataSource,
                "broadcast retention",
                c ->
                    Sql.update(
                        c,
                        "DELETE FROM journeys_broadcast_person WHERE broadcast_id = ? LIMIT ?",
                        id,
                        chunk));
        deleted += n;
        if (n < chunk) {
          break;
        }
      }
    }
    return deleted;
  }

  private void freeze(long id) {
    Transactions.inTransaction(
        dataSource,
        "broadcast retention",
        c -> {
          if (Sql.list(
                  c,
                  "SELECT id FROM journeys_broadcast WHERE id = ? AND people_pruned_at IS NULL"
                      + " FOR UPDATE",
                  rs -> rs.getLong(1),
                  id)
              .isEmpty()) {
            return null;
          }
          BroadcastStore.Counts n = BroadcastStore.count(c, id);
          Sql.update(
              c,
              "UPDATE journeys_broadcast SET people_pruned_at = ?, kept_queued = ?,"
                  + " kept_entered = ?, kept_skipped = ?, kept_failed = ?, kept_sent = ?,"
                  + " kept_send_failed = ? WHERE id = ?",
              clock.instant(),
              n.queued(),
              n.entered(),
              n.skipped(),
              n.failed(),
              n.sent(),
              n.sendFailed(),
              id);
          return null;
        });
  }

  /** The counts kept when the broadcast's people rows were deleted; empty before. */
  static Optional<BroadcastStore.Counts> kept(Connection c, long broadcastId) throws SQLException {
    return Sql.list(
            c,
            "SELECT kept_queued, kept_entered, kept_skipped, kept_failed, kept_sent,"
                + " kept_send_failed FROM journeys_broadcast WHERE id = ?"
                + " AND people_pruned_at IS NOT NULL",
            rs ->
                new BroadcastStore.Counts(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getLong(6)),
            broadcastId)
        .stream()
        .findFirst();
  }
}
