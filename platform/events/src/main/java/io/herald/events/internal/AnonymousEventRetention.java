package io.herald.events.internal;

import io.herald.shared.persistence.DateTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Deletes anonymous events nobody was identified with in time (Customer.io keeps them 30 days):
 * events with an {@code anonymous_id} and no person, received before a cutoff. Events that joined a
 * person are kept.
 *
 * <p>It walks {@code events_event} once, in id order, from a position kept in {@code
 * events_feed_cursor} under {@link #CURSOR}, and stops at the first event received after the
 * cutoff, so each run reads only what became old since the last one. Every chunk is deleted in its
 * own short autocommit statement bounded by the primary key, so ingestion never waits long behind
 * it.
 */
final class AnonymousEventRetention {

  /** The position row in {@code events_feed_cursor}. */
  static final String CURSOR = "events.anonymous-retention";

  private final DataSource dataSource;
  private final int chunk;

  /**
   * @param dataSource a datasource whose connections autocommit (the non-transactional one)
   * @param chunk how many event ids one delete covers
   */
  AnonymousEventRetention(DataSource dataSource, int chunk) {
    this.dataSource = dataSource;
    this.chunk = chunk;
  }

  /** Deletes unidentified anonymous events received before {@code cutoff}; returns how many. */
  int purge(Instant cutoff) throws SQLException {
    String before = DateTimes.text(cutoff);
    int deleted = 0;
    try (Connection c = dataSource.getConnection()) {
      long position = position(c);
      while (true) {
        List<Long> expired = new ArrayList<>();
        boolean reachedRecent = false;
        try (PreparedStatement q =
            c.prepareStatement(
                "SELECT id, received_at < ? AS expired FROM events_event"
                    + " WHERE id > ? ORDER BY id LIMIT ?")) {
          q.setString(1, before);
          q.setLong(2, position);
          q.setInt(3, chunk);
          try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
              if (!rs.getBoolean("expired")) {
                reachedRecent = true;
                break;
              }
              expired.add(rs.getLong("id"));
            }
          }
        }
        if (expired.isEmpty()) {
          return deleted;
        }
        long upTo = expired.get(expired.size() - 1);
        try (PreparedStatement d =
            c.prepareStatement(
                "DELETE FROM events_event WHERE id > ? AND id <= ? AND person_cio_id IS NULL"
                    + " AND anonymous_id IS NOT NULL AND received_at < ?")) {
          d.setLong(1, position);
          d.setLong(2, upTo);
          d.setString(3, before);
          deleted += d.executeUpdate();
        }
        position = upTo;
        save(c, position);
        if (reachedRecent || expired.size() < chunk) {
          return deleted;
        }
      }
    }
  }

  private static long position(Connection c) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement("SELECT position FROM events_feed_cursor WHERE consumer = ?")) {
      q.setString(1, CURSOR);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private static void save(Connection c, long position) throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO events_feed_cursor (consumer, position, updated_at)"
                + " VALUES (?, ?, NOW(3)) ON DUPLICATE KEY UPDATE"
                + " position = GREATEST(position, VALUES(position)), updated_at = NOW(3)")) {
      upsert.setString(1, CURSOR);
      upsert.setLong(2, position);
      upsert.executeUpdate();
    }
  }
}
