package io.herald.journeys.internal;

import io.herald.shared.persistence.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Prunes the objects module's change journal ({@code objects_change}): rows that every consumer has
 * passed (their positions in {@code journeys_feed_cursor}) and that were inserted before a cutoff.
 * A consumer without a position holds everything back, so nothing unread is ever lost.
 *
 * <p>The rows to delete lie below the lowest consumer position and the newest id inserted before
 * the cutoff (found through {@code inserted_at}'s index); ids grow with {@code inserted_at}, so
 * they are the bottom of the primary key. They go in autocommit {@code DELETE … ORDER BY id LIMIT
 * chunk} statements, so the journal's writers never wait long behind one.
 */
final class ObjectChangeRetention {

  /** Every reader of {@code objects_change}: the journal is kept until all have passed a row. */
  static final List<String> CONSUMERS = List.of(ObjectTriggers.CONSUMER);

  private final DataSource dataSource;
  private final int chunk;

  /**
   * @param dataSource a datasource whose connections autocommit (the non-transactional one)
   * @param chunk how many rows one delete removes at most
   */
  ObjectChangeRetention(DataSource dataSource, int chunk) {
    this.dataSource = dataSource;
    this.chunk = chunk;
  }

  /** Deletes the rows every consumer has passed that were inserted before {@code cutoff}. */
  int prune(Instant cutoff) {
    long upTo =
        Transactions.autoCommit(dataSource, "objects change retention", c -> limit(c, cutoff));
    int deleted = 0;
    while (upTo > 0) {
      int n =
          Transactions.autoCommit(
              dataSource,
              "objects change retention",
              c ->
                  Sql.update(
                      c,
                      "DELETE FROM objects_change WHERE id <= ? AND inserted_at < ?"
                          + " ORDER BY id LIMIT ?",
                      upTo,
                      cutoff,
                      chunk));
      deleted += n;
      if (n < chunk) {
        return deleted;
      }
    }
    return deleted;
  }

  /** The highest id that may go: 0 when a consumer has no position or nothing is old enough. */
  private static long limit(Connection c, Instant cutoff) throws SQLException {
    List<Long> positions =
        Sql.list(
            c,
            "SELECT position FROM journeys_feed_cursor WHERE consumer IN ("
                + Sql.marks(CONSUMERS.size())
                + ")",
            rs -> rs.getLong(1),
            CONSUMERS.toArray());
    if (positions.size() < CONSUMERS.size()) {
      return 0;
    }
    long passed = positions.stream().mapToLong(Long::longValue).min().orElse(0);
    long old =
        Sql.count(
            c, "SELECT COALESCE(MAX(id), 0) FROM objects_change WHERE inserted_at < ?", cutoff);
    return Math.min(passed, old);
  }
}
