package io.herald.events.internal;

import io.herald.events.api.ChangeFeed;
import io.herald.events.api.FeedBatch;
import io.herald.events.api.RecordedEvent;
import io.herald.shared.feed.FeedWindow;
import io.herald.shared.persistence.DataSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The change feed over {@code events_event}, with positions in {@code events_feed_cursor}. */
@ApplicationScoped
public class JdbcChangeFeed implements ChangeFeed {

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  /** Seconds after which a hole in the ids is certainly permanent (see {@link FeedWindow}). */
  @Inject
  @ConfigProperty(name = "herald.events.feed-settle-seconds", defaultValue = "30")
  int settleSeconds;

  @Override
  public FeedBatch read(String consumer, int max) {
    try (Connection c = dataSource.getConnection()) {
      long position = position(c, consumer);
      List<RecordedEvent> events = new ArrayList<>();
      List<FeedWindow.Row> rows = new ArrayList<>();
      try (PreparedStatement q =
          c.prepareStatement(
              EventReader.SELECT
                  + ", inserted_at < NOW(3) - INTERVAL ? SECOND AS settled"
                  + " FROM events_event WHERE id > ? ORDER BY id LIMIT ?")) {
        q.setInt(1, settleSeconds);
        q.setLong(2, position);
        q.setInt(3, max);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            events.add(EventReader.map(rs));
            rows.add(new FeedWindow.Row(rs.getLong("id"), rs.getBoolean("settled")));
          }
        }
      }
      int safe = FeedWindow.safePrefix(position, rows);
      List<RecordedEvent> taken = events.subList(0, safe);
      return new FeedBatch(safe == 0 ? position : taken.get(safe - 1).id(), taken);
    } catch (SQLException e) {
      throw new IllegalStateException("change feed unreadable: " + e.getMessage(), e);
    }
  }

  @Override
  public void acknowledge(String consumer, FeedBatch batch) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement upsert =
            c.prepareStatement(
                "INSERT INTO events_feed_cursor (consumer, position, updated_at)"
                    + " VALUES (?, ?, NOW(3)) ON DUPLICATE KEY UPDATE"
                    + " position = GREATEST(position, VALUES(position)), updated_at = NOW(3)")) {
      upsert.setString(1, consumer);
      upsert.setLong(2, batch.position());
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("change feed position not saved: " + e.getMessage(), e);
    }
  }

  @Override
  public long position(String consumer) {
    try (Connection c = dataSource.getConnection()) {
      return position(c, consumer);
    } catch (SQLException e) {
      throw new IllegalStateException("change feed unreadable: " + e.getMessage(), e);
    }
  }

  private static long position(Connection c, String consumer) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement("SELECT position FROM events_feed_cursor WHERE consumer = ?")) {
      q.setString(1, consumer);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    }
  }
}
