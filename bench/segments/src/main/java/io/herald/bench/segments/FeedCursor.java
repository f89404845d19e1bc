package io.herald.bench.segments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The segments engine's position in the events change feed ({@code events_feed_cursor}, the
 * consumer whose name contains {@code segment}): how the benchmark knows the engine has handled
 * every stored event.
 */
final class FeedCursor {

  private static final Duration NO_CONSUMER_GRACE = Duration.ofSeconds(30);

  private final Database database;

  FeedCursor(Database database) {
    this.database = database;
  }

  /** The consumer's name and position, when the segments engine has acknowledged anything. */
  Optional<Position> position() throws SQLException {
    try (Connection c = database.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT consumer, position FROM events_feed_cursor WHERE consumer LIKE"
                    + " '%segment%' ORDER BY position LIMIT 1");
        ResultSet rs = s.executeQuery()) {
      return rs.next()
          ? Optional.of(new Position(rs.getString(1), rs.getLong(2)))
          : Optional.empty();
    }
  }

  /** A consumer's position. */
  record Position(String consumer, long position) {}

  /**
   * Waits until the segments engine's position reaches the newest event stored now. Returns false
   * when no segments consumer appears within 30 s (the engine follows no events feed) or the
   * timeout passes.
   */
  boolean awaitCaughtUp(Duration timeout) throws SQLException, InterruptedException {
    long target = database.number("SELECT COALESCE(MAX(id), 0) FROM events_event");
    long start = System.nanoTime();
    while (true) {
      Optional<Position> p = position();
      long waited = System.nanoTime() - start;
      if (p.isPresent() && p.get().position() >= target) {
        return true;
      }
      if (p.isEmpty() && waited > NO_CONSUMER_GRACE.toNanos() || waited > timeout.toNanos()) {
        return false;
      }
      Thread.sleep(100);
    }
  }
}
